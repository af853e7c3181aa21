using CoCommissioning.Domain.Committees;
using CoCommissioning.Domain.Tests.TestSupport;

namespace CoCommissioning.Domain.Tests.Committees;

public class CommitteeTests
{
    private static readonly Guid OrganisationId = CommitteeBuilder.OrganisationId;

    [Theory]
    [InlineData("Primary Care Commissioning Committee", CommitteeType.PrimaryCareCommissioning, CoCommissioningLevel.Delegated, "Commissions GP services.", "Primary Care Commissioning Committee", "Commissions GP services.")]
    [InlineData("  Audit Committee  ", CommitteeType.Audit, CoCommissioningLevel.Joint, "  ", "Audit Committee", null)]
    [InlineData("PCOG", CommitteeType.PrimaryCareOperationalGroup, CoCommissioningLevel.GreaterInvolvement, null, "PCOG", null)]
    [InlineData("Other", CommitteeType.Other, CoCommissioningLevel.Joint, " Trimmed purpose ", "Other", "Trimmed purpose")]
    public void Create_ValidDetails_SucceedsWithCleanValuesAndNoMembers(
        string name, CommitteeType type, CoCommissioningLevel level, string? purpose, string expectedName, string? expectedPurpose)
    {
        var result = Committee.Create(OrganisationId, name, type, level, purpose);

        result.Succeeded.Should().BeTrue();
        var committee = result.Value!;
        committee.Id.Should().NotBeEmpty();
        committee.OrganisationId.Should().Be(OrganisationId);
        committee.Name.Should().Be(expectedName);
        committee.Type.Should().Be(type);
        committee.Level.Should().Be(level);
        committee.Purpose.Should().Be(expectedPurpose);
        committee.Version.Should().NotBeEmpty();
        committee.Memberships.Should().BeEmpty();
    }

    [Theory]
    [InlineData(null, 0, "Name", "Enter the name.")]
    [InlineData("  ", 0, "Name", "Enter the name.")]
    [InlineData("Audit Committee", 2001, "Purpose", "The purpose must be 2000 characters or fewer.")]
    [InlineData("", 2001, "Name", "Enter the name.")]
    public void Create_InvalidDetails_FailsOnFirstBadField(string? name, int purposeLength, string field, string message)
    {
        var result = Committee.Create(OrganisationId, name, CommitteeType.Audit, CoCommissioningLevel.Joint, new string('p', purposeLength));

        result.Succeeded.Should().BeFalse();
        result.Failure.ShouldBeValidation(field, message);
    }

    [Theory]
    [InlineData(200, 2000, true)]
    [InlineData(201, 0, false)]
    [InlineData(10, 2001, false)]
    public void Create_Lengths_AllowedUpToMaximum(int nameLength, int purposeLength, bool succeeds)
    {
        var result = Committee.Create(OrganisationId, new string('n', nameLength), CommitteeType.Audit, CoCommissioningLevel.Joint, new string('p', purposeLength));

        result.Succeeded.Should().Be(succeeds);
    }

    [Fact]
    public void UpdateDetails_ValidDetails_ChangesDetailsAndVersion()
    {
        var committee = CommitteeBuilder.NewCommittee();
        var version = committee.Version;

        var result = committee.UpdateDetails(" Audit Committee ", CommitteeType.Audit, CoCommissioningLevel.Joint, " ");

        result.Succeeded.Should().BeTrue();
        committee.Name.Should().Be("Audit Committee");
        committee.Type.Should().Be(CommitteeType.Audit);
        committee.Level.Should().Be(CoCommissioningLevel.Joint);
        committee.Purpose.Should().BeNull();
        committee.Version.Should().NotBe(version);
    }

    [Theory]
    [InlineData("", 0, "Name", "Enter the name.")]
    [InlineData("Audit Committee", 2001, "Purpose", "The purpose must be 2000 characters or fewer.")]
    public void UpdateDetails_InvalidDetails_FailsAndChangesNothing(string name, int purposeLength, string field, string message)
    {
        var committee = CommitteeBuilder.NewCommittee();
        var version = committee.Version;

        var result = committee.UpdateDetails(name, CommitteeType.Audit, CoCommissioningLevel.Joint, new string('p', purposeLength));

        result.Failure.ShouldBeValidation(field, message);
        committee.Name.Should().Be("Primary Care Commissioning Committee");
        committee.Type.Should().Be(CommitteeType.PrimaryCareCommissioning);
        committee.Level.Should().Be(CoCommissioningLevel.Delegated);
        committee.Purpose.Should().Be("Commissions primary medical services.");
        committee.Version.Should().Be(version);
    }
}
