using System.Net;
using System.Text;
using CoCommissioning.Web.Tests.Infrastructure;

namespace CoCommissioning.Web.Tests.Api.Input;

/// <summary>Issue 12 probe: an enum number with no name ("kind":99) is a 400 naming the field, not stored and published.</summary>
public abstract class InputEnumTests(AppFixture app)
{
    [DatabaseFact]
    public async Task DeclareGift_UndefinedKind_Returns400NamingKind()
    {
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);
        var json = $$"""{"kind":99,"description":"Wine","offerorName":"{{ApiScenario.UniqueName("Enum")}}","offerorKind":"Other","estimatedValue":10,"offeredOn":"{{ApiScenario.Today.AddDays(-1):yyyy-MM-dd}}","outcome":"Declined"}""";

        using var response = await member.PostAsync("/api/gifts", new StringContent(json, Encoding.UTF8, "application/json"));

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("kind").Should().ContainSingle()
            .Which.Should().StartWith("The value of \"kind\" is not valid");
    }

    [DatabaseTheory]
    [InlineData("99")]
    [InlineData("\"99\"")]
    public async Task CreateCommittee_UndefinedType_Returns400NamingType(string type)
    {
        using var secretary = await app.CreateApiClientAsync(DemoUsers.Secretary);
        var json = $$"""{"name":"{{ApiScenario.UniqueName("Enum")}}","type":{{type}},"level":"Joint"}""";

        using var response = await secretary.PostAsync("/api/committees", new StringContent(json, Encoding.UTF8, "application/json"));

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("type").Should().NotBeEmpty();
    }

    [DatabaseFact]
    public async Task CreateCommittee_DefinedNumber_IsStillAccepted()
    {
        using var secretary = await app.CreateApiClientAsync(DemoUsers.Secretary);
        var json = $$"""{"name":"{{ApiScenario.UniqueName("Enum")}}","type":0,"level":"Joint"}""";

        using var response = await secretary.PostAsync("/api/committees", new StringContent(json, Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }
}

public sealed class PostgresInputEnumTests(PostgresAppFixture app) : InputEnumTests(app), IClassFixture<PostgresAppFixture>;

public sealed class SqliteInputEnumTests(SqliteAppFixture app) : InputEnumTests(app), IClassFixture<SqliteAppFixture>;
