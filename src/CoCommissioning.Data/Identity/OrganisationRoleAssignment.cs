using CoCommissioning.Domain.Common;

namespace CoCommissioning.Data.Identity;

/// <summary>One role a user holds in one organisation. Audited: who may do what is a governance fact.</summary>
public sealed class OrganisationRoleAssignment : IGovernanceRecord
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
}
