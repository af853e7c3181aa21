using CoCommissioning.Domain.Committees;
using CoCommissioning.Domain.Decisions;
using CoCommissioning.Domain.Meetings;
using CoCommissioning.Domain.Minutes;

namespace CoCommissioning.Web.Features.PublicMeetings;

/// <summary>The organisation a public page or feed belongs to.</summary>
public sealed record PublicMeetingsOrganisation(string Slug, string Name);

public sealed record PublicCommitteeSummaryDto(Guid Id, string Name, CommitteeType Type, CoCommissioningLevel Level, string? Purpose);

public sealed record PublicCommitteesDto(PublicMeetingsOrganisation Organisation, IReadOnlyList<PublicCommitteeSummaryDto> Committees);

/// <summary>The terms of reference in force today, in plain words.</summary>
public sealed record PublicTermsOfReferenceDto(
    DateOnly EffectiveFrom,
    CoCommissioningLevel Level,
    int MinimumMeetingsPerYear,
    bool MeetingsPublicByDefault,
    string QuorumInWords,
    string VotingInWords,
    bool CoOptionAllowed);

public sealed record PublicCommitteeDto(
    PublicMeetingsOrganisation Organisation,
    PublicCommitteeSummaryDto Committee,
    PublicTermsOfReferenceDto? TermsOfReference,
    IReadOnlyList<PublicMeetingSummaryDto> Meetings,
    IReadOnlyList<PublicMemberDto>? Members = null);

/// <summary>
/// A current member of a committee as the public sees it: name, roles, office and whether they vote. The same facts
/// the register of interests already publishes as a person's position, and the minutes as their capacity.
/// </summary>
public sealed record PublicMemberDto(string Name, string Roles, CommitteeOffice Office, bool IsVoting)
{
    public string OfficeText => Office switch
    {
        CommitteeOffice.Chair => "Chair",
        CommitteeOffice.ViceChair => "Vice chair",
        _ => "Member",
    };
}

/// <summary>A public agenda item found by the public search (ADR-0024): the item on a published agenda, with its meeting.</summary>
public sealed record PublicItemHitDto(Guid MeetingId, string MeetingTitle, string CommitteeName, DateTimeOffset StartsAt, string Number, string Title);

/// <summary>
/// A meeting in the calendar: when, which committee, whether its agenda is out, where it is held, whether it was
/// cancelled (and why), and how many times its calendar entry changed (<see cref="Sequence"/>).
/// </summary>
public sealed record PublicMeetingSummaryDto(
    Guid Id,
    Guid CommitteeId,
    string CommitteeName,
    string Title,
    DateTimeOffset StartsAt,
    bool AgendaPublished,
    DateTimeOffset? CancelledAt = null,
    string? CancellationReason = null,
    string? VenueName = null,
    string? VenueAddress = null,
    string? JoiningLink = null,
    int Sequence = 0)
{
    public bool IsCancelled => CancelledAt is not null;

    /// <summary>The place in one line (the calendar's LOCATION), or null when not yet set.</summary>
    public string? Location => new MeetingPlace(VenueName, VenueAddress, JoiningLink, null).InOneLine();
}

public sealed record PublicMeetingsDto(PublicMeetingsOrganisation Organisation, IReadOnlyList<PublicMeetingSummaryDto> Meetings);

/// <summary>A public paper; <see cref="Url"/> is its download address (no sign-in).</summary>
/// <summary>A public paper (its current version: <see cref="VersionNumber"/> above 1 when replaced; <see cref="LateReason"/> when changed after publication).</summary>
public sealed record PublicPaperDto(Guid Id, string Title, string FileName, string ContentType, long SizeBytes, string Url, int VersionNumber = 1, string? LateReason = null);

/// <summary>
/// A public agenda item with the agenda's number ("2", "2.1"). <see cref="LateReason"/>: added or changed after
/// publication (the supplementary agenda), with the reason; <see cref="WithdrawnReason"/>: withdrawn, keeping its number.
/// </summary>
public sealed record PublicAgendaItemDto(Guid Id, string Number, string Title, ItemPurpose Purpose, string? Presenter, IReadOnlyList<PublicPaperDto> Papers, bool IsSubItem = false, string? LateReason = null, string? WithdrawnReason = null);

/// <summary>
/// A meeting's public part. <see cref="Items"/> is empty until the agenda is published, and never holds a private
/// item; <see cref="PrivatePartNotice"/> says that part of the meeting is held in private, without saying what.
/// <see cref="MinutesUrl"/> is the approved public minutes once there are any (null until then).
/// <see cref="ShortNoticeReason"/>: why the agenda was published with less than the notice period, shown with the
/// published agenda (null when notice was given, and always null before publication).
/// <see cref="NoticePeriod"/>: the organisation's agenda notice period in force on the meeting date, in words
/// ("three clear days"; local rules, ADR-0025).
/// </summary>
public sealed record PublicMeetingDto(
    PublicMeetingsOrganisation Organisation,
    Guid Id,
    Guid CommitteeId,
    string CommitteeName,
    string Title,
    DateTimeOffset StartsAt,
    DateTimeOffset? AgendaPublishedAt,
    IReadOnlyList<PublicAgendaItemDto> Items,
    string? PrivatePartNotice,
    string? MinutesUrl,
    IReadOnlyList<PublicDecisionDto> Decisions,
    PublicArrangementsDto? Arrangements = null,
    string? ShortNoticeReason = null,
    string NoticePeriod = "three clear days");

/// <summary>Where the meeting is held and whether it was cancelled (with the reason) or re-scheduled: all public.</summary>
public sealed record PublicArrangementsDto(
    string? VenueName,
    string? VenueAddress,
    string? JoiningLink,
    string? JoiningInstructions,
    DateTimeOffset? CancelledAt,
    string? CancellationReason,
    DateTimeOffset? RescheduledAt);

/// <summary>
/// A decision on a public item: the resolution, the result and tally, and the conflicts declared on the item as a
/// summary of how they were managed (no names, no interests).
/// </summary>
public sealed record PublicDecisionDto(
    Guid Id,
    Guid MeetingId,
    string MeetingTitle,
    DateTimeOffset MeetingStartsAt,
    Guid CommitteeId,
    string CommitteeName,
    string ItemNumber,
    string ItemTitle,
    string Resolution,
    DateTimeOffset DecidedAt,
    DecisionKind Kind,
    VoteOutcome Outcome,
    string OutcomeText,
    int For,
    int Against,
    int Abstain,
    int Eligible,
    string Tally,
    string ConflictsSummary);

public sealed record PublicDecisionsDto(PublicMeetingsOrganisation Organisation, IReadOnlyList<PublicDecisionDto> Decisions);

/// <summary>A public paper's file, for the download endpoint.</summary>
public sealed record PublicPaperFile(string FileName, string ContentType, byte[] Bytes);

/// <summary>
/// The approved public minutes of a meeting: the public part of the latest approved version exactly as stored at
/// approval, with <see cref="NarrativeHtml"/> each item's narrative rendered from Markdown and sanitised.
/// </summary>
public sealed record PublicMinutesDto(
    PublicMeetingsOrganisation Organisation,
    Guid MeetingId,
    int Version,
    DateTimeOffset? ApprovedAt,
    MinutesDocument Document,
    IReadOnlyDictionary<Guid, string> NarrativeHtml,
    string MeetingUrl,
    string PdfUrl);
