using CoCommissioning.Data;
using CoCommissioning.Domain.Committees;
using CoCommissioning.Domain.Decisions;
using CoCommissioning.Web.Features.MeetingPack;
using CoCommissioning.Web.Features.Procurement;
using CoCommissioning.Web.Features.PublicMeetings;
using CoCommissioning.Web.Features.PublicRegisters;
using Microsoft.EntityFrameworkCore;

namespace CoCommissioning.Web.Features.OpenData;

/// <summary>Where a dataset is being read: the site's address (ids are URIs on it) and the organisation.</summary>
public sealed record OpenDataSite(string BaseUrl, Guid OrganisationId, string Slug, string Name)
{
    public string Uri(string dataset, Guid id) => $"{BaseUrl}/public/{Slug}/data/{dataset}/{id}";

    public string Uri(string dataset, string id) => $"{BaseUrl}/public/{Slug}/data/{dataset}/{id}";

    public string Page(string path) => $"{BaseUrl}{path}";
}

/// <summary>A page of records and how many the request matches in all.</summary>
public sealed record OpenDataRows<T>(IReadOnlyList<T> Rows, int Total);

/// <summary>
/// The datasets of ADR-0026. Nothing here decides what is public: meetings, items, papers, decisions and current
/// memberships come from <see cref="PublicMeetingsService"/> (and its one public-item rule), register entries from
/// <see cref="PublicRegisterFilters"/>. This class only reshapes, filters by <c>updated_since</c> and pages.
/// <para>
/// <c>updated_since</c>: the records have no last-changed column, but every insert, update and delete of a governance
/// record writes an audit entry in the same save (ADR-0003). A record has changed since T when an audit entry at or
/// after T names it, or names it as the aggregate of a changed part (an agenda item or paper changes its meeting, a
/// membership its committee, a vote its decision); approved minutes change their meeting.
/// </para>
/// </summary>
public sealed class OpenDataService(GovernanceDbFactory dbs, TimeProvider clock, PublicMeetingsService meetings)
{
    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task<OpenDataSite?> SiteAsync(string baseUrl, string slug, CancellationToken ct)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        return await db.Organisations.AsNoTracking().Where(o => o.Slug == slug)
            .Select(o => new OpenDataSite(baseUrl, o.Id, o.Slug, o.Name)).SingleOrDefaultAsync(ct);
    }

    // --- Popolo ------------------------------------------------------------------------------------------------

    public async Task<OpenDataRows<PopoloOrganization>> OrganizationsAsync(OpenDataSite site, OpenDataPaging paging, CancellationToken ct)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        var changed = await ChangedAsync(db, site, paging, ct);
        var committees = (await meetings.CommitteesAsync(site.Slug, ct))?.Committees ?? [];
        var organisationUri = site.Uri("organizations", site.OrganisationId);
        var all = new List<(Guid Id, PopoloOrganization Org)>
        {
            (site.OrganisationId, new PopoloOrganization(organisationUri, site.Name, "commissioner", null, null,
                [new OpenIdentifier(site.Slug, "cocommissioning-slug")], [new OpenLink(site.Page($"/public/{site.Slug}"), "Public records")])),
        };
        all.AddRange(committees.OrderBy(c => c.Id).Select(c => (c.Id, new PopoloOrganization(site.Uri("organizations", c.Id), c.Name, "committee", organisationUri, c.Purpose,
            [], [new OpenLink(site.Page($"/public/{site.Slug}/committees/{c.Id}"), "Committee page")]))));
        return Page(all.Where(x => Wanted(x.Id, paging, changed)).Select(x => x.Org).ToList(), paging);
    }

    public async Task<OpenDataRows<PopoloPerson>> PersonsAsync(OpenDataSite site, OpenDataPaging paging, CancellationToken ct)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        var changed = await ChangedAsync(db, site, paging, ct);
        var people = await (from m in PublicMeetingsService.CurrentMemberships(db, site.OrganisationId, clock.Today())
                            join p in db.People.AsNoTracking() on m.PersonId equals p.Id
                            where p.OrganisationId == site.OrganisationId
                            select new { p.Id, p.FullName, m.CommitteeId, MembershipId = m.Id }).ToListAsync(ct);

        // A person has changed with their own record or with any of their seats (a new membership makes a new member).
        var all = people.GroupBy(p => p.Id).OrderBy(g => g.Key)
            .Where(g => Wanted(g.Key, paging, changed) || (paging.Id is null && changed is not null && g.Any(s => changed.Contains(s.MembershipId))))
            .Select(g => new PopoloPerson(site.Uri("persons", g.Key), g.First().FullName,
                [.. g.Select(s => s.CommitteeId).Distinct().Select(c => new OpenLink(site.Page($"/public/{site.Slug}/committees/{c}"), "Committee page"))]))
            .ToList();
        return Page(all, paging);
    }

    /// <summary>The seats of each committee: chair, vice chair, voting member, non-voting attendee.</summary>
    public async Task<OpenDataRows<PopoloPost>> PostsAsync(OpenDataSite site, OpenDataPaging paging, CancellationToken ct)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        var changed = await ChangedAsync(db, site, paging, ct);
        var committees = (await meetings.CommitteesAsync(site.Slug, ct))?.Committees ?? [];
        var all = committees.OrderBy(c => c.Id)
            .Where(c => Wanted(c.Id, paging, changed))
            .SelectMany(c => Posts.Select(post => new PopoloPost(site.Uri("posts", $"{c.Id}-{post.Key}"), $"{post.Label}, {c.Name}", post.Label, site.Uri("organizations", c.Id))))
            .ToList();
        return Page(all, paging);
    }

    public async Task<OpenDataRows<PopoloMembership>> MembershipsAsync(OpenDataSite site, OpenDataPaging paging, CancellationToken ct)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        var changed = await ChangedAsync(db, site, paging, ct);
        var seats = await (from m in PublicMeetingsService.CurrentMemberships(db, site.OrganisationId, clock.Today())
                           join p in db.People.AsNoTracking() on m.PersonId equals p.Id
                           where p.OrganisationId == site.OrganisationId
                           select m).ToListAsync(ct);
        var roleNames = await db.MemberRoles.AsNoTracking().Where(r => r.OrganisationId == site.OrganisationId).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        var all = seats.OrderBy(m => m.Id)
            .Where(m => Wanted(m.Id, paging, changed))
            .Select(m =>
            {
                var post = Post(m.Office, m.IsVoting);
                var roles = string.Join(", ", m.RoleIds.Where(roleNames.ContainsKey).Select(id => roleNames[id]));
                return new PopoloMembership(site.Uri("memberships", m.Id), site.Uri("persons", m.PersonId), site.Uri("organizations", m.CommitteeId),
                    site.Uri("posts", $"{m.CommitteeId}-{post.Key}"), post.Label, roles.Length == 0 ? null : roles, m.TermStart, m.TermEnd);
            })
            .ToList();
        return Page(all, paging);
    }

    /// <summary>Decisions on public items of published agendas (the public decisions log) as motions.</summary>
    public async Task<OpenDataRows<PopoloMotion>> MotionsAsync(OpenDataSite site, OpenDataPaging paging, CancellationToken ct)
    {
        var decisions = await DecisionsAsync(site, paging, ct);
        return Page([.. decisions.Select(d => new PopoloMotion(site.Uri("motions", d.Id), site.Uri("organizations", d.CommitteeId), site.Uri("events", d.MeetingId),
            d.Resolution, "resolution", d.DecidedAt, Passed(d) ? "pass" : "fail",
            [new OpenLink(site.Page(PublicMeetingsService.MeetingUrl(site.Slug, d.MeetingId)), "Meeting page"), new OpenLink(site.Page($"/public/{site.Slug}/decisions"), "Decisions log")]))], paging);
    }

    /// <summary>Counted votes only (a consensus has no count): the totals the decisions log shows, never a member's vote.</summary>
    public async Task<OpenDataRows<PopoloVoteEvent>> VoteEventsAsync(OpenDataSite site, OpenDataPaging paging, CancellationToken ct)
    {
        var decisions = await DecisionsAsync(site, paging, ct);
        return Page([.. decisions.Where(d => d.Kind == DecisionKind.Vote).Select(d => new PopoloVoteEvent(site.Uri("vote_events", d.Id), site.Uri("motions", d.Id),
            site.Uri("organizations", d.CommitteeId), site.Uri("events", d.MeetingId), d.DecidedAt, Passed(d) ? "pass" : "fail",
            [new PopoloCount("yes", d.For), new PopoloCount("no", d.Against), new PopoloCount("abstain", d.Abstain)]))], paging);
    }

    private async Task<List<PublicDecisionDto>> DecisionsAsync(OpenDataSite site, OpenDataPaging paging, CancellationToken ct)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        var changed = await ChangedAsync(db, site, paging, ct);
        var decisions = (await meetings.DecisionsAsync(site.Slug, ct))?.Decisions ?? [];
        return [.. decisions.Where(d => Wanted(d.Id, paging, changed)).OrderBy(d => d.Id)];
    }

    private static bool Passed(PublicDecisionDto d) => d.Kind == DecisionKind.Consensus || d.Outcome is VoteOutcome.Carried or VoteOutcome.CarriedOnCastingVote;

    private static readonly (string Key, string Label)[] Posts = [("chair", "Chair"), ("vice-chair", "Vice chair"), ("voting-member", "Voting member"), ("non-voting-attendee", "Non-voting attendee")];

    private static (string Key, string Label) Post(CommitteeOffice office, bool isVoting) => office switch
    {
        CommitteeOffice.Chair => Posts[0],
        CommitteeOffice.ViceChair => Posts[1],
        _ => isVoting ? Posts[2] : Posts[3],
    };

    // --- Open Civic Data events -------------------------------------------------------------------------------------

    /// <summary>Meetings whose agenda has been published, with their public items, papers, pack and minutes.</summary>
    public async Task<OpenDataRows<OcdEvent>> EventsAsync(OpenDataSite site, OpenDataPaging paging, CancellationToken ct)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        var changed = await ChangedAsync(db, site, paging, ct);
        if (changed is not null)
        {
            // Approved minutes change their meeting: the minutes record is its own aggregate.
            var minutesIds = changed.ToList();
            changed.UnionWith(await db.Minutes.AsNoTracking().Where(m => m.OrganisationId == site.OrganisationId && minutesIds.Contains(m.Id)).Select(m => m.MeetingId).ToListAsync(ct));
        }

        var calendar = (await meetings.MeetingsAsync(site.Slug, ct))?.Meetings ?? [];
        var published = calendar.Where(m => m.AgendaPublished && Wanted(m.Id, paging, changed)).OrderBy(m => m.StartsAt).ThenBy(m => m.Id).ToList();
        var (page, total) = paging.Apply(published);

        var ids = page.Select(m => m.Id).ToList();
        var items = await PublicMeetingsService.PublicItems(db, site.OrganisationId).Where(i => ids.Contains(i.MeetingId)).ToListAsync(ct);
        var bodyIds = items.SelectMany(i => i.AffectedBodyIds).Distinct().ToList();
        var bodies = await db.ExternalBodies.AsNoTracking().Where(b => b.OrganisationId == site.OrganisationId && bodyIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.Name, ct);
        var affected = items.ToDictionary(i => i.Id, i => i.AffectedBodyIds.Where(bodies.ContainsKey).Select(b => (Id: b, Name: bodies[b])).ToList());

        var now = clock.GetUtcNow();
        var events = new List<OcdEvent>(page.Count);
        foreach (var summary in page)
        {
            if (await meetings.MeetingAsync(site.Slug, summary.Id, ct) is { } meeting)
            {
                events.Add(Event(site, summary, meeting, affected, now));
            }
        }

        return new OpenDataRows<OcdEvent>(events, total);
    }

    private static OcdEvent Event(OpenDataSite site, PublicMeetingSummaryDto summary, PublicMeetingDto meeting, Dictionary<Guid, List<(Guid Id, string Name)>> affected, DateTimeOffset now)
    {
        var arrangements = meeting.Arrangements;
        var status = summary.IsCancelled ? "cancelled" : summary.StartsAt < now ? "passed" : "confirmed";
        OcdLocation? location = (arrangements?.VenueName, arrangements?.VenueAddress, arrangements?.JoiningLink) switch
        {
            ({ } name, var address, var link) => new OcdLocation(name, address, link),
            (null, { } address, var link) => new OcdLocation(address, null, link),
            (null, null, { } link) => new OcdLocation("online", arrangements?.JoiningInstructions, link),
            _ => null,
        };

        var documents = new List<OcdDocument>
        {
            new("Meeting pack (public part)", meeting.AgendaPublishedAt, [new OcdMediaLink("application/pdf", site.Page(MeetingPackEndpoints.PublicPackUrl(site.Slug, meeting.Id)))]),
        };
        if (meeting.MinutesUrl is not null)
        {
            documents.Add(new OcdDocument("Approved minutes (public part)", null,
            [
                new OcdMediaLink("text/html", site.Page(PublicMeetingsService.MinutesUrl(site.Slug, meeting.Id))),
                new OcdMediaLink("application/pdf", site.Page(PublicMeetingsService.MinutesPdfUrl(site.Slug, meeting.Id))),
            ]));
        }

        var notes = new List<string>();
        if (meeting.ShortNoticeReason is { } shortNotice)
        {
            notes.Add($"Published at short notice: {shortNotice}");
        }

        if (meeting.PrivatePartNotice is { } privatePart)
        {
            notes.Add(privatePart);
        }

        if (arrangements?.CancellationReason is { } cancelled)
        {
            notes.Add($"Cancelled: {cancelled}");
        }

        return new OcdEvent(
            site.Uri("events", meeting.Id),
            meeting.Title,
            "committee-meeting",
            meeting.StartsAt,
            null,
            "Europe/London",
            false,
            status,
            notes.Count == 0 ? null : string.Join(" ", notes),
            location,
            [new OcdParticipant("organization", site.Uri("organizations", meeting.CommitteeId), meeting.CommitteeName, "host")],
            [.. meeting.Items.Select(i => new OcdAgendaItem(
                site.Uri("events", $"{meeting.Id}/items/{i.Id}"),
                i.Number,
                i.Title,
                i.Purpose.ToString().ToLowerInvariant(),
                ItemNotes(i),
                [.. affected.GetValueOrDefault(i.Id, []).Select(b => new OcdRelatedEntity("organization", $"urn:uuid:{b.Id}", b.Name, "affected body"))],
                [.. i.Papers.Select(p => new OcdDocument(p.Title, null, [new OcdMediaLink(p.ContentType, site.Page(p.Url))]))]))],
            documents,
            [],
            [new OpenLink(site.Page(PublicMeetingsService.MeetingUrl(site.Slug, meeting.Id)), "Meeting page")],
            [new OpenLink(site.Page(PublicMeetingsService.MeetingUrl(site.Slug, meeting.Id)), "Meeting page")]);
    }

    private static List<string> ItemNotes(PublicAgendaItemDto item)
    {
        var notes = new List<string>();
        if (item.Presenter is { } presenter)
        {
            notes.Add($"Presenter: {presenter}");
        }

        if (item.LateReason is { } late)
        {
            notes.Add($"Supplementary agenda: {late}");
        }

        if (item.WithdrawnReason is { } withdrawn)
        {
            notes.Add($"Withdrawn: {withdrawn}");
        }

        return notes;
    }

    // --- OCDS -------------------------------------------------------------------------------------------------------

    public async Task<OpenDataRows<OcdsRelease>> ReleasesAsync(OpenDataSite site, OpenDataPaging paging, CancellationToken ct)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        var changed = await ChangedAsync(db, site, paging, ct);
        var query = Narrow(PublicRegisterFilters.PublicProcurement(db, site.OrganisationId), p => p.Id, paging, changed);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(p => p.Id).Skip(paging.Skip).Take(paging.PageSize).WithNames(db).ToListAsync(ct);

        // A linked decision is named only when it is public (on a public item of a published agenda); who decided and
        // the conflicts come from the same public account as the decision's page.
        var linked = rows.Where(r => r.Decision.DecisionId is not null).Select(r => r.Decision.DecisionId!.Value).ToList();
        var publicDecisions = linked.Count == 0 ? [] : ((await meetings.DecisionsAsync(site.Slug, ct))?.Decisions ?? []).ToDictionary(d => d.Id);
        var evidence = await PsrMeetingEvidence.LoadAsync(db, site.OrganisationId, linked, ct);
        var builder = new OcdsReleaseBuilder(site.BaseUrl, site.Slug, site.Uri("organizations", site.OrganisationId), site.Name);
        return new OpenDataRows<OcdsRelease>(
            [.. rows.OrderBy(r => r.Decision.Id).Select(r =>
            {
                var pd = r.Decision;
                var decision = pd.DecisionId is { } id ? publicDecisions.GetValueOrDefault(id) : null;
                var meeting = pd.DecisionId is { } linkedId ? evidence.GetValueOrDefault(linkedId) : null;
                var account = PsrPublicAccount.Of(meeting, pd.Psr.DecisionMakers, r.Committee, pd.Details.ConflictsNoted, pd.Details.ConflictsManagement);
                return builder.Build(new OcdsSource(pd.Id, pd.Version, pd.Details, pd.Psr, pd.RecordedOn, r.Committee, r.Supplier, decision?.Id, decision?.MeetingId, account));
            })],
            total);
    }

    // --- registers -------------------------------------------------------------------------------------------------

    public async Task<OpenDataRows<(Guid Id, PublicInterestRow Row)>> InterestsAsync(OpenDataSite site, OpenDataPaging paging, CancellationToken ct)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        var changed = await ChangedAsync(db, site, paging, ct);
        var today = clock.Today();
        var query = Narrow(PublicRegisterFilters.PublicDeclarations(db, site.OrganisationId, today), d => d.Id, paging, changed, d => d.PersonId);
        var total = await query.CountAsync(ct);
        var rows = await (from d in query.OrderBy(d => d.Id).Skip(paging.Skip).Take(paging.PageSize)
                          join p in db.People.AsNoTracking() on d.PersonId equals p.Id
                          join b in db.ExternalBodies.AsNoTracking() on d.PublishedDetails!.ConcernsBodyId equals (Guid?)b.Id into bodies
                          from body in bodies.DefaultIfEmpty()
                          select new { d.Id, d.PersonId, p.FullName, p.JobTitle, Details = d.PublishedDetails!, d.AgreedMitigation, d.DeclaredOn, PublishedOn = d.PublishedOn!.Value, d.PublishedByName, BodyName = body == null ? null : body.Name })
            .ToListAsync(ct);
        var positions = await PublicRegisterService.PositionsAsync(db, site.OrganisationId, today, [.. rows.Select(r => r.PersonId).Distinct()], ct);
        return new OpenDataRows<(Guid, PublicInterestRow)>(
            [.. rows.OrderBy(r => r.Id).Select(r => (r.Id, new PublicInterestRow(r.FullName,
                string.Join("; ", new[] { r.JobTitle, positions.GetValueOrDefault(r.PersonId) }.Where(s => !string.IsNullOrEmpty(s))),
                r.Details.Category, r.Details.IsDirect, r.Details.Relationship, r.BodyName, r.Details.Nature, r.Details.From, r.Details.To,
                r.Details.Mitigation, r.AgreedMitigation, r.DeclaredOn, r.PublishedOn, r.PublishedByName)))],
            total);
    }

    public async Task<OpenDataRows<(Guid Id, PublicGiftRow Row)>> GiftsAsync(OpenDataSite site, OpenDataPaging paging, CancellationToken ct)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        var changed = await ChangedAsync(db, site, paging, ct);
        var query = Narrow(PublicRegisterFilters.PublicGifts(db, site.OrganisationId, clock.Today()), g => g.Id, paging, changed, g => g.PersonId);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(g => g.Id).Skip(paging.Skip).Take(paging.PageSize).WithPeople(db).ToIdentifiedPublicGift().ToListAsync(ct);
        return new OpenDataRows<(Guid, PublicGiftRow)>([.. rows.OrderBy(r => r.Id).Select(r => (r.Id, r.Row))], total);
    }

    public async Task<OpenDataRows<(Guid Id, PublicProcurementRow Row)>> ProcurementAsync(OpenDataSite site, OpenDataPaging paging, CancellationToken ct)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        var changed = await ChangedAsync(db, site, paging, ct);
        var query = Narrow(PublicRegisterFilters.PublicProcurement(db, site.OrganisationId), p => p.Id, paging, changed);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(p => p.Id).Skip(paging.Skip).Take(paging.PageSize).WithNames(db).ToPublicProcurementRow().ToListAsync(ct);
        return new OpenDataRows<(Guid, PublicProcurementRow)>([.. rows.OrderBy(r => r.Id).Select(r => (r.Id, r))], total);
    }

    public async Task<OpenDataRows<(Guid Id, PublicBreachRow Row)>> BreachesAsync(OpenDataSite site, OpenDataPaging paging, CancellationToken ct)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        var changed = await ChangedAsync(db, site, paging, ct);
        var query = Narrow(PublicRegisterFilters.PublicBreaches(db, site.OrganisationId), b => b.Id, paging, changed);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(b => b.Id).Skip(paging.Skip).Take(paging.PageSize).ToIdentifiedPublicBreach().ToListAsync(ct);
        return new OpenDataRows<(Guid, PublicBreachRow)>([.. rows.Select(r => (r.Id, r.Row))], total);
    }

    // --- paging and updated_since ----------------------------------------------------------------------------------

    /// <summary>The ids (records and their aggregates) the audit trail shows changed at or after updated_since; null without it.</summary>
    private static async Task<HashSet<Guid>?> ChangedAsync(AppDbContext db, OpenDataSite site, OpenDataPaging paging, CancellationToken ct)
    {
        if (paging.UpdatedSince is not { } since)
        {
            return null;
        }

        // Distinct ids in SQL (on the (organisation, time) index), so a long trail sends each changed record once.
        var changedSince = db.AuditEntries.AsNoTracking().Where(a => a.OrganisationId == site.OrganisationId && a.OccurredAt >= since);
        var ids = await changedSince.Select(a => a.RecordId).Distinct().ToListAsync(ct);
        ids.AddRange(await changedSince.Where(a => a.AggregateId != null).Select(a => a.AggregateId!).Distinct().ToListAsync(ct));
        var changed = new HashSet<Guid>();
        foreach (var id in ids)
        {
            if (Guid.TryParse(id, out var record))
            {
                changed.Add(record);
            }
        }

        return changed;
    }

    private static bool Wanted(Guid id, OpenDataPaging paging, HashSet<Guid>? changed) =>
        (paging.Id is null || paging.Id == id) && (changed is null || changed.Contains(id));

    /// <summary>
    /// The query narrowed to one record (by <paramref name="id"/>) and, with updated_since, to records whose id or any
    /// of the <paramref name="related"/> ids (the person a register entry names) changed.
    /// </summary>
    private static IQueryable<T> Narrow<T>(IQueryable<T> query, System.Linq.Expressions.Expression<Func<T, Guid>> id, OpenDataPaging paging, HashSet<Guid>? changed,
        params System.Linq.Expressions.Expression<Func<T, Guid>>[] related)
    {
        if (paging.Id is { } one)
        {
            query = query.Where(Equal(id, one));
        }

        if (changed is not null)
        {
            // The list is read through a closure, so EF sends it as one parameter rather than inlining every id.
            var list = changed.ToList();
            System.Linq.Expressions.Expression<Func<List<Guid>>> captured = () => list;
            var parameter = id.Parameters[0];
            System.Linq.Expressions.Expression Contains(System.Linq.Expressions.Expression<Func<T, Guid>> selector) =>
                System.Linq.Expressions.Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(Guid)], captured.Body,
                    new ReplaceParameter(selector.Parameters[0], parameter).Visit(selector.Body));
            var any = related.Aggregate(Contains(id), (either, selector) => System.Linq.Expressions.Expression.OrElse(either, Contains(selector)));
            query = query.Where(System.Linq.Expressions.Expression.Lambda<Func<T, bool>>(any, parameter));
        }

        return query;
    }

    private sealed class ReplaceParameter(System.Linq.Expressions.ParameterExpression from, System.Linq.Expressions.ParameterExpression to) : System.Linq.Expressions.ExpressionVisitor
    {
        protected override System.Linq.Expressions.Expression VisitParameter(System.Linq.Expressions.ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }

    private static System.Linq.Expressions.Expression<Func<T, bool>> Equal<T>(System.Linq.Expressions.Expression<Func<T, Guid>> id, Guid value) =>
        System.Linq.Expressions.Expression.Lambda<Func<T, bool>>(
            System.Linq.Expressions.Expression.Equal(id.Body, System.Linq.Expressions.Expression.Constant(value)), id.Parameters[0]);

    private static OpenDataRows<T> Page<T>(IReadOnlyCollection<T> all, OpenDataPaging paging)
    {
        var (rows, total) = paging.Apply(all);
        return new OpenDataRows<T>(rows, total);
    }
}
