using CoCommissioning.Data;
using CoCommissioning.Domain.Committees;
using CoCommissioning.Domain.Decisions;
using CoCommissioning.Domain.Meetings;
using CoCommissioning.Domain.Minutes;
using CoCommissioning.Domain.Quorum;
using CoCommissioning.Web.Features.DecisionsLog;
using CoCommissioning.Web.Features.Minutes;
using Microsoft.EntityFrameworkCore;

namespace CoCommissioning.Web.Features.PublicMeetings;

/// <summary>
/// What anyone may read of an organisation's committees and meetings, signed in or not: committees and their terms
/// of reference, the meeting calendar, the public part of each published agenda with its public papers, and the
/// decisions taken on public items. One rule decides what is public (<see cref="PublicItems"/>): an item that is not
/// private, on an agenda that has been published. Private items, private papers and unpublished agendas never leave
/// the database for a public request. An unknown organisation (or a record of another organisation) reads as null.
/// </summary>
public sealed class PublicMeetingsService(GovernanceDbFactory dbs, TimeProvider clock)
{
    public const string PrivatePartNotice =
        "Part of this meeting will be held in private. The public will be excluded from that part by a resolution " +
        "stating the reason, under the Public Bodies (Admission to Meetings) Act 1960.";

    public static string PaperUrl(string slug, Guid paperId) => $"/public/{slug}/papers/{paperId}";

    public static string MeetingUrl(string slug, Guid meetingId) => $"/public/{slug}/meetings/{meetingId}";

    public static string MinutesUrl(string slug, Guid meetingId) => $"/public/{slug}/meetings/{meetingId}/minutes";

    public static string MinutesPdfUrl(string slug, Guid meetingId) => $"/public/{slug}/meetings/{meetingId}/minutes.pdf";

    public async Task<PublicCommitteesDto?> CommitteesAsync(string slug, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        if (await OrganisationAsync(db, slug, ct) is not { } organisation)
        {
            return null;
        }

        var committees = await db.Committees.AsNoTracking()
            .Where(c => c.OrganisationId == organisation.Id)
            .OrderBy(c => c.Name)
            .Select(c => new PublicCommitteeSummaryDto(c.Id, c.Name, c.Type, c.Level, c.Purpose))
            .ToListAsync(ct);
        return new PublicCommitteesDto(organisation.Public, committees);
    }

    public async Task<PublicCommitteeDto?> CommitteeAsync(string slug, Guid committeeId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        if (await OrganisationAsync(db, slug, ct) is not { } organisation)
        {
            return null;
        }

        var committee = await db.Committees.AsNoTracking().Include(c => c.TermsOfReferenceVersions)
            .SingleOrDefaultAsync(c => c.Id == committeeId && c.OrganisationId == organisation.Id, ct);
        if (committee is null)
        {
            return null;
        }

        PublicTermsOfReferenceDto? terms = null;
        if (committee.TermsOfReferenceVersions.Count > 0 && committee.TermsOfReferenceOn(clock.Today()) is { } tor)
        {
            var roleNames = await db.MemberRoles.AsNoTracking().Where(r => r.OrganisationId == organisation.Id).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
            terms = new PublicTermsOfReferenceDto(tor.EffectiveFrom, tor.Level, tor.MinimumMeetingsPerYear, tor.MeetingsPublicByDefault,
                QuorumText.Render(tor.Quorum, roleNames), VotingInWords(tor.Voting), tor.CoOptionAllowed);
        }

        var meetings = await MeetingSummaries(db, organisation.Id, committeeId).ToListAsync(ct);
        return new PublicCommitteeDto(organisation.Public, new(committee.Id, committee.Name, committee.Type, committee.Level, committee.Purpose), terms, Ordered(meetings),
            await MembersAsync(db, organisation.Id, committeeId, ct));
    }

