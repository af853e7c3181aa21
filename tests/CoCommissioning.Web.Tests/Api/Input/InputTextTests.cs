using System.Net;
using CoCommissioning.Domain.Committees;
using CoCommissioning.Web.Tests.Infrastructure;

namespace CoCommissioning.Web.Tests.Api.Input;

/// <summary>Issue 12 probe: PostgreSQL text cannot hold NUL, so control characters are a 400 naming the field, never a 500.</summary>
public sealed class InputTextTests(PostgresAppFixture app) : IClassFixture<PostgresAppFixture>
{
    [Fact]
    public async Task CreateCommittee_NulInName_Returns400NamingName()
    {
        using var secretary = await app.CreateApiClientAsync(DemoUsers.Secretary);

        using var response = await secretary.PostJsonAsync("/api/committees", new { name = "Bad\u0000name", type = CommitteeType.Audit, level = CoCommissioningLevel.Joint });

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("name").Should().ContainSingle()
            .Which.Should().Be("The name contains a character that cannot be stored.");
    }

    [Fact]
    public async Task DeclareGift_NulInDescription_Returns400NamingDescription()
    {
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);
        var offer = GiftTests.Offer(ApiScenario.UniqueName("Nul"), 10m, description: "Wine\u0000");

        using var response = await member.PostJsonAsync("/api/gifts", offer);

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("description").Should().NotBeEmpty();
    }

    [Theory]
    [InlineData("/api/decisions-log?q=a%00b", "q")]
    [InlineData("/api/gifts?q=a%00b", "q")]
    public async Task Search_NulInQuery_Returns400NamingTheParameter(string url, string field)
    {
        using var governance = await app.CreateApiClientAsync(DemoUsers.Governance);

        using var response = await governance.GetAsync(url);

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor(field).Should().NotBeEmpty();
    }

    [Fact]
    public async Task CreateCommittee_TabAndNewlineInPurpose_AreStillAllowed()
    {
        using var secretary = await app.CreateApiClientAsync(DemoUsers.Secretary);

        using var response = await secretary.PostJsonAsync("/api/committees", new { name = ApiScenario.UniqueName("Tabs"), type = CommitteeType.Audit, level = CoCommissioningLevel.Joint, purpose = "One\tTwo\r\nThree" });

        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }
}
