using System.Globalization;
using System.Runtime.CompilerServices;
using CoCommissioning.Data;
using CoCommissioning.Data.Audit;
using CoCommissioning.Domain.Meetings;
using CoCommissioning.Web.Components;
using CoCommissioning.Web.Features.PublicRegisters;
using CoCommissioning.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CoCommissioning.Web.Features.Audit;

/// <summary>An audit entry: the stored facts (Changes is the raw JSON), and the same in words.</summary>
public sealed record AuditEntryDto(
    Guid Id,
    DateTimeOffset OccurredAt,
    Guid? UserId,
    string ActorName,
    string RecordType,
    string RecordId,
    string? AggregateId,
    AuditAction Action,
    string Changes,
    string Kind,
    string Summary,
    IReadOnlyList<AuditFieldWords> Fields);

/// <summary>
/// The audit trail's filters: a record (and its parts), who made the change (<paramref name="UserId"/>), whose
/// record it is (<paramref name="PersonId"/>), the kind of record, UK dates from and to (inclusive), and free text.
/// </summary>
public sealed record AuditQuery(
    string? RecordId,
    Guid? UserId,
    string? RecordType,
    int Page = 1,
    int PageSize = 50,
    Guid? PersonId = null,
    DateOnly? From = null,
    DateOnly? To = null,
    string? Text = null);

public sealed record AuditPageDto(IReadOnlyList<AuditEntryDto> Entries, int Page, int PageSize, int Total);

public sealed record AuditActorDto(Guid UserId, string Name);

/// <summary>A kind of record for the filter: its stored type and its name in words.</summary>
public sealed record AuditKindDto(string RecordType, string Label);

/// <summary>Reads the audit trail. There is deliberately no way to change or delete an entry.</summary>
public sealed class AuditService(GovernanceDbFactory dbs)
{
    public const int MaxPageSize = 200;

    /// <summary>The most rows one CSV export holds; narrow the filters for more.</summary>
    public const int MaxExportRows = 100_000;

    private const int ExportBatch = 500;

    // Free text naming people also finds their records; the first few matching names are enough.
    private const int MaxPeopleInTextSearch = 5;

    private static readonly TimeZoneInfo UkTime = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public async Task<AuditPageDto> QueryAsync(CurrentUser user, AuditQuery query, CancellationToken ct = default)
    {
        var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var page = Math.Clamp(query.Page, 1, int.MaxValue / MaxPageSize);
        await using var db = await dbs.CreateForReadingAsync(ct);
        var entries = await FilterAsync(db, user, query, ct);
        var total = await entries.CountAsync(ct);
        var items = await Ordered(entries).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new AuditPageDto(await DescribeAsync(db, user, items, ct), page, pageSize, total);
    }

    /// <summary>The filtered trail in the page's order, in words, read in batches so memory stays flat.</summary>
    public async IAsyncEnumerable<AuditEntryDto> StreamAsync(CurrentUser user, AuditQuery query, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        var entries = Ordered(await FilterAsync(db, user, query, ct));
        for (var skip = 0; skip < MaxExportRows; skip += ExportBatch)
        {
            var batch = await entries.Skip(skip).Take(Math.Min(ExportBatch, MaxExportRows - skip)).ToListAsync(ct);
            foreach (var entry in await DescribeAsync(db, user, batch, ct))
            {
                yield return entry;
            }

            if (batch.Count < ExportBatch)
            {
                yield break;
            }
        }
    }

    /// <summary>Writes the filtered trail as CSV: when, who, action, kind, the entry in words, the record id and the raw changes.</summary>
    public Task WriteCsvAsync(CurrentUser user, AuditQuery query, Stream body, CancellationToken ct = default) =>
        PublicRegisterCsv.WriteAsync(body, StreamAsync(user, query, ct), CsvColumns, ct);

