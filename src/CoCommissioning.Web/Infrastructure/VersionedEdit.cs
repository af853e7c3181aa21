using CoCommissioning.Data;
using CoCommissioning.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace CoCommissioning.Web.Infrastructure;

/// <summary>
/// The one way a person's edit of a versioned record is applied: not found, or stale (the version they saw has
/// moved), or refused by the rule, or saved; a save that loses a race is a conflict too, never an overwrite.
/// </summary>
public static class VersionedEdit
{
    /// <param name="notFound">What the caller was looking for, for the 404 message ("The declaration").</param>
    /// <param name="what">The record in words for the conflict message ("declaration").</param>
    public static async Task<CommandResult> ApplyAsync<T>(AppDbContext db, T? record, Guid expectedVersion, string notFound, string what, Func<T, Task<CommandResult>> change, CancellationToken ct)
        where T : class, IVersioned
    {
        if (record is null)
        {
            return Failure.NotFound(notFound);
        }

        if (record.Version != expectedVersion)
        {
            return Failure.Conflict(what);
        }

        var changed = await change(record);
        if (!changed.Succeeded)
        {
            return changed.Failure!;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Failure.Conflict(what);
        }

        return CommandResult.Success();
    }

    public static Task<CommandResult> ApplyAsync<T>(AppDbContext db, T? record, Guid expectedVersion, string notFound, string what, Func<T, CommandResult> change, CancellationToken ct)
        where T : class, IVersioned =>
        ApplyAsync(db, record, expectedVersion, notFound, what, r => Task.FromResult(change(r)), ct);
}
