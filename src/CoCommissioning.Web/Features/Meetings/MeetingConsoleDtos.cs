using CoCommissioning.Domain.Decisions;
using CoCommissioning.Domain.Quorum;
using CoCommissioning.Web.Features.Quorum;

namespace CoCommissioning.Web.Features.Meetings;

/// <summary>Where a seat's holder is now, for pages to act on (the words are in <see cref="ConsoleSeatDto.PresenceText"/>).</summary>
public enum SeatPresence
{
    NotArrived,
    Apologies,
    Present,
    DeputyPresent,
    Left,
    LeftTheRoomForItem,
}

/// <summary>
/// A seat as the console shows it: who holds it, whether they (or their deputy) are in the room now.
/// <see cref="HolderName"/> is whoever holds the seat at the moment (the deputy, named as such, when one stood in).
/// </summary>
public sealed record ConsoleSeatDto(
    Guid MembershipId,
    string Name,
    string Roles,
    bool IsVoting,
    string Office,
    string? DeputyName,
    bool SentApologies,
    SeatPresence Presence,
    string PresenceText,
    string HolderName,
    DateTimeOffset? ArrivedAt,
    DateTimeOffset? LeftAt)
{
    public bool IsThere => Presence is SeatPresence.Present or SeatPresence.DeputyPresent;
}

/// <summary>Someone who left the room under a ruling for an item the meeting has moved on from: the console offers their return.</summary>
public sealed record ReturnDueDto(Guid MembershipId, string Name, Guid LeftForItemId, string LeftForItemNumber, bool Deputy);

/// <summary>A declaration that touches the current item, with the ruling on it for the item (null while awaiting one) and who is to rule.</summary>
public sealed record ConsoleDeclarationDto(
    MeetingDeclarationDto Declaration,
    ConflictRuling? Ruling,
    string? RulingInWords,
    string? RuledBy,
    Guid? WhoRulesMembershipId,
    string WhoRules);

/// <summary>The current item as judged now: quorum with its explanation, who may vote, who presides, and what has been recorded.</summary>
public sealed record CurrentItemDto(
    AgendaItemDto Item,
    VerdictDto Verdict,
    IReadOnlyList<VoterEligibility> Eligibility,
    Guid? PresidingMembershipId,
    string Presiding,
    IReadOnlyList<string> InquorateOptions,
    IReadOnlyList<ConsoleDeclarationDto> Declarations,
    QuorumConfirmationDto? QuorumConfirmed,
    DecisionDto? Decision,
    IReadOnlyList<PreFlagDto> LikelyConflicts);

/// <summary>
/// Everything an open view of a meeting shows (<see cref="ItemResults"/>: what became of each concluded item, in words), read in one call: the record, each seat's presence, the current item
/// judged now, and what the signed-in user may do (keep the record, preside, declare).
/// </summary>
public sealed record MeetingConsoleDto(
    MeetingDto Meeting,
    string CommitteeName,
    DateTimeOffset At,
    IReadOnlyList<ConsoleSeatDto> Seats,
    CurrentItemDto? Current,
    IReadOnlyDictionary<Guid, string> ItemResults,
    Guid? MyMembershipId,
    bool IKeepTheRecord,
    bool IPreside,
    IReadOnlyList<ReturnDueDto> ReturnsDue);
