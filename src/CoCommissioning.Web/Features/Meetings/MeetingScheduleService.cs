using CoCommissioning.Data;
using CoCommissioning.Domain.Meetings;
using CoCommissioning.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CoCommissioning.Web.Features.Meetings;

/// <summary>
/// A committee's meeting schedule for a financial year, checked against its terms of reference's minimum number of
/// meetings (<see cref="MeetingSchedule"/>). Read-only: scheduling stays in <see cref="MeetingService"/>.
/// </summary>
public sealed class MeetingScheduleService(GovernanceDbFactory dbs, TimeProvider clock)
{
    /// <summary>
    /// The schedule of the financial year containing <paramref name="inYearOf"/> (today when null), or null when the
    /// committee is not one of the user's organisation. Meetings fall in a year by their UTC date, as every rule
    /// reads meeting dates (<see cref="Meeting.Date"/>).
    /// </summary>
    public async Task<MeetingScheduleDto?> ScheduleForAsync(CurrentUser user, Guid committeeId, DateOnly? inYearOf, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        var committee = await db.Committees.AsNoTracking().Include(c => c.TermsOfReferenceVersions)
            .SingleOrDefaultAsync(c => c.Id == committeeId && c.OrganisationId == user.OrganisationId, ct);
        if (committee is null)
        {
            return null;
        }

        var today = clock.Today();
        var year = FinancialYear.Containing(inYearOf ?? today);

        // The minimum in force today for the current year; for another year, what was (or will be) in force as it ends.
        var terms = committee.TermsOfReferenceOn(year.Contains(today) ? today : year.End);

        var from = new DateTimeOffset(year.Start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var until = new DateTimeOffset(year.End.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => m.CommitteeId == committeeId && m.OrganisationId == user.OrganisationId && m.StartsAt >= from && m.StartsAt < until)
            .OrderBy(m => m.StartsAt).ThenBy(m => m.Id)
            .Select(m => new ScheduledMeetingDto(m.Id, m.Title, m.StartsAt, m.Items.Count()))
            .ToListAsync(ct);
        var check = MeetingSchedule.Check(terms?.MinimumMeetingsPerYear, meetings.Select(m => DateOnly.FromDateTime(m.StartsAt.UtcDateTime)), year.Start);
        return new MeetingScheduleDto(committeeId, year.Label, year.Start, year.End, check.Minimum, check.Scheduled, meetings, check.Warning);
    }
}
