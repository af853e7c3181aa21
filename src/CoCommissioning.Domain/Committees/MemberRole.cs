using CoCommissioning.Domain.Common;

namespace CoCommissioning.Domain.Committees;

/// <summary>How a role counts in composition and quorum rules ("lay majority", "one executive member").</summary>
public enum RoleClassification
{
    Lay,
    Executive,
    Clinical,
    /// <summary>Non-voting representatives of other bodies: NHS England, LMC, Health and Wellbeing Board, Healthwatch.</summary>
    Representative,
    /// <summary>Invited observers and officers in attendance: governance lead, heads of service.</summary>
    Observer,
}

/// <summary>
/// A role a member can hold, such as "Lay Member (Audit and Governance)" or "Chief Finance Officer".
/// Role names are data, not an enum: every organisation words its terms of reference differently.
/// </summary>
public sealed class MemberRole : IGovernanceRecord, IVersioned
{
    public const int NameMaxLength = 120;

    private MemberRole(Guid id, Guid organisationId, string name, RoleClassification classification)
    {
        Id = id;
        OrganisationId = organisationId;
        Name = name;
        Classification = classification;
        IsActive = true;
        Version = Guid.NewGuid();
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public string Name { get; private set; }
    public RoleClassification Classification { get; private set; }

    /// <summary>Roles are retired, never deleted, because past memberships and quorum evidence name them.</summary>
    public bool IsActive { get; private set; }

    public Guid Version { get; private set; }

    public static CommandResult<MemberRole> Create(Guid organisationId, string? name, RoleClassification classification)
    {
        var checkedName = Text.Required(nameof(Name), name, NameMaxLength);
        return checkedName.Map(cleanName => new MemberRole(Guid.NewGuid(), organisationId, cleanName, classification));
    }

    public void Retire()
    {
        IsActive = false;
        Version = Guid.NewGuid();
    }
}
