using CoCommissioning.Data;
using CoCommissioning.Data.Audit;
using CoCommissioning.Domain.Interests;
using Microsoft.EntityFrameworkCore;

namespace CoCommissioning.Web.Features.Retention;

/// <param name="Declarations">Declarations (with all their versions) purged.</param>
/// <param name="GiftEntries">Gifts and hospitality entries purged.</param>
public sealed record RetentionRunDto(DateOnly RunOn, int Declarations, int GiftEntries);

/// <summary>
/// Purges register entries six years after they ended (rule book section 6). Each purge is written to the audit
/// trail as a purge with its reason, not the contents, in the same save as the delete.
/// </summary>
public sealed class RetentionService(GovernanceDbFactory dbs, TimeProvider clock, ILogger<RetentionService> logger)
{
    /// <summary>
    /// Runs for every organisation; <paramref name="organisationId"/> limits it to one. Runs never overlap, on any
    /// instance (<see cref="RunOnce"/>): a run asked for while another is under way waits for it and then finds nothing
    /// left to purge, so concurrent requests all succeed. With <paramref name="skipIfRunning"/> (the daily job on each
    /// instance) it answers null at once instead, leaving the work to the run under way.
    /// </summary>
    public async Task<RetentionRunDto?> PurgeAsync(AuditActor actor, Guid? organisationId = null, bool skipIfRunning = false, CancellationToken ct = default)
    {
        var today = clock.Today();

        // IsDueForPurge(today, ended) is "today > ended + 6 years", so ended < today - 6 years.
        var cutOff = today.AddYears(-RegisterRules.RetentionYearsAfterEnd);
        var reason = $"Retention: ended more than {RegisterRules.RetentionYearsAfterEnd} years before {today:yyyy-MM-dd}.";
        await using var db = await dbs.CreateForPurgeAsync(actor, reason, ct);
        var purged = await db.InTransactionAsync<RetentionRunDto?>(async attemptCt =>
        {
            if (!await RunOnce.BeginAsync(db, RunOnce.RetentionPurge, wait: !skipIfRunning, attemptCt))
            {
                return null;
            }

            var declarations = await db.Declarations
                .Include(d => d.Versions)
                .Where(d => organisationId == null || d.OrganisationId == organisationId)
                .Where(d => (d.Kind == DeclarationKind.NilReturn && d.DeclaredOn < cutOff) || (d.Details != null && d.Details.To < cutOff))
                .ToListAsync(attemptCt);
            var gifts = await db.GiftEntries
                .Where(g => organisationId == null || g.OrganisationId == organisationId)
                .Where(g => (g.Details.ReceivedOn ?? g.Details.OfferedOn) < cutOff)
                .ToListAsync(attemptCt);

            // The domain rule decides; the query only narrows what is loaded.
            declarations = [.. declarations.Where(d => RegisterRules.IsDueForPurge(today, d.EndedOn))];
            gifts = [.. gifts.Where(g => RegisterRules.IsDueForPurge(today, g.EndedOn))];

            // A nil return referenced by an annual return: the return stays, the reference is cleared by the purge.
            db.Declarations.RemoveRange(declarations);
            db.GiftEntries.RemoveRange(gifts);
            await db.SaveChangesAsync(attemptCt);
            return new RetentionRunDto(today, declarations.Count, gifts.Count);
        }, ct);
        if (purged is null)
        {
            logger.LogInformation("The retention purge is already running (on this or another instance); this run is skipped");
            return null;
        }

        await db.CommitAsync(ct);
        if (purged.Declarations + purged.GiftEntries > 0)
        {
            logger.LogInformation("Retention purged {Declarations} declarations and {Gifts} gifts and hospitality entries", purged.Declarations, purged.GiftEntries);
        }

        return purged;
    }
}

/// <summary>Runs the retention purge once a day (configurable with Retention:Enabled and Retention:IntervalHours).</summary>
public sealed class RetentionJob(RetentionService retention, IConfiguration configuration, ILogger<RetentionJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Retention:Enabled", true))
        {
            return;
        }

        var interval = TimeSpan.FromHours(configuration.GetValue("Retention:IntervalHours", 24.0));
        using var timer = new PeriodicTimer(interval);
        do
        {
            try
            {
                await retention.PurgeAsync(AuditActor.System("retention job"), skipIfRunning: true, ct: stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A failed run is retried at the next interval; the app keeps serving.
                logger.LogError(ex, "The retention purge failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
