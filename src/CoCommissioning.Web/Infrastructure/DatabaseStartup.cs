using System.Diagnostics;
using CoCommissioning.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace CoCommissioning.Web.Infrastructure;

/// <summary>
/// The first touch of the database at start-up: wait until it can be reached (a container platform starts the app and
/// PostgreSQL together, and a database restart may coincide with a deploy), then hold the start-up lock
/// (<see cref="RunOnce.Startup"/>) so that of several instances starting together one migrates and seeds while the
/// others wait, and then find the work done.
/// </summary>
public static class DatabaseStartup
{
    public const string TimeoutSetting = "Database:StartupTimeout";

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(3);

    private static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestDelay = TimeSpan.FromSeconds(15);

    /// <summary>Waits for the database (within <c>Database:StartupTimeout</c>) and the start-up lock, which is held until disposed.</summary>
    public static async Task<IAsyncDisposable> WaitAndLockAsync(IServiceProvider services, IConfiguration configuration, ILogger logger, CancellationToken ct = default)
    {
        var limit = configuration.GetValue<TimeSpan?>(TimeoutSetting) ?? DefaultTimeout;
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(ct);
        var where = Describe(db);
        var waited = Stopwatch.StartNew();
        var delay = FirstDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await RunOnce.HoldAsync(db, RunOnce.Startup, ct);
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InvalidCatalogName)
            {
                // The server is up but the database is not there yet: create it, as migrating would.
                await CreateDatabaseAsync(db, where, logger, ct);
            }
            catch (Exception ex) when (DatabaseFailures.IsOutage(ex))
            {
                var reason = DatabaseFailures.Reason(ex);
                var left = limit - waited.Elapsed;
                if (left <= TimeSpan.Zero)
                {
                    throw new InvalidOperationException(
                        $"The database at {where} could not be reached within {limit} ({attempt} attempts): {reason}. Check that it is running and that "
                        + $"ConnectionStrings:CoCommissioning points at it; {TimeoutSetting} sets how long to wait.", ex);
                }

                logger.LogWarning("Waiting for the database at {Database} (attempt {Attempt}): {Reason}", where, attempt, reason);
                await Task.Delay(delay < left ? delay : left, ct);
                delay = delay * 2 < LongestDelay ? delay * 2 : LongestDelay;
            }
        }
    }

    private static async Task CreateDatabaseAsync(AppDbContext db, string where, ILogger logger, CancellationToken ct)
    {
        try
        {
            await db.GetService<IRelationalDatabaseCreator>().CreateAsync(ct);
            logger.LogInformation("Created the database {Name} at {Database}", db.Database.GetDbConnection().Database, where);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Another instance starting alongside created it first.
        }
    }

    /// <summary>Where the database is, for people (host:port or the file), never with the password.</summary>
    public static string Describe(AppDbContext db)
    {
        var connectionString = db.Database.GetConnectionString() ?? "";
        if (db.Database.IsNpgsql())
        {
            var postgres = new NpgsqlConnectionStringBuilder(connectionString);
            return $"{postgres.Host}:{postgres.Port}";
        }

        return new SqliteConnectionStringBuilder(connectionString).DataSource;
    }
}
