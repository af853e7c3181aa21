using CoCommissioning.Domain.Common;
using CoCommissioning.Domain.Decisions;
using CoCommissioning.Domain.Interests;
using CoCommissioning.Domain.Meetings;
using CoCommissioning.Domain.Quorum;
using CoCommissioning.Web.Features.Quorum;

namespace CoCommissioning.Web.Features.Meetings;

public sealed record ScheduleMeetingRequest(string? Title, DateTimeOffset? StartsAt);

/// <summary>
/// An agenda item; <see cref="AffectedBodyIds"/> names the organisation's bodies it affects (for pre-flags);
/// <see cref="ParentItemId"/> makes it a sub-item (2.1 under 2); <see cref="Reason"/> is required once the agenda is
/// published (a late item, published with the reason).
/// </summary>
public sealed record AddItemRequest(string? Title, ItemPurpose Purpose, bool IsPrivate, Guid Version, IReadOnlyList<Guid>? AffectedBodyIds = null, string? Presenter = null, Guid? ParentItemId = null, string? Reason = null);

/// <summary>Edits an item; <see cref="Version"/> is the meeting's; <see cref="Reason"/> is required once the agenda is published.</summary>
public sealed record EditItemRequest(string? Title, ItemPurpose Purpose, string? Presenter, bool IsPrivate, Guid Version, string? Reason = null);

/// <summary>Moves an item to <see cref="ToIndex"/> (0-based) among its siblings: its part's items, or its parent's sub-items.</summary>
public sealed record MoveItemRequest(int ToIndex, Guid Version, string? Reason = null);

/// <summary>Removes an item (before publication), or withdraws it with <see cref="Reason"/> (after).</summary>
public sealed record RemoveItemRequest(Guid Version, string? Reason = null);

/// <summary>Replaces the bodies an item affects; the meeting's version guards against a stale change.</summary>
public sealed record AffectedBodiesRequest(IReadOnlyList<Guid>? BodyIds, Guid Version);

/// <summary>
/// A member's apologies. <see cref="DeputyPersonId"/> (their named deputy) attends in their place, or
/// <see cref="NoDeputy"/> is true; one of the two is required when the member has a named deputy.
/// </summary>
public sealed record ApologiesRequest(Guid MembershipId, Guid Version, Guid? DeputyPersonId = null, bool NoDeputy = false)
{
    /// <summary>The failure of the deputy choice against the member's named deputy, or null when it holds.</summary>
    public static Failure? DeputyChoice(Guid? namedDeputy, ApologiesRequest request) => request switch
    {
        { DeputyPersonId: not null, NoDeputy: true } => Failure.Validation("deputyPersonId", "Choose the deputy or no deputy, not both."),
        { DeputyPersonId: { } deputy } when deputy != namedDeputy => Failure.Validation("deputyPersonId",
            namedDeputy is null ? "This member has no named deputy: choose no deputy." : "Only the member's named deputy may attend in their place: choose them or no deputy."),
        { DeputyPersonId: null, NoDeputy: false } when namedDeputy is not null => Failure.Validation("deputyPersonId", "Say whether the member's deputy attends: choose the deputy or no deputy."),
        _ => null,
    };
}

/// <summary>An arrival (with <see cref="Deputy"/> true when the named deputy comes in the member's place) or departure; time defaults to now.</summary>
public sealed record AttendanceRequest(Guid MembershipId, bool Deputy, DateTimeOffset? At, Guid Version);

/// <summary>A ruling on a member's conflict at an item; <see cref="Version"/> is the item's (<see cref="AgendaItemDto.Version"/>).</summary>
public sealed record RulingRequest(Guid MembershipId, string? Interest, ConflictRuling Ruling, Guid? RuledByMembershipId, Guid Version);

/// <summary>Turns a likely conflict from the register into a declaration at its item; <see cref="Version"/> is the item's.</summary>
public sealed record DeclareFlagRequest(Guid MembershipId, Guid DeclarationId, string? RaisedBy, Guid? Version);

