using System.Net;
using System.Text;
using CoCommissioning.Web.Infrastructure;
using CoCommissioning.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CoCommissioning.Web.Tests.Api;

/// <summary>Every kind of response carries the hardening headers; cookies are Secure and SameSite.</summary>
public abstract class SecurityHeadersTests(AppFixture app)
{
    public static TheoryData<string, string, HttpStatusCode> Responses => new()
    {
        { "page", "/account/login", HttpStatusCode.OK },
        { "public page", "/public", HttpStatusCode.OK },
        { "API", "/api/public/organisations", HttpStatusCode.OK },
        { "API refusing an anonymous caller", "/api/me", HttpStatusCode.Unauthorized },
        { "static file", "/favicon.svg", HttpStatusCode.OK },
        { "page not found", "/no-such-page", HttpStatusCode.NotFound },
        { "API not found", "/api/public/no-such-thing", HttpStatusCode.NotFound },
        { "health", "/health", HttpStatusCode.OK },
    };

    [DatabaseTheory]
    [MemberData(nameof(Responses))]
    public async Task EveryResponse_CarriesTheSecurityHeaders(string kind, string path, HttpStatusCode expected)
    {
        using var client = app.CreateAnonymousClient();

        using var response = await client.GetAsync(path);

        response.StatusCode.Should().Be(expected, "the {0} at {1}", kind, path);
        AssertHeaders(response, kind);
    }

    [DatabaseFact]
    public async Task ErrorResponse_FromTheExceptionHandler_CarriesTheSecurityHeaders()
    {
        using var client = app.CreateAnonymousClient();
        using var malformed = new StringContent("{ not json", Encoding.UTF8, "application/json");

        // Malformed JSON throws inside the endpoint; the exception handler clears the response and writes its own.
        using var response = await client.PostAsync("/api/auth/token", malformed);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        AssertHeaders(response, "error");
    }

    [DatabaseFact]
    public async Task ErrorPage_CarriesTheSecurityHeaders()
    {
        using var client = app.CreateAnonymousClient();

        using var response = await client.GetAsync("/error");

        AssertHeaders(response, "error page");
    }

    [DatabaseFact]
    public void ContentSecurityPolicy_AllowsNoInlineScriptAndNoFraming()
    {
        var policy = SecurityHeaders.ContentSecurityPolicy.Split(';', StringSplitOptions.TrimEntries);

        policy.Should().Contain(["default-src 'self'", "script-src 'self'", "connect-src 'self'", "img-src 'self' data:", "frame-ancestors 'none'", "form-action 'self'", "base-uri 'self'", "object-src 'none'"]);
        policy.Single(d => d.StartsWith("script-src", StringComparison.Ordinal)).Should().NotContain("unsafe");
    }

    [DatabaseFact]
    public async Task OverHttps_HstsIsSent_AndTheSignInCookieIsSecureAndStrict()
    {
        using var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://coco.example.org/"), AllowAutoRedirect = false });
        var form = await client.GetStringAsync("/account/login");

        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = AppFixture.HiddenField(form, "_handler"),
            ["__RequestVerificationToken"] = AppFixture.HiddenField(form, "__RequestVerificationToken"),
            ["Input.Email"] = DemoUsers.Member,
            ["Input.Password"] = DemoUsers.Password,
        });
        using var response = await client.PostAsync("/account/login", content);

        response.Headers.Contains("Strict-Transport-Security").Should().BeTrue();
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("CoCommissioning.Auth=", StringComparison.Ordinal)).ToLowerInvariant();
        cookie.Should().Contain("secure").And.Contain("samesite=strict").And.Contain("httponly");
    }

    [DatabaseFact]
    public async Task OutsideDevelopmentAndTesting_TheSignInCookieIsAlwaysSecure_AndFormsStillWorkOverPlainHttp()
    {
        using var production = app.Factory.WithWebHostBuilder(builder => builder.UseEnvironment("Production"));

        var auth = production.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var antiforgery = production.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>>().Value;

        auth.Cookie.SecurePolicy.Should().Be(CookieSecurePolicy.Always);
        auth.Cookie.SameSite.Should().Be(SameSiteMode.Strict);
        antiforgery.Cookie.SecurePolicy.Should().Be(CookieSecurePolicy.SameAsRequest);

        // Antiforgery with SecurePolicy.Always throws over http: the sign-in form must render, not answer 500.
        using var client = production.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var page = await client.GetAsync("/account/login");
        page.StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync()).Should().Contain("__RequestVerificationToken");
    }

    private static void AssertHeaders(HttpResponseMessage response, string kind)
    {
        string Header(string name) =>
            response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
                ? string.Join(",", values)
                : throw new Xunit.Sdk.XunitException($"The {kind} response ({(int)response.StatusCode}) has no {name} header.");

        Header("Content-Security-Policy").Should().Be(SecurityHeaders.ContentSecurityPolicy);
        Header("X-Content-Type-Options").Should().Be("nosniff");
        Header("Referrer-Policy").Should().Be("strict-origin-when-cross-origin");
        Header("Permissions-Policy").Should().Contain("camera=()").And.Contain("microphone=()").And.Contain("geolocation=()");
        Header("X-Frame-Options").Should().Be("DENY");
    }
}

public sealed class PostgresSecurityHeadersTests(PostgresAppFixture app) : SecurityHeadersTests(app), IClassFixture<PostgresAppFixture>;

public sealed class SqliteSecurityHeadersTests(SqliteAppFixture app) : SecurityHeadersTests(app), IClassFixture<SqliteAppFixture>;
