using System.Globalization;
using CoCommissioning.Data;
using CoCommissioning.Domain.Committees;
using CoCommissioning.Domain.Common;
using CoCommissioning.Domain.Meetings;
using CoCommissioning.Domain.People;

namespace CoCommissioning.Web.Data;

/// <summary>
/// The demo PCCC's meetings in the current financial year: today's meeting at 10:00 UTC with a full agenda (a
/// merger application affecting two practices whose GP partners sit on the committee, and a private item) and the
/// Chief Finance Officer's apologies, two earlier meetings and one later. Four in all, fewer than the six its terms
/// of reference require, so the committee page shows the schedule warning.
/// </summary>
internal static class DemoMeetings
{
    private const string CommitteeTitle = "Primary Care Commissioning Committee";

    // Bodies DemoRegisters adds; the item affects whichever of them exist.
    private static readonly string[] MergingPractices = ["Riverside Surgery", "Northgate Medical Practice"];

    /// <summary>Call after <see cref="DemoRegisters.Add"/>: item 3 affects the practices it adds (still unsaved, so read from the context).</summary>
    public static void Add(AppDbContext db, Guid organisationId, Committee committee, IReadOnlyDictionary<string, Person> people, DateOnly today)
    {
        var year = FinancialYear.Containing(today);
        var bodies = db.ExternalBodies.Local.Where(b => b.OrganisationId == organisationId).ToDictionary(b => b.Name, b => b.Id);
        var merging = MergingPractices.Where(bodies.ContainsKey).Select(n => bodies[n]).ToList();

        var todays = Schedule(db, organisationId, committee.Id, today, new TimeOnly(10, 0));
        Check(todays.AddItem("Welcome, apologies and declarations of interest", ItemPurpose.Information, isPrivate: false));
        Check(todays.AddItem("Minutes of the previous meeting", ItemPurpose.Decision, isPrivate: false));
        Check(todays.AddItem("Riverside Surgery and Northgate Medical Practice merger application", ItemPurpose.Decision, isPrivate: false, merging));
        Check(todays.AddItem("Local enhanced service: minor surgery contract award", ItemPurpose.Decision, isPrivate: false));
        Check(todays.AddItem("Primary care finance report", ItemPurpose.Discussion, isPrivate: false));
        Check(todays.AddItem("Practice performance concerns", ItemPurpose.Decision, isPrivate: true));

        // Mark Benson (Chief Finance Officer) sends apologies; his named deputy, Lucy Price, may attend in his place.
        var cfo = committee.Memberships.Single(m => m.PersonId == people["Mark Benson"].Id);
        Check(todays.SendApologies(cfo.Id));

        // Two earlier in the year and one later. Near the ends of the year they are squeezed in, on earlier (or
        // later) hours of the same day at worst, so the four always fall in the year of today's meeting.
        var daysSoFar = today.DayNumber - year.Start.DayNumber;
        var first = Within(year, today.AddMonths(-4), year.Start.AddDays(daysSoFar / 3));
        var second = Within(year, today.AddMonths(-2), year.Start.AddDays(daysSoFar * 2 / 3));
        var later = Within(year, today.AddMonths(2), year.End);

        Check(Schedule(db, organisationId, committee.Id, first, new TimeOnly(8, 0)).AddItem("Primary care commissioning strategy refresh", ItemPurpose.Discussion, isPrivate: false));
        Check(Schedule(db, organisationId, committee.Id, second, new TimeOnly(9, 0)).AddItem("GP access improvement plan", ItemPurpose.Decision, isPrivate: false));
        Check(Schedule(db, organisationId, committee.Id, later, new TimeOnly(14, 0)).AddItem("Primary care estates plan", ItemPurpose.Decision, isPrivate: false));
    }

    private static DateOnly Within(FinancialYear year, DateOnly wanted, DateOnly fallback) => year.Contains(wanted) ? wanted : fallback;

    private static Meeting Schedule(AppDbContext db, Guid organisationId, Guid committeeId, DateOnly date, TimeOnly at)
    {
        var title = $"{CommitteeTitle} – {date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}";
        var meeting = Must(Meeting.Schedule(organisationId, committeeId, title, new DateTimeOffset(date.ToDateTime(at), TimeSpan.Zero)));
        db.Meetings.Add(meeting);
        return meeting;
    }

    private static T Must<T>(CommandResult<T> result) =>
        result.Succeeded ? result.Value! : throw new InvalidOperationException($"Demo meeting data is invalid: {result.Failure!.Message}");

    private static void Check<T>(CommandResult<T> result) => Must(result);

    private static void Check(CommandResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Demo meeting data is invalid: {result.Failure!.Message}");
        }
    }
}