/// <summary>
/// Dismisses a likely conflict as not relevant to the item, with the reason; attributed to the person presiding (the
/// secretary may record it on their behalf, naming them in <see cref="RuledByMembershipId"/>). <see cref="Version"/> is the item's.
/// </summary>
public sealed record DismissFlagRequest(Guid MembershipId, Guid DeclarationId, string? Reason, Guid? RuledByMembershipId, Guid Version);

public sealed record AgendaItemDto(
    Guid Id,
    string Number,
    string Title,
    ItemPurpose Purpose,
    bool IsPrivate,
    IReadOnlyList<Guid> AffectedBodyIds,
    string? Presenter,
    ItemOutcomeKind? Outcome,
    string? OutcomeNote,
    DateTimeOffset? OutcomeAt,
    ItemStatus Status,
    ItemClosure? ClosedAs,
    DateTimeOffset? ClosedAt,
    Guid Version,
    Guid? ParentItemId = null,
    StandingItem Standing = StandingItem.None,
    string? LateReason = null,
    DateTimeOffset? LateAt = null,
    string? WithdrawnReason = null,
    DateTimeOffset? WithdrawnAt = null,
    string? Record = null)
{
    public bool IsWithdrawn => WithdrawnAt is not null;
}

/// <summary>A declaration at the meeting: <see cref="ItemId"/> null when taken at the start; <see cref="RaisedBy"/> null when the member declared.</summary>
public sealed record MeetingDeclarationDto(Guid Id, Guid? ItemId, Guid MembershipId, string Name, string Interest, string? RaisedBy, DateTimeOffset DeclaredAt, Guid? RegisterDeclarationId = null);

/// <summary>A likely conflict from the register dismissed at the meeting, with the reason and the person presiding who dismissed it.</summary>
public sealed record FlagDismissalDto(Guid Id, Guid ItemId, Guid MembershipId, string Name, Guid DeclarationId, string Reason, Guid DismissedByMembershipId, string DismissedBy, DateTimeOffset DismissedAt);

public sealed record QuorumConfirmationDto(Guid Id, Guid ItemId, Guid ConfirmedByMembershipId, string ConfirmedBy, string Explanation, DateTimeOffset ConfirmedAt);

public sealed record PersonInAttendanceDto(Guid Id, string Name, string Capacity);

public sealed record ExclusionResolutionDto(string Reason, string Wording, DateTimeOffset PassedAt);

/// <summary>
/// A paper as it stands (its current version): <see cref="EarlierVersions"/> lists the versions it replaced, newest
/// first; <see cref="RemovedReason"/> is set for a paper removed after publication; <see cref="LateReason"/> for one
/// changed after publication.
/// </summary>
public sealed record PaperDto(Guid Id, Guid ItemId, string Title, string FileName, string ContentType, long SizeBytes, bool IsPublic, DateTimeOffset UploadedAt,
    int VersionNumber = 1, string? LateReason = null, string? RemovedReason = null, IReadOnlyList<PaperVersionDto>? EarlierVersions = null);

/// <summary>An earlier version of a paper, kept and downloadable by its number.</summary>
public sealed record PaperVersionDto(Guid Id, int VersionNumber, string Title, string FileName, long SizeBytes, DateTimeOffset UploadedAt, DateTimeOffset? SupersededAt);

/// <summary>
/// A stretch of presence: <see cref="Name"/> is whoever was there (the deputy's name when the deputy stood in, with
/// <see cref="DeputyFor"/> the member); <see cref="LeftForItemId"/> is set when they left the room under a ruling.
/// </summary>
public sealed record AttendanceDto(Guid Id, Guid MembershipId, string Name, DateTimeOffset ArrivedAt, DateTimeOffset? LeftAt, string? DeputyFor = null, Guid? LeftForItemId = null);

public sealed record RulingDto(Guid Id, Guid ItemId, Guid MembershipId, string Name, string Interest, ConflictRuling Ruling, Guid? RuledByMembershipId, DateTimeOffset RecordedAt);

