using CoCommissioning.Data.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CoCommissioning.Data;

/// <summary>
/// Creates a short-lived context that names who is acting, so every governance change it saves is audited.
/// Feature services use this; components never see a context.
/// </summary>
public sealed class GovernanceDbFactory(IDbContextFactory<AppDbContext> contexts, TimeProvider clock, IEnumerable<IGovernanceChangeObserver> observers, ILogger<GovernanceDbFactory> logger)
{
    private void Observe(AppDbContext db)
    {
        db.Observers = [.. observers];
        db.ObserverFailed = (ex, observer) =>
            logger.LogError(ex, "After a committed save, {Observer} failed; the save stands (a cache entry expires on its own)", observer.GetType().Name);
    }

    public async Task<AppDbContext> CreateAsync(AuditActor actor, CancellationToken cancellationToken = default)
    {
        var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Audit = new AuditWriter(actor, clock);
        Observe(db);
        return db;
    }

    /// <summary>
    /// A context for the retention job: records it deletes are audited as purged, with the reason and without their
    /// contents, since keeping the contents in the audit trail would defeat the purge.
    /// </summary>
    public async Task<AppDbContext> CreateForPurgeAsync(AuditActor actor, string reason, CancellationToken cancellationToken = default)
    {
        var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Audit = new AuditWriter(actor, clock) { PurgeReason = reason };
        Observe(db);
        return db;
    }

    /// <summary>A context for reading only: saving a governance change through it throws.</summary>
    public Task<AppDbContext> CreateForReadingAsync(CancellationToken cancellationToken = default) =>
        contexts.CreateDbContextAsync(cancellationToken);
}
