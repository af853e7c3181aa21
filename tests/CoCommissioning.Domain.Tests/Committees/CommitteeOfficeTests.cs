using CoCommissioning.Domain.Committees;
using CoCommissioning.Domain.Tests.TestSupport;
using static CoCommissioning.Domain.Tests.TestSupport.Dates;

namespace CoCommissioning.Domain.Tests.Committees;

public class CommitteeOfficeTests
{
    private static readonly DateOnly Today = D("2025-10-01");

    [Theory]
    [InlineData(CommitteeOffice.Chair)]
    [InlineData(CommitteeOffice.ViceChair)]
    public void Appoint_CurrentMember_HoldsOfficeAndChangesVersion(CommitteeOffice office)
    {
        var committee = CommitteeBuilder.NewCommittee();
        var membership = committee.AddAcceptedMember(Guid.NewGuid(), D("2025-04-01"), null);
        var version = committee.Version;

        var result = committee.Appoint(membership.Id, office, Today);

        result.Succeeded.Should().BeTrue();
        membership.Office.Should().Be(office);
        committee.OfficeHolder(office, Today).Should().BeSameAs(membership);
        committee.Version.Should().NotBe(version);
    }

    [Theory]
    [InlineData("2025-04-01", null, true)]           // open-ended
    [InlineData("2025-10-01", null, true)]           // starts today
    [InlineData("2025-04-01", "2025-10-01", true)]   // last day is today
    [InlineData("2025-04-01", "2025-09-30", false)]  // ended yesterday
    [InlineData("2024-04-01", "2025-03-31", false)]  // ended long ago
    [InlineData("2025-10-02", null, false)]          // starts tomorrow: appointed when the term starts
    [InlineData("2026-04-01", "2027-03-31", false)]  // a future term
    public void Appoint_ByTermRelativeToToday_RefusesMembershipsNotCurrent(string start, string? end, bool allowed)
    {
        var committee = CommitteeBuilder.NewCommittee();
        var membership = committee.AddAcceptedMember(Guid.NewGuid(), D(start), OptionalD(end));
        var version = committee.Version;

        var result = committee.Appoint(membership.Id, CommitteeOffice.Chair, Today);

        if (allowed)
        {
            result.Succeeded.Should().BeTrue();
            membership.Office.Should().Be(CommitteeOffice.Chair);
        }
        else
        {
            result.Failure.ShouldBeRuleViolation("Only a current member can hold an office: this membership has not started or has ended.");
            membership.Office.Should().Be(CommitteeOffice.None);
            committee.Version.Should().Be(version);
        }
    }

    [Fact]
    public void Appoint_EndedMembership_LeavesPreviousHolderInOffice()
    {
        var committee = CommitteeBuilder.NewCommittee();
        var chair = committee.AddAcceptedMember(Guid.NewGuid(), D("2025-04-01"), null);
        var ended = committee.AddAcceptedMember(Guid.NewGuid(), D("2024-04-01"), D("2025-03-31"));
        committee.Appoint(chair.Id, CommitteeOffice.Chair, Today);

        var result = committee.Appoint(ended.Id, CommitteeOffice.Chair, Today);

        result.Succeeded.Should().BeFalse();
        chair.Office.Should().Be(CommitteeOffice.Chair);
        committee.OfficeHolder(CommitteeOffice.Chair, Today).Should().BeSameAs(chair);
    }

    [Theory]
    [InlineData(CommitteeOffice.Chair)]
    [InlineData(CommitteeOffice.ViceChair)]
    public void Appoint_OfficeAlreadyHeld_MovesOfficeFromPreviousHolder(CommitteeOffice office)
    {
        var committee = CommitteeBuilder.NewCommittee();
        var previous = committee.AddAcceptedMember(Guid.NewGuid(), D("2025-04-01"), null);
        var next = committee.AddAcceptedMember(Guid.NewGuid(), D("2025-04-01"), null);
        committee.Appoint(previous.Id, office, Today);

        var result = committee.Appoint(next.Id, office, Today);

        result.Succeeded.Should().BeTrue();
        previous.Office.Should().Be(CommitteeOffice.None);
        next.Office.Should().Be(office);
        committee.Memberships.Where(m => m.Office == office).Should().ContainSingle().Which.Should().BeSameAs(next);
    }

