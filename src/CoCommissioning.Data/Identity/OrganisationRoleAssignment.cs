using CoCommissioning.Domain.Common;

namespace CoCommissioning.Data.Identity;

/// <summary>
/// One role a user holds in one organisation. Audited: who may do what is a governance fact. Part of the user's
/// history, so the audit trail's record filter with the user's id finds every role they were given or lost.
/// </summary>
public sealed class OrganisationRoleAssignment : IGovernanceRecord, IPartOfAggregate
{
    public OrganisationRoleAssignment(Guid organisationId, Guid userId, AppRole role)
    {
        Id = Guid.NewGuid();
        OrganisationId = organisationId;
        UserId = userId;
        Role = role;
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid UserId { get; private set; }
    public AppRole Role { get; private set; }

    Guid IPartOfAggregate.AggregateId => UserId;
}
