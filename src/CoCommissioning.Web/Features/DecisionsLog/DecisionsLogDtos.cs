using CoCommissioning.Domain.Decisions;
using CoCommissioning.Domain.Quorum;

namespace CoCommissioning.Web.Features.DecisionsLog;

/// <summary>
/// The decisions log's filters. <see cref="From"/> and <see cref="To"/> are meeting dates (inclusive);
/// <see cref="Q"/> searches the resolution, the item title and the meeting title.
/// </summary>
public sealed record DecisionsLogQuery(Guid? CommitteeId = null, DateOnly? From = null, DateOnly? To = null, Guid? BodyId = null, string? Q = null, int Page = 1);

public sealed record DecisionsLogPageDto(IReadOnlyList<DecisionLogEntryDto> Entries, int Page, int PageSize, int Total);

public sealed record LoggedBodyDto(Guid Id, string Name);

/// <summary>One vote as cast; <see cref="Name"/> says "deputy for …" when a named deputy voted in the member's place.</summary>
public sealed record LoggedVoteDto(Guid MembershipId, string Name, VoteChoice Choice);

/// <summary>
/// A conflict declared on the item and how it was managed: <see cref="RulingNumber"/> is the rule book's
/// numbering (1 to 4) and <see cref="RulingText"/> its words.
/// </summary>
public sealed record LoggedConflictDto(Guid MembershipId, string Name, string Interest, ConflictRuling Ruling, int RulingNumber, string RulingText, string? RuledBy, DateTimeOffset RecordedAt);

/// <summary>
/// A likely conflict the register flagged for someone present, and what became of it at the meeting:
/// <see cref="Outcome"/> "Declared" (then ruled on: see the conflicts) or "Dismissed" with the reason and who dismissed it.
/// </summary>
public sealed record LoggedFlagDto(Guid MembershipId, string Name, string Outcome, string? Reason, string? DismissedBy, DateTimeOffset At);

/// <summary>The procurement register entry linked to the decision, with the register (governance leads) and the public register.</summary>
public sealed record LinkedProcurementDto(Guid Id, string Title, string RegisterUrl, string PublicRegisterUrl);

/// <summary>A decision with its evidence: quorum at that moment, who presided, the conflicts and rulings, the tally and each vote.</summary>
public sealed record DecisionLogEntryDto(
    Guid DecisionId,
    Guid CommitteeId,
    string CommitteeName,
    Guid MeetingId,
    string MeetingTitle,
    DateTimeOffset MeetingStartsAt,
    Guid ItemId,
    string ItemNumber,
    string ItemTitle,
    bool IsPrivate,
    IReadOnlyList<LoggedBodyDto> AffectedBodies,
    string Resolution,
    DecisionKind Kind,
    VoteOutcome Outcome,
    string OutcomeText,
    int For,
    int Against,
    int Abstain,
    int Eligible,
    VoteChoice? CastingVote,
    string TallyExplanation,
    IReadOnlyList<LoggedVoteDto> Votes,
    string QuorumExplanation,
    string? PresidingName,
    string PresidingExplanation,
    DateTimeOffset DecidedAt,
    IReadOnlyList<LoggedConflictDto> Conflicts,
    LinkedProcurementDto? Procurement,
    IReadOnlyList<LoggedFlagDto> LikelyConflicts,
    string ConflictsSummary);

public sealed record LogOptionDto(Guid Id, string Name);

/// <summary>What the page's filters offer: the organisation's committees and bodies.</summary>
public sealed record DecisionsLogOptionsDto(IReadOnlyList<LogOptionDto> Committees, IReadOnlyList<LogOptionDto> Bodies);
