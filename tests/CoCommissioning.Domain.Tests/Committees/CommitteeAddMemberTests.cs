using CoCommissioning.Domain.Committees;
using CoCommissioning.Domain.Tests.TestSupport;
using static CoCommissioning.Domain.Tests.TestSupport.Dates;

namespace CoCommissioning.Domain.Tests.Committees;

public class CommitteeAddMemberTests
{
    private const string OverlapMessage = "This person already has a membership of this committee for part of that term. Change or end that membership instead.";

    [Theory]
    [InlineData(true, "2025-04-01", "2026-03-31")]
    [InlineData(false, "2025-04-01", null)]
    [InlineData(true, "2025-04-01", "2025-04-01")]
    public void AddMember_ValidTerm_AddsMembershipWithGivenDetails(bool isVoting, string start, string? end)
    {
        var committee = CommitteeBuilder.NewCommittee();
        var personId = Guid.NewGuid();
        var lay = CommitteeBuilder.Role();
        var gp = CommitteeBuilder.Role("GP Member", RoleClassification.Clinical);

        var result = committee.AddMember(personId, [lay, gp], isVoting, D(start), OptionalD(end));

        result.Succeeded.Should().BeTrue();
        var membership = result.Value!;
        membership.Id.Should().NotBeEmpty();
        membership.CommitteeId.Should().Be(committee.Id);
        membership.OrganisationId.Should().Be(committee.OrganisationId);
        membership.PersonId.Should().Be(personId);
        membership.RoleIds.Should().Equal(lay.Id, gp.Id);
        membership.IsVoting.Should().Be(isVoting);
        membership.TermStart.Should().Be(D(start));
        membership.TermEnd.Should().Be(OptionalD(end));
        membership.Office.Should().Be(CommitteeOffice.None);
        membership.DeputyPersonId.Should().BeNull();
        committee.Memberships.Should().ContainSingle().Which.Should().BeSameAs(membership);
    }

    [Fact]
    public void AddMember_SameRoleTwice_HoldsItOnce()
    {
        var committee = CommitteeBuilder.NewCommittee();
        var role = CommitteeBuilder.Role();

        var result = committee.AddMember(Guid.NewGuid(), [role, role], true, D("2025-04-01"), null);

        result.Value!.RoleIds.Should().Equal(role.Id);
    }

    public static TheoryData<string, string, string> InvalidTerms => new()
    {
        { "no roles", "RoleIds", "Choose at least one role for this member." },
        { "retired role", "RoleIds", "The role \"Chief Finance Officer\" has been retired and cannot be given to a member." },
        { "active and retired role", "RoleIds", "The role \"Chief Finance Officer\" has been retired and cannot be given to a member." },
        { "end before start", "TermEnd", "The term cannot end before it starts." },
    };

    [Theory]
    [MemberData(nameof(InvalidTerms))]
    public void AddMember_InvalidTerm_FailsAndAddsNothing(string scenario, string field, string message)
    {
        var committee = CommitteeBuilder.NewCommittee();
        var version = committee.Version;
        var (roles, start, end) = InvalidTerm(scenario);

        var result = committee.AddMember(Guid.NewGuid(), roles, true, start, end);

        result.Succeeded.Should().BeFalse();
        result.Value.Should().BeNull();
        result.Failure.ShouldBeValidation(field, message);
        committee.Memberships.Should().BeEmpty();
        committee.Version.Should().Be(version);
    }

    /// <summary>The inputs for each row of <see cref="InvalidTerms"/>; shared with the ChangeMembership tests.</summary>
    internal static (MemberRole[] Roles, DateOnly Start, DateOnly? End) InvalidTerm(string scenario) => scenario switch
    {
        "no roles" => ([], D("2025-04-01"), null),
        "retired role" => ([CommitteeBuilder.RetiredRole("Chief Finance Officer")], D("2025-04-01"), null),
        "active and retired role" => ([CommitteeBuilder.Role(), CommitteeBuilder.RetiredRole("Chief Finance Officer")], D("2025-04-01"), null),
        "end before start" => ([CommitteeBuilder.Role()], D("2025-04-01"), D("2025-03-31")),
        _ => throw new ArgumentOutOfRangeException(nameof(scenario), scenario, null),
    };

