using CoCommissioning.Domain.Common;

namespace CoCommissioning.Domain.Committees;

/// <summary>
/// A user account that keeps a committee's record: its secretaries run its meetings' consoles and change its meetings
/// and agendas; other secretaries of the organisation only read them. Assigned by an administrator or governance
/// lead; removing one deletes the row (the audit trail keeps who held it and when).
/// </summary>
public sealed class CommitteeSecretary : IGovernanceRecord, IPartOfAggregate
{
    private CommitteeSecretary()
    {
    }

    public CommitteeSecretary(Guid organisationId, Guid committeeId, Guid userId, DateTimeOffset assignedAt)
    {
        Id = Guid.NewGuid();
        OrganisationId = organisationId;
        CommitteeId = committeeId;
        UserId = userId;
        AssignedAt = assignedAt;
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid CommitteeId { get; private set; }

    /// <summary>The user account (which holds the committee secretary role in the organisation).</summary>
    public Guid UserId { get; private set; }

    public DateTimeOffset AssignedAt { get; private set; }

    Guid IPartOfAggregate.AggregateId => CommitteeId;
}