public sealed record MeetingDto(
    Guid Id,
    Guid CommitteeId,
    string Title,
    DateTimeOffset StartsAt,
    Guid Version,
    IReadOnlyList<AgendaItemDto> Items,
    IReadOnlyList<Guid> Apologies,
    IReadOnlyList<AttendanceDto> Attendance,
    IReadOnlyList<RulingDto> Rulings,
    IReadOnlyList<MeetingDeclarationDto> Declarations,
    IReadOnlyList<QuorumConfirmationDto> QuorumConfirmations,
    IReadOnlyList<PersonInAttendanceDto> InAttendance,
    IReadOnlyList<PaperDto> Papers,
    DateTimeOffset? AgendaPublishedAt,
    string? ShortNoticeReason,
    ExclusionResolutionDto? Exclusion,
    Guid? CurrentItemId,
    IReadOnlyList<FlagDismissalDto> FlagDismissals,
    MeetingArrangementsDto Arrangements)
{
    /// <summary>Memberships whose apologies said no deputy attends (the others in <see cref="Apologies"/> send their named deputy, if any).</summary>
    public IReadOnlyList<Guid> ApologiesWithoutDeputy { get; init; } = [];
}

/// <summary>A declaration at the meeting. A member declares for themselves (no <see cref="MembershipId"/> needed); the secretary records one for any member, with <see cref="RaisedBy"/> when someone else raised it.</summary>
/// <see cref="Version"/> (needed from the secretary only) is the item's for a declaration at an item, the meeting's for one at the start.
public sealed record DeclareRequest(Guid? MembershipId, Guid? ItemId, string? Interest, string? RaisedBy, Guid Version);

public sealed record CurrentItemRequest(Guid ItemId, Guid Version);

/// <summary><see cref="Version"/> is the item's.</summary>
public sealed record ConfirmQuorumRequest(Guid Version);

public sealed record ExcludePublicRequest(string? Reason, Guid Version);

public sealed record PublishAgendaRequest(string? ShortNoticeReason, Guid Version);

public sealed record PersonInAttendanceRequest(string? Name, string? Capacity, Guid Version);

/// <summary><see cref="Version"/> is the item's.</summary>
public sealed record ItemOutcomeRequest(ItemOutcomeKind Outcome, string? Note, Guid Version);

public sealed record VoteDto(Guid MembershipId, VoteChoice Choice);

/// <summary>
/// A decision as the meeting record holds it, shown on its item in the console.
/// It stays with the meeting (the decisions feature records it, through the meeting) so that Meetings need not depend on Decisions.
/// </summary>
public sealed record DecisionDto(
    Guid Id,
    Guid MeetingId,
    Guid ItemId,
    DecisionKind Kind,
    string Resolution,
    VoteOutcome Outcome,
    int For,
    int Against,
    int Abstain,
    int Eligible,
    VoteChoice? CastingVote,
    string Explanation,
    string QuorumExplanation,
    string PresidingExplanation,
    DateTimeOffset DecidedAt,
    IReadOnlyList<VoteDto> Votes);

/// <summary>A member's answer to their own pre-flag on an item.</summary>
public sealed record PreFlagRespondRequest(Guid ItemId, Guid DeclarationId, PreFlagAnswer? Response, string? Note);

public sealed record PreFlagResponseDto(PreFlagAnswer Response, string? Note, DateTimeOffset RespondedAt);

/// <summary>
/// A likely conflict before the meeting: <see cref="PersonName"/> (the member, or with <see cref="AsDeputy"/> the
/// member's named deputy) has an interest in the register concerning a body the item affects.
/// <see cref="NotYetReviewed"/> marks an interest the governance lead has not accepted yet; <see cref="Withheld"/>
/// one kept off the public register, whose nature must not go into a public pack.
/// </summary>
public sealed record PreFlagDto(
    Guid ItemId,
    string ItemNumber,
    string ItemTitle,
    Guid MembershipId,
    Guid PersonId,
    string PersonName,
    bool AsDeputy,
    Guid DeclarationId,
    InterestCategory Category,
    string Nature,
    Guid BodyId,
    string BodyName,
    ReviewStatus ReviewStatus,
    bool NotYetReviewed,
    bool Withheld,
    PreFlagResponseDto? Response,
    PreFlagStatus AtMeeting = PreFlagStatus.Open,
    FlagDismissalDto? Dismissal = null);

/// <summary>What became of a likely conflict at the meeting: not yet dealt with, declared (for a ruling), or dismissed with a reason.</summary>
public enum PreFlagStatus
{
    Open,
    Declared,
    Dismissed,
}
