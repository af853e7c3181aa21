using System.Runtime.CompilerServices;
using CoCommissioning.Data;
using CoCommissioning.Domain.Committees;
using CoCommissioning.Domain.Interests;
using CoCommissioning.Web.Features.Procurement;
using Microsoft.EntityFrameworkCore;

namespace CoCommissioning.Web.Features.PublicRegisters;

/// <summary>
/// Reads the published registers for anyone, signed in or not. Pages get one page of rows; downloads get every
/// filtered row as a stream straight from the database, so a download's memory does not grow with its length.
/// What is public is decided only in <see cref="PublicRegisterFilters"/>.
/// </summary>
public sealed class PublicRegisterService(GovernanceDbFactory dbs, TimeProvider clock, ILogger<PublicRegisterService> logger)
{
    public const int PageSize = 50;

    public DateOnly Today => clock.Today();

    public async Task<PublicOrganisationSummary?> OrganisationAsync(string slug, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        return await db.Organisations.AsNoTracking()
            .Where(o => o.Slug == slug)
            .Select(o => new PublicOrganisationSummary(o.Id, o.Slug, o.Name))
            .SingleOrDefaultAsync(ct);
    }

    /// <summary>Who has not declared in the current cycle after its due date (names and roles only); null for an unknown organisation.</summary>
    public async Task<DeclarationCycles.NotDeclaredDto?> NotDeclaredAsync(string slug, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        var organisationId = await db.Organisations.AsNoTracking().Where(o => o.Slug == slug).Select(o => (Guid?)o.Id).SingleOrDefaultAsync(ct);
        return organisationId is { } id ? await DeclarationCycles.NotDeclared.ForAsync(db, id, Today, ct) : null;
    }

    public Task<PublicRegisterPage<PublicInterestRow>?> InterestsPageAsync(string slug, PublicRegisterFilter filter, int page, CancellationToken ct = default) =>
        PageAsync(slug, page, async (db, organisation, today, first) =>
        {
            var query = InterestQuery(db, organisation.Id, today, filter);
            var total = await query.CountAsync(ct);
            var rows = await query.Skip(first).Take(PageSize).ToListAsync(ct);
            var positions = await PositionsAsync(db, organisation.Id, today, [.. rows.Select(r => r.PersonId).Distinct()], ct);
            return (rows.Select(r => r.ToPublic(positions)).ToList(), total);
        }, ct);

    public Task<PublicRegisterPage<PublicGiftRow>?> GiftsPageAsync(string slug, PublicRegisterFilter filter, int page, CancellationToken ct = default) =>
        PageAsync(slug, page, async (db, organisation, today, first) =>
        {
            var query = GiftQuery(db, organisation.Id, today, filter);
            return ((await query.Skip(first).Take(PageSize).ToListAsync(ct)).ConvertAll(g => g.Row), await query.CountAsync(ct));
        }, ct);

    public Task<PublicRegisterPage<PublicProcurementRow>?> ProcurementPageAsync(string slug, PublicRegisterFilter filter, int page, CancellationToken ct = default) =>
        PageAsync(slug, page, async (db, organisation, _, first) =>
        {
            var query = ProcurementQuery(db, organisation.Id, filter);
            return (await query.Skip(first).Take(PageSize).ToListAsync(ct), await query.CountAsync(ct));
        }, ct);

    /// <summary>One procurement decision for its public page; null when the organisation or the decision is not there.</summary>
    public async Task<PublicProcurementDetail?> ProcurementDetailAsync(string slug, Guid id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Slug == slug).Select(o => new PublicOrganisationSummary(o.Id, o.Slug, o.Name)).SingleOrDefaultAsync(ct);
        if (organisation is null)
        {
            return null;
        }

        var row = (await ProcurementQuery(db, organisation.Id, new PublicRegisterFilter(), id).ToListAsync(ct)).SingleOrDefault();
        if (row is null)
        {
            return null;
        }

