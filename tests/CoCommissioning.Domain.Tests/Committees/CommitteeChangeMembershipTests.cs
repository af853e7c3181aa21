using CoCommissioning.Domain.Committees;
using CoCommissioning.Domain.Tests.TestSupport;
using static CoCommissioning.Domain.Tests.TestSupport.Dates;

namespace CoCommissioning.Domain.Tests.Committees;

public class CommitteeChangeMembershipTests
{
    private const string OverlapMessage = "That term overlaps another membership this person holds on this committee.";

    [Theory]
    [InlineData("2025-04-01", "2026-03-31", false)]
    [InlineData("2025-06-01", null, true)]
    [InlineData("2024-01-01", "2025-04-01", false)]
    [InlineData("2025-05-01", "2025-05-01", true)]
    public void ChangeMembership_ValidChange_ReplacesRolesVotingAndTerm(string start, string? end, bool isVoting)
    {
        var committee = CommitteeBuilder.NewCommittee();
        var membership = committee.AddAcceptedMember(Guid.NewGuid(), D("2025-04-01"), null, isVoting: !isVoting);
        var id = membership.Id;
        var version = committee.Version;
        var cfo = CommitteeBuilder.Role("Chief Finance Officer", RoleClassification.Executive);

        var result = committee.ChangeMembership(id, [cfo, cfo], isVoting, D(start), OptionalD(end));

        result.Succeeded.Should().BeTrue();
        membership.Id.Should().Be(id);
        membership.RoleIds.Should().Equal(cfo.Id);
        membership.IsVoting.Should().Be(isVoting);
        membership.TermStart.Should().Be(D(start));
        membership.TermEnd.Should().Be(OptionalD(end));
        committee.Memberships.Should().ContainSingle();
        committee.Version.Should().NotBe(version);
    }

    [Fact]
    public void ChangeMembership_UnknownMembership_FailsNotFound()
    {
        var committee = CommitteeBuilder.NewCommittee();
        committee.AddAcceptedMember(Guid.NewGuid(), D("2025-04-01"), null);
        var version = committee.Version;

        var result = committee.ChangeMembership(Guid.NewGuid(), [CommitteeBuilder.Role()], true, D("2025-04-01"), null);

        result.Failure.ShouldBeNotFound("The membership was not found.");
        committee.Version.Should().Be(version);
    }

    [Theory]
    [MemberData(nameof(CommitteeAddMemberTests.InvalidTerms), MemberType = typeof(CommitteeAddMemberTests))]
    public void ChangeMembership_InvalidTerm_FailsAndChangesNothing(string scenario, string field, string message)
    {
        var committee = CommitteeBuilder.NewCommittee();
        var role = CommitteeBuilder.Role();
        var membership = committee.AddMember(Guid.NewGuid(), [role], true, D("2024-04-01"), D("2025-03-31")).Value!;
        var version = committee.Version;
        var (roles, start, end) = CommitteeAddMemberTests.InvalidTerm(scenario);

        var result = committee.ChangeMembership(membership.Id, roles, false, start, end);

        result.Failure.ShouldBeValidation(field, message);
        membership.RoleIds.Should().Equal(role.Id);
        membership.IsVoting.Should().BeTrue();
        membership.TermStart.Should().Be(D("2024-04-01"));
        membership.TermEnd.Should().Be(D("2025-03-31"));
        committee.Version.Should().Be(version);
    }

    [Fact]
    public void ChangeMembership_RoleOfAnotherOrganisation_ThrowsAndChangesNothing()
    {
        var committee = CommitteeBuilder.NewCommittee();
        var membership = committee.AddAcceptedMember(Guid.NewGuid(), D("2025-04-01"), null);
        var roleIds = membership.RoleIds.ToList();
        var version = committee.Version;

        var act = () => committee.ChangeMembership(membership.Id, [CommitteeBuilder.ForeignRole()], true, D("2025-04-01"), null);

        act.Should().Throw<InvalidOperationException>();
        membership.RoleIds.Should().Equal(roleIds);
        committee.Version.Should().Be(version);
    }

    [Theory]
    [InlineData("2025-04-01", "2026-03-31", false)] // back to the day before the later term
    [InlineData("2025-04-01", "2026-04-01", true)]  // onto the later term's first day
    [InlineData("2025-04-01", null, true)]          // open-ended runs into the later term
    [InlineData("2024-04-01", "2025-03-31", false)] // moved earlier
    public void ChangeMembership_TermAgainstSamePersonsOtherMembership_RefusedExactlyWhenTheyOverlap(string start, string? end, bool overlaps)
    {
        var committee = CommitteeBuilder.NewCommittee();
        var personId = Guid.NewGuid();
        var first = committee.AddAcceptedMember(personId, D("2025-04-01"), D("2025-12-31"));
        committee.AddAcceptedMember(personId, D("2026-04-01"), null);
        var version = committee.Version;

        var result = committee.ChangeMembership(first.Id, [CommitteeBuilder.Role()], true, D(start), OptionalD(end));

        if (overlaps)
        {
            result.Failure.ShouldBeValidation("TermStart", OverlapMessage);
            first.TermEnd.Should().Be(D("2025-12-31"));
            committee.Version.Should().Be(version);
        }
        else
        {
            result.Succeeded.Should().BeTrue();
            first.TermEnd.Should().Be(OptionalD(end));
        }
    }

    [Fact]
    public void ChangeMembership_TermOverlappingItsOwnOldTerm_Allowed()
    {
        var committee = CommitteeBuilder.NewCommittee();
        var membership = committee.AddAcceptedMember(Guid.NewGuid(), D("2025-04-01"), D("2026-03-31"));

        var result = committee.ChangeMembership(membership.Id, [CommitteeBuilder.Role()], true, D("2025-05-01"), D("2027-03-31"));

        result.Succeeded.Should().BeTrue();
        membership.TermStart.Should().Be(D("2025-05-01"));
        membership.TermEnd.Should().Be(D("2027-03-31"));
    }

    [Fact]
    public void ChangeMembership_TermOverlappingAnotherPersonsMembership_Allowed()
    {
        var committee = CommitteeBuilder.NewCommittee();
        var membership = committee.AddAcceptedMember(Guid.NewGuid(), D("2025-04-01"), D("2026-03-31"));
        committee.AddAcceptedMember(Guid.NewGuid(), D("2026-04-01"), null);

        var result = committee.ChangeMembership(membership.Id, [CommitteeBuilder.Role()], true, D("2025-04-01"), null);

        result.Succeeded.Should().BeTrue();
    }
}
