using System.Net;
using System.Text;
using CoCommissioning.Web.Tests.Infrastructure;

namespace CoCommissioning.Web.Tests.Api.Input;

/// <summary>Issue 12: dates outside 1900–2200 in any body or query (not only gifts) are a 400 naming the field, never stored.</summary>
public abstract class InputDateBoundsTests(AppFixture app)
{
    [DatabaseTheory]
    [InlineData("0001-01-01T10:00:00Z")]
    [InlineData("9999-12-31T10:00:00Z")]
    public async Task ScheduleMeeting_StartsAtOutOfBounds_Returns400NamingStartsAt(string startsAt)
    {
        using var secretary = await app.CreateApiClientAsync(DemoUsers.Secretary);
        var committee = await secretary.CreateCommitteeAsync();

        using var response = await PostRawAsync(secretary, $"/api/committees/{committee.Id}/meetings?standingItems=false", $$"""{"title":"Out of time","startsAt":"{{startsAt}}"}""");

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("startsAt").Should().ContainSingle().Which.Should().Contain("1900");
    }

    [DatabaseFact]
    public async Task RecordArrival_AtYear9999_Returns400NamingAt()
    {
        using var scenario = await MeetingScenario.StartAsync(app);

        using var response = await PostRawAsync(scenario.Secretary, $"/api/meetings/{scenario.MeetingId}/arrivals",
            $$"""{"membershipId":"{{Guid.NewGuid()}}","deputy":false,"at":"9999-12-31T23:59:59Z","version":"{{Guid.NewGuid()}}"}""");

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("at").Should().NotBeEmpty();
    }

    [DatabaseFact]
    public async Task RaiseAction_DueOnYearOne_Returns400NamingDueOn()
    {
        using var scenario = await MeetingScenario.StartAsync(app);

        using var response = await PostRawAsync(scenario.Secretary, $"/api/meetings/{scenario.MeetingId}/actions", """{"description":"Old","dueOn":"0001-01-01"}""");

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("dueOn").Should().NotBeEmpty();
    }

    [DatabaseFact]
    public async Task TermsOfReferenceExport_OnYearOne_Returns400NamingOn()
    {
        using var secretary = await app.CreateApiClientAsync(DemoUsers.Secretary);
        var committee = await secretary.TheOnlySeededCommitteeAsync();

        using var response = await secretary.GetAsync($"/api/committees/{committee.Id}/terms-of-reference/export?on=0001-01-01");

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("on").Should().NotBeEmpty();
    }

    [DatabaseFact]
    public async Task ScheduleMeeting_OrdinaryDate_IsStillAccepted()
    {
        using var secretary = await app.CreateApiClientAsync(DemoUsers.Secretary);
        var committee = await secretary.CreateCommitteeAsync();

        using var response = await PostRawAsync(secretary, $"/api/committees/{committee.Id}/meetings?standingItems=false", """{"title":"In time","startsAt":"2031-06-01T10:00:00+01:00"}""");

        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    private static Task<HttpResponseMessage> PostRawAsync(HttpClient client, string url, string json) =>
        client.PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json"));
}

public sealed class PostgresInputDateBoundsTests(PostgresAppFixture app) : InputDateBoundsTests(app), IClassFixture<PostgresAppFixture>;

public sealed class SqliteInputDateBoundsTests(SqliteAppFixture app) : InputDateBoundsTests(app), IClassFixture<SqliteAppFixture>;
