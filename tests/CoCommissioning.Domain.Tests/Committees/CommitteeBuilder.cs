using CoCommissioning.Domain.Committees;

namespace CoCommissioning.Domain.Tests.Committees;

/// <summary>Committees, roles and people for the committee tests: one organisation unless a test asks for another.</summary>
internal static class CommitteeBuilder
{
    public static readonly Guid OrganisationId = Guid.Parse("0b6e8c1a-1111-4000-8000-000000000001");
    public static readonly Guid OtherOrganisationId = Guid.Parse("0b6e8c1a-2222-4000-8000-000000000002");

    public static Committee NewCommittee() =>
        Committee.Create(OrganisationId, "Primary Care Commissioning Committee", CommitteeType.PrimaryCareCommissioning, CoCommissioningLevel.Delegated, "Commissions primary medical services.").Value!;

    public static MemberRole Role(string name = "Lay Member (Audit and Governance)", RoleClassification classification = RoleClassification.Lay) =>
        MemberRole.Create(OrganisationId, name, classification).Value!;

    public static MemberRole RetiredRole(string name)
    {
        var role = Role(name, RoleClassification.Executive);
        role.Retire();
        return role;
    }

    public static MemberRole ForeignRole() =>
        MemberRole.Create(OtherOrganisationId, "Lay Member", RoleClassification.Lay).Value!;

    public static MemberRole[] Roles(params MemberRole[] roles) => roles;

    /// <summary>Adds a member who must be accepted; fails the test otherwise.</summary>
    public static Membership AddAcceptedMember(this Committee committee, Guid personId, DateOnly termStart, DateOnly? termEnd, bool isVoting = true)
    {
        var result = committee.AddMember(personId, [Role()], isVoting, termStart, termEnd);
        result.Succeeded.Should().BeTrue(result.Failure?.Message);
        return result.Value!;
    }
}
