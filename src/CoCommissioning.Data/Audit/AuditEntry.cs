namespace CoCommissioning.Data.Audit;

public enum AuditAction
{
    Insert,
    Update,
    Delete,
    /// <summary>Deleted by the retention job: the entry keeps the reason, not the contents.</summary>
    Purge,
}

/// <summary>
/// One change to one governance record: who, when, which record, old and new values. Written in the same
/// SaveChanges (so the same transaction) as the change; append-only in the app and in the database.
/// </summary>
public sealed class AuditEntry
{
    public AuditEntry(Guid organisationId, DateTimeOffset occurredAt, Guid? userId, string actorName, string recordType, string recordId, string? aggregateId, AuditAction action, string changes)
    {
        Id = Guid.NewGuid();
        OrganisationId = organisationId;
        OccurredAt = occurredAt;
        UserId = userId;
        ActorName = actorName;
        RecordType = recordType;
        RecordId = recordId;
        AggregateId = aggregateId;
        Action = action;
        Changes = changes;
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>The signed-in user who made the change; null for the system (seeding, scheduled jobs).</summary>
    public Guid? UserId { get; private set; }

    public string ActorName { get; private set; }
    public string RecordType { get; private set; }
    public string RecordId { get; private set; }

    /// <summary>For a part of an aggregate (a membership), the aggregate's id (the committee).</summary>
    public string? AggregateId { get; private set; }

    public AuditAction Action { get; private set; }

    /// <summary>JSON object: property name to <c>{"old": …, "new": …}</c>.</summary>
    public string Changes { get; private set; }
}
