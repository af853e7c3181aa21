using System.Security.Cryptography;
using System.Text;
using CoCommissioning.Data;
using Microsoft.EntityFrameworkCore;

namespace CoCommissioning.Web.Infrastructure;

/// <summary>
/// Serialises the creates people double-click (a meeting under a committee, a gift of a person, an action of a meeting)
/// across every app instance, so the "is this already recorded?" check and the insert cannot interleave. PostgreSQL is
/// the only state instances share, so the lock is a session-level advisory lock there, held for the check and the
/// save and released straight after. SQLite is the single-instance embedded provider: it takes no lock, and two
/// identical creates in the same few milliseconds may still both pass its check.
/// </summary>
internal static class DuplicateGuard
{
    private const string Npgsql = "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>Holds the lock for one kind of record under one parent until disposed.</summary>
    public static async Task<IAsyncDisposable> LockAsync(AppDbContext db, string kind, Guid parentId, CancellationToken ct)
    {
        if (db.Database.ProviderName != Npgsql)
        {
            return NoLock.Instance;
        }

        var key = Key(kind, parentId);
        await db.Database.OpenConnectionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({key})", ct);
        return new AdvisoryLock(db, key);
    }

    // Stable across processes and runs (string.GetHashCode is not), and spread over the whole bigint key space.
    private static long Key(string kind, Guid parentId) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes($"{kind}:{parentId:N}")), 0);

    private sealed class AdvisoryLock(AppDbContext db, long key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            // Not the request's token: a cancelled request must still release the lock before its connection is pooled.
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({key})", CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
    }

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
