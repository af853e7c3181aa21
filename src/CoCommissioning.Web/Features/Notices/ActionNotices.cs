using CoCommissioning.Data;
using CoCommissioning.Domain.Meetings;
using CoCommissioning.Domain.Notices;
using CoCommissioning.Web.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoCommissioning.Web.Features.Notices;

/// <summary>Notices to an action's owner: when it is assigned to them, and (daily) when it falls due within seven days.</summary>
public sealed class ActionNotices(GovernanceDbFactory dbs, NoticeOutbox outbox, TimeProvider clock, ILogger<ActionNotices> logger)
{
    public const string RecordType = "ActionItem";

    /// <summary>After an action is raised: its owner hears of it. Never throws.</summary>
    public Task<int> ActionAssignedAsync(Guid actionId) =>
        outbox.SafelyAsync(nameof(NoticeKind.ActionAssigned), actionId, async () =>
        {
            var ct = CancellationToken.None;
            await using var db = await dbs.CreateForReadingAsync(ct);
            if (await FactsAsync(db, a => a.Id == actionId, ct) is not [var action])
            {
                return 0;
            }

            return await outbox.SaveAsync(db, Assigned(action), await NoticeOutbox.RecipientsAsync(db, action.OrganisationId, [action.OwnerPersonId], ct), ct);
        });

    /// <summary>
    /// Queues a reminder to the owner of each open action due from today to seven days ahead, once per action, owner and
    /// due date (a unique key, so a second run, here or on another instance, adds none). Runs under
    /// <see cref="RunOnce.ActionReminders"/>; with <paramref name="skipIfRunning"/> it answers null when another run holds it.
    /// </summary>
    public async Task<int?> QueueDueSoonAsync(bool skipIfRunning = false, CancellationToken ct = default)
    {
        var today = clock.Today();
        var horizon = today.AddDays(NoticeRules.DueSoonDays);
        await using var db = await dbs.CreateForReadingAsync(ct);
        var queued = await db.InTransactionAsync<int?>(async attemptCt =>
        {
            if (!await RunOnce.BeginAsync(db, RunOnce.ActionReminders, wait: !skipIfRunning, attemptCt))
            {
                return null;
            }

            var due = (await FactsAsync(db, a => (a.Status == ActionStatus.Open || a.Status == ActionStatus.InProgress) && a.DueOn != null && a.DueOn >= today && a.DueOn <= horizon, attemptCt))
                .Where(a => NoticeRules.IsDueSoon(a.DueOn, closed: false, today)).ToList();
            var keys = due.Select(a => NoticeRules.DueSoonKey(a.Id, a.OwnerPersonId, a.DueOn!.Value)).ToList();
            var sent = (await db.Notices.AsNoTracking().Where(n => n.DedupKey != null && keys.Contains(n.DedupKey)).Select(n => n.DedupKey!).ToListAsync(attemptCt)).ToHashSet();
            var count = 0;
            foreach (var action in due.Where(a => !sent.Contains(NoticeRules.DueSoonKey(a.Id, a.OwnerPersonId, a.DueOn!.Value))))
            {
                var owner = await NoticeOutbox.RecipientsAsync(db, action.OrganisationId, [action.OwnerPersonId], attemptCt);
                count += (await outbox.AddAsync(db, DueSoon(action, today), owner, attemptCt)).Count;
            }

            await db.SaveChangesAsync(attemptCt);
            return count;
        }, ct);
        if (queued is null)
        {
            logger.LogInformation("The action reminders are already being queued (on this or another instance); this run is skipped");
            return null;
        }

        await db.CommitAsync(ct);
        outbox.Queued(queued.Value);
        logger.LogInformation("{Count} reminders queued for actions due by {Horizon}", queued, horizon);
        return queued;
    }

    private NoticeDraft Assigned(ActionFacts a) =>
        new(a.OrganisationId, NoticeKind.ActionAssigned, RecordType, a.Id, to => (
            $"Action for you: {a.Committee}",
            $"Dear {to.Name},\n\nAt {a.Committee}: {a.MeetingTitle} ({Labels.MeetingStart(a.MeetingStartsAt)}) this action was given to you:\n\n"
            + $"{a.Description}\n\n{DueText(a.DueOn)}\n\nThe action log (sign in): {outbox.BaseUrl}/actions"));

    private NoticeDraft DueSoon(ActionFacts a, DateOnly today) =>
        new(a.OrganisationId, NoticeKind.ActionDueSoon, RecordType, a.Id, to => (
            $"Action due {(a.DueOn == today ? "today" : $"on {Labels.Date(a.DueOn)}")}: {a.Committee}",
            $"Dear {to.Name},\n\nYour action from {a.Committee}: {a.MeetingTitle} is due on {Labels.Date(a.DueOn)}:\n\n{a.Description}\n\n"
            + $"Update it when it is done (sign in): {outbox.BaseUrl}/actions"),
            DedupKey: to => NoticeRules.DueSoonKey(a.Id, to.PersonId, a.DueOn!.Value));

    private static string DueText(DateOnly? dueOn) => dueOn is { } due ? $"It is due on {Labels.Date(due)}." : "It has no due date.";

    private static async Task<IReadOnlyList<ActionFacts>> FactsAsync(AppDbContext db, System.Linq.Expressions.Expression<Func<ActionItem, bool>> which, CancellationToken ct) =>
        await (from a in db.ActionItems.AsNoTracking().Where(which)
               join m in db.Meetings.AsNoTracking() on a.MeetingId equals m.Id
               join c in db.Committees.AsNoTracking() on a.CommitteeId equals c.Id
               select new ActionFacts(a.Id, a.OrganisationId, a.CommitteeId, c.Name, m.Title, m.StartsAt, a.Description, a.OwnerPersonId, a.DueOn))
            .ToListAsync(ct);

    private sealed record ActionFacts(Guid Id, Guid OrganisationId, Guid CommitteeId, string Committee, string MeetingTitle, DateTimeOffset MeetingStartsAt, string Description, Guid OwnerPersonId, DateOnly? DueOn);
}
