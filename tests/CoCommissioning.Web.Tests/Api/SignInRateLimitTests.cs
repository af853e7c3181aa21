using System.Net;
using CoCommissioning.Web.Infrastructure;
using CoCommissioning.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CoCommissioning.Web.Tests.Api;

/// <summary>
/// The per-address limit on password attempts, on a second host of the same app with a limit of three (the
/// fixture's own host has a limit no test reaches). Addresses are documentation ranges, one set per test.
/// </summary>
public abstract class SignInRateLimitTests(AppFixture app) : IDisposable
{
    private const int Limit = 3;
    private static readonly IPAddress KnownProxy = IPAddress.Parse("192.0.2.1");

    private readonly WebApplicationFactory<Program> limited = app.Factory.WithWebHostBuilder(builder =>
    {
        builder.UseSetting("SignIn:RateLimit:PermitLimit", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("SignIn:RateLimit:WindowSeconds", "300");
        builder.UseSetting("ForwardedHeaders:KnownProxies:0", KnownProxy.ToString());
    });

    public void Dispose()
    {
        limited.Dispose();
        GC.SuppressFinalize(this);
    }

    [DatabaseFact]
    public async Task TokenExchange_PastTheLimit_Returns429ProblemWithRetryAfter_ForThatAddressOnly()
    {
        using var attacker = ClientFrom("203.0.113.10");
        using var neighbour = ClientFrom("203.0.113.11");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= Limit; i++)
        {
            using var attempt = await attacker.PostJsonAsync("/api/auth/token", new { email = DemoUsers.Chair, password = $"guess {i}", tokenName = "x" });
            statuses.Add(attempt.StatusCode);
        }

        using var refused = await attacker.PostJsonAsync("/api/auth/token", new { email = DemoUsers.Chair, password = DemoUsers.Password, tokenName = "x" });
        using var other = await neighbour.PostJsonAsync("/api/auth/token", new { email = DemoUsers.Chair, password = DemoUsers.Password, tokenName = "x" });

        statuses.Should().Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, Limit).Append(HttpStatusCode.TooManyRequests));
        var problem = await refused.ReadProblemAsync(HttpStatusCode.TooManyRequests);
        problem.GetProperty("title").GetString().Should().Be(SignInRateLimiting.TooManyTitle);
        problem.GetProperty("detail").GetString().Should().Contain("Wait");
        int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture).Should().BeInRange(1, 300);
        other.StatusCode.Should().Be(HttpStatusCode.Created, "another address has its own allowance");
    }

    [DatabaseFact]
    public async Task SignInForm_PastTheLimit_Returns429ReadablePage_AndOtherRequestsAreNotLimited()
    {
        using var client = ClientFrom("203.0.113.20");

        for (var i = 0; i < Limit; i++)
        {
            using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = DemoUsers.Chair, ["Input.Password"] = $"guess {i}" });
            using var attempt = await client.PostAsync("/account/login", content);
            attempt.StatusCode.Should().NotBe(HttpStatusCode.TooManyRequests);
        }

        using var last = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = DemoUsers.Chair, ["Input.Password"] = "guess" });
        using var refused = await client.PostAsync("/account/login", last);
        using var page = await client.GetAsync("/account/login");

        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        refused.Headers.Contains("Retry-After").Should().BeTrue();
        refused.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        (await refused.Content.ReadAsStringAsync()).Should().Contain("too many sign-in attempts").And.Contain("href=\"/account/login\"");
        page.StatusCode.Should().Be(HttpStatusCode.OK, "reading the sign-in page is not a password attempt");
    }

    [DatabaseFact]
    public async Task ForwardedFor_IsTrustedOnlyFromAKnownProxy()
    {
        // Behind the known proxy, each client has its own allowance.
        for (var i = 0; i <= Limit; i++)
        {
            using var viaProxy = ClientFrom(KnownProxy.ToString(), forwardedFor: $"198.51.100.{i + 1}");
            using var attempt = await viaProxy.PostJsonAsync("/api/auth/token", new { email = DemoUsers.Chair, password = "guess", tokenName = "x" });
            attempt.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "client {0} behind the proxy has not used its allowance", i + 1);
        }

        // From anyone else the header is ignored: rotating it does not buy more attempts.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= Limit; i++)
        {
            using var spoofing = ClientFrom("203.0.113.30", forwardedFor: $"198.51.100.{i + 50}");
            using var attempt = await spoofing.PostJsonAsync("/api/auth/token", new { email = DemoUsers.Chair, password = "guess", tokenName = "x" });
            statuses.Add(attempt.StatusCode);
        }

        statuses.Last().Should().Be(HttpStatusCode.TooManyRequests);
    }

    private HttpClient ClientFrom(string address, string? forwardedFor = null)
    {
        var remote = IPAddress.Parse(address);
        var client = new HttpClient(limited.Server.CreateHandler(context => context.Connection.RemoteIpAddress = remote)) { BaseAddress = limited.Server.BaseAddress };
        if (forwardedFor is not null)
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        }

        return client;
    }
}

public sealed class PostgresSignInRateLimitTests(PostgresAppFixture app) : SignInRateLimitTests(app), IClassFixture<PostgresAppFixture>;

public sealed class SqliteSignInRateLimitTests(SqliteAppFixture app) : SignInRateLimitTests(app), IClassFixture<SqliteAppFixture>;