    /// <summary>
    /// Public agenda items (the one rule, <see cref="PublicItems"/>) whose title or number matches <paramref name="query"/>,
    /// newest meeting first, at most <paramref name="limit"/>.
    /// </summary>
    public async Task<IReadOnlyList<PublicItemHitDto>?> SearchItemsAsync(string slug, string query, int limit, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        if (await OrganisationAsync(db, slug, ct) is not { } organisation)
        {
            return null;
        }

        var q = query.Trim().ToLowerInvariant();

        // The filter runs in SQL: ToLower() becomes lower(), so the analyzers' culture advice does not apply.
#pragma warning disable CA1304, CA1311, CA1862
        var hits = await (from i in PublicItems(db, organisation.Id)
                          join m in db.Meetings.AsNoTracking() on i.MeetingId equals m.Id
                          join c in db.Committees.AsNoTracking() on m.CommitteeId equals c.Id
                          where i.Title.ToLower().Contains(q)
                          select new PublicItemHitDto(m.Id, m.Title, c.Name, m.StartsAt, i.Number, i.Title)).ToListAsync(ct);
#pragma warning restore CA1304, CA1311, CA1862

        // Ordered in memory: SQLite cannot order by a DateTimeOffset column.
        return [.. hits.OrderByDescending(h => h.StartsAt).ThenBy(h => h.Number, StringComparer.Ordinal).Take(limit)];
    }

    /// <summary>Current members (term covering today): name, role names, office and voting; chair first, then vice chair, then by name.</summary>
    private async Task<List<PublicMemberDto>> MembersAsync(AppDbContext db, Guid organisationId, Guid committeeId, CancellationToken ct)
    {
        var today = clock.Today();
        var seats = await (from m in CurrentMemberships(db, organisationId, today)
                           join p in db.People.AsNoTracking() on m.PersonId equals p.Id
                           where m.CommitteeId == committeeId && p.OrganisationId == organisationId
                           select new { m.RoleIds, m.Office, m.IsVoting, p.FullName }).ToListAsync(ct);
        var roleNames = await db.MemberRoles.AsNoTracking().Where(r => r.OrganisationId == organisationId).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        return [.. seats
            .OrderBy(s => s.Office switch { CommitteeOffice.Chair => 0, CommitteeOffice.ViceChair => 1, _ => 2 })
            .ThenBy(s => s.FullName, StringComparer.Ordinal)
            .Select(s => new PublicMemberDto(s.FullName, string.Join(", ", s.RoleIds.Where(roleNames.ContainsKey).Select(id => roleNames[id])), s.Office, s.IsVoting))];
    }

    /// <summary>Every meeting of the organisation's committees, past and future, earliest first.</summary>
    public async Task<PublicMeetingsDto?> MeetingsAsync(string slug, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        if (await OrganisationAsync(db, slug, ct) is not { } organisation)
        {
            return null;
        }

        return new PublicMeetingsDto(organisation.Public, Ordered(await MeetingSummaries(db, organisation.Id, null).ToListAsync(ct)));
    }

