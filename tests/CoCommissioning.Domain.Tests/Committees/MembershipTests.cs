using CoCommissioning.Domain.Committees;
using static CoCommissioning.Domain.Tests.TestSupport.Dates;

namespace CoCommissioning.Domain.Tests.Committees;

public class MembershipTests
{
    /// <summary>
    /// An existing term against a candidate term, both inclusive of their last day; null end is open-ended.
    /// Each boundary is tested on both sides.
    /// </summary>
    public static TheoryData<string, string?, string, string?, bool> OverlapCases => new()
    {
        // Fixed term 1 Apr 2025 – 31 Mar 2026.
        { "2025-04-01", "2026-03-31", "2024-04-01", "2025-03-31", false }, // ends the day before it starts
        { "2025-04-01", "2026-03-31", "2024-04-01", "2025-04-01", true },  // ends on its first day
        { "2025-04-01", "2026-03-31", "2026-03-31", "2027-03-31", true },  // starts on its last day
        { "2025-04-01", "2026-03-31", "2026-04-01", "2027-03-31", false }, // starts the day after it ends
        { "2025-04-01", "2026-03-31", "2025-06-01", "2025-09-30", true },  // inside it
        { "2025-04-01", "2026-03-31", "2025-01-01", "2026-12-31", true },  // around it
        { "2025-04-01", "2026-03-31", "2025-04-01", "2026-03-31", true },  // the same term
        { "2025-04-01", "2026-03-31", "2025-03-31", "2025-03-31", false }, // a single day just before
        { "2025-04-01", "2026-03-31", "2025-04-01", "2025-04-01", true },  // a single day on its first day
        { "2025-04-01", "2026-03-31", "2026-03-31", "2026-03-31", true },  // a single day on its last day
        { "2025-04-01", "2026-03-31", "2026-04-01", "2026-04-01", false }, // a single day just after
        { "2025-04-01", "2026-03-31", "2020-01-01", null, true },          // open-ended, starting long before
        { "2025-04-01", "2026-03-31", "2026-03-31", null, true },          // open-ended, starting on its last day
        { "2025-04-01", "2026-03-31", "2026-04-01", null, false },         // open-ended, starting the day after it ends

        // Open-ended term from 1 Apr 2025.
        { "2025-04-01", null, "2024-04-01", "2025-03-31", false },         // ends the day before it starts
        { "2025-04-01", null, "2024-04-01", "2025-04-01", true },          // ends on its first day
        { "2025-04-01", null, "2030-01-01", "2030-12-31", true },          // long after it starts
        { "2025-04-01", null, "2020-01-01", null, true },                  // both open-ended
        { "2025-04-01", null, "2030-01-01", null, true },                  // both open-ended, starting later
    };

    [Theory]
    [MemberData(nameof(OverlapCases))]
    public void Overlaps_CandidateTerm_TrueWhenTheyShareADay(string start, string? end, string candidateStart, string? candidateEnd, bool expected)
    {
        var membership = CommitteeBuilder.NewCommittee().AddAcceptedMember(Guid.NewGuid(), D(start), OptionalD(end));

        membership.Overlaps(D(candidateStart), OptionalD(candidateEnd)).Should().Be(expected);
    }

    [Theory]
    [MemberData(nameof(OverlapCases))]
    public void Overlaps_SidesSwapped_GivesTheSameAnswer(string start, string? end, string candidateStart, string? candidateEnd, bool expected)
    {
        var candidate = CommitteeBuilder.NewCommittee().AddAcceptedMember(Guid.NewGuid(), D(candidateStart), OptionalD(candidateEnd));

        candidate.Overlaps(D(start), OptionalD(end)).Should().Be(expected);
    }

    [Theory]
    [InlineData("2025-04-01", "2026-03-31", "2025-03-31", false)]
    [InlineData("2025-04-01", "2026-03-31", "2025-04-01", true)]
    [InlineData("2025-04-01", "2026-03-31", "2025-10-15", true)]
    [InlineData("2025-04-01", "2026-03-31", "2026-03-31", true)]
    [InlineData("2025-04-01", "2026-03-31", "2026-04-01", false)]
    [InlineData("2025-04-01", "2025-04-01", "2025-04-01", true)]
    [InlineData("2025-04-01", "2025-04-01", "2025-04-02", false)]
    [InlineData("2025-04-01", null, "2025-03-31", false)]
    [InlineData("2025-04-01", null, "2025-04-01", true)]
    [InlineData("2025-04-01", null, "2099-12-31", true)]
    public void IsCurrentOn_Date_TrueFromFirstToLastDayInclusive(string start, string? end, string on, bool expected)
    {
        var membership = CommitteeBuilder.NewCommittee().AddAcceptedMember(Guid.NewGuid(), D(start), OptionalD(end));

        membership.IsCurrentOn(D(on)).Should().Be(expected);
    }

    [Fact]
    public void CurrentMemberships_OnDate_ListsOnlyMembersCurrentThatDay()
    {
        var committee = CommitteeBuilder.NewCommittee();
        var ended = committee.AddAcceptedMember(Guid.NewGuid(), D("2024-04-01"), D("2025-03-31"));
        var current = committee.AddAcceptedMember(Guid.NewGuid(), D("2025-04-01"), null);
        var endsToday = committee.AddAcceptedMember(Guid.NewGuid(), D("2024-04-01"), D("2025-06-01"));
        var future = committee.AddAcceptedMember(Guid.NewGuid(), D("2025-06-02"), null);

        var onDay = committee.CurrentMemberships(D("2025-06-01")).Select(m => m.Id).ToList();

        onDay.Should().BeEquivalentTo([current.Id, endsToday.Id]);
        onDay.Should().NotContain([ended.Id, future.Id]);
        committee.Memberships.Should().HaveCount(4);
    }
}
