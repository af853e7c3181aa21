using CoCommissioning.Domain.Decisions;
using CoCommissioning.Domain.Meetings;
using CoCommissioning.Domain.Quorum;

namespace CoCommissioning.Domain.Minutes;

/// <summary>
/// A plain snapshot of a meeting's record, names already resolved, from which the minutes are generated. Nothing in
/// it is typed for the minutes: every fact is read from the record (attendance stretches, rulings, decisions), so the
/// minutes cannot say anything the record does not.
/// </summary>
public sealed record MinutesSource(
    Guid MeetingId,
    Guid CommitteeId,
    string OrganisationName,
    string CommitteeName,
    string MeetingTitle,
    DateTimeOffset StartsAt,
    IReadOnlyList<MinutesMember> Members,
    IReadOnlyList<Guid> Apologies,
    IReadOnlyList<MinutesStretch> Attendance,
    IReadOnlyList<MinutesGuest> InAttendance,
    IReadOnlyList<MinutesDeclarationSource> Declarations,
    IReadOnlyList<MinutesRulingSource> Rulings,
    IReadOnlyList<MinutesQuorumSource> QuorumConfirmations,
    MinutesExclusionSource? Exclusion,
    IReadOnlyList<MinutesItemSource> Items,
    IReadOnlyList<MinutesDecisionSource> Decisions,
    IReadOnlyList<MinutesActionSource> Actions,
    IReadOnlyList<MinutesFlagDismissalSource>? FlagDismissals = null);

/// <summary>A likely conflict from the register that the person presiding dismissed for an item, with the reason.</summary>
public sealed record MinutesFlagDismissalSource(Guid ItemId, string Name, string Reason, string DismissedBy, DateTimeOffset DismissedAt);

/// <summary>A member of the committee in the order the minutes list them, with their capacity ("Chair; Lay member").</summary>
public sealed record MinutesMember(Guid MembershipId, string Name, string Capacity);

/// <summary>One stretch of time a seat was filled: by the member, or by their deputy (named) in their place.</summary>
public sealed record MinutesStretch(Guid MembershipId, string? DeputyName, DateTimeOffset ArrivedAt, DateTimeOffset? LeftAt);

/// <summary>Someone in attendance who is not a member.</summary>
public sealed record MinutesGuest(string Name, string Capacity);

/// <summary>A declaration at the meeting: at the start (no item) or at an item. <see cref="Name"/> is whoever held the seat then.</summary>
public sealed record MinutesDeclarationSource(Guid MembershipId, string Name, Guid? ItemId, string Interest, string? RaisedBy, DateTimeOffset DeclaredAt);

/// <summary>The presiding person's ruling on a member's conflict for an item, with who ruled.</summary>
public sealed record MinutesRulingSource(Guid ItemId, Guid MembershipId, string Name, string Interest, ConflictRuling Ruling, string? RuledBy, DateTimeOffset RecordedAt);

public sealed record MinutesQuorumSource(Guid ItemId, string ConfirmedBy, string Explanation, DateTimeOffset ConfirmedAt);

/// <summary>The resolution excluding the public: the full wording (private part only) and when it was passed.</summary>
public sealed record MinutesExclusionSource(string Wording, DateTimeOffset PassedAt);

/// <summary>An agenda item with what became of it when it was not a decision (noted, deferred, referred, or an inquorate item's choice).
/// Items come in agenda order (<see cref="Meetings.AgendaNumbering.Order{T}"/>); <see cref="Number"/> is the agenda's
/// ("2", "2.1"); <see cref="WithdrawnReason"/> is set for an item withdrawn after the agenda was published.</summary>
public sealed record MinutesItemSource(
    Guid Id,
    string Number,
    string Title,
    ItemPurpose Purpose,
    string? Presenter,
    bool IsPrivate,
    ItemOutcomeKind? Outcome,
    string? OutcomeNote,
    InquorateAction? InquorateAction = null,
    string? InquorateDetail = null,
    string? WithdrawnReason = null);

/// <summary>A decision with its tally (the explanation in words) or consensus, and who presided.</summary>
public sealed record MinutesDecisionSource(
    Guid ItemId,
    DecisionKind Kind,
    string Resolution,
    VoteOutcome Outcome,
    int For,
    int Against,
    int Abstain,
    int Eligible,
    string Explanation,
    string? PresidedBy,
    string QuorumExplanation,
    DateTimeOffset DecidedAt);

/// <summary>An action arising; <see cref="ItemId"/> null when it was not raised at an item.</summary>
public sealed record MinutesActionSource(Guid? ItemId, string Description, string Owner, DateOnly? Due);
