using System.Text;
using CoCommissioning.Data;
using CoCommissioning.Domain.Notices;
using CoCommissioning.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoCommissioning.Web.Features.Notices;

/// <param name="Sent">Notices sent in this round.</param>
/// <param name="Failed">Notices whose send failed (kept as failed, tried again later).</param>
public sealed record DispatchRoundDto(int Sent, int Failed);

/// <summary>
/// Sends what the outbox holds (ADR-0021). A round claims a batch of due notices in a short transaction (on PostgreSQL
/// with <c>FOR UPDATE SKIP LOCKED</c>, so instances running at once take different rows), moving each one's next
/// attempt a lease ahead; then sends them outside any transaction and records each outcome. An instance that dies
/// mid-round leaves its claimed notices to be taken again when the lease runs out: a notice goes at least once.
/// </summary>
public sealed class NoticeDispatcher(GovernanceDbFactory dbs, IEmailSender sender, TimeProvider clock, IOptions<NoticeOptions> options, ILogger<NoticeDispatcher> logger) : IDisposable
{
    /// <summary>How long a claimed notice is left to the instance that claimed it.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    // One round at a time on this instance (SQLite has only this one; on PostgreSQL the claim also keeps instances apart).
    private readonly SemaphoreSlim oneRound = new(1, 1);

    public void Dispose() => oneRound.Dispose();

    /// <summary>
    /// Sends every notice due at <paramref name="asOf"/> (now unless given: tests look ahead to a retry), a batch at a
    /// time until a batch comes back short. A failed notice is not due again in the same call, so this ends.
    /// </summary>
    public async Task<DispatchRoundDto> DispatchAsync(DateTimeOffset? asOf = null, CancellationToken ct = default)
    {
        int sent = 0, failed = 0;
        while (true)
        {
            var round = await DispatchBatchAsync(asOf, ct);
            sent += round.Sent;
            failed += round.Failed;
            if (round.Sent + round.Failed < Math.Max(1, options.Value.BatchSize))
            {
                return new DispatchRoundDto(sent, failed);
            }
        }
    }

    private async Task<DispatchRoundDto> DispatchBatchAsync(DateTimeOffset? asOf, CancellationToken ct)
    {
        await oneRound.WaitAsync(ct);
        try
        {
            var now = asOf ?? clock.Now();
            await using var db = await dbs.CreateForReadingAsync(ct);
            var claimed = await ClaimAsync(db, now, ct);
            int sent = 0, failed = 0;
            foreach (var notice in claimed)
            {
                if (await SendAsync(notice, ct) is { } error)
                {
                    notice.MarkFailed(error, asOf ?? clock.Now());
                    failed++;
                }
                else
                {
                    notice.MarkSent(asOf ?? clock.Now());
                    sent++;
                }

                // Each outcome saved as it happens: a failure later in the round cannot undo what was sent.
                try
                {
                    await db.SaveChangesAsync(ct);
                }
                catch (DbUpdateConcurrencyException)
                {
                    // Resent by a person meanwhile: their request stands, and the notice goes again.
                    db.Entry(notice).State = EntityState.Detached;
                }
            }

            return new DispatchRoundDto(sent, failed);
        }
        finally
        {
            oneRound.Release();
        }
    }

    private async Task<List<Notice>> ClaimAsync(AppDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var batch = Math.Max(1, options.Value.BatchSize);
        var claimed = await db.InTransactionAsync(async attemptCt =>
        {
            await db.Database.BeginTransactionAsync(attemptCt);
            var due = db.Database.IsNpgsql()
                ? await db.Notices.FromSql($"""
                    SELECT * FROM "Notices"
                    WHERE "Status" <> 'Sent' AND "NextAttemptAt" IS NOT NULL AND "NextAttemptAt" <= {now}
                    ORDER BY "NextAttemptAt" LIMIT {batch}
                    FOR UPDATE SKIP LOCKED
                    """).ToListAsync(attemptCt)
                : await db.Notices.Where(n => n.Status != NoticeStatus.Sent && n.NextAttemptAt != null && n.NextAttemptAt <= now)
                    .OrderBy(n => n.NextAttemptAt).Take(batch).ToListAsync(attemptCt);
            foreach (var notice in due)
            {
                notice.Claim(now + Lease);
            }

            await db.SaveChangesAsync(attemptCt);
            return due;
        }, ct);
        await db.CommitAsync(ct);
        return claimed;
    }

    /// <summary>Null when sent; otherwise the error, as recorded on the notice.</summary>
    private async Task<string?> SendAsync(Notice notice, CancellationToken ct)
    {
        var message = new EmailMessage(notice.RecipientEmail, notice.Subject, notice.Body)
        {
            Attachments = notice.Attachment is { } file ? [new EmailAttachment(file.FileName, file.ContentType, Encoding.UTF8.GetBytes(file.Content))] : [],
        };
        try
        {
            await sender.SendAsync(message, ct);
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Notice {NoticeId} ({Kind}) to {To} could not be sent (attempt {Attempt})", notice.Id, notice.Kind, notice.RecipientEmail, notice.Attempts + 1);
            return $"{ex.GetType().Name}: {ex.Message}";
        }
    }
}

/// <summary>Runs the dispatcher on every instance: when woken by a notice queued here, and every interval for the rest.</summary>
public sealed class NoticeDispatchJob(NoticeDispatcher dispatcher, NoticeSignal signal, IOptions<NoticeOptions> options, ILogger<NoticeDispatchJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.DispatcherEnabled)
        {
            return;
        }

        var interval = TimeSpan.FromSeconds(Math.Max(1, options.Value.DispatchIntervalSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await dispatcher.DispatchAsync(ct: stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database may be down: the notices wait in the outbox, and the next round tries again.
                logger.LogError(ex, "A round of the notice dispatcher failed");
            }

            await signal.WaitAsync(interval, stoppingToken);
        }
    }
}

/// <summary>Queues the reminders of actions due soon, once a day (Notices:DueSoonEnabled, Notices:DueSoonIntervalHours).</summary>
public sealed class ActionDueSoonJob(ActionNotices notices, IOptions<NoticeOptions> options, ILogger<ActionDueSoonJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.DueSoonEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromHours(Math.Max(0.01, options.Value.DueSoonIntervalHours)));
        do
        {
            try
            {
                await notices.QueueDueSoonAsync(skipIfRunning: true, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Queuing the reminders of actions due soon failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