    private static readonly IReadOnlyList<CsvColumn<AuditEntryDto>> CsvColumns =
    [
        new("when_uk", e => TimeZoneInfo.ConvertTime(e.OccurredAt, UkTime).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)),
        new("who", e => e.ActorName),
        new("action", e => e.Action.ToString()),
        new("kind", e => e.Kind),
        new("summary", e => e.Summary),
        new("record_id", e => e.RecordId),
        new("changes_json", e => e.Changes),
    ];

    /// <summary>The people who have made changes in this organisation, for the "changed by" filter.</summary>
    public async Task<IReadOnlyList<AuditActorDto>> ActorsAsync(CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        var actors = await db.AuditEntries.AsNoTracking()
            .Where(a => a.OrganisationId == user.OrganisationId && a.UserId != null)
            .Select(a => new { UserId = a.UserId!.Value, a.ActorName })
            .Distinct()
            .ToListAsync(ct);
        return [.. actors.GroupBy(a => a.UserId).Select(g => new AuditActorDto(g.Key, g.First().ActorName)).OrderBy(a => a.Name)];
    }

    /// <summary>The kinds of record, in words, for the "kind of record" filter.</summary>
    public static IReadOnlyList<AuditKindDto> Kinds() =>
        [.. AuditWording.Kinds.Select(k => new AuditKindDto(k.RecordType, k.Label)).OrderBy(k => k.Label, StringComparer.Ordinal)];

    private static IQueryable<AuditEntry> Ordered(IQueryable<AuditEntry> entries) =>
        entries.OrderByDescending(a => a.OccurredAt).ThenByDescending(a => a.Id);

    private static async Task<IQueryable<AuditEntry>> FilterAsync(AppDbContext db, CurrentUser user, AuditQuery query, CancellationToken ct)
    {
        var organisationId = user.OrganisationId;
        var all = db.AuditEntries.AsNoTracking().Where(a => a.OrganisationId == organisationId);
        var entries = all;
        if (!string.IsNullOrWhiteSpace(query.RecordId))
        {
            // A record's history includes changes to its parts (a committee's memberships).
            var id = query.RecordId.Trim();
            entries = entries.Where(a => a.RecordId == id || a.AggregateId == id);
        }

        if (query.UserId is { } userId)
        {
            entries = entries.Where(a => a.UserId == userId);
        }

        if (!string.IsNullOrWhiteSpace(query.RecordType))
        {
            var type = query.RecordType.Trim();
            entries = entries.Where(a => a.RecordType == type);
        }

        if (query.From is { } from)
        {
            var start = UkMidnight(from);
            entries = entries.Where(a => a.OccurredAt >= start);
        }

        if (query.To is { } to)
        {
            var end = UkMidnight(to.AddDays(1));
            entries = entries.Where(a => a.OccurredAt < end);
        }

        if (query.PersonId is { } personId)
        {
            entries = About(all, entries, personId);
        }

        // ToLower is translated to SQL lower() on both providers (the culture overloads are not): the search runs in the database.
#pragma warning disable CA1304, CA1311, CA1862
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var text = query.Text.Trim().ToLowerInvariant();
            var kinds = AuditWording.Kinds.Where(k => k.Label.Contains(text, StringComparison.OrdinalIgnoreCase)).Select(k => k.RecordType).ToList();
            var people = await db.People.AsNoTracking()
                .Where(p => p.OrganisationId == organisationId && p.FullName.ToLower().Contains(text))
                .OrderBy(p => p.FullName).Select(p => p.Id).Take(MaxPeopleInTextSearch).ToListAsync(ct);
            // A record's later entries hold only what changed: a record whose first entry mentions the text (a committee
            // by its name) is found with all its entries and its parts'.
            var mentioned = all.Where(a => a.Action == AuditAction.Insert && a.Changes.ToLower().Contains(text)).Select(a => a.RecordId);
            var matching = entries.Where(a => a.ActorName.ToLower().Contains(text) || a.Changes.ToLower().Contains(text) || kinds.Contains(a.RecordType)
                || mentioned.Contains(a.RecordId) || mentioned.Contains(a.AggregateId!));
            foreach (var person in people)
            {
                matching = matching.Union(About(all, entries, person));
            }

            entries = matching;
        }
#pragma warning restore CA1304, CA1311, CA1862

        return entries;
    }

    /// <summary>
    /// Entries about a person's records: the person's own record, and every record (with its parts) whose first entry
    /// names the person (their declarations, gifts, memberships, actions they own). Worked out in SQL, not in memory.
    /// </summary>
    private static IQueryable<AuditEntry> About(IQueryable<AuditEntry> all, IQueryable<AuditEntry> entries, Guid person)
    {
        var personId = person.ToString();
        var theirs = all.Where(a => a.Action == AuditAction.Insert && a.Changes.Contains(personId)).Select(a => a.RecordId);
        return entries.Where(a => a.RecordId == personId || theirs.Contains(a.RecordId) || theirs.Contains(a.AggregateId!));
    }

    private static DateTimeOffset UkMidnight(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, UkTime.GetUtcOffset(local)).ToUniversalTime();
    }

    private static async Task<IReadOnlyList<AuditEntryDto>> DescribeAsync(AppDbContext db, CurrentUser user, IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        var facts = entries.Select(e => new AuditFacts(e.ActorName, e.RecordType, e.RecordId, e.AggregateId, e.Action, e.Changes)).ToList();
        var book = await AuditNameBook.LoadAsync(db, user.OrganisationId, facts, ct);
        return [.. entries.Zip(facts, (entry, fact) =>
        {
            var words = AuditWording.Describe(fact, book);
            return new AuditEntryDto(entry.Id, entry.OccurredAt, entry.UserId, entry.ActorName, entry.RecordType, entry.RecordId, entry.AggregateId, entry.Action, entry.Changes,
                AuditWording.KindOf(entry.RecordType).Label, words.Sentence, words.Fields);
        })];
    }
}

