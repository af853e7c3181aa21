using CoCommissioning.Data;
using CoCommissioning.Domain.Common;
using CoCommissioning.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CoCommissioning.Web.Infrastructure;

/// <summary>
/// The one save pipeline: a lost race on a concurrency token is a 409 naming the record, a lost race on a unique index
/// that stands for a rule is a 409 with that index's message (<see cref="UniqueIndexes"/>), and anything else is a bug
/// and is rethrown: no failure of a save is ever dressed up as a rule.
/// </summary>
public static class Saving
{
    /// <param name="what">The record in words for the conflict message ("meeting", "agenda item").</param>
    /// <param name="overrides">Failures by unique index name where this save words them for its own field.</param>
    public static async Task<CommandResult> SaveAsync(AppDbContext db, string what, CancellationToken ct, IReadOnlyDictionary<string, Failure>? overrides = null)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return CommandResult.Success();
        }
        catch (DbUpdateConcurrencyException)
        {
            return Failure.Conflict(what);
        }
        catch (DbUpdateException ex) when (UniqueIndexes.FailureFor(db, ex, overrides) is { } failure)
        {
            return failure;
        }
    }
}

/// <summary>
/// Writes to one meeting's record are taken one at a time: each takes the meeting's row lock (PostgreSQL) or the
/// database's write lock (SQLite) before it reads, so it judges quorum, rulings and item state on what is committed,
/// and writes to different items never refuse each other. A person's stale view is caught by the version they send
/// (the meeting's for the meeting, the item's for an item), not by a collision of unrelated saves.
/// </summary>
public static class MeetingLock
{
    public static async Task TakeAsync(AppDbContext db, Guid meetingId, CancellationToken ct)
    {
        await db.Database.BeginTransactionAsync(ct);

        // A write that changes nothing still takes the lock: FOR UPDATE has no SQLite equivalent, this works on both.
        await db.Meetings.Where(m => m.Id == meetingId).ExecuteUpdateAsync(s => s.SetProperty(m => m.Version, m => m.Version), ct);
    }
}
