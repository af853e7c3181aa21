using System.Net;
using CoCommissioning.Web.Tests.Infrastructure;

namespace CoCommissioning.Web.Tests.Api.Input;

/// <summary>Issue 12 probe: dates far outside any governance record get a 400 naming the field, never a 500.</summary>
public abstract class InputDateTests(AppFixture app)
{
    [DatabaseTheory]
    [InlineData("/api/gifts/advice")]
    [InlineData("/api/gifts")]
    public async Task Gift_OfferedOnYearOne_Returns400NamingOfferedOn(string url)
    {
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);
        var offer = GiftTests.Offer(ApiScenario.UniqueName("Year one"), 10m, offeredOn: DateOnly.MinValue);

        using var response = await member.PostJsonAsync(url, offer);

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("offeredOn").Should().NotBeEmpty();
    }

    [DatabaseFact]
    public async Task Gift_ReceivedOnLastDay_Returns400NamingReceivedOn()
    {
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);
        var offer = GiftTests.Offer(ApiScenario.UniqueName("Year 9999"), 10m, receivedOn: DateOnly.MaxValue);

        using var response = await member.PostJsonAsync("/api/gifts", offer);

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("receivedOn").Should().NotBeEmpty();
    }

    [DatabaseTheory]
    [InlineData("to=9999-12-31", "to")]
    [InlineData("from=0001-01-01", "from")]
    public async Task DecisionsLog_DateOutOfRange_Returns400NamingTheField(string query, string field)
    {
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);

        using var response = await member.GetAsync($"/api/decisions-log?{query}");

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor(field).Should().ContainSingle()
            .Which.Should().Contain("1900");
    }
}

public sealed class PostgresInputDateTests(PostgresAppFixture app) : InputDateTests(app), IClassFixture<PostgresAppFixture>;

public sealed class SqliteInputDateTests(SqliteAppFixture app) : InputDateTests(app), IClassFixture<SqliteAppFixture>;