    /// <summary>A meeting's public part: the public items of its published agenda, their public papers and decisions.</summary>
    public async Task<PublicMeetingDto?> MeetingAsync(string slug, Guid meetingId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        if (await OrganisationAsync(db, slug, ct) is not { } organisation)
        {
            return null;
        }

        var meeting = await db.Meetings.AsNoTracking()
            .Where(m => m.Id == meetingId && m.OrganisationId == organisation.Id)
            .Join(db.Committees, m => m.CommitteeId, c => c.Id, (m, c) => new
            {
                m.Id, m.CommitteeId, CommitteeName = c.Name, m.Title, m.StartsAt, m.AgendaPublishedAt, m.ShortNoticeReason,
                Arrangements = new PublicArrangementsDto(m.VenueName, m.VenueAddress, m.JoiningLink, m.JoiningInstructions, m.CancelledAt, m.CancellationReason, m.RescheduledAt),
            })
            .SingleOrDefaultAsync(ct);
        if (meeting is null)
        {
            return null;
        }

        var hasMinutes = await ApprovedVersions(db, organisation.Id, meetingId).AnyAsync(ct);
        var notice = AgendaNotice.Describe(await LocalRules.LocalRulesService.NoticePeriodOnAsync(db, organisation.Id, DateOnly.FromDateTime(meeting.StartsAt.UtcDateTime), ct));
        if (meeting.AgendaPublishedAt is null)
        {
            return new PublicMeetingDto(organisation.Public, meeting.Id, meeting.CommitteeId, meeting.CommitteeName, meeting.Title, meeting.StartsAt, null, [], null,
                hasMinutes ? MinutesUrl(organisation.Slug, meetingId) : null, [], meeting.Arrangements, NoticePeriod: notice);
        }

        // Titles of private items are never read: only whether there are any.
        var items = AgendaNumbering.Order(await PublicItems(db, organisation.Id).Where(i => i.MeetingId == meetingId).ToListAsync(ct));
        var hasPrivatePart = await db.Set<AgendaItem>().AnyAsync(i => i.MeetingId == meetingId && i.IsPrivate, ct);
        var papers = await PublicPapers(db, organisation.Id).Where(p => p.MeetingId == meetingId)
            .Select(p => new { p.Id, p.ItemId, p.Title, p.FileName, p.ContentType, p.SizeBytes, p.UploadedAt, p.VersionNumber, p.LateReason })
            .ToListAsync(ct);
        papers = [.. papers.OrderBy(p => p.UploadedAt).ThenBy(p => p.Id)];
        var decisions = await DecisionsAsync(db, organisation, meetingId, ct);

        return new PublicMeetingDto(
            organisation.Public, meeting.Id, meeting.CommitteeId, meeting.CommitteeName, meeting.Title, meeting.StartsAt, meeting.AgendaPublishedAt,
            [.. items.Select(i => new PublicAgendaItemDto(i.Id, i.Number, i.Title, i.Purpose, i.Presenter,
                [.. papers.Where(p => p.ItemId == i.Id).Select(p => new PublicPaperDto(p.Id, p.Title, p.FileName, p.ContentType, p.SizeBytes, PaperUrl(organisation.Slug, p.Id), p.VersionNumber, p.LateReason))],
                i.ParentItemId is not null, i.LateReason, i.WithdrawnReason))],
            hasPrivatePart ? PrivatePartNotice : null,
            hasMinutes ? MinutesUrl(organisation.Slug, meetingId) : null,
            decisions,
            meeting.Arrangements,
            meeting.ShortNoticeReason,
            notice);
    }

    /// <summary>The decisions on public items of published agendas, newest first.</summary>
    public async Task<PublicDecisionsDto?> DecisionsAsync(string slug, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        if (await OrganisationAsync(db, slug, ct) is not { } organisation)
        {
            return null;
        }

        return new PublicDecisionsDto(organisation.Public, await DecisionsAsync(db, organisation, null, ct));
    }

    /// <summary>A public paper's file: public, on a public item of a published agenda of this organisation; otherwise null.</summary>
    public async Task<PublicPaperFile?> PaperAsync(string slug, Guid paperId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        if (await OrganisationAsync(db, slug, ct) is not { } organisation)
        {
            return null;
        }

        // A paper's link serves its current version: an earlier version's id finds the series, and so the newest.
        var series = await db.MeetingPapers.AsNoTracking().Where(p => p.Id == paperId && p.OrganisationId == organisation.Id)
            .Select(p => (Guid?)p.SeriesId).SingleOrDefaultAsync(ct);
        return await PublicPapers(db, organisation.Id).Where(p => p.SeriesId == series)
            .Join(db.PaperContents, p => p.Id, c => c.PaperId, (p, c) => new PublicPaperFile(p.FileName, p.ContentType, c.Bytes))
            .SingleOrDefaultAsync(ct);
    }

    /// <summary>
    /// The public part of the latest approved version of a meeting's minutes, as stored at approval, with each
    /// narrative rendered to sanitised HTML. Null when there is no approved version (a draft is never public) or the
    /// meeting is not this organisation's; approved minutes are public whether or not the agenda publication was recorded. The private part is read from
    /// the database with the stored document but never leaves this method.
    /// </summary>
    public async Task<PublicMinutesDto?> MinutesAsync(string slug, Guid meetingId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        if (await OrganisationAsync(db, slug, ct) is not { } organisation)
        {
            return null;
        }

        var approved = await ApprovedVersions(db, organisation.Id, meetingId)
            .OrderByDescending(v => v.Number)
            .Select(v => new { v.Number, v.ApprovedAt, v.ApprovedContent })
            .FirstOrDefaultAsync(ct);
        if (approved?.ApprovedContent is not { } content)
        {
            return null;
        }

        var document = MinutesContent.Read(content).Public;
        return new PublicMinutesDto(
            organisation.Public,
            meetingId,
            approved.Number,
            approved.ApprovedAt,
            document,
            document.Items.ToDictionary(i => i.ItemId, i => MinutesHtml.Render(i.Narrative)),
            MeetingUrl(organisation.Slug, meetingId),
            MinutesPdfUrl(organisation.Slug, meetingId));
    }