    [Fact]
    public void AddMember_RoleOfAnotherOrganisation_ThrowsAndAddsNothing()
    {
        var committee = CommitteeBuilder.NewCommittee();
        var version = committee.Version;

        var act = () => committee.AddMember(Guid.NewGuid(), [CommitteeBuilder.Role(), CommitteeBuilder.ForeignRole()], true, D("2025-04-01"), null);

        act.Should().Throw<InvalidOperationException>().WithMessage("A role of another organisation was offered to a committee.");
        committee.Memberships.Should().BeEmpty();
        committee.Version.Should().Be(version);
    }

    [Theory]
    [MemberData(nameof(MembershipTests.OverlapCases), MemberType = typeof(MembershipTests))]
    public void AddMember_SamePersonAgain_RefusedExactlyWhenTermsOverlap(string start, string? end, string candidateStart, string? candidateEnd, bool overlaps)
    {
        var committee = CommitteeBuilder.NewCommittee();
        var personId = Guid.NewGuid();
        committee.AddAcceptedMember(personId, D(start), OptionalD(end));
        var version = committee.Version;

        var result = committee.AddMember(personId, [CommitteeBuilder.Role()], true, D(candidateStart), OptionalD(candidateEnd));

        if (overlaps)
        {
            result.Failure.ShouldBeValidation("TermStart", OverlapMessage);
            committee.Memberships.Should().ContainSingle();
            committee.Version.Should().Be(version);
        }
        else
        {
            result.Succeeded.Should().BeTrue();
            committee.Memberships.Should().HaveCount(2);
            committee.Version.Should().NotBe(version);
        }
    }

    [Theory]
    [InlineData("2025-04-01", "2026-03-31", "2026-04-01", "2027-03-31")]
    [InlineData("2025-04-01", "2026-03-31", "2026-04-01", null)]
    [InlineData("2026-04-01", null, "2025-04-01", "2026-03-31")]
    public void AddMember_ConsecutiveTermsForSamePerson_Allowed(string firstStart, string? firstEnd, string secondStart, string? secondEnd)
    {
        var committee = CommitteeBuilder.NewCommittee();
        var personId = Guid.NewGuid();
        committee.AddAcceptedMember(personId, D(firstStart), OptionalD(firstEnd));

        var result = committee.AddMember(personId, [CommitteeBuilder.Role()], true, D(secondStart), OptionalD(secondEnd));

        result.Succeeded.Should().BeTrue();
        committee.Memberships.Where(m => m.PersonId == personId).Should().HaveCount(2);
    }

    [Fact]
    public void AddMember_OverlapsOnlyAnEarlierOfSeveralTerms_Refused()
    {
        var committee = CommitteeBuilder.NewCommittee();
        var personId = Guid.NewGuid();
        committee.AddAcceptedMember(personId, D("2023-04-01"), D("2024-03-31"));
        committee.AddAcceptedMember(personId, D("2025-04-01"), D("2026-03-31"));

        var result = committee.AddMember(personId, [CommitteeBuilder.Role()], true, D("2024-03-31"), D("2024-12-31"));

        result.Failure.ShouldBeValidation("TermStart", OverlapMessage);
    }

    [Fact]
    public void AddMember_OverlappingTermsForDifferentPeople_Allowed()
    {
        var committee = CommitteeBuilder.NewCommittee();
        committee.AddAcceptedMember(Guid.NewGuid(), D("2025-04-01"), null);

        var result = committee.AddMember(Guid.NewGuid(), [CommitteeBuilder.Role()], true, D("2025-04-01"), null);

        result.Succeeded.Should().BeTrue();
        committee.Memberships.Should().HaveCount(2);
    }
}
