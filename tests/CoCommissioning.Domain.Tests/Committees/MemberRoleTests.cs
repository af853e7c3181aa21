using CoCommissioning.Domain.Committees;
using CoCommissioning.Domain.Tests.TestSupport;

namespace CoCommissioning.Domain.Tests.Committees;

public class MemberRoleTests
{
    [Theory]
    [InlineData("Chief Finance Officer", RoleClassification.Executive, "Chief Finance Officer")]
    [InlineData("  Lay Member (Audit and Governance) ", RoleClassification.Lay, "Lay Member (Audit and Governance)")]
    [InlineData("GP Member", RoleClassification.Clinical, "GP Member")]
    [InlineData("Healthwatch Representative", RoleClassification.Representative, "Healthwatch Representative")]
    [InlineData("Head of Governance", RoleClassification.Observer, "Head of Governance")]
    public void Create_ValidName_SucceedsActiveWithTrimmedName(string name, RoleClassification classification, string expected)
    {
        var result = MemberRole.Create(CommitteeBuilder.OrganisationId, name, classification);

        result.Succeeded.Should().BeTrue();
        var role = result.Value!;
        role.Id.Should().NotBeEmpty();
        role.OrganisationId.Should().Be(CommitteeBuilder.OrganisationId);
        role.Name.Should().Be(expected);
        role.Classification.Should().Be(classification);
        role.IsActive.Should().BeTrue();
        role.Version.Should().NotBeEmpty();
    }

    [Theory]
    [InlineData(null, "Enter the name.")]
    [InlineData("", "Enter the name.")]
    [InlineData("   ", "Enter the name.")]
    [InlineData("This role name is far too long for the field. This role name is far too long for the field. This role name is far too long!", "The name must be 120 characters or fewer.")]
    public void Create_InvalidName_FailsOnName(string? name, string message)
    {
        var result = MemberRole.Create(CommitteeBuilder.OrganisationId, name, RoleClassification.Lay);

        result.Succeeded.Should().BeFalse();
        result.Failure.ShouldBeValidation("Name", message);
    }

    [Theory]
    [InlineData(120, true)]
    [InlineData(121, false)]
    public void Create_NameLength_AllowedUpToMaximum(int length, bool succeeds)
    {
        var result = MemberRole.Create(CommitteeBuilder.OrganisationId, new string('r', length), RoleClassification.Lay);

        result.Succeeded.Should().Be(succeeds);
    }

    [Fact]
    public void Retire_ActiveRole_DeactivatesAndChangesVersion()
    {
        var role = CommitteeBuilder.Role();
        var version = role.Version;

        role.Retire();

        role.IsActive.Should().BeFalse();
        role.Version.Should().NotBe(version);
        role.Name.Should().Be("Lay Member (Audit and Governance)");
    }
}