    /// <summary>The voting rules in words, as the public page reads them.</summary>
    public static string VotingInWords(VotingRules voting)
    {
        var basis = voting.MajorityBasis == MajorityBasis.VotesCast
            ? "A decision needs a majority of the votes cast."
            : "A decision needs more than half of the members eligible to vote on the item to vote for it.";
        var deputies = voting.DeputiesMayVote ? "Named deputies may vote in a member's place." : "Deputies may not vote.";
        var casting = voting.PresidingPersonHasCastingVote ? "On a tie, the person presiding has a casting vote." : "There is no casting vote: a tie is not carried.";
        return $"{basis} {deputies} {casting}";
    }

    /// <summary>
    /// The one membership rule: the public sees a committee's current seats (term covering today) and nothing of past
    /// or future ones (ADR-0024). The committee pages and the open data (ADR-0026) both start here.
    /// </summary>
    internal static IQueryable<Membership> CurrentMemberships(AppDbContext db, Guid organisationId, DateOnly today) =>
        db.Memberships.AsNoTracking()
            .Where(m => m.OrganisationId == organisationId && m.TermStart <= today && (m.TermEnd == null || m.TermEnd >= today));

    /// <summary>The one rule: an item is public when it is not private and its meeting's agenda has been published.</summary>
    internal static IQueryable<AgendaItem> PublicItems(AppDbContext db, Guid organisationId) =>
        from i in db.Set<AgendaItem>().AsNoTracking()
        join m in db.Meetings.AsNoTracking() on i.MeetingId equals m.Id
        where m.OrganisationId == organisationId && i.OrganisationId == organisationId && !i.IsPrivate && m.AgendaPublishedAt != null
        select i;

    /// <summary>
    /// Approved versions of the minutes of a meeting of the organisation. The public part of approved minutes is for
    /// publication by definition, so it is public whether or not the meeting's agenda publication was recorded.
    /// </summary>
    private static IQueryable<MinutesVersion> ApprovedVersions(AppDbContext db, Guid organisationId, Guid meetingId) =>
        from m in db.Minutes.AsNoTracking()
        join meeting in db.Meetings.AsNoTracking() on m.MeetingId equals meeting.Id
        from v in m.Versions
        where m.MeetingId == meetingId && m.OrganisationId == organisationId && meeting.OrganisationId == organisationId
            && v.OrganisationId == organisationId
            && v.Status == MinutesStatus.Approved && v.ApprovedContent != null
        select v;

    /// <summary>Papers marked public, on a public item (see <see cref="PublicItems"/>).</summary>
    internal static IQueryable<MeetingPaper> PublicPapers(AppDbContext db, Guid organisationId) =>
        from p in db.MeetingPapers.AsNoTracking()
        join i in PublicItems(db, organisationId) on p.ItemId equals i.Id
        where p.IsPublic && p.OrganisationId == organisationId && p.MeetingId == i.MeetingId && p.SupersededAt == null && p.RemovedAt == null
        select p;

    // Filtered before the projection: EF Core cannot translate a filter on a record built by its constructor.
    private static IQueryable<PublicMeetingSummaryDto> MeetingSummaries(AppDbContext db, Guid organisationId, Guid? committeeId) =>
        from m in db.Meetings.AsNoTracking()
        join c in db.Committees.AsNoTracking() on m.CommitteeId equals c.Id
        where m.OrganisationId == organisationId && (committeeId == null || m.CommitteeId == committeeId)
        select new PublicMeetingSummaryDto(m.Id, m.CommitteeId, c.Name, m.Title, m.StartsAt, m.AgendaPublishedAt != null, m.CancelledAt, m.CancellationReason, m.VenueName, m.VenueAddress, m.JoiningLink, m.Sequence);

