namespace CoCommissioning.Data;

/// <summary>
/// The current time at the precision both databases keep, so what an answer says and what a later read returns are
/// the same instant, and an audit entry matches the record it describes. PostgreSQL keeps microseconds; SQLite keeps
/// a DateTimeOffset as EF Core's binary form, which drops the last three digits of the ticks (a tenth of a
/// millisecond). Found when the API tests first ran on SQLite too.
/// </summary>
public static class StoredTime
{
    /// <summary>A tenth of a millisecond: the finest both providers store.</summary>
    public const long StoredTicks = TimeSpan.TicksPerMillisecond / 10;

    public static DateTimeOffset Now(this TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return now.AddTicks(-(now.Ticks % StoredTicks));
    }

    /// <summary>Today's date as every rule reads it: the UTC date, the same on every server.</summary>
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