        var record = await PublicRegisterFilters.PublicProcurement(db, organisation.Id).Where(p => p.Id == id).Select(p => new { p.Psr, p.DecisionId }).SingleAsync(ct);
        var meeting = record.DecisionId is { } decisionId ? (await PsrMeetingEvidence.LoadAsync(db, organisation.Id, [decisionId], ct)).GetValueOrDefault(decisionId) : null;
        var account = PsrPublicAccount.Of(meeting, record.Psr.DecisionMakers, row.Committee, row.ConflictsNoted, row.ConflictsManagement);
        return new PublicProcurementDetail(organisation, row, record.Psr, account.MadeAt, account.DecisionMakers, account.DecisionMakersNote, account.Conflicts, account.ConflictsSummary);
    }

    public Task<PublicRegisterPage<PublicBreachRow>?> BreachesPageAsync(string slug, PublicRegisterFilter filter, int page, CancellationToken ct = default) =>
        PageAsync(slug, page, async (db, organisation, _, first) =>
        {
            var query = BreachQuery(db, organisation.Id, filter);
            return (await query.Skip(first).Take(PageSize).ToListAsync(ct), await query.CountAsync(ct));
        }, ct);

    /// <summary>Every filtered interest, read row by row; the context lives as long as the enumeration.</summary>
    public async IAsyncEnumerable<PublicInterestRow> StreamInterests(PublicOrganisationSummary organisation, PublicRegisterFilter filter, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        var today = Today;

        // Positions come from current memberships, which number in the tens per organisation, not per row.
        var positions = await PositionsAsync(db, organisation.Id, today, null, ct);
        var count = 0;
        await foreach (var row in InterestQuery(db, organisation.Id, today, filter).AsAsyncEnumerable().WithCancellation(ct))
        {
            count++;
            yield return row.ToPublic(positions);
        }

        logger.LogInformation("Streamed {Rows} public interests of {OrganisationSlug}", count, organisation.Slug);
    }

    public IAsyncEnumerable<PublicGiftRow> StreamGifts(PublicOrganisationSummary organisation, PublicRegisterFilter filter, CancellationToken ct = default) =>
        StreamAsync(db => GiftQuery(db, organisation.Id, Today, filter), g => g.Row, ct);

    public IAsyncEnumerable<PublicProcurementRow> StreamProcurement(PublicOrganisationSummary organisation, PublicRegisterFilter filter, CancellationToken ct = default) =>
        StreamAsync(db => ProcurementQuery(db, organisation.Id, filter), ct);

    public IAsyncEnumerable<PublicBreachRow> StreamBreaches(PublicOrganisationSummary organisation, PublicRegisterFilter filter, CancellationToken ct = default) =>
        StreamAsync(db => BreachQuery(db, organisation.Id, filter), ct);

    private IAsyncEnumerable<TRow> StreamAsync<TRow>(Func<AppDbContext, IQueryable<TRow>> query, CancellationToken ct) =>
        StreamAsync(query, row => row, ct);

    private async IAsyncEnumerable<TRow> StreamAsync<TSource, TRow>(Func<AppDbContext, IQueryable<TSource>> query, Func<TSource, TRow> toRow, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        await foreach (var row in query(db).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return toRow(row);
        }
    }

    private async Task<PublicRegisterPage<TRow>?> PageAsync<TRow>(string slug, int page, Func<AppDbContext, PublicOrganisationSummary, DateOnly, int, Task<(List<TRow> Rows, int Total)>> read, CancellationToken ct)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        var organisation = await db.Organisations.AsNoTracking()
            .Where(o => o.Slug == slug)
            .Select(o => new PublicOrganisationSummary(o.Id, o.Slug, o.Name))
            .SingleOrDefaultAsync(ct);
        if (organisation is null)
        {
            return null;
        }

        var today = Today;
        var number = Math.Clamp(page, 1, int.MaxValue / PageSize);
        var (rows, total) = await read(db, organisation, today, (number - 1) * PageSize);
        var last = Math.Max(1, (total + PageSize - 1) / PageSize);
        if (number > last)
        {
            // A page past the end (an old link, a hand-edited address) shows the last page rather than nonsense.
            number = last;
            (rows, total) = await read(db, organisation, today, (number - 1) * PageSize);
        }

        return new PublicRegisterPage<TRow>(organisation, rows, number, PageSize, total, today);
    }

    // The text filters run in SQL: ToLower() becomes lower(), so the analyzers' culture advice does not apply there.
