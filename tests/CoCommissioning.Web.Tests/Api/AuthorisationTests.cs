using System.Net;
using CoCommissioning.Domain.Committees;
using CoCommissioning.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CoCommissioning.Web.Tests.Api;

/// <summary>Who may open what: anonymous visitors, members and the roles above them, on pages and the API.</summary>
public abstract class AuthorisationTests(AppFixture app)
{
    [DatabaseTheory]
    [InlineData("/committees")]
    [InlineData("/people")]
    [InlineData("/audit")]
    [InlineData("/admin/users")]
    [InlineData("/account/tokens")]
    public async Task GetPrivatePage_Anonymous_RedirectsToLogin(string path)
    {
        using var client = app.CreateAnonymousClient();

        using var response = await client.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var target = response.RedirectTarget();
        target.Should().StartWith("/account/login?");
        Uri.UnescapeDataString(target).Should().Contain("ReturnUrl=" + path);
    }

    [DatabaseTheory]
    [InlineData("/api/committees")]
    [InlineData("/api/me")]
    [InlineData("/api/audit")]
    [InlineData("/api/people")]
    [InlineData("/api/tokens")]
    [InlineData("/api/admin/users")]
    public async Task GetApi_Anonymous_Returns401NotARedirect(string path)
    {
        using var client = app.CreateAnonymousClient();

        using var response = await client.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.Location.Should().BeNull();
    }

    [DatabaseFact]
    public async Task PostCommittee_Anonymous_Returns401()
    {
        using var client = app.CreateAnonymousClient();

        using var response = await client.PostJsonAsync("/api/committees", new { name = "Anonymous", type = CommitteeType.Audit, level = CoCommissioningLevel.Joint });

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [DatabaseTheory]
    [InlineData("/health")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/api/public/organisations")]
    [InlineData("/api/public/organisations/example-ccg")]
    [InlineData("/account/login")]
    [InlineData("/account/access-denied", HttpStatusCode.Forbidden)]
    public async Task GetPublicAddress_Anonymous_Answers(string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var client = app.CreateAnonymousClient();

        using var response = await client.GetAsync(path);

        response.StatusCode.Should().Be(expected, await response.Content.ReadAsStringAsync());
    }

    [DatabaseFact]
    public async Task GetApi_UnknownBearerToken_Returns401()
    {
        using var client = app.CreateBearerClient("coco_not-a-real-token");

        using var response = await client.GetAsync("/api/me");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.Should().Contain(h => h.Scheme == "Bearer");
    }

    [DatabaseTheory]
    [InlineData("GET", "/api/admin/users")]
    [InlineData("GET", "/api/audit")]
    [InlineData("GET", "/api/audit/actors")]
    [InlineData("GET", "/api/people")]
    [InlineData("POST", "/api/committees")]
    [InlineData("POST", "/api/member-roles")]
    public async Task CallApi_Member_Returns403(string method, string path)
    {
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);

        using var response = method == "GET"
            ? await member.GetAsync(path)
            : await member.PostJsonAsync(path, new { name = ApiScenario.UniqueName("Forbidden"), type = CommitteeType.Audit, level = CoCommissioningLevel.Joint, classification = RoleClassification.Lay });

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [DatabaseTheory]
    [InlineData(DemoUsers.Member, "/api/committees")]
    [InlineData(DemoUsers.Member, "/api/me")]
    [InlineData(DemoUsers.Member, "/api/member-roles")]
    [InlineData(DemoUsers.Secretary, "/api/people")]
    [InlineData(DemoUsers.Governance, "/api/audit")]
    [InlineData(DemoUsers.Admin, "/api/admin/users")]
    [InlineData(DemoUsers.Admin, "/api/audit")]
    public async Task CallApi_PermittedRole_Returns200(string email, string path)
    {
        using var client = await app.CreateApiClientAsync(email);

        using var response = await client.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [DatabaseFact]
    public async Task GetAdminPage_SignedInMember_RedirectsToAccessDeniedWhichAnswers403()
    {
        using var browser = await app.CreateSignedInBrowserAsync(DemoUsers.Member);

        using var response = await browser.GetAsync("/admin/users");

        response.RedirectTarget().Should().StartWith("/account/access-denied");
        using var denied = await browser.GetAsync(response.RedirectTarget());
        denied.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await denied.Content.ReadAsStringAsync()).Should().Contain("You do not have permission to open that page");
    }

    [DatabaseTheory]
    [InlineData(DemoUsers.Member, "/committees")]
    [InlineData(DemoUsers.Member, "/account/tokens")]
    [InlineData(DemoUsers.Secretary, "/people")]
    [InlineData(DemoUsers.Governance, "/audit")]
    [InlineData(DemoUsers.Admin, "/admin/users")]
    public async Task GetPage_SignedInPermittedRole_Returns200(string email, string path)
    {
        using var browser = await app.CreateSignedInBrowserAsync(email);

        using var response = await browser.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [DatabaseFact]
    public async Task GetApi_SignedInWithCookie_IsTheSameUser()
    {
        using var browser = await app.CreateSignedInBrowserAsync(DemoUsers.Governance);

        var me = await browser.GetJsonAsync<CoCommissioning.Web.Features.Account.MeDto>("/api/me");

        me.DisplayName.Should().Be("Sophie Turner");
        me.Roles.Should().Contain(CoCommissioning.Data.Identity.AppRole.GovernanceLead);
    }

    [DatabaseFact]
    public async Task SignIn_WrongPassword_StaysOnTheFormWithoutACookie()
    {
        using var client = app.CreateAnonymousClient();
        var form = await client.GetStringAsync("/account/login");
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = AppFixture.HiddenField(form, "_handler"),
            ["__RequestVerificationToken"] = AppFixture.HiddenField(form, "__RequestVerificationToken"),
            ["Input.Email"] = DemoUsers.Chair,
            ["Input.Password"] = "not the password",
        });

        using var response = await client.PostAsync("/account/login", content);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("The email address or password is not right");
        response.Headers.TryGetValues("Set-Cookie", out var cookies);
        (cookies ?? []).Should().NotContain(c => c.StartsWith("CoCommissioning.Auth=", StringComparison.Ordinal));
    }

    /// <summary>There is no fallback policy (see Policies.cs), so every endpoint must state one or allow anonymous.</summary>
    [DatabaseFact]
    public void Endpoints_All_StateAPolicyOrAllowAnonymous()
    {
        var endpoints = app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();

        var unstated = endpoints
            .Where(e => !e.Metadata.OfType<IAuthorizeData>().Any() && !e.Metadata.OfType<IAllowAnonymous>().Any())
            .Where(e => !IsFrameworkEndpoint(e))
            .Select(e => $"{e.RoutePattern.RawText} ({e.DisplayName})")
            .ToList();

        unstated.Should().BeEmpty("every page and endpoint states its policy");
    }

    // Blazor's own endpoints (the circuit hub, its redirection helper) and the static-file fallback serve no page or
    // API of ours.
    private static bool IsFrameworkEndpoint(RouteEndpoint endpoint)
    {
        var route = endpoint.RoutePattern.RawText?.TrimStart('/') ?? "";
        return route.StartsWith("_blazor", StringComparison.Ordinal)
            || route.StartsWith("_framework", StringComparison.Ordinal)
            || endpoint.DisplayName == "Fallback {**path:file}";
    }
}

public sealed class PostgresAuthorisationTests(PostgresAppFixture app) : AuthorisationTests(app), IClassFixture<PostgresAppFixture>;

public sealed class SqliteAuthorisationTests(SqliteAppFixture app) : AuthorisationTests(app), IClassFixture<SqliteAppFixture>;
