using System.Net;
using CoCommissioning.Domain.Meetings;
using CoCommissioning.Web.Features.Meetings;
using CoCommissioning.Web.Tests.Infrastructure;

namespace CoCommissioning.Web.Tests.Api;

/// <summary>
/// A committee's meeting schedule through HTTP on PostgreSQL: the financial year's meetings against the terms of
/// reference's minimum (the seeded PCCC's is 6, and the demo schedules 4 in the current year), the 31 March /
/// 1 April line, and who may read it. Tests of this class share one database, so each counts what it added.
/// </summary>
public abstract class MeetingScheduleApiTests(AppFixture app)
{
    private static readonly FinancialYear ThisYear = FinancialYear.Containing(ApiScenario.Today);

    [DatabaseFact]
    public async Task Schedule_SeededCommitteeShortOfItsMinimum_ListsTheYearsMeetingsWithTheWarning()
    {
        using var secretary = await app.CreateApiClientAsync(DemoUsers.Secretary);
        var committee = await secretary.TheOnlySeededCommitteeAsync();

        var schedule = await secretary.GetJsonAsync<MeetingScheduleDto>($"/api/committees/{committee.Id}/meetings");

        (schedule.CommitteeId, schedule.FinancialYear, schedule.YearStart, schedule.YearEnd, schedule.MinimumMeetingsPerYear)
            .Should().Be((committee.Id, ThisYear.Label, ThisYear.Start, ThisYear.End, (int?)6));
        schedule.Scheduled.Should().Be(schedule.Meetings.Count).And.BeGreaterThanOrEqualTo(4).And.BeLessThan(6);
        schedule.Meetings.Should().BeInAscendingOrder(m => m.StartsAt);
        schedule.Meetings.Should().OnlyContain(m => ThisYear.Contains(DateOnly.FromDateTime(m.StartsAt.UtcDateTime)));
        schedule.Warning.Should().Be($"The terms of reference require at least 6 meetings in {ThisYear.Label}; {schedule.Scheduled} are scheduled.");

        // The demo's meeting today, with its six items.
        var today = schedule.Meetings.Should().ContainSingle(m => m.ItemCount == 6).Subject;
        today.StartsAt.Should().Be(new DateTimeOffset(ApiScenario.Today.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero));
        today.Title.Should().StartWith("Primary Care Commissioning Committee – ");
        (await secretary.GetJsonAsync<MeetingDto>($"/api/meetings/{today.Id}")).Items.Should().HaveCount(6);

        (await secretary.GetJsonAsync<MeetingScheduleDto>($"/api/committees/{committee.Id}/meetings?year={ThisYear.StartYear}"))
            .Should().BeEquivalentTo(schedule);
    }

    [DatabaseFact]
    public async Task Schedule_EnoughMeetingsInTheYear_HasNoWarning()
    {
        using var secretary = await app.CreateApiClientAsync(DemoUsers.Secretary);
        var committee = await secretary.TheOnlySeededCommitteeAsync();
        var year = new FinancialYear(ThisYear.StartYear + 3);
        var url = $"/api/committees/{committee.Id}/meetings?year={year.StartYear}";
        var before = await secretary.GetJsonAsync<MeetingScheduleDto>(url);
        before.Warning.Should().Be(MeetingSchedule.Warning(year, 6, before.Scheduled));

        for (var i = before.Scheduled; i < 6; i++)
        {
            await ScheduleAsync(secretary, committee.Id, $"Bi-monthly meeting {i + 1}", year.Start.AddMonths(2 * i), new TimeOnly(10, 0));
            var now = await secretary.GetJsonAsync<MeetingScheduleDto>(url);
            now.Scheduled.Should().Be(i + 1);
            now.Warning.Should().Be(i + 1 < 6 ? MeetingSchedule.Warning(year, 6, i + 1) : null);
        }
    }

