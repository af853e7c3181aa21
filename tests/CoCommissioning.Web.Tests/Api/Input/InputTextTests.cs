using System.Net;
using CoCommissioning.Domain.Committees;
using CoCommissioning.Web.Tests.Infrastructure;

namespace CoCommissioning.Web.Tests.Api.Input;

/// <summary>Issue 12 probe: PostgreSQL text cannot hold NUL, so control characters are a 400 naming the field, never a 500.</summary>
public abstract class InputTextTests(AppFixture app)
{
    [DatabaseFact]
    public async Task CreateCommittee_NulInName_Returns400NamingName()
    {
        using var secretary = await app.CreateApiClientAsync(DemoUsers.Secretary);

        using var response = await secretary.PostJsonAsync("/api/committees", new { name = "Bad\u0000name", type = CommitteeType.Audit, level = CoCommissioningLevel.Joint });

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("name").Should().ContainSingle()
            .Which.Should().Be("The name contains a character that cannot be stored.");
    }

    [DatabaseFact]
    public async Task DeclareGift_NulInDescription_Returns400NamingDescription()
    {
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);
        var offer = GiftTests.Offer(ApiScenario.UniqueName("Nul"), 10m, description: "Wine\u0000");

        using var response = await member.PostJsonAsync("/api/gifts", offer);

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("description").Should().NotBeEmpty();
    }

    [DatabaseTheory]
    [InlineData("/api/decisions-log?q=a%00b", "q")]
    [InlineData("/api/gifts?q=a%00b", "q")]
    public async Task Search_NulInQuery_Returns400NamingTheParameter(string url, string field)
    {
        using var governance = await app.CreateApiClientAsync(DemoUsers.Governance);

        using var response = await governance.GetAsync(url);

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor(field).Should().NotBeEmpty();
    }

    [DatabaseFact]
    public async Task CreateCommittee_TabAndNewlineInPurpose_AreStillAllowed()
    {
        using var secretary = await app.CreateApiClientAsync(DemoUsers.Secretary);

        using var response = await secretary.PostJsonAsync("/api/committees", new { name = ApiScenario.UniqueName("Tabs"), type = CommitteeType.Audit, level = CoCommissioningLevel.Joint, purpose = "One\tTwo\r\nThree" });

        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }
}

public sealed class PostgresInputTextTests(PostgresAppFixture app) : InputTextTests(app), IClassFixture<PostgresAppFixture>;

public sealed class SqliteInputTextTests(SqliteAppFixture app) : InputTextTests(app), IClassFixture<SqliteAppFixture>;
