using CoCommissioning.Data;
using CoCommissioning.Data.Identity;
using CoCommissioning.Domain.Committees;
using CoCommissioning.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CoCommissioning.Web.Features.Home;

/// <summary>What the signed-in person does at a meeting, which decides the one-tap link the home page offers.</summary>
public enum MeetingPart
{
    /// <summary>One of the committee's secretaries (or an administrator): the console.</summary>
    Secretary,

    /// <summary>The chair or vice chair: the chair's view.</summary>
    Chair,

    /// <summary>A member: the live view.</summary>
    Member,

    /// <summary>Anyone else of the organisation (a governance lead, another committee's secretary): the meeting page.</summary>
    Reader,
}

/// <summary>A link the home page offers for a meeting: the words and where it goes.</summary>
public sealed record HomeLinkDto(string Text, string Url);

/// <summary>
/// Today's or the next meeting of one of the person's committees, with what they do there (<see cref="Parts"/>) and
/// the links for it, the first being the one-tap link for their main part.
/// </summary>
public sealed record HomeMeetingDto(
    Guid MeetingId,
    Guid CommitteeId,
    string CommitteeName,
    string Title,
    DateTimeOffset StartsAt,
    bool IsToday,
    string? Place,
    string? CancellationReason,
    DateTimeOffset? ClosedAt,
    IReadOnlyList<MeetingPart> Parts,
    IReadOnlyList<HomeLinkDto> Links);

/// <summary>The home page's meetings: today's, then the next one of each of the person's committees.</summary>
public sealed record HomeSummaryDto(DateOnly Today, IReadOnlyList<HomeMeetingDto> TodaysMeetings, IReadOnlyList<HomeMeetingDto> NextMeetings);

/// <summary>
/// The home page's meetings for the signed-in person: for each committee they keep (as one of its secretaries), sit on
/// (as chair, vice chair or member), or oversee (administrators and governance leads see every committee), today's
/// meetings and the next one after today, each with the one-tap link for their part.
/// </summary>
public sealed class HomeService(GovernanceDbFactory dbs, TimeProvider clock)
{
    public async Task<HomeSummaryDto> SummaryAsync(CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        var today = clock.Today();
        var kept = await db.CommitteeSecretaries.AsNoTracking().Where(s => s.UserId == user.UserId && s.OrganisationId == user.OrganisationId)
            .Select(s => s.CommitteeId).ToListAsync(ct);
        var memberships = user.PersonId is { } personId
            ? (await db.Memberships.AsNoTracking().Where(m => m.PersonId == personId).ToListAsync(ct)).Where(m => m.IsCurrentOn(today)).ToList()
            : [];
        var overseesAll = user.IsAnyOf(AppRole.Administrator, AppRole.GovernanceLead);
        var committees = await db.Committees.AsNoTracking().Where(c => c.OrganisationId == user.OrganisationId)
            .Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        var relevant = committees.Where(c => overseesAll || kept.Contains(c.Id) || memberships.Any(m => m.CommitteeId == c.Id)).ToDictionary(c => c.Id, c => c.Name);
        if (relevant.Count == 0)
        {
            return new HomeSummaryDto(today, [], []);
        }

        var ids = relevant.Keys.ToList();
        var from = new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var tomorrow = from.AddDays(1);
        var upcoming = await db.Meetings.AsNoTracking()
            .Where(m => m.OrganisationId == user.OrganisationId && ids.Contains(m.CommitteeId) && m.StartsAt >= from)
            .OrderBy(m => m.StartsAt).ThenBy(m => m.Id)
            .Take(200)
            .ToListAsync(ct);

        List<MeetingPart> PartsIn(Guid committeeId)
        {
            var parts = new List<MeetingPart>();
            if (user.IsIn(AppRole.Administrator) || (user.IsIn(AppRole.CommitteeSecretary) && kept.Contains(committeeId)))
            {
                parts.Add(MeetingPart.Secretary);
            }

            if (memberships.FirstOrDefault(m => m.CommitteeId == committeeId) is { } membership)
            {
                parts.Add(membership.Office is CommitteeOffice.Chair or CommitteeOffice.ViceChair ? MeetingPart.Chair : MeetingPart.Member);
            }

            return parts.Count == 0 ? [MeetingPart.Reader] : parts;
        }

        HomeMeetingDto ToDto(Domain.Meetings.Meeting m, bool isToday)
        {
            var parts = PartsIn(m.CommitteeId);
            var links = new List<HomeLinkDto>();
            foreach (var part in parts)
            {
                links.Add(part switch
                {
                    MeetingPart.Secretary => new HomeLinkDto("Open the console", $"meetings/{m.Id}/console"),
                    MeetingPart.Chair => new HomeLinkDto("Open the chair's view", $"meetings/{m.Id}/chair"),
                    MeetingPart.Member => new HomeLinkDto("Follow the meeting live", $"meetings/{m.Id}/live"),
                    _ => new HomeLinkDto("Open the meeting", $"meetings/{m.Id}"),
                });
            }

            if (!parts.Contains(MeetingPart.Reader))
            {
                links.Add(new HomeLinkDto("Agenda and papers", $"meetings/{m.Id}"));
            }

            return new HomeMeetingDto(m.Id, m.CommitteeId, relevant[m.CommitteeId], m.Title, m.StartsAt, isToday, m.Place.InOneLine(), m.CancellationReason, m.ClosedAt, parts, links);
        }

        var todays = upcoming.Where(m => m.StartsAt < tomorrow).Select(m => ToDto(m, true)).ToList();
        var next = upcoming.Where(m => m.StartsAt >= tomorrow && !m.IsCancelled)
            .GroupBy(m => m.CommitteeId).Select(g => g.First())
            .OrderBy(m => m.StartsAt)
            .Select(m => ToDto(m, false)).ToList();
        return new HomeSummaryDto(today, todays, next);
    }
}