    [DatabaseFact]
    public async Task Schedule_AtTheYearBoundary_CountsThe31MarchAnd1AprilMeetingsInTheirOwnYears()
    {
        using var secretary = await app.CreateApiClientAsync(DemoUsers.Secretary);
        var committee = await secretary.CreateCommitteeAsync();
        var lastDay = await ScheduleAsync(secretary, committee.Id, "Year-end meeting", ThisYear.End, new TimeOnly(23, 59, 59));
        var firstDay = await ScheduleAsync(secretary, committee.Id, "New year meeting", ThisYear.End.AddDays(1), TimeOnly.MinValue);

        var current = await secretary.GetJsonAsync<MeetingScheduleDto>($"/api/committees/{committee.Id}/meetings?year={ThisYear.StartYear}");
        var next = await secretary.GetJsonAsync<MeetingScheduleDto>($"/api/committees/{committee.Id}/meetings?year={ThisYear.StartYear + 1}");

        current.Meetings.Should().Equal(new ScheduledMeetingDto(lastDay.Id, "Year-end meeting", lastDay.StartsAt, 0));
        next.Meetings.Should().Equal(new ScheduledMeetingDto(firstDay.Id, "New year meeting", firstDay.StartsAt, 0));

        // A committee without terms of reference has no minimum, so no warning.
        (current.MinimumMeetingsPerYear, current.Warning, next.MinimumMeetingsPerYear, next.Warning).Should().Be(((int?)null, (string?)null, (int?)null, (string?)null));
    }

    [DatabaseFact]
    public async Task Schedule_ReadByAMember_IsAllowed()
    {
        using var secretary = await app.CreateApiClientAsync(DemoUsers.Secretary);
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);
        var committee = await secretary.TheOnlySeededCommitteeAsync();

        var schedule = await member.GetJsonAsync<MeetingScheduleDto>($"/api/committees/{committee.Id}/meetings");

        schedule.Warning.Should().NotBeNull();
    }

    [DatabaseFact]
    public async Task Schedule_OtherOrganisationsCommittee_Returns404Problem()
    {
        using var secretary = await app.CreateApiClientAsync(DemoUsers.Secretary);
        using var northfield = await app.CreateApiClientAsync(DemoUsers.NorthfieldSecretary);
        var committee = await secretary.TheOnlySeededCommitteeAsync();

        using var response = await northfield.GetAsync($"/api/committees/{committee.Id}/meetings");
        using var unknown = await secretary.GetAsync($"/api/committees/{Guid.NewGuid()}/meetings");

        (await response.ReadProblemAsync(HttpStatusCode.NotFound)).GetProperty("detail").GetString().Should().Be("The committee was not found.");
        (await unknown.ReadProblemAsync(HttpStatusCode.NotFound)).GetProperty("detail").GetString().Should().Be("The committee was not found.");
    }

    [DatabaseFact]
    public async Task Schedule_Anonymous_Returns401()
    {
        using var secretary = await app.CreateApiClientAsync(DemoUsers.Secretary);
        using var anonymous = app.CreateAnonymousClient();
        var committee = await secretary.TheOnlySeededCommitteeAsync();

        using var response = await anonymous.GetAsync($"/api/committees/{committee.Id}/meetings");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [DatabaseTheory]
    [InlineData("1999")]
    [InlineData("2101")]
    public async Task Schedule_YearOutOfRange_Returns400NamingTheYear(string year)
    {
        using var secretary = await app.CreateApiClientAsync(DemoUsers.Secretary);
        var committee = await secretary.TheOnlySeededCommitteeAsync();

        using var response = await secretary.GetAsync($"/api/committees/{committee.Id}/meetings?year={year}");

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("year").Should().ContainSingle();
    }

    private static async Task<MeetingDto> ScheduleAsync(HttpClient secretary, Guid committeeId, string title, DateOnly date, TimeOnly at)
    {
        using var response = await secretary.PostJsonAsync($"/api/committees/{committeeId}/meetings?standingItems=false", new
        {
            title,
            startsAt = new DateTimeOffset(date.ToDateTime(at), TimeSpan.Zero),
        });
        return await response.ReadJsonAsync<MeetingDto>(HttpStatusCode.Created);
    }
}

public sealed class PostgresMeetingScheduleApiTests(PostgresAppFixture app) : MeetingScheduleApiTests(app), IClassFixture<PostgresAppFixture>;

public sealed class SqliteMeetingScheduleApiTests(SqliteAppFixture app) : MeetingScheduleApiTests(app), IClassFixture<SqliteAppFixture>;
