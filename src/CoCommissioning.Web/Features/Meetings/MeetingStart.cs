using System.Globalization;

namespace CoCommissioning.Web.Features.Meetings;

/// <summary>A meeting's start as forms take it: a UK date and time, stored as a UTC instant.</summary>
public static class MeetingStart
{
    public static readonly CultureInfo UkCulture = CultureInfo.GetCultureInfo("en-GB");
    private static readonly TimeZoneInfo UkZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static (DateTime? Date, TimeSpan? Time) ToUk(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, UkZone);
        return (local.Date, local.TimeOfDay);
    }

    /// <summary>The UTC instant of a UK date and time, or the problem to show beside the time.</summary>
    public static (DateTimeOffset? StartsAt, string? Problem) ToUtc(DateTime? date, TimeSpan? time)
    {
        if (date is null)
        {
            return (null, null);
        }

        if (time is not { } t)
        {
            return (null, "Enter the time the meeting starts.");
        }

        var local = DateTime.SpecifyKind(date.Value.Date + t, DateTimeKind.Unspecified);
        return UkZone.IsInvalidTime(local)
            ? (null, "That time does not exist in the UK: the clocks go forward then. Choose another time.")
            : (new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, UkZone), TimeSpan.Zero), null);
    }
}
