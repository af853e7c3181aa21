using CoCommissioning.Data;
using CoCommissioning.Domain.Notices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoCommissioning.Web.Features.Notices;

/// <summary>The "Notices" configuration section.</summary>
public sealed class NoticeOptions
{
    public const string Section = "Notices";

    /// <summary>The address people reach the app at, for the links in notices (a background job has no request to read it from).</summary>
    public string BaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>The background dispatcher; tests turn it off and dispatch when they choose.</summary>
    public bool DispatcherEnabled { get; set; } = true;

    /// <summary>How often each instance looks for notices to send, besides being woken when this instance queues one.</summary>
    public double DispatchIntervalSeconds { get; set; } = 30;

    public int BatchSize { get; set; } = 20;

    /// <summary>The daily job that reminds owners of actions due within seven days.</summary>
    public bool DueSoonEnabled { get; set; } = true;

    public double DueSoonIntervalHours { get; set; } = 24;
}

/// <summary>Wakes this instance's dispatcher when a notice is queued here, so it goes within a second, not at the next interval.</summary>
public sealed class NoticeSignal : IDisposable
{
    private readonly SemaphoreSlim waiting = new(0, 1);

    public void Dispose() => waiting.Dispose();

    public void Raise()
    {
        try
        {
            waiting.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already raised: the dispatcher wakes once either way.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => waiting.WaitAsync(timeout, ct);
}

/// <summary>
/// Records notices in the outbox (ADR-0021): one row per recipient who has an email address and has not turned the
/// kind off. Sending is the dispatcher's job, never the caller's, so a mail server that is down cannot fail a change.
/// </summary>
public sealed class NoticeOutbox(GovernanceDbFactory dbs, TimeProvider clock, NoticeSignal signal, IOptions<NoticeOptions> options, ILogger<NoticeOutbox> logger)
{
    public string BaseUrl => options.Value.BaseUrl.TrimEnd('/');

    /// <summary>The footer of every notice: where to turn them off.</summary>
    public string Footer => $"\n\n--\nYou can turn these emails off on your Notices page: {BaseUrl}/notices";

    /// <summary>The people of the organisation among <paramref name="personIds"/> who have an email address, each once.</summary>
    public static async Task<IReadOnlyList<NoticeRecipient>> RecipientsAsync(AppDbContext db, Guid organisationId, IEnumerable<Guid> personIds, CancellationToken ct)
    {
        var ids = personIds.Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(p => p.OrganisationId == organisationId && ids.Contains(p.Id))
            .Select(p => new { p.Id, p.FullName, p.Email }).ToListAsync(ct);
        return [.. people.Where(p => NoticeRules.CanReceive(p.Email)).OrderBy(p => p.FullName, StringComparer.Ordinal).Select(p => new NoticeRecipient(p.Id, p.FullName, p.Email!))];
    }

    /// <summary>
    /// Adds a notice to <paramref name="db"/> for each recipient whose preferences allow <paramref name="kind"/>; the
    /// caller saves (in its own transaction, when it has one). Returns the notices added.
    /// </summary>
    public async Task<IReadOnlyList<Notice>> AddAsync(AppDbContext db, NoticeDraft draft, IReadOnlyList<NoticeRecipient> recipients, CancellationToken ct)
    {
        var ids = recipients.Select(r => r.PersonId).ToList();
        var preferences = await db.NoticePreferences.AsNoTracking().Where(p => ids.Contains(p.PersonId)).ToDictionaryAsync(p => p.PersonId, ct);
        var now = clock.Now();
        List<Notice> added = [];
        foreach (var to in recipients.Where(r => NoticeRules.Allows(preferences.GetValueOrDefault(r.PersonId), draft.Kind)))
        {
            var (subject, body) = draft.Compose(to);
            var notice = Notice.Queue(draft.OrganisationId, draft.Kind, to, subject, body + Footer, draft.RelatedRecordType, draft.RelatedRecordId, now, draft.Attachment, draft.DedupKey?.Invoke(to));
            db.Notices.Add(notice);
            added.Add(notice);
        }

        return added;
    }

    /// <summary>Records the notices on a context of their own, after the change they tell of has committed, and wakes the dispatcher.</summary>
    public async Task<int> QueueAsync(NoticeDraft draft, Func<AppDbContext, Task<IReadOnlyList<NoticeRecipient>>> recipients, CancellationToken ct)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        return await SaveAsync(db, draft, await recipients(db), ct);
    }

    /// <summary>Adds the notices to <paramref name="db"/>, saves them on their own, and wakes the dispatcher; returns how many.</summary>
    public async Task<int> SaveAsync(AppDbContext db, NoticeDraft draft, IReadOnlyList<NoticeRecipient> recipients, CancellationToken ct)
    {
        var added = await AddAsync(db, draft, recipients, ct);
        if (added.Count > 0)
        {
            await db.SaveChangesAsync(ct);
            Queued(added.Count);
        }

        return added.Count;
    }

    /// <summary>Tells this instance's dispatcher there is work.</summary>
    public void Queued(int count)
    {
        if (count > 0)
        {
            signal.Raise();
        }
    }

    /// <summary>
    /// Runs a notice hook after a committed change: a failure here is logged and swallowed, since the change the
    /// caller made is saved and must be reported as saved (the notice is what is lost, and the log says so).
    /// </summary>
    public async Task<int> SafelyAsync(string what, Guid recordId, Func<Task<int>> queue)
    {
        try
        {
            var queued = await queue();
            logger.LogInformation("{Count} {Notice} notices queued for {RecordId}", queued, what, recordId);
            return queued;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "The {Notice} notices for {RecordId} could not be recorded; the change itself is saved", what, recordId);
            return 0;
        }
    }
}

/// <summary>What every recipient of one notice shares; <see cref="Compose"/> writes the subject and body for each.</summary>
public sealed record NoticeDraft(
    Guid OrganisationId,
    NoticeKind Kind,
    string RelatedRecordType,
    Guid RelatedRecordId,
    Func<NoticeRecipient, (string Subject, string Body)> Compose,
    NoticeAttachment? Attachment = null,
    Func<NoticeRecipient, string>? DedupKey = null);
