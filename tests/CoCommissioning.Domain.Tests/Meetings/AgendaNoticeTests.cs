using CoCommissioning.Domain.Meetings;
using static CoCommissioning.Domain.Tests.TestSupport.Dates;

namespace CoCommissioning.Domain.Tests.Meetings;

/// <summary>Clear days count neither the day of publication nor the day of the meeting (rule book section 7).</summary>
public sealed class AgendaNoticeTests
{
    private static string Warning(int clear, string dayOrDays) =>
        $"The agenda would be published with {clear} clear {dayOrDays} before the meeting; at least 3 are required. Publish only if the chair agrees the short notice, and record why.";

    [Theory]
    [InlineData("2026-11-23", "2026-11-27", 3)]  // Monday for Friday: Tuesday, Wednesday, Thursday
    [InlineData("2026-11-24", "2026-11-27", 2)]  // Tuesday for Friday
    [InlineData("2026-11-25", "2026-11-27", 1)]  // Wednesday for Friday
    [InlineData("2026-11-26", "2026-11-27", 0)]  // the day before
    [InlineData("2026-11-27", "2026-11-27", 0)]  // the same day
    [InlineData("2026-11-28", "2026-11-27", 0)]  // after the meeting: never negative
    [InlineData("2026-11-20", "2026-11-27", 6)]  // a week before
    [InlineData("2026-11-01", "2026-11-27", 25)]
    [InlineData("2026-11-27", "2026-12-01", 3)]  // across a month end (30-day month)
    [InlineData("2026-01-29", "2026-02-02", 3)]  // across a month end (31-day month): 30, 31, 1
    [InlineData("2026-01-30", "2026-02-02", 2)]
    [InlineData("2026-12-29", "2027-01-02", 3)]  // across the year end: 30, 31, 1
    [InlineData("2026-12-30", "2027-01-02", 2)]
    [InlineData("2026-12-31", "2027-01-01", 0)]
    [InlineData("2028-02-27", "2028-03-02", 3)]  // leap year: 28, 29 February, 1 March
    [InlineData("2028-02-28", "2028-03-02", 2)]  // leap year: 29 February, 1 March
    [InlineData("2027-02-28", "2027-03-02", 1)]  // no leap day: 1 March only
    [InlineData("2027-02-26", "2027-03-02", 3)]  // no leap day: 27, 28 February, 1 March
    [InlineData("2028-02-29", "2028-03-04", 3)]  // published on the leap day
    public void ClearDays_CountsWholeDaysBetween(string publishedOn, string meetingOn, int clear) =>
        AgendaNotice.ClearDays(D(publishedOn), D(meetingOn)).Should().Be(clear);

    [Theory]
    [InlineData("2026-11-23", DayOfWeek.Monday)]
    [InlineData("2026-11-24", DayOfWeek.Tuesday)]
    [InlineData("2026-11-27", DayOfWeek.Friday)]
    [InlineData("2028-02-29", DayOfWeek.Tuesday)]
    public void ClearDays_TableDates_AreTheWeekdaysTheCommentsSay(string date, DayOfWeek day) =>
        D(date).DayOfWeek.Should().Be(day);

    [Theory]
    [InlineData("2026-11-23", "2026-11-27")]  // Monday for Friday: exactly three
    [InlineData("2026-11-20", "2026-11-27")]
    [InlineData("2026-12-29", "2027-01-02")]
    [InlineData("2028-02-27", "2028-03-02")]
    public void ShortNoticeWarning_ThreeOrMoreClearDays_None(string publishedOn, string meetingOn) =>
        AgendaNotice.ShortNoticeWarning(D(publishedOn), D(meetingOn)).Should().BeNull();

    [Theory]
    [InlineData("2026-11-24", "2026-11-27", 2, "days")]   // Tuesday for Friday
    [InlineData("2026-11-25", "2026-11-27", 1, "day")]    // singular
    [InlineData("2026-11-26", "2026-11-27", 0, "days")]
    [InlineData("2026-11-27", "2026-11-27", 0, "days")]   // the same day
    [InlineData("2026-11-28", "2026-11-27", 0, "days")]   // after the meeting
    [InlineData("2026-01-30", "2026-02-02", 2, "days")]   // month end
    [InlineData("2026-12-30", "2027-01-02", 2, "days")]   // year end
    [InlineData("2028-02-28", "2028-03-02", 2, "days")]   // leap day counts
    [InlineData("2027-02-28", "2027-03-02", 1, "day")]    // no leap day
    public void ShortNoticeWarning_FewerThanThree_SaysHowMany(string publishedOn, string meetingOn, int clear, string dayOrDays)
    {
        var warning = AgendaNotice.ShortNoticeWarning(D(publishedOn), D(meetingOn));

        warning.Should().Be(Warning(clear, dayOrDays));
        warning.Should().Contain($"{clear} clear {dayOrDays} before");
    }

    [Fact]
    public void ShortNoticeWarning_OneDay_IsSingular()
    {
        var warning = AgendaNotice.ShortNoticeWarning(D("2026-11-25"), D("2026-11-27"));

        warning.Should().Contain("1 clear day before").And.NotContain("1 clear days");
    }

    [Fact]
    public void ShortNoticeWarning_TuesdayForFriday_SaysTwoClearDays() =>
        AgendaNotice.ShortNoticeWarning(D("2026-11-24"), D("2026-11-27")).Should().Contain("2 clear days");

    [Theory]
    [InlineData("2026-11-23", "2026-11-27")]
    [InlineData("2026-11-24", "2026-11-27")]
    [InlineData("2026-11-27", "2026-11-27")]
    [InlineData("2028-02-28", "2028-03-02")]
    public void ShortNoticeWarning_GivenExactlyWhenFewerThanTheRequiredClearDays(string publishedOn, string meetingOn) =>
        (AgendaNotice.ShortNoticeWarning(D(publishedOn), D(meetingOn)) is not null)
            .Should().Be(AgendaNotice.ClearDays(D(publishedOn), D(meetingOn)) < AgendaNotice.ClearDaysRequired);
}

public sealed class ExclusionResolutionTests
{
    public const string Act = "Public Bodies (Admission to Meetings) Act 1960";

    [Theory]
    [InlineData(ExclusionResolution.ConfidentialBusiness)]
    [InlineData("the commercially sensitive nature of the contract negotiations")]
    [InlineData("personal information about named members of staff")]
    public void WordingFor_NamesTheActAndTheReason(string reason)
    {
        var wording = ExclusionResolution.WordingFor(reason);

        wording.Should().StartWith("RESOLVED that representatives of the press, and other members of the public, be excluded");
        wording.Should().Contain(Act);
        wording.Should().Contain("Section 1(2)");
        wording.Should().Contain($"having regard to {reason}, publicity on which would be prejudicial to the public interest");
    }

    [Fact]
    public void WordingFor_ConfidentialBusiness_IsTheWholeResolution() =>
        ExclusionResolution.WordingFor(ExclusionResolution.ConfidentialBusiness).Should().Be(
            "RESOLVED that representatives of the press, and other members of the public, be excluded from the remainder of this meeting "
            + "having regard to the confidential nature of the business to be transacted, publicity on which would be prejudicial to the public interest "
            + "(Section 1(2), Public Bodies (Admission to Meetings) Act 1960).");
}