#pragma warning disable CA1304, CA1311, CA1862
    private static IQueryable<InterestQueryRow> InterestQuery(AppDbContext db, Guid organisationId, DateOnly today, PublicRegisterFilter filter)
    {
        var joined =
            from d in PublicRegisterFilters.PublicDeclarations(db, organisationId, today)
            join p in db.People on d.PersonId equals p.Id
            join b in db.ExternalBodies on d.PublishedDetails!.ConcernsBodyId equals (Guid?)b.Id into bodies
            from body in bodies.DefaultIfEmpty()
            select new { d, p.FullName, p.JobTitle, BodyName = body == null ? null : body.Name };

        if (filter.CleanQuery is { } text)
        {
            var q = text.ToLowerInvariant();
            joined = joined.Where(x => x.FullName.ToLower().Contains(q) || (x.BodyName != null && x.BodyName.ToLower().Contains(q)) || x.d.PublishedDetails!.Nature.ToLower().Contains(q));
        }

        if (filter.CategoryAs<InterestCategory>() is { } category)
        {
            joined = joined.Where(x => x.d.PublishedDetails!.Category == category);
        }

        if (filter.From is { } from)
        {
            joined = joined.Where(x => x.d.PublishedDetails!.To == null || x.d.PublishedDetails.To >= from);
        }

        if (filter.To is { } to)
        {
            joined = joined.Where(x => x.d.PublishedDetails!.From <= to);
        }

        return joined
            .OrderBy(x => x.FullName).ThenBy(x => x.d.PublishedDetails!.From).ThenBy(x => x.d.Id)
            .Select(x => new InterestQueryRow
            {
                PersonId = x.d.PersonId,
                Person = x.FullName,
                JobTitle = x.JobTitle,
                Category = x.d.PublishedDetails!.Category,
                IsDirect = x.d.PublishedDetails.IsDirect,
                Relationship = x.d.PublishedDetails.Relationship,
                Organisation = x.BodyName,
                Nature = x.d.PublishedDetails.Nature,
                From = x.d.PublishedDetails.From,
                To = x.d.PublishedDetails.To,
                ProposedMitigation = x.d.PublishedDetails.Mitigation,
                AgreedMitigation = x.d.AgreedMitigation,
                DeclaredOn = x.d.DeclaredOn,
                ReviewedOn = x.d.PublishedOn!.Value,
                ReviewedBy = x.d.PublishedByName,
            });
    }

    private static IQueryable<IdentifiedPublicGift> GiftQuery(AppDbContext db, Guid organisationId, DateOnly today, PublicRegisterFilter filter)
    {
        var joined = PublicRegisterFilters.PublicGifts(db, organisationId, today).WithPeople(db);

        if (filter.CleanQuery is { } text)
        {
            var q = text.ToLowerInvariant();
            joined = joined.Where(x => x.FullName.ToLower().Contains(q) || x.Gift.Details.OfferorName.ToLower().Contains(q)
                || (x.Gift.Details.OfferorBusiness != null && x.Gift.Details.OfferorBusiness.ToLower().Contains(q)) || x.Gift.Details.Description.ToLower().Contains(q));
        }

        if (filter.CategoryAs<OfferKind>() is { } kind)
        {
            joined = joined.Where(x => x.Gift.Details.Kind == kind);
        }

        if (filter.From is { } from)
        {
            joined = joined.Where(x => x.Gift.Details.OfferedOn >= from);
        }

        if (filter.To is { } to)
        {
            joined = joined.Where(x => x.Gift.Details.OfferedOn <= to);
        }

        return joined
            .OrderByDescending(x => x.Gift.Details.OfferedOn).ThenBy(x => x.FullName).ThenBy(x => x.Gift.Id)
            .ToIdentifiedPublicGift();
    }

    private static IQueryable<PublicProcurementRow> ProcurementQuery(AppDbContext db, Guid organisationId, PublicRegisterFilter filter, Guid? id = null)
    {
        var joined = PublicRegisterFilters.PublicProcurement(db, organisationId).Where(pd => id == null || pd.Id == id).WithNames(db);

        if (filter.CleanQuery is { } text)
        {
            var q = text.ToLowerInvariant();
            joined = joined.Where(x => x.Decision.Details.Title.ToLower().Contains(q) || x.Decision.Details.Service.ToLower().Contains(q) || (x.Supplier != null && x.Supplier.ToLower().Contains(q)));
        }

        if (filter.CategoryAs<ProcurementRoute>() is { } route)
        {
            joined = joined.Where(x => x.Decision.Details.Route == route);
        }

        if (filter.From is { } from)
        {
            joined = joined.Where(x => x.Decision.Details.DecidedOn >= from);
        }

        if (filter.To is { } to)
        {
            joined = joined.Where(x => x.Decision.Details.DecidedOn <= to);
        }

        return joined
            .OrderByDescending(x => x.Decision.Details.DecidedOn).ThenBy(x => x.Decision.Id)
            .ToPublicProcurementRow();
    }

    private static IQueryable<PublicBreachRow> BreachQuery(AppDbContext db, Guid organisationId, PublicRegisterFilter filter)
    {
        var breaches = PublicRegisterFilters.PublicBreaches(db, organisationId);
        if (filter.CleanQuery is { } text)
        {
            var q = text.ToLowerInvariant();
            breaches = breaches.Where(b => b.PublicSummary.ToLower().Contains(q) || b.ActionTaken.ToLower().Contains(q));
        }

        if (filter.From is { } from)
        {
            breaches = breaches.Where(b => b.IdentifiedOn >= from);
        }

        if (filter.To is { } to)
        {
            breaches = breaches.Where(b => b.IdentifiedOn <= to);
        }

        return breaches.OrderByDescending(b => b.IdentifiedOn).ThenBy(b => b.Id).ToPublicBreach();
    }

