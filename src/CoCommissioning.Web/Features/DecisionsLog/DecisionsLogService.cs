using CoCommissioning.Data;
using CoCommissioning.Domain.Common;
using CoCommissioning.Domain.Decisions;
using CoCommissioning.Domain.Meetings;
using CoCommissioning.Domain.Quorum;
using CoCommissioning.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CoCommissioning.Web.Features.DecisionsLog;

/// <summary>
/// The decisions log: every decision of the organisation's committees with the evidence it was stored with (quorum
/// explanation, who presided, tally and votes) and the conflicts on its item and how they were managed. Read-only:
/// decisions are only ever made through the decision service.
/// </summary>
public sealed class DecisionsLogService(GovernanceDbFactory dbs)
{
    public const int PageSize = 25;

    public async Task<CommandResult<DecisionsLogPageDto>> SearchAsync(CurrentUser user, DecisionsLogQuery query, CancellationToken ct = default)
    {
        var dates = new ValidationErrors();
        dates.Add(Dates.Check("from", query.From), Dates.Check("to", query.To));
        if (dates.Any)
        {
            return dates.ToFailure();
        }

        if (query.From is { } from && query.To is { } to && from > to)
        {
            return Failure.Validation("to", "The end date cannot be before the start date.");
        }

        await using var db = await dbs.CreateForReadingAsync(ct);
        var rows =
            from d in db.Decisions.AsNoTracking()
            where d.OrganisationId == user.OrganisationId
            join m in db.Meetings.AsNoTracking() on d.MeetingId equals m.Id
            join i in db.Set<AgendaItem>().AsNoTracking() on d.ItemId equals i.Id
            select new { d.Id, d.DecidedAt, d.Resolution, m.CommitteeId, m.StartsAt, MeetingTitle = m.Title, ItemTitle = i.Title, i.AffectedBodyIds };

        // Committee, dates and body are filtered in SQL; an unknown id simply matches nothing.
        if (query.CommitteeId is { } committeeId)
        {
            rows = rows.Where(r => r.CommitteeId == committeeId);
        }

        // Meetings start at a UTC instant and Meeting.Date is its UTC date, so the day bounds are UTC too.
        if (query.From is { } fromDate)
        {
            var start = new DateTimeOffset(fromDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            rows = rows.Where(r => r.StartsAt >= start);
        }

        if (query.To is { } toDate)
        {
            var end = new DateTimeOffset(toDate.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            rows = rows.Where(r => r.StartsAt < end);
        }

        if (query.BodyId is { } bodyId)
        {
            rows = rows.Where(r => r.AffectedBodyIds.Contains(bodyId));
        }

        var text = query.Q?.Trim();
        List<Guid> ids;
        int total;
        int page;
        if (string.IsNullOrEmpty(text))
        {
            // Without text, counting and paging happen in SQL: only the page's ids are read.
            total = await rows.CountAsync(ct);
            page = PageWithin(query.Page, total);
            ids = await rows.OrderByDescending(r => r.DecidedAt).ThenBy(r => r.Id).Skip((page - 1) * PageSize).Take(PageSize).Select(r => r.Id).ToListAsync(ct);
        }
        else
        {
            // Text search in memory, after the SQL filters: an organisation records a few hundred decisions a year,
            // and this matches case-insensitively the same way on PostgreSQL and SQLite.
            var found = await rows.Select(r => new { r.Id, r.DecidedAt, r.Resolution, r.MeetingTitle, r.ItemTitle }).ToListAsync(ct);
            var matching = found
                .Where(r => r.Resolution.Contains(text, StringComparison.OrdinalIgnoreCase)
                    || r.ItemTitle.Contains(text, StringComparison.OrdinalIgnoreCase)
                    || r.MeetingTitle.Contains(text, StringComparison.OrdinalIgnoreCase))
                .OrderByDescending(r => r.DecidedAt)
                .ThenBy(r => r.Id)
                .ToList();
            total = matching.Count;
            page = PageWithin(query.Page, total);
            ids = [.. matching.Skip((page - 1) * PageSize).Take(PageSize).Select(r => r.Id)];
        }

        var entries = await LoadEntriesAsync(db, user, ids, ct);
        return CommandResult<DecisionsLogPageDto>.Success(new DecisionsLogPageDto(entries, page, PageSize, total));
    }

    public async Task<DecisionLogEntryDto?> GetAsync(CurrentUser user, Guid decisionId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        return (await LoadEntriesAsync(db, user, [decisionId], ct)).SingleOrDefault();
    }

    public async Task<DecisionsLogOptionsDto> OptionsAsync(CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        var committees = await db.Committees.AsNoTracking().Where(c => c.OrganisationId == user.OrganisationId)
            .OrderBy(c => c.Name).Select(c => new LogOptionDto(c.Id, c.Name)).ToListAsync(ct);
        var bodies = await db.ExternalBodies.AsNoTracking().Where(b => b.OrganisationId == user.OrganisationId)
            .OrderBy(b => b.Name).Select(b => new LogOptionDto(b.Id, b.Name)).ToListAsync(ct);
        return new DecisionsLogOptionsDto(committees, bodies);
    }

    // A page past the end shows the last page rather than an empty one.
    private static int PageWithin(int requested, int total) => Math.Clamp(requested, 1, Math.Max(1, (total + PageSize - 1) / PageSize));

    /// <summary>The entries for <paramref name="ids"/>, in that order, each built from the records of the user's organisation only.</summary>
    private static async Task<List<DecisionLogEntryDto>> LoadEntriesAsync(AppDbContext db, CurrentUser user, List<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var org = user.OrganisationId;
        var decisions = await db.Decisions.AsNoTracking().Include(d => d.Votes)
            .Where(d => d.OrganisationId == org && ids.Contains(d.Id)).ToListAsync(ct);
        var meetingIds = decisions.Select(d => d.MeetingId).Distinct().ToList();
        var meetings = await db.Meetings.AsNoTracking().Include(m => m.Items).Include(m => m.Attendance).Include(m => m.Rulings)
            .Include(m => m.Declarations).Include(m => m.FlagDismissals).AsSplitQuery()
            .Where(m => m.OrganisationId == org && meetingIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        var committeeIds = meetings.Values.Select(m => m.CommitteeId).Distinct().ToList();
        var committees = await db.Committees.AsNoTracking().Where(c => c.OrganisationId == org && committeeIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.Name, ct);

        // Memberships of ended terms still name who voted or ruled then, so all of the committees' memberships are read.
        var memberships = await db.Memberships.AsNoTracking().Where(m => committeeIds.Contains(m.CommitteeId))
            .Join(db.People.AsNoTracking(), m => m.PersonId, p => p.Id, (m, p) => new { m.Id, p.FullName })
            .ToDictionaryAsync(x => x.Id, x => x.FullName, ct);
        var deputyIds = meetings.Values.SelectMany(m => m.Attendance).Select(a => a.DeputyPersonId).OfType<Guid>().Distinct().ToList();
        var deputies = await db.People.AsNoTracking().Where(p => p.OrganisationId == org && deputyIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.FullName, ct);
        var bodyIds = meetings.Values.SelectMany(m => m.Items).SelectMany(i => i.AffectedBodyIds).Distinct().ToList();
        var bodies = await db.ExternalBodies.AsNoTracking().Where(b => b.OrganisationId == org && bodyIds.Contains(b.Id))
            .ToDictionaryAsync(b => b.Id, b => b.Name, ct);
        var procurement = await db.ProcurementDecisions.AsNoTracking()
            .Where(p => p.OrganisationId == org && p.DecisionId != null && ids.Contains(p.DecisionId.Value))
            .Select(p => new { p.Id, p.Details.Title, DecisionId = p.DecisionId!.Value }).ToListAsync(ct);
        var slug = await db.Organisations.AsNoTracking().Where(o => o.Id == org).Select(o => o.Slug).SingleAsync(ct);

        string NameOf(Guid? membershipId) => membershipId is { } id ? memberships.GetValueOrDefault(id) ?? "a former member" : "";

        var byId = decisions.ToDictionary(d => d.Id);
        var entries = new List<DecisionLogEntryDto>(ids.Count);
        foreach (var id in ids)
        {
            if (!byId.TryGetValue(id, out var d) || !meetings.TryGetValue(d.MeetingId, out var meeting))
            {
                continue;
            }

            var item = meeting.Items.Single(i => i.Id == d.ItemId);

            // A named deputy votes under the member's seat; the log says who actually voted.
            string VoterName(Guid membershipId)
            {
                var stretch = meeting.Attendance.FirstOrDefault(a => a.MembershipId == membershipId && a.DeputyPersonId is not null && a.IsThereAt(d.DecidedAt));
                return stretch?.DeputyPersonId is { } deputy && deputies.TryGetValue(deputy, out var deputyName)
                    ? $"{deputyName} (deputy for {NameOf(membershipId)})"
                    : NameOf(membershipId);
            }

            var linked = procurement.FirstOrDefault(p => p.DecisionId == d.Id);
            entries.Add(new DecisionLogEntryDto(
                d.Id,
                meeting.CommitteeId,
                committees.GetValueOrDefault(meeting.CommitteeId) ?? "",
                meeting.Id,
                meeting.Title,
                meeting.StartsAt,
                item.Id,
                item.Number,
                item.Title,
                item.IsPrivate,
                [.. item.AffectedBodyIds.Where(bodies.ContainsKey).Select(b => new LoggedBodyDto(b, bodies[b])).OrderBy(b => b.Name, StringComparer.Ordinal)],
                d.Resolution,
                d.Kind,
                d.Outcome,
                DecisionWording.Outcome(d.Kind, d.Outcome),
                d.For,
                d.Against,
                d.Abstain,
                d.Eligible,
                d.CastingVote,
                d.Explanation,
                [.. d.Votes.Select(v => new LoggedVoteDto(v.MembershipId, VoterName(v.MembershipId), v.Choice)).OrderBy(v => v.Name, StringComparer.Ordinal)],
                d.QuorumExplanation,
                d.PresidingMembershipId is null ? null : NameOf(d.PresidingMembershipId),
                d.PresidingExplanation,
                d.DecidedAt,
                [.. meeting.Rulings.Where(r => r.ItemId == item.Id).OrderBy(r => r.RecordedAt).Select(r => new LoggedConflictDto(
                    r.MembershipId, NameOf(r.MembershipId), r.Interest, r.Ruling, (int)r.Ruling + 1, r.Ruling.Describe(),
                    r.RuledByMembershipId is null ? null : NameOf(r.RuledByMembershipId), r.RecordedAt))],
                linked is null ? null : new LinkedProcurementDto(linked.Id, linked.Title, "/registers/procurement", $"/public/{slug}/registers/procurement"),
                [.. meeting.Declarations.Where(x => x.RegisterDeclarationId is not null && x.Concerns(item.Id))
                        .Select(x => new LoggedFlagDto(x.MembershipId, VoterName(x.MembershipId), "Declared", null, null, x.DeclaredAt))
                    .Concat(meeting.FlagDismissals.Where(x => x.ItemId == item.Id)
                        .Select(x => new LoggedFlagDto(x.MembershipId, x.Name, "Dismissed", x.Reason, NameOf(x.DismissedByMembershipId), x.DismissedAt)))
                    .OrderBy(x => x.At)],
                ItemConflictCounts.Of(meeting, item.Id).Summary()));
        }

        return entries;
    }
}