    // Ordered in memory: SQLite cannot order by a DateTimeOffset column.
    private static List<PublicMeetingSummaryDto> Ordered(IEnumerable<PublicMeetingSummaryDto> meetings) =>
        [.. meetings.OrderBy(m => m.StartsAt).ThenBy(m => m.CommitteeName, StringComparer.Ordinal).ThenBy(m => m.Id)];

    private static async Task<List<PublicDecisionDto>> DecisionsAsync(AppDbContext db, Organisation organisation, Guid? meetingId, CancellationToken ct)
    {
        var query =
            from d in db.Decisions.AsNoTracking()
            join i in PublicItems(db, organisation.Id) on d.ItemId equals i.Id
            join m in db.Meetings.AsNoTracking() on d.MeetingId equals m.Id
            join c in db.Committees.AsNoTracking() on m.CommitteeId equals c.Id
            where d.OrganisationId == organisation.Id && i.MeetingId == m.Id
            select new { Decision = d, MeetingTitle = m.Title, m.StartsAt, m.CommitteeId, CommitteeName = c.Name, i.Number, ItemTitle = i.Title };
        if (meetingId is { } id)
        {
            query = query.Where(r => r.Decision.MeetingId == id);
        }

        var rows = await query.ToListAsync(ct);
        var itemIds = rows.Select(r => r.Decision.ItemId).Distinct().ToList();
        var rulings = await db.Set<ItemRuling>().AsNoTracking()
            .Where(r => r.OrganisationId == organisation.Id && itemIds.Contains(r.ItemId))
            .Select(r => new { r.ItemId, r.Ruling })
            .ToListAsync(ct);
        var rulingsByItem = rulings.ToLookup(r => r.ItemId, r => r.Ruling);
        var declaredFlags = (await db.Set<MeetingDeclaration>().AsNoTracking()
                .Where(d => d.OrganisationId == organisation.Id && d.ItemId != null && itemIds.Contains(d.ItemId.Value) && d.RegisterDeclarationId != null)
                .Select(d => new { ItemId = d.ItemId!.Value, d.MembershipId, d.RegisterDeclarationId })
                .ToListAsync(ct))
            .Distinct().ToLookup(d => d.ItemId);
        var dismissedFlags = (await db.Set<PreFlagDismissal>().AsNoTracking()
                .Where(d => d.OrganisationId == organisation.Id && itemIds.Contains(d.ItemId))
                .Select(d => d.ItemId)
                .ToListAsync(ct))
            .ToLookup(id => id);

        return [.. rows
            .OrderByDescending(r => r.Decision.DecidedAt).ThenBy(r => r.Decision.Id)
            .Select(r => new PublicDecisionDto(
                r.Decision.Id, r.Decision.MeetingId, r.MeetingTitle, r.StartsAt, r.CommitteeId, r.CommitteeName, r.Number, r.ItemTitle,
                r.Decision.Resolution, r.Decision.DecidedAt, r.Decision.Kind, r.Decision.Outcome,
                DecisionWording.Outcome(r.Decision.Kind, r.Decision.Outcome),
                r.Decision.For, r.Decision.Against, r.Decision.Abstain, r.Decision.Eligible, r.Decision.Explanation,
                new ItemConflictCounts(declaredFlags[r.Decision.ItemId].Count(), dismissedFlags[r.Decision.ItemId].Count(), [.. rulingsByItem[r.Decision.ItemId]]).Summary()))];
    }

    private static async Task<Organisation?> OrganisationAsync(AppDbContext db, string slug, CancellationToken ct) =>
        await db.Organisations.AsNoTracking().Where(o => o.Slug == slug).Select(o => new Organisation(o.Id, o.Slug, o.Name)).SingleOrDefaultAsync(ct);

    private sealed record Organisation(Guid Id, string Slug, string Name)
    {
        public PublicMeetingsOrganisation Public => new(Slug, Name);
    }
}