#pragma warning restore CA1304, CA1311, CA1862

    /// <summary>Each person's current committee seats, as words: "Primary Care Commissioning Committee (chair)".</summary>
    internal static async Task<Dictionary<Guid, string>> PositionsAsync(AppDbContext db, Guid organisationId, DateOnly today, IReadOnlyCollection<Guid>? people, CancellationToken ct)
    {
        var memberships = db.Memberships.AsNoTracking()
            .Where(m => m.OrganisationId == organisationId && m.TermStart <= today && (m.TermEnd == null || m.TermEnd >= today));
        if (people is not null)
        {
            memberships = memberships.Where(m => people.Contains(m.PersonId));
        }

        var seats = await (from m in memberships
                           join c in db.Committees on m.CommitteeId equals c.Id
                           orderby c.Name
                           select new { m.PersonId, Committee = c.Name, m.Office, m.IsVoting }).ToListAsync(ct);
        return seats.GroupBy(s => s.PersonId).ToDictionary(
            g => g.Key,
            g => string.Join("; ", g.Select(s => $"{s.Committee} ({Seat(s.Office, s.IsVoting)})")));
    }

    private static string Seat(CommitteeOffice office, bool isVoting) => office switch
    {
        CommitteeOffice.Chair => "chair",
        CommitteeOffice.ViceChair => "vice chair",
        _ => isVoting ? "voting member" : "non-voting member",
    };

    /// <summary>What the interests query reads; a class with setters so EF can translate the filter above it.</summary>
    private sealed class InterestQueryRow
    {
        public Guid PersonId { get; init; }
        public string Person { get; init; } = "";
        public string? JobTitle { get; init; }
        public InterestCategory Category { get; init; }
        public bool IsDirect { get; init; }
        public string? Relationship { get; init; }
        public string? Organisation { get; init; }
        public string Nature { get; init; } = "";
        public DateOnly From { get; init; }
        public DateOnly? To { get; init; }
        public string? ProposedMitigation { get; init; }
        public string? AgreedMitigation { get; init; }
        public DateOnly DeclaredOn { get; init; }
        public DateOnly ReviewedOn { get; init; }
        public string? ReviewedBy { get; init; }

        public PublicInterestRow ToPublic(IReadOnlyDictionary<Guid, string> positions)
        {
            var seats = positions.GetValueOrDefault(PersonId);
            var described = string.Join("; ", new[] { JobTitle, seats }.Where(s => !string.IsNullOrEmpty(s)));

            // What the member proposed and what the governance lead agreed are two facts: the register shows both.
            return new PublicInterestRow(Person, described, Category, IsDirect, Relationship, Organisation, Nature, From, To,
                ProposedMitigation, AgreedMitigation, DeclaredOn, ReviewedOn, ReviewedBy);
        }
    }
}
