using System.Net;
using CoCommissioning.Data.Identity;
using CoCommissioning.Web.Features.Account;
using CoCommissioning.Web.Features.Administration;
using CoCommissioning.Web.Tests.Infrastructure;

namespace CoCommissioning.Web.Tests.Api;

/// <summary>API tokens: created, listed, used and revoked; and the password exchange (lockout and limits: SignInSecurityTests).</summary>
public abstract class TokenTests(AppFixture app)
{
    [DatabaseFact]
    public async Task Token_CreateListUseRevoke_Returns401AfterRevoke()
    {
        using var secretary = await app.CreateApiClientAsync(DemoUsers.Secretary);

        using var created = await secretary.PostJsonAsync("/api/tokens", new { name = "Nightly export", expiresInDays = 30 });
        var token = await created.ReadJsonAsync<CreatedApiTokenDto>(HttpStatusCode.Created);
        created.Headers.Location!.OriginalString.Should().Be($"/api/tokens/{token.Details.Id}");
        token.Token.Should().StartWith("coco_");
        token.Details.Prefix.Should().Be(token.Token[..11]);
        token.Details.ExpiresAt.Should().BeCloseTo(DateTimeOffset.UtcNow.AddDays(30), TimeSpan.FromMinutes(5));

        using var listResponse = await secretary.GetAsync("/api/tokens");
        var listBody = await listResponse.Content.ReadAsStringAsync();
        var listed = await listResponse.ReadJsonAsync<List<ApiTokenDto>>(HttpStatusCode.OK);
        listed.Should().ContainSingle(t => t.Id == token.Details.Id).Which.IsActive.Should().BeTrue();
        listBody.Should().NotContain(token.Token, "the secret is shown once, when created");

        using (var client = app.CreateBearerClient(token.Token))
        {
            var me = await client.GetJsonAsync<MeDto>("/api/me");
            me.DisplayName.Should().Be(DemoUsers.SecretaryName);
        }

        using var revoked = await secretary.DeleteAsync($"/api/tokens/{token.Details.Id}");
        revoked.StatusCode.Should().Be(HttpStatusCode.NoContent);

        using (var client = app.CreateBearerClient(token.Token))
        {
            using var after = await client.GetAsync("/api/me");
            after.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        var relisted = await secretary.GetJsonAsync<List<ApiTokenDto>>("/api/tokens");
        var gone = relisted.Single(t => t.Id == token.Details.Id);
        gone.IsActive.Should().BeFalse();
        gone.RevokedAt.Should().NotBeNull();
    }

    [DatabaseFact]
    public async Task RevokeToken_OfAnotherUser_Returns404AndTokenStillWorks()
    {
        var governanceToken = await app.CreateTokenAsync(DemoUsers.Governance, tokenName: "someone else's");
        using var owner = app.CreateBearerClient(governanceToken);
        var id = (await owner.GetJsonAsync<List<ApiTokenDto>>("/api/tokens")).Single(t => t.Name == "someone else's").Id;
        using var secretary = await app.CreateApiClientAsync(DemoUsers.Secretary);

        using var response = await secretary.DeleteAsync($"/api/tokens/{id}");

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
        (await owner.GetAsync("/api/me")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await secretary.GetJsonAsync<List<ApiTokenDto>>("/api/tokens")).Should().NotContain(t => t.Id == id);
    }

    [DatabaseTheory]
    [InlineData("", null)]
    [InlineData("Too long", 367)]
    [InlineData("Zero days", 0)]
    public async Task CreateToken_InvalidRequest_Returns400(string name, int? expiresInDays)
    {
        using var secretary = await app.CreateApiClientAsync(DemoUsers.Secretary);

        using var response = await secretary.PostJsonAsync("/api/tokens", new { name, expiresInDays });

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        problem.ErrorsFor(name.Length == 0 ? "name" : "expiresInDays").Should().NotBeEmpty();
    }

    [DatabaseTheory]
    [InlineData(DemoUsers.Chair, "wrong password")]
    [InlineData("nobody@example-ccg.nhs.uk", DemoUsers.Password)]
    [InlineData("", "")]
    public async Task AuthToken_WrongCredentials_Returns401(string email, string password)
    {
        using var client = app.CreateAnonymousClient();

        using var response = await client.PostJsonAsync("/api/auth/token", new { email, password, tokenName = "x" });

        var problem = await response.ReadProblemAsync(HttpStatusCode.Unauthorized);
        problem.GetProperty("detail").GetString().Should().Be("The email address or password is not right.");
    }
}

public sealed class PostgresTokenTests(PostgresAppFixture app) : TokenTests(app), IClassFixture<PostgresAppFixture>;

public sealed class SqliteTokenTests(SqliteAppFixture app) : TokenTests(app), IClassFixture<SqliteAppFixture>;
