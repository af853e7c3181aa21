namespace CoCommissioning.Data;

/// <summary>
/// The current time at the precision both databases keep (whole microseconds), so what an answer says and what a
/// later read returns are the same instant, and an audit entry matches the record it describes.
/// </summary>
public static class StoredTime
{
    public static DateTimeOffset Now(this TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }

    /// <summary>Today's date as every rule reads it: the UTC date, the same on every server.</summary>
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
