using CoCommissioning.Domain.Meetings;
using CoCommissioning.Domain.Tests.TestSupport;
using static CoCommissioning.Domain.Tests.TestSupport.Dates;

namespace CoCommissioning.Domain.Tests.Meetings;

public sealed class MeetingScheduleTests
{
    [Theory]
    [InlineData("2026-04-01", 2026, "2026/27")]  // first day
    [InlineData("2027-03-31", 2026, "2026/27")]  // last day
    [InlineData("2026-03-31", 2025, "2025/26")]  // the day before the year starts
    [InlineData("2027-04-01", 2027, "2027/28")]  // the day after it ends
    [InlineData("2026-12-31", 2026, "2026/27")]  // calendar year end inside the financial year
    [InlineData("2027-01-01", 2026, "2026/27")]
    [InlineData("2099-06-15", 2099, "2099/00")]  // the century rolls over in the label
    public void FinancialYear_Containing_RunsFromAprilToMarch(string date, int startYear, string label)
    {
        var year = FinancialYear.Containing(D(date));

        year.StartYear.Should().Be(startYear);
        year.Label.Should().Be(label);
        year.Start.Should().Be(new DateOnly(startYear, 4, 1));
        year.End.Should().Be(new DateOnly(startYear + 1, 3, 31));
    }

    [Theory]
    [InlineData("2026-03-31", false)]
    [InlineData("2026-04-01", true)]
    [InlineData("2027-03-31", true)]
    [InlineData("2027-04-01", false)]
    public void FinancialYear_Contains_IncludesBothEnds(string date, bool contains) =>
        new FinancialYear(2026).Contains(D(date)).Should().Be(contains);

    [Theory]
    // The meetings counted are those in the year containing the reference date; 31 March and 1 April fall on
    // either side of the line.
    [InlineData("2026-06-01", new[] { "2026-04-01", "2026-07-01", "2027-03-31" }, 3)]
    [InlineData("2026-06-01", new[] { "2026-03-31", "2027-04-01" }, 0)]
    [InlineData("2026-03-31", new[] { "2026-03-31", "2026-04-01", "2025-04-01" }, 2)]  // 2025/26
    [InlineData("2026-04-01", new[] { "2026-03-31", "2026-04-01", "2025-04-01" }, 1)]  // 2026/27
    [InlineData("2027-03-31", new[] { "2026-04-01", "2026-04-01", "2027-03-31" }, 3)]  // two on one day both count
    [InlineData("2026-06-01", new string[0], 0)]
    public void Check_CountsTheMeetingsOfTheFinancialYear(string inYearOf, string[] dates, int scheduled) =>
        MeetingSchedule.Check(6, dates.Select(D), D(inYearOf)).Scheduled.Should().Be(scheduled);

    [Theory]
    [InlineData(6, 4, "The terms of reference require at least 6 meetings in 2026/27; 4 are scheduled.")]
    [InlineData(6, 5, "The terms of reference require at least 6 meetings in 2026/27; 5 are scheduled.")]
    [InlineData(6, 1, "The terms of reference require at least 6 meetings in 2026/27; 1 is scheduled.")]
    [InlineData(6, 0, "The terms of reference require at least 6 meetings in 2026/27; none are scheduled.")]
    [InlineData(1, 0, "The terms of reference require at least 1 meeting in 2026/27; none are scheduled.")]
    [InlineData(6, 6, null)]   // exactly the minimum
    [InlineData(6, 7, null)]   // more than the minimum
    [InlineData(0, 0, null)]   // none required
    [InlineData(null, 0, null)] // no terms of reference in force
    public void Check_WarnsOnlyWhenFewerThanTheMinimum(int? minimum, int meetings, string? warning)
    {
        var dates = Enumerable.Range(0, meetings).Select(i => new DateOnly(2026, 4, 1).AddMonths(i));

        var check = MeetingSchedule.Check(minimum, dates, D("2026-09-30"));

        check.Warning.Should().Be(warning);
        check.IsShort.Should().Be(warning is not null);
        (check.Year, check.Minimum, check.Scheduled).Should().Be((new FinancialYear(2026), minimum, meetings));
    }

    [Theory]
    // Four in 2026/27 by the 31 March / 1 April line: the meeting on 1 April 2027 belongs to the next year.
    [InlineData("2026-04-01", "The terms of reference require at least 6 meetings in 2026/27; 4 are scheduled.")]
    [InlineData("2027-03-31", "The terms of reference require at least 6 meetings in 2026/27; 4 are scheduled.")]
    [InlineData("2027-04-01", "The terms of reference require at least 6 meetings in 2027/28; 1 is scheduled.")]
    [InlineData("2026-03-31", "The terms of reference require at least 6 meetings in 2025/26; 1 is scheduled.")]
    public void Check_AtTheYearBoundary_NamesTheYearOfTheReferenceDate(string inYearOf, string warning)
    {
        string[] dates = ["2026-03-31", "2026-04-01", "2026-09-15", "2026-12-10", "2027-03-31", "2027-04-01"];

        MeetingSchedule.Check(6, dates.Select(D), D(inYearOf)).Warning.Should().Be(warning);
    }

    [Fact]
    public void Check_Warning_DoesNotDependOnTheCulture()
    {
        using var culture = new CultureScope("ar-SA");

        MeetingSchedule.Check(12, [D("2026-05-01")], D("2026-05-01")).Warning
            .Should().Be("The terms of reference require at least 12 meetings in 2026/27; 1 is scheduled.");
    }
}
