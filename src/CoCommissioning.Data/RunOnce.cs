using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CoCommissioning.Data;

/// <summary>
/// Work that must not run twice at once, on this instance or another. Two forms: <see cref="BeginAsync"/> runs inside a
/// transaction holding a transaction-scoped lock; <see cref="HoldAsync"/> holds a session lock on a dedicated connection
/// for work that cannot run in one transaction (migrations each commit on their own, seeding saves several times).
/// On PostgreSQL both are advisory locks, shared by every instance on the database.
/// </summary>
public static class RunOnce
{
    /// <summary>The retention purge ("CoCo" "Ret" as bytes, so it cannot clash with another app's small numbers).</summary>
    public const long RetentionPurge = 0x436F436F_526574;

    /// <summary>Migrations and seeding at start-up ("CoCo" "Stu").</summary>
    public const long Startup = 0x436F436F_537475;

    /// <summary>The daily reminders of actions due soon ("CoCo" "Due").</summary>
    public const long ActionReminders = 0x436F436F_447565;

    /// <summary>
    /// Begins the transaction and takes the lock: waiting for another run to finish when <paramref name="wait"/>, or
    /// answering false at once when another run holds it (the caller then skips: the other run does the work). On
    /// SQLite the lock is the database's write lock, which Microsoft.Data.Sqlite takes when the transaction begins
    /// (BEGIN IMMEDIATE).
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

    /// <summary>
    /// Waits for and holds the lock until the answer is disposed. PostgreSQL: <c>pg_advisory_lock</c> on a connection of
    /// its own, outside the pool, so that neither the work's own connections nor a pooled reuse can release it early;
    /// if this process dies the server ends the session and the lock goes with it. SQLite: an exclusive lock on a file
    /// beside the database (left in place: deleting it on release would let a waiter lock a file no one else sees), which
    /// the operating system also releases when the process dies; an in-memory database
    /// belongs to one process and needs none. Opening the connection is the first thing this does, so a database that
    /// cannot be reached throws here, before any work begins.
    /// </summary>
    public static async Task<IAsyncDisposable> HoldAsync(AppDbContext db, long key, CancellationToken ct)
    {
        var connectionString = db.Database.GetConnectionString() ?? throw new InvalidOperationException("The context has no connection string.");
        return db.Database.IsNpgsql()
            ? await SessionLock.TakeAsync(connectionString, key, ct)
            : await FileLock.TakeAsync(connectionString, key, ct);
    }

    private sealed class SessionLock(NpgsqlConnection connection, long key) : IAsyncDisposable
    {
        public static async Task<SessionLock> TakeAsync(string connectionString, long key, CancellationToken ct)
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, ApplicationName = "CoCommissioning start-up lock" };
            var connection = new NpgsqlConnection(builder.ConnectionString);
            try
            {
                await connection.OpenAsync(ct);

                // No command timeout: another instance's migrations and seeding take as long as they take.
                await using var take = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection) { CommandTimeout = 0 };
                take.Parameters.AddWithValue("key", key);
                await take.ExecuteNonQueryAsync(ct);
                return new SessionLock(connection, key);
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
                release.Parameters.AddWithValue("key", key);
                await release.ExecuteNonQueryAsync();
            }
            catch (NpgsqlException)
            {
                // Closing the unpooled connection below ends the session, which releases the lock all the same.
            }

            await connection.DisposeAsync();
        }
    }

    private sealed class FileLock(FileStream? file) : IAsyncDisposable
    {
        private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);

        public static async Task<FileLock> TakeAsync(string connectionString, long key, CancellationToken ct)
        {
            var source = new SqliteConnectionStringBuilder(connectionString);
            if (source.Mode == SqliteOpenMode.Memory || string.IsNullOrEmpty(source.DataSource) || source.DataSource == ":memory:")
            {
                return new FileLock(null);
            }

            var path = $"{Path.GetFullPath(source.DataSource)}.{key:x}.lock";
            while (true)
            {
                try
                {
                    return new FileLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
                }
                catch (IOException)
                {
                    // Held by another process: poll, as SQLite itself does for its busy database.
                    await Task.Delay(Poll, ct);
                }
            }
        }

        public ValueTask DisposeAsync() => file?.DisposeAsync() ?? ValueTask.CompletedTask;
    }
}
