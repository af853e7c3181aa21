using CoCommissioning.Domain.Committees;
using CoCommissioning.Domain.Tests.TestSupport;
using static CoCommissioning.Domain.Tests.TestSupport.Dates;

namespace CoCommissioning.Domain.Tests.Committees;

public class CommitteeEndMembershipTests
{
    [Theory]
    [InlineData("2025-04-01", null, "2025-04-01")]  // ends on its first day
    [InlineData("2025-04-01", null, "2026-03-31")]
    [InlineData("2025-04-01", "2026-03-31", "2026-03-31")] // the day it already ends: accepted again
    [InlineData("2025-04-01", "2026-03-31", "2025-12-31")] // earlier than planned
    [InlineData("2025-04-01", "2026-03-31", "2025-04-01")]
    public void EndMembership_LastDayWithinTerm_SetsTermEndAndChangesVersion(string start, string? end, string lastDay)
    {
        var committee = CommitteeBuilder.NewCommittee();
        var membership = committee.AddAcceptedMember(Guid.NewGuid(), D(start), OptionalD(end));
        var version = committee.Version;

        var result = committee.EndMembership(membership.Id, D(lastDay));

        result.Succeeded.Should().BeTrue();
        membership.TermEnd.Should().Be(D(lastDay));
        membership.TermStart.Should().Be(D(start));
        committee.Version.Should().NotBe(version);
    }

    [Fact]
    public void EndMembership_Ended_KeepsTheMembership()
    {
        var committee = CommitteeBuilder.NewCommittee();
        var membership = committee.AddAcceptedMember(Guid.NewGuid(), D("2025-04-01"), null);

        committee.EndMembership(membership.Id, D("2025-09-30"));

        committee.Memberships.Should().ContainSingle().Which.Should().BeSameAs(membership);
        committee.CurrentMemberships(D("2025-10-01")).Should().BeEmpty();
    }

    [Theory]
    [InlineData("2025-04-01", null, "2025-03-31")]
    [InlineData("2025-04-01", "2026-03-31", "2025-03-31")]
    [InlineData("2025-04-01", "2026-03-31", "2020-01-01")]
    public void EndMembership_LastDayBeforeStart_FailsOnTermEnd(string start, string? end, string lastDay)
    {
        var committee = CommitteeBuilder.NewCommittee();
        var membership = committee.AddAcceptedMember(Guid.NewGuid(), D(start), OptionalD(end));
        var version = committee.Version;

        var result = committee.EndMembership(membership.Id, D(lastDay));

        result.Failure.ShouldBeValidation("TermEnd", "The last day cannot be before the membership started.");
        membership.TermEnd.Should().Be(OptionalD(end));
        committee.Version.Should().Be(version);
    }

    [Theory]
    [InlineData("2026-03-31", "2026-04-01", "This membership already ended on 31 March 2026.")]
    [InlineData("2026-03-31", "2030-01-01", "This membership already ended on 31 March 2026.")]
    [InlineData("2025-07-04", "2025-07-05", "This membership already ended on 4 July 2025.")]
    public void EndMembership_LastDayAfterEarlierEnd_FailsOnTermEnd(string end, string lastDay, string message)
    {
        using var culture = new CultureScope("en-GB");
        var committee = CommitteeBuilder.NewCommittee();
        var membership = committee.AddAcceptedMember(Guid.NewGuid(), D("2025-04-01"), D(end));
        var version = committee.Version;

        var result = committee.EndMembership(membership.Id, D(lastDay));

        result.Failure.ShouldBeValidation("TermEnd", message);
        membership.TermEnd.Should().Be(D(end));
        committee.Version.Should().Be(version);
    }

    [Theory]
    [InlineData("fr-FR")]
    [InlineData("de-DE")]
    [InlineData("cy-GB")]
    public void EndMembership_LastDayAfterEarlierEnd_MessageDateIsEnglishWhateverTheCulture(string cultureName)
    {
        using var culture = new CultureScope(cultureName);
        var committee = CommitteeBuilder.NewCommittee();
        var membership = committee.AddAcceptedMember(Guid.NewGuid(), D("2025-04-01"), D("2026-03-31"));

        var result = committee.EndMembership(membership.Id, D("2026-04-01"));

        result.Failure.ShouldBeValidation("TermEnd", "This membership already ended on 31 March 2026.");
    }

    [Theory]
    [InlineData(CommitteeOffice.Chair)]
    [InlineData(CommitteeOffice.ViceChair)]
    public void EndMembership_OfficeHolder_ClearsTheOffice(CommitteeOffice office)
    {
        var committee = CommitteeBuilder.NewCommittee();
        var membership = committee.AddAcceptedMember(Guid.NewGuid(), D("2025-04-01"), null);
        committee.Appoint(membership.Id, office, D("2025-05-01")).Succeeded.Should().BeTrue();

        var result = committee.EndMembership(membership.Id, D("2025-09-30"));

        result.Succeeded.Should().BeTrue();
        membership.Office.Should().Be(CommitteeOffice.None);
        committee.OfficeHolder(office, D("2025-09-30")).Should().BeNull();
    }

    [Fact]
    public void EndMembership_Refused_KeepsTheOffice()
    {
        var committee = CommitteeBuilder.NewCommittee();
        var membership = committee.AddAcceptedMember(Guid.NewGuid(), D("2025-04-01"), null);
        committee.Appoint(membership.Id, CommitteeOffice.Chair, D("2025-05-01"));

        committee.EndMembership(membership.Id, D("2025-03-01")).Succeeded.Should().BeFalse();

        membership.Office.Should().Be(CommitteeOffice.Chair);
    }

    [Fact]
    public void EndMembership_UnknownMembership_FailsNotFound()
    {
        var committee = CommitteeBuilder.NewCommittee();
        var version = committee.Version;

        var result = committee.EndMembership(Guid.NewGuid(), D("2025-09-30"));

        result.Failure.ShouldBeNotFound("The membership was not found.");
        committee.Version.Should().Be(version);
    }
}
