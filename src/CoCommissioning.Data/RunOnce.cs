using Microsoft.EntityFrameworkCore;

namespace CoCommissioning.Data;

/// <summary>
/// Work that must not run twice at once, on this instance or another: it runs inside a transaction holding a named
/// lock. On PostgreSQL, a transaction-scoped advisory lock (shared by every instance on the database); on SQLite, the
/// database's write lock, which Microsoft.Data.Sqlite takes when the transaction begins (BEGIN IMMEDIATE).
/// </summary>
public static class RunOnce
{
    /// <summary>The retention purge ("CoCo" "Ret" as bytes, so it cannot clash with another app's small numbers).</summary>
    public const long RetentionPurge = 0x436F436F_526574;

    /// <summary>
    /// Begins the transaction and takes the lock: waiting for another run to finish when <paramref name="wait"/>, or
    /// answering false at once when another run holds it (the caller then skips: the other run does the work).
    /// </summary>
    public static async Task<bool> BeginAsync(AppDbContext db, long key, bool wait, CancellationToken ct)
    {
        await db.Database.BeginTransactionAsync(ct);
        if (!db.Database.IsNpgsql())
        {
            return true;
        }

        if (wait)
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", ct);
            return true;
        }

        return await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({key}) AS \"Value\"").SingleAsync(ct);
    }
}