    [Fact]
    public void Appoint_ChairAndViceChair_HeldByDifferentMembersAtOnce()
    {
        var committee = CommitteeBuilder.NewCommittee();
        var chair = committee.AddAcceptedMember(Guid.NewGuid(), D("2025-04-01"), null);
        var vice = committee.AddAcceptedMember(Guid.NewGuid(), D("2025-04-01"), null);

        committee.Appoint(chair.Id, CommitteeOffice.Chair, Today).Succeeded.Should().BeTrue();
        committee.Appoint(vice.Id, CommitteeOffice.ViceChair, Today).Succeeded.Should().BeTrue();

        committee.OfficeHolder(CommitteeOffice.Chair, Today).Should().BeSameAs(chair);
        committee.OfficeHolder(CommitteeOffice.ViceChair, Today).Should().BeSameAs(vice);
    }

    [Theory]
    [InlineData(CommitteeOffice.Chair, CommitteeOffice.ViceChair)]
    [InlineData(CommitteeOffice.ViceChair, CommitteeOffice.Chair)]
    public void Appoint_HolderOfOtherOffice_GivesUpTheOtherOffice(CommitteeOffice held, CommitteeOffice appointed)
    {
        var committee = CommitteeBuilder.NewCommittee();
        var member = committee.AddAcceptedMember(Guid.NewGuid(), D("2025-04-01"), null);
        var other = committee.AddAcceptedMember(Guid.NewGuid(), D("2025-04-01"), null);
        committee.Appoint(member.Id, held, Today);
        committee.Appoint(other.Id, appointed, Today);

        var result = committee.Appoint(member.Id, appointed, Today);

        result.Succeeded.Should().BeTrue();
        member.Office.Should().Be(appointed);
        other.Office.Should().Be(CommitteeOffice.None);
        committee.OfficeHolder(held, Today).Should().BeNull();
    }