/// <summary>
/// The names a page of entries needs, loaded in a few queries: the wording is run once to learn which ids and recorded
/// fields it asks for, those are loaded, and it is run again for real.
/// </summary>
internal sealed class AuditNameBook : IAuditNames
{
    private readonly Dictionary<Guid, string> names = [];
    private readonly Dictionary<string, Dictionary<string, Guid>> recorded = [];
    private readonly HashSet<Guid> askedNames = [];
    private readonly HashSet<string> askedRecords = [];

    public string? NameOf(Guid id)
    {
        askedNames.Add(id);
        return names.TryGetValue(id, out var name) ? name : null;
    }

    public Guid? RecordedId(string recordId, string field)
    {
        askedRecords.Add(recordId);
        return recorded.TryGetValue(recordId, out var fields) && fields.TryGetValue(field, out var id) ? id : null;
    }

    public static async Task<AuditNameBook> LoadAsync(AppDbContext db, Guid organisationId, IReadOnlyList<AuditFacts> facts, CancellationToken ct)
    {
        var book = new AuditNameBook();
        foreach (var fact in facts)
        {
            AuditWording.Describe(fact, book);
        }

        // What the records said when they were made (their insert entries), for whose record an update is about.
        var recordIds = book.askedRecords.ToList();
        if (recordIds.Count > 0)
        {
            var inserts = await db.AuditEntries.AsNoTracking()
                .Where(a => a.OrganisationId == organisationId && a.Action == AuditAction.Insert && recordIds.Contains(a.RecordId))
                .Select(a => new { a.RecordId, a.Changes })
                .ToListAsync(ct);
            foreach (var insert in inserts)
            {
                book.recorded[insert.RecordId] = RecordedIds(insert.Changes);
            }

            foreach (var fact in facts)
            {
                AuditWording.Describe(fact, book);
            }
        }

        var ids = book.askedNames.ToList();
        if (ids.Count > 0)
        {
            await book.LoadNamesAsync(db, organisationId, ids, ct);
        }

        return book;
    }

    private async Task LoadNamesAsync(AppDbContext db, Guid organisationId, List<Guid> ids, CancellationToken ct)
    {
        // Other organisations' records are never named: their ids read as removed.
        Add(await db.People.AsNoTracking().Where(p => p.OrganisationId == organisationId && ids.Contains(p.Id)).Select(p => new { p.Id, Name = p.FullName }).ToDictionaryAsync(p => p.Id, p => p.Name, ct));
        Add(await db.Committees.AsNoTracking().Where(c => c.OrganisationId == organisationId && ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct));
        Add(await db.ExternalBodies.AsNoTracking().Where(b => b.OrganisationId == organisationId && ids.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.Name, ct));
        Add(await db.MemberRoles.AsNoTracking().Where(r => r.OrganisationId == organisationId && ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, ct));
        Add(await db.Organisations.AsNoTracking().Where(o => o.Id == organisationId && ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct));
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.OrganisationId == organisationId && ids.Contains(m.Id)).Select(m => new { m.Id, m.Title, m.StartsAt }).ToListAsync(ct);
        Add(meetings.ToDictionary(m => m.Id, m => $"{m.Title} ({Labels.Date(DateOnly.FromDateTime(m.StartsAt.UtcDateTime))})"));
        Add(await db.Set<AgendaItem>().AsNoTracking().Where(i => i.OrganisationId == organisationId && ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Title, ct));
        var memberships = await db.Memberships.AsNoTracking().Where(m => m.OrganisationId == organisationId && ids.Contains(m.Id))
            .Join(db.People, m => m.PersonId, p => p.Id, (m, p) => new { m.Id, p.FullName }).ToListAsync(ct);
        Add(memberships.ToDictionary(m => m.Id, m => m.FullName));
        var declarations = await db.Declarations.AsNoTracking().Where(d => d.OrganisationId == organisationId && ids.Contains(d.Id))
            .Join(db.People, d => d.PersonId, p => p.Id, (d, p) => new { d.Id, p.FullName }).ToListAsync(ct);
        Add(declarations.ToDictionary(d => d.Id, d => $"declaration of {d.FullName}"));
        Add(await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct));
    }

    private void Add(Dictionary<Guid, string> found)
    {
        foreach (var (id, name) in found)
        {
            names.TryAdd(id, name);
        }
    }

    private static Dictionary<string, Guid> RecordedIds(string changes)
    {
        var ids = new Dictionary<string, Guid>(StringComparer.Ordinal);
        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(changes);
            foreach (var property in json.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind == System.Text.Json.JsonValueKind.Object
                    && property.Value.TryGetProperty("new", out var value)
                    && value.ValueKind == System.Text.Json.JsonValueKind.String
                    && Guid.TryParse(value.GetString(), out var id))
                {
                    ids[property.Name] = id;
                }
            }
        }
        catch (System.Text.Json.JsonException)
        {
            // A purge or a hand-written entry: nothing recorded to read.
        }

        return ids;
    }
}
