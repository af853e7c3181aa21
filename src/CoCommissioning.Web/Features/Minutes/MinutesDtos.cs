using CoCommissioning.Domain.Minutes;

namespace CoCommissioning.Web.Features.Minutes;

/// <summary>A meeting's minutes: every version kept, newest last, and the version token a change must send.</summary>
public sealed record MinutesDto(Guid Id, Guid MeetingId, Guid Version, IReadOnlyList<MinutesVersionDto> Versions);

/// <summary>
/// One version: a draft (narratives editable while it is the latest) or approved (fixed, with the meeting and item it
/// was approved at and the SHA-256 hash of its content). A correction names the version it corrects and why.
/// </summary>
public sealed record MinutesVersionDto(
    int Number,
    MinutesStatus Status,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    string? CorrectionReason,
    int? CorrectsVersion,
    DateTimeOffset? ApprovedAt,
    string? ApprovedBy,
    Guid? ApprovedAtMeetingId,
    Guid? ApprovedAtItemId,
    string? ContentHash,
    IReadOnlyDictionary<Guid, string> Narratives);

/// <summary>
/// One part of one version, laid out as a document. A draft is generated from the meeting record now; an approved
/// version is the stored document. <see cref="Hash"/> is the SHA-256 of both parts' canonical JSON as served now:
/// for an approved version it equals <see cref="StoredHash"/> when the stored text is unchanged
/// (<see cref="HashVerified"/>), and <see cref="MatchesRecord"/> says whether the record still gives the same
/// document (false after a fact was corrected through the record: make a correction; null for a draft, and for minutes
/// approved in an earlier wording of the generator, which cannot be compared).
/// <see cref="NarrativeHtml"/> is each item's narrative rendered from Markdown and sanitised.
/// </summary>
public sealed record MinutesDocumentDto(
    MinutesDocument Document,
    IReadOnlyDictionary<Guid, string> NarrativeHtml,
    string Hash,
    string? StoredHash,
    bool? HashVerified,
    bool? MatchesRecord,
    Guid Version);

/// <summary>An item's narrative as Markdown (blank clears it), with the minutes' version token.</summary>
public sealed record NarrativeRequest(string? Markdown, Guid Version);

/// <summary>Approve at an agenda item ("Minutes of the previous meeting") of a later meeting of the same committee.</summary>
public sealed record ApproveMinutesRequest(Guid MeetingId, Guid ItemId, Guid Version);

public sealed record CorrectMinutesRequest(string? Reason, Guid Version);