    [Fact]
    public void Appoint_SameMemberSameOfficeAgain_StillHoldsIt()
    {
        var committee = CommitteeBuilder.NewCommittee();
        var chair = committee.AddAcceptedMember(Guid.NewGuid(), D("2025-04-01"), null);
        committee.Appoint(chair.Id, CommitteeOffice.Chair, Today);

        var result = committee.Appoint(chair.Id, CommitteeOffice.Chair, Today);

        result.Succeeded.Should().BeTrue();
        committee.OfficeHolder(CommitteeOffice.Chair, Today).Should().BeSameAs(chair);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Appoint_None_FailsOnOfficeBeforeLookingUpTheMembership(bool knownMembership)
    {
        var committee = CommitteeBuilder.NewCommittee();
        var membership = committee.AddAcceptedMember(Guid.NewGuid(), D("2025-04-01"), null);
        committee.Appoint(membership.Id, CommitteeOffice.Chair, Today);
        var version = committee.Version;

        var result = committee.Appoint(knownMembership ? membership.Id : Guid.NewGuid(), CommitteeOffice.None, Today);

        result.Failure.ShouldBeValidation("Office", "Choose the chair or the vice chair.");
        membership.Office.Should().Be(CommitteeOffice.Chair);
        committee.Version.Should().Be(version);
    }

    [Fact]
    public void Appoint_UnknownMembership_FailsNotFoundAndLeavesHolder()
    {
        var committee = CommitteeBuilder.NewCommittee();
        var chair = committee.AddAcceptedMember(Guid.NewGuid(), D("2025-04-01"), null);
        committee.Appoint(chair.Id, CommitteeOffice.Chair, Today);
        var version = committee.Version;

        var result = committee.Appoint(Guid.NewGuid(), CommitteeOffice.Chair, Today);

        result.Failure.ShouldBeNotFound("The membership was not found.");
        chair.Office.Should().Be(CommitteeOffice.Chair);
        committee.Version.Should().Be(version);
    }

    [Theory]
    [InlineData(CommitteeOffice.Chair, CommitteeOffice.ViceChair)]
    [InlineData(CommitteeOffice.ViceChair, CommitteeOffice.Chair)]
    public void Vacate_HeldOffice_ClearsOnlyThatOffice(CommitteeOffice vacated, CommitteeOffice kept)
    {
        var committee = CommitteeBuilder.NewCommittee();
        var first = committee.AddAcceptedMember(Guid.NewGuid(), D("2025-04-01"), null);
        var second = committee.AddAcceptedMember(Guid.NewGuid(), D("2025-04-01"), null);
        committee.Appoint(first.Id, vacated, Today);
        committee.Appoint(second.Id, kept, Today);
        var version = committee.Version;

        var result = committee.Vacate(vacated);

        result.Succeeded.Should().BeTrue();
        first.Office.Should().Be(CommitteeOffice.None);
        second.Office.Should().Be(kept);
        committee.OfficeHolder(vacated, Today).Should().BeNull();
        committee.OfficeHolder(kept, Today).Should().BeSameAs(second);
        committee.Version.Should().NotBe(version);
    }

    [Fact]
    public void Vacate_OfficeNobodyHolds_Succeeds()
    {
        var committee = CommitteeBuilder.NewCommittee();
        committee.AddAcceptedMember(Guid.NewGuid(), D("2025-04-01"), null);

        var result = committee.Vacate(CommitteeOffice.Chair);

        result.Succeeded.Should().BeTrue();
        committee.OfficeHolder(CommitteeOffice.Chair, Today).Should().BeNull();
    }

    [Fact]
    public void Vacate_None_FailsOnOfficeAndKeepsVersion()
    {
        var committee = CommitteeBuilder.NewCommittee();
        committee.AddAcceptedMember(Guid.NewGuid(), D("2025-04-01"), null);
        var version = committee.Version;

        var result = committee.Vacate(CommitteeOffice.None);

        result.Failure.ShouldBeValidation("Office", "Choose the chair or the vice chair.");
        committee.Version.Should().Be(version);
    }

    [Fact]
    public void OfficeHolder_HolderNotCurrentOnDate_ReturnsNull()
    {
        var committee = CommitteeBuilder.NewCommittee();
        var chair = committee.AddAcceptedMember(Guid.NewGuid(), D("2025-04-01"), D("2026-03-31"));
        committee.Appoint(chair.Id, CommitteeOffice.Chair, Today);

        committee.OfficeHolder(CommitteeOffice.Chair, D("2025-03-31")).Should().BeNull();
        committee.OfficeHolder(CommitteeOffice.Chair, D("2025-04-01")).Should().BeSameAs(chair);
        committee.OfficeHolder(CommitteeOffice.Chair, D("2026-03-31")).Should().BeSameAs(chair);
        committee.OfficeHolder(CommitteeOffice.Chair, D("2026-04-01")).Should().BeNull();
    }

    [Fact]
    public void NameDeputy_AnotherPerson_NamesDeputyAndChangesVersion()
    {
        var committee = CommitteeBuilder.NewCommittee();
        var membership = committee.AddAcceptedMember(Guid.NewGuid(), D("2025-04-01"), null);
        var deputy = Guid.NewGuid();
        var version = committee.Version;

        var result = committee.NameDeputy(membership.Id, deputy);

        result.Succeeded.Should().BeTrue();
        membership.DeputyPersonId.Should().Be(deputy);
        committee.Version.Should().NotBe(version);
    }

    [Fact]
    public void NameDeputy_Null_RemovesDeputyAndChangesVersion()
    {
        var committee = CommitteeBuilder.NewCommittee();
        var membership = committee.AddAcceptedMember(Guid.NewGuid(), D("2025-04-01"), null);
        committee.NameDeputy(membership.Id, Guid.NewGuid());
        var version = committee.Version;

        var result = committee.NameDeputy(membership.Id, null);

        result.Succeeded.Should().BeTrue();
        membership.DeputyPersonId.Should().BeNull();
        committee.Version.Should().NotBe(version);
    }

    [Fact]
    public void NameDeputy_MemberThemself_FailsOnDeputyAndKeepsPreviousDeputy()
    {
        var committee = CommitteeBuilder.NewCommittee();
        var personId = Guid.NewGuid();
        var membership = committee.AddAcceptedMember(personId, D("2025-04-01"), null);
        var deputy = Guid.NewGuid();
        committee.NameDeputy(membership.Id, deputy);
        var version = committee.Version;

        var result = committee.NameDeputy(membership.Id, personId);

        result.Failure.ShouldBeValidation("DeputyPersonId", "A member cannot be their own deputy.");
        membership.DeputyPersonId.Should().Be(deputy);
        committee.Version.Should().Be(version);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void NameDeputy_UnknownMembership_FailsNotFound(bool withDeputy)
    {
        var committee = CommitteeBuilder.NewCommittee();
        committee.AddAcceptedMember(Guid.NewGuid(), D("2025-04-01"), null);
        var version = committee.Version;

        var result = committee.NameDeputy(Guid.NewGuid(), withDeputy ? Guid.NewGuid() : null);

        result.Failure.ShouldBeNotFound("The membership was not found.");
        committee.Version.Should().Be(version);
    }
}
