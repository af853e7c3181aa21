using System.Globalization;

namespace CoCommissioning.Domain.Meetings;

/// <summary>
/// An NHS financial year: 1 April to 31 March, labelled by its two calendar years ("2026/27" starts on
/// 1 April 2026).
/// </summary>
public readonly record struct FinancialYear(int StartYear)
{
    public DateOnly Start => new(StartYear, 4, 1);

    public DateOnly End => new(StartYear + 1, 3, 31);

    public string Label => string.Create(CultureInfo.InvariantCulture, $"{StartYear}/{(StartYear + 1) % 100:00}");

    public static FinancialYear Containing(DateOnly date) => new(date.Month >= 4 ? date.Year : date.Year - 1);

    public bool Contains(DateOnly date) => date >= Start && date <= End;

    public override string ToString() => Label;
}

/// <summary>
/// How many meetings a committee has scheduled in one financial year against the minimum its terms of reference
/// require; <see cref="Warning"/> is null when the minimum is met (or there is none).
/// </summary>
public sealed record MeetingScheduleCheck(FinancialYear Year, int? Minimum, int Scheduled, string? Warning)
{
    public bool IsShort => Warning is not null;
}

/// <summary>
/// The terms of reference's "meets at least N times a year", read against the NHS financial year. Pure: the caller
/// gives the meeting dates (as the people reading the schedule count days) and the minimum in force.
/// </summary>
public static class MeetingSchedule
{
    /// <summary>
    /// Counts the meetings in the financial year containing <paramref name="inYearOf"/> and warns when fewer than
    /// <paramref name="minimumMeetingsPerYear"/> are scheduled. A null or zero minimum (no terms of reference, or
    /// none required) never warns.
    /// </summary>
    public static MeetingScheduleCheck Check(int? minimumMeetingsPerYear, IEnumerable<DateOnly> meetingDates, DateOnly inYearOf)
    {
        ArgumentNullException.ThrowIfNull(meetingDates);
        var year = FinancialYear.Containing(inYearOf);
        var scheduled = meetingDates.Count(year.Contains);
        var warning = minimumMeetingsPerYear is { } minimum && scheduled < minimum ? Warning(year, minimum, scheduled) : null;
        return new MeetingScheduleCheck(year, minimumMeetingsPerYear, scheduled, warning);
    }

    /// <summary>"The terms of reference require at least 6 meetings in 2026/27; 4 are scheduled."</summary>
    public static string Warning(FinancialYear year, int minimum, int scheduled)
    {
        var required = minimum == 1 ? "1 meeting" : string.Create(CultureInfo.InvariantCulture, $"{minimum} meetings");
        var found = scheduled switch
        {
            0 => "none are scheduled",
            1 => "1 is scheduled",
            _ => string.Create(CultureInfo.InvariantCulture, $"{scheduled} are scheduled"),
        };
        return $"The terms of reference require at least {required} in {year.Label}; {found}.";
    }
}
