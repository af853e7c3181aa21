using CoCommissioning.Domain.Common;

namespace CoCommissioning.Domain.Notices;

/// <summary>What a notice is about; each person can turn each kind off (<see cref="NoticePreference"/>).</summary>
public enum NoticeKind
{
    AgendaPublished,
    MeetingChanged,
    MeetingCancelled,
    MinutesReadyForChair,
    ActionAssigned,
    ActionDueSoon,
}

/// <summary>Where a notice is in the outbox: waiting to be sent, sent, or failed (retried, then left for a resend).</summary>
public enum NoticeStatus
{
    Waiting,
    Sent,
    Failed,
}

/// <summary>Who a notice goes to: a person of the organisation with an email address.</summary>
public sealed record NoticeRecipient(Guid PersonId, string Name, string Email);

/// <summary>A file sent with a notice (the meeting's .ics invitation), kept as text in the outbox row.</summary>
public sealed record NoticeAttachment(string FileName, string ContentType, string Content);

/// <summary>
/// One email in the outbox: recorded when the change it tells of is saved, sent later by the dispatcher, and kept as
/// the list of every message the app sent (or failed to send). Not a governance record: the row is its own log.
/// </summary>
public sealed class Notice : IVersioned
{
    public const int SubjectMaxLength = 300;
    public const int BodyMaxLength = 20000;
    public const int NameMaxLength = 200;
    public const int EmailMaxLength = 256;
    public const int RecordTypeMaxLength = 60;
    public const int ErrorMaxLength = 2000;
    public const int DedupKeyMaxLength = 200;
    public const int AttachmentNameMaxLength = 200;
    public const int AttachmentContentMaxLength = 100_000;

    // For EF Core.
    private Notice()
    {
        RecipientName = "";
        RecipientEmail = "";
        Subject = "";
        Body = "";
        RelatedRecordType = "";
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public NoticeKind Kind { get; private set; }
    public Guid RecipientPersonId { get; private set; }
    public string RecipientName { get; private set; }
    public string RecipientEmail { get; private set; }
    public string Subject { get; private set; }
    public string Body { get; private set; }

    /// <summary>The record the notice is about, by type name (Meeting, ActionItem, Minutes) and id.</summary>
    public string RelatedRecordType { get; private set; }

    public Guid RelatedRecordId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public NoticeStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset? LastAttemptAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }

    /// <summary>When the dispatcher may try (again); null once sent, or once the automatic retries are spent.</summary>
    public DateTimeOffset? NextAttemptAt { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>Set for notices that must go once only (a due-date reminder); unique in the database.</summary>
    public string? DedupKey { get; private set; }

    public string? AttachmentName { get; private set; }
    public string? AttachmentContentType { get; private set; }
    public string? AttachmentContent { get; private set; }
    public Guid Version { get; private set; }

    public NoticeAttachment? Attachment =>
        AttachmentName is null ? null : new NoticeAttachment(AttachmentName, AttachmentContentType ?? "application/octet-stream", AttachmentContent ?? "");

    public static Notice Queue(Guid organisationId, NoticeKind kind, NoticeRecipient to, string subject, string body, string relatedRecordType, Guid relatedRecordId, DateTimeOffset at, NoticeAttachment? attachment = null, string? dedupKey = null) =>
        new()
        {
            Id = Guid.NewGuid(),
            OrganisationId = organisationId,
            Kind = kind,
            RecipientPersonId = to.PersonId,
            RecipientName = Clip(to.Name, NameMaxLength),
            RecipientEmail = to.Email,
            Subject = Clip(subject, SubjectMaxLength),
            Body = Clip(body, BodyMaxLength),
            RelatedRecordType = relatedRecordType,
            RelatedRecordId = relatedRecordId,
            CreatedAt = at,
            Status = NoticeStatus.Waiting,
            NextAttemptAt = at,
            DedupKey = dedupKey,
            AttachmentName = attachment?.FileName,
            AttachmentContentType = attachment?.ContentType,
            AttachmentContent = attachment?.Content,
            Version = Guid.NewGuid(),
        };

    /// <summary>Whether the dispatcher should try it at <paramref name="now"/>.</summary>
    public bool IsDue(DateTimeOffset now) => Status != NoticeStatus.Sent && NextAttemptAt is { } next && next <= now;

    /// <summary>Taken by a dispatcher: no other tries it before <paramref name="until"/> (then it is taken again, in case the first died).</summary>
    public void Claim(DateTimeOffset until)
    {
        NextAttemptAt = until;
        Version = Guid.NewGuid();
    }

    public void MarkSent(DateTimeOffset at)
    {
        Attempts++;
        Status = NoticeStatus.Sent;
        LastAttemptAt = at;
        SentAt = at;
        NextAttemptAt = null;
        LastError = null;
        Version = Guid.NewGuid();
    }

    /// <summary>A failed attempt: kept as failed with the error, and tried again later (<see cref="NoticeRules.RetryDelay"/>).</summary>
    public void MarkFailed(string error, DateTimeOffset at)
    {
        Attempts++;
        Status = NoticeStatus.Failed;
        LastAttemptAt = at;
        LastError = Clip(error, ErrorMaxLength);
        NextAttemptAt = NoticeRules.RetryDelay(Attempts) is { } delay ? at + delay : null;
        Version = Guid.NewGuid();
    }

    /// <summary>A person asks for a failed notice to be sent again: it waits for the dispatcher's next round.</summary>
    public CommandResult Resend(DateTimeOffset at)
    {
        if (Status != NoticeStatus.Failed)
        {
            return Failure.Rule(Status == NoticeStatus.Sent ? "This notice was sent; only a failed notice can be resent." : "This notice is already waiting to be sent.");
        }

        Status = NoticeStatus.Waiting;
        NextAttemptAt = at;
        Version = Guid.NewGuid();
        return CommandResult.Success();
    }

    private static string Clip(string value, int max) => value.Length <= max ? value : value[..(max - 1)] + "…";
}
