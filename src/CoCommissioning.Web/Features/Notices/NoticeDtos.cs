using CoCommissioning.Domain.Notices;

namespace CoCommissioning.Web.Features.Notices;

/// <summary>One message as the lists show it: to whom, about what, and whether it went.</summary>
public sealed record NoticeDto(
    Guid Id,
    NoticeKind Kind,
    string KindName,
    Guid RecipientPersonId,
    string RecipientName,
    string RecipientEmail,
    string Subject,
    string Body,
    string RelatedRecordType,
    Guid RelatedRecordId,
    DateTimeOffset CreatedAt,
    NoticeStatus Status,
    int Attempts,
    DateTimeOffset? LastAttemptAt,
    DateTimeOffset? SentAt,
    DateTimeOffset? NextAttemptAt,
    string? LastError,
    string? AttachmentName,
    Guid Version);

public sealed record NoticePageDto(IReadOnlyList<NoticeDto> Notices, int Total, int Page, int PageSize);

/// <param name="On">Whether this kind reaches the person (false when turned off, or when all are off).</param>
public sealed record NoticeKindDto(NoticeKind Kind, string Name, string Description, bool On);

/// <summary>
/// A person's notice settings. <see cref="Version"/> is null until they first save (everything on); send it back with
/// the change.
/// </summary>
public sealed record NoticePreferencesDto(Guid PersonId, string? Email, bool AllOff, IReadOnlyList<NoticeKind> Off, IReadOnlyList<NoticeKindDto> Kinds, Guid? Version);

/// <param name="AllOff">Turn every notice off (whatever <paramref name="Off"/> says).</param>
/// <param name="Off">The kinds to turn off; the rest are on.</param>
/// <param name="Version">The version last read; null for the first save.</param>
public sealed record SaveNoticePreferencesRequest(bool AllOff, IReadOnlyList<NoticeKind>? Off, Guid? Version);

public sealed record ResendNoticeRequest(Guid Version);

public static class NoticeLabels
{
    public static string Name(NoticeKind kind) => kind switch
    {
        NoticeKind.AgendaPublished => "Agenda published",
        NoticeKind.MeetingChanged => "Meeting changed",
        NoticeKind.MeetingCancelled => "Meeting cancelled",
        NoticeKind.MinutesReadyForChair => "Draft minutes ready (to the chair)",
        NoticeKind.ActionAssigned => "Action assigned to you",
        NoticeKind.ActionDueSoon => "Your action is due within 7 days",
        _ => kind.ToString(),
    };

    public static string Description(NoticeKind kind) => kind switch
    {
        NoticeKind.AgendaPublished => "When the agenda of a meeting of your committees is published, with the pack link and a calendar invitation.",
        NoticeKind.MeetingChanged => "When the date, time or venue of a meeting you are expected at changes.",
        NoticeKind.MeetingCancelled => "When a meeting you are expected at is cancelled.",
        NoticeKind.MinutesReadyForChair => "When the secretary sends you draft minutes to read, as chair.",
        NoticeKind.ActionAssigned => "When an action is given to you at a meeting.",
        NoticeKind.ActionDueSoon => "One reminder per action, a week before it is due.",
        _ => "",
    };

    public static string Status(NoticeStatus status) => status switch
    {
        NoticeStatus.Sent => "Sent",
        NoticeStatus.Failed => "Failed",
        _ => "Waiting",
    };
}
