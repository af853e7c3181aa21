using System.Diagnostics;
using System.Net;
using System.Text.Json;
using CoCommissioning.Data.Audit;
using CoCommissioning.Data.Identity;
using CoCommissioning.Web.Features.Account;
using CoCommissioning.Web.Features.Administration;
using CoCommissioning.Web.Features.Audit;
using CoCommissioning.Web.Infrastructure;
using CoCommissioning.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CoCommissioning.Web.Tests.Api;

public sealed class SignInSecurityTests(PostgresAppFixture app) : SignInSecurityTestsBase(app), IClassFixture<PostgresAppFixture>;

public sealed class SignInSecurityOnSqliteTests(SqliteAppFixture app) : SignInSecurityTestsBase(app), IClassFixture<SqliteAppFixture>;

/// <summary>
/// Issue 12: roles and locks take effect at once, failed passwords lock nobody, unknown emails cost what known ones
/// do, tokens expire by default, sign-out needs a posted form, and account events reach the audit trail.
/// </summary>
public abstract class SignInSecurityTestsBase(AppFixture app)
{
    private const string Password = "Security-Test-Password-1";

    [DatabaseFact]
    public void SecurityStamp_IsRevalidatedWithinAMinute()
    {
        var options = app.Factory.Services.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value;

        options.ValidationInterval.Should().BeLessThanOrEqualTo(TimeSpan.FromMinutes(1));
        Startup.SecurityStampInterval.Should().BeLessThanOrEqualTo(TimeSpan.FromMinutes(1), "the Blazor circuit revalidates on the same interval");
    }

    [DatabaseFact]
    public async Task DemotedAdministrator_CannotCreateAnAdministrator_WithCookieOrToken()
    {
        using var admin = await app.CreateApiClientAsync(DemoUsers.Admin);
        var (demotedId, demotedEmail) = await CreateUserAsync(admin, AppRole.Administrator);
        using var cookie = await app.CreateSignedInBrowserAsync(demotedEmail, Password);
        using var token = app.CreateBearerClient(await app.CreateTokenAsync(demotedEmail, Password));

        using var demote = await admin.PutJsonAsync($"/api/admin/users/{demotedId}/roles", new { roles = new[] { AppRole.Member } });
        await demote.ReadJsonAsync<UserDto>(HttpStatusCode.OK);

        // The cookie still carries the Administrator claim until the stamp is next validated; the database does not.
        using var byCookie = await cookie.PostJsonAsync("/api/admin/users", NewUser(AppRole.Administrator));
        using var byToken = await token.PostJsonAsync("/api/admin/users", NewUser(AppRole.Administrator));
        using var promoteByCookie = await cookie.PutJsonAsync($"/api/admin/users/{demotedId}/roles", new { roles = new[] { AppRole.Administrator } });

        byCookie.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        byToken.StatusCode.Should().Be(HttpStatusCode.Forbidden, "a token's roles are read afresh on every request");
        promoteByCookie.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var me = await token.GetJsonAsync<MeDto>("/api/me");
        me.Roles.Should().Equal(AppRole.Member);
    }

    [DatabaseFact]
    public async Task DemotedAdministrator_CookieSession_EndsOnceAMinuteHasPassed()
    {
        // The security stamp validator reads its own clock: moving it a minute on is what a minute of waiting does.
        var clock = new MovableClock();
        using var host = app.Factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.PostConfigure<SecurityStampValidatorOptions>(options => options.TimeProvider = clock)));
        using var admin = await app.CreateApiClientAsync(DemoUsers.Admin);
        var (demotedId, demotedEmail) = await CreateUserAsync(admin, AppRole.Administrator);
        using var cookie = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await cookie.GetStringAsync("/account/login");
        using (var signIn = await cookie.PostAsync("/account/login", new FormUrlEncodedContent(AppFixture.SignInFields(form, demotedEmail, Password))))
        {
            signIn.StatusCode.Should().Be(HttpStatusCode.Redirect);
        }

        using (var before = await cookie.GetAsync("/api/admin/users"))
        {
            before.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        using var demote = await admin.PutJsonAsync($"/api/admin/users/{demotedId}/roles", new { roles = new[] { AppRole.Member } });
        await demote.ReadJsonAsync<UserDto>(HttpStatusCode.OK);
        clock.Offset = Startup.SecurityStampInterval + TimeSpan.FromSeconds(1);

        using var after = await cookie.GetAsync("/api/admin/users");
        using var me = await cookie.GetAsync("/api/me");

        // A role change renews the user's security stamp, so the old session ends: they sign in again, as a member.
        after.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the cookie is checked against the database once the interval has passed");
        me.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [DatabaseFact]
    public async Task WrongPasswords_NeverLockTheAccount_AndEarlierTokensKeepWorking()
    {
        using var admin = await app.CreateApiClientAsync(DemoUsers.Admin);
        var (userId, email) = await CreateUserAsync(admin, AppRole.Member);
        using var earlier = app.CreateBearerClient(await app.CreateTokenAsync(email, Password));
        using var anonymous = app.CreateAnonymousClient();

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 1; attempt <= 8; attempt++)
        {
            using var wrong = await anonymous.PostJsonAsync("/api/auth/token", new { email, password = $"wrong {attempt}", tokenName = "x" });
            statuses.Add(wrong.StatusCode);
        }

        using var right = await anonymous.PostJsonAsync("/api/auth/token", new { email, password = Password, tokenName = "x" });
        using var withEarlier = await earlier.GetAsync("/api/me");

        statuses.Should().AllBeEquivalentTo(HttpStatusCode.Unauthorized);
        right.StatusCode.Should().Be(HttpStatusCode.Created, "a stranger's wrong guesses must not lock the owner out");
        withEarlier.StatusCode.Should().Be(HttpStatusCode.OK);
        (await admin.GetJsonAsync<List<UserDto>>("/api/admin/users")).Single(u => u.Id == userId).IsLockedOut.Should().BeFalse();
    }

    [DatabaseFact]
    public async Task AdministratorLock_StopsSignInAndTokensAtOnce_AndUnlockRestoresThem()
    {
        using var admin = await app.CreateApiClientAsync(DemoUsers.Admin);
        var (userId, email) = await CreateUserAsync(admin, AppRole.Member);
        using var token = app.CreateBearerClient(await app.CreateTokenAsync(email, Password));
        using var anonymous = app.CreateAnonymousClient();

        using var locked = await admin.PutJsonAsync($"/api/admin/users/{userId}/lock", new { locked = true });
        (await locked.ReadJsonAsync<UserDto>(HttpStatusCode.OK)).IsLockedOut.Should().BeTrue();
        using var tokenWhileLocked = await token.GetAsync("/api/me");
        using var rightWhileLocked = await anonymous.PostJsonAsync("/api/auth/token", new { email, password = Password, tokenName = "x" });
        using var wrongWhileLocked = await anonymous.PostJsonAsync("/api/auth/token", new { email, password = "not it", tokenName = "x" });

        tokenWhileLocked.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await rightWhileLocked.ReadProblemAsync((HttpStatusCode)423)).GetProperty("title").GetString().Should().Be("Account locked");
        (await wrongWhileLocked.ReadProblemAsync(HttpStatusCode.Unauthorized)).GetProperty("detail").GetString()
            .Should().Be(PasswordCheck.FailedMessage, "only someone who knows the password learns that the account is locked");

        using var unlocked = await admin.PutJsonAsync($"/api/admin/users/{userId}/lock", new { locked = false });
        (await unlocked.ReadJsonAsync<UserDto>(HttpStatusCode.OK)).IsLockedOut.Should().BeFalse();
        (await token.GetAsync("/api/me")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [DatabaseFact]
    public async Task AdministratorLock_OfOwnAccount_IsRefused()
    {
        using var admin = await app.CreateApiClientAsync(DemoUsers.Admin);
        var me = await admin.GetJsonAsync<MeDto>("/api/me");

        using var response = await admin.PutJsonAsync($"/api/admin/users/{me.UserId}/lock", new { locked = true });

        await response.ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [DatabaseFact]
    public async Task UnknownAndKnownEmail_TakeComparableTime_AndGetTheSameAnswer()
    {
        using var admin = await app.CreateApiClientAsync(DemoUsers.Admin);
        var (_, known) = await CreateUserAsync(admin, AppRole.Member);
        var unknown = $"nobody-{Guid.NewGuid():N}@example-ccg.nhs.uk";
        using var client = app.CreateAnonymousClient();

        async Task<(double Ms, HttpStatusCode Status, string Detail)> AttemptAsync(string email)
        {
            var watch = Stopwatch.StartNew();
            using var response = await client.PostJsonAsync("/api/auth/token", new { email, password = "definitely wrong", tokenName = "x" });
            var body = await response.Content.ReadAsStringAsync();
            watch.Stop();
            using var problem = JsonDocument.Parse(body);
            return (watch.Elapsed.TotalMilliseconds, response.StatusCode, problem.RootElement.GetProperty("detail").GetString()!);
        }

        // Warm both paths (the dummy hash is made on first use), then interleave so load on a shared machine falls
        // on both alike; medians shrug off the odd pause.
        await AttemptAsync(known);
        await AttemptAsync(unknown);
        var knownRuns = new List<(double Ms, HttpStatusCode Status, string Detail)>();
        var unknownRuns = new List<(double Ms, HttpStatusCode Status, string Detail)>();
        for (var i = 0; i < 11; i++)
        {
            knownRuns.Add(await AttemptAsync(known));
            unknownRuns.Add(await AttemptAsync(unknown));
        }

        static double Median(IEnumerable<double> values) => values.Order().ElementAt(5);
        var knownMedian = Median(knownRuns.Select(r => r.Ms));
        var unknownMedian = Median(unknownRuns.Select(r => r.Ms));

        knownRuns.Concat(unknownRuns).Select(r => (r.Status, r.Detail)).Distinct().Should().Equal((HttpStatusCode.Unauthorized, PasswordCheck.FailedMessage));
        (unknownMedian / knownMedian).Should().BeInRange(0.5, 2.0, "known {0:F1} ms against unknown {1:F1} ms: the time must not tell who has an account", knownMedian, unknownMedian);
    }

    [DatabaseFact]
    public async Task Token_WithoutExpiry_ExpiresIn90Days_FromTheApiAndThePasswordExchange()
    {
        using var secretary = await app.CreateApiClientAsync(DemoUsers.Secretary);
        using var anonymous = app.CreateAnonymousClient();

        using var created = await secretary.PostJsonAsync("/api/tokens", new { name = "No expiry given" });
        using var exchanged = await anonymous.PostJsonAsync("/api/auth/token", new { email = DemoUsers.Secretary, password = DemoUsers.Password, tokenName = "No expiry given" });

        var expected = DateTimeOffset.UtcNow.AddDays(ApiTokenService.DefaultExpiryDays);
        (await created.ReadJsonAsync<CreatedApiTokenDto>(HttpStatusCode.Created)).Details.ExpiresAt.Should().BeCloseTo(expected, TimeSpan.FromMinutes(5));
        (await exchanged.ReadJsonAsync<CreatedApiTokenDto>(HttpStatusCode.Created)).Details.ExpiresAt.Should().BeCloseTo(expected, TimeSpan.FromMinutes(5));
        ApiTokenService.DefaultExpiryDays.Should().Be(90);
    }

    [DatabaseFact]
    public async Task Logout_ByGetOrWithoutAntiforgery_DoesNotSignOut_ButTheFormDoes()
    {
        using var browser = await app.CreateSignedInBrowserAsync(DemoUsers.Member);

        using var byGet = await browser.GetAsync("/account/logout");
        using var stillInAfterGet = await browser.GetAsync("/api/me");
        using var noToken = new FormUrlEncodedContent(new Dictionary<string, string>());
        using var withoutToken = await browser.PostAsync("/account/logout", noToken);
        using var stillInAfterPost = await browser.GetAsync("/api/me");

        var page = await browser.GetStringAsync("/");
        page.Should().Contain("action=\"account/logout\"", "the sign-out button posts a form");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = AppFixture.HiddenField(page, "__RequestVerificationToken") });
        using var signOut = await browser.PostAsync("/account/logout", form);
        using var afterSignOut = await browser.GetAsync("/api/me");

        stillInAfterGet.StatusCode.Should().Be(HttpStatusCode.OK, "GET {0} answered {1} and must not sign out", "/account/logout", byGet.StatusCode);
        withoutToken.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        stillInAfterPost.StatusCode.Should().Be(HttpStatusCode.OK);
        signOut.RedirectTarget().Should().Be("/account/login?signedOut=true");
        afterSignOut.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [DatabaseFact]
    public async Task AccountEvents_AreInTheAuditTrail_ByTheUsersId_WithoutPasswordsOrTokens()
    {
        using var admin = await app.CreateApiClientAsync(DemoUsers.Admin);
        var (userId, email) = await CreateUserAsync(admin, AppRole.Member);
        using var roles = await admin.PutJsonAsync($"/api/admin/users/{userId}/roles", new { roles = new[] { AppRole.CommitteeSecretary } });
        await roles.ReadJsonAsync<UserDto>(HttpStatusCode.OK);
        var secret = await app.CreateTokenAsync(email, Password, "audited token");
        using var owner = app.CreateBearerClient(secret);
        var tokenId = (await owner.GetJsonAsync<List<ApiTokenDto>>("/api/tokens")).Single(t => t.Name == "audited token").Id;
        using var revoked = await owner.DeleteAsync($"/api/tokens/{tokenId}");
        revoked.StatusCode.Should().Be(HttpStatusCode.NoContent);
        using var anonymous = app.CreateAnonymousClient();
        using var failed = await anonymous.PostJsonAsync("/api/auth/token", new { email, password = "Wrong-Password-Guess", tokenName = "x" });
        failed.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        using var locked = await admin.PutJsonAsync($"/api/admin/users/{userId}/lock", new { locked = true });
        locked.StatusCode.Should().Be(HttpStatusCode.OK);

        var trail = await admin.GetJsonAsync<AuditPageDto>($"/api/audit?recordId={userId}&pageSize=200");

        var kinds = trail.Entries.Select(e => (e.RecordType, e.Action)).ToList();
        kinds.Should().Contain((SecurityAudit.UserAccount, AuditAction.Insert), "the account's creation");
        kinds.Should().Contain((nameof(OrganisationRoleAssignment), AuditAction.Insert), "the role it was given");
        kinds.Should().Contain((nameof(OrganisationRoleAssignment), AuditAction.Delete), "the role it lost");
        kinds.Should().Contain((SecurityAudit.ApiToken, AuditAction.Insert), "the token's creation");
        kinds.Should().Contain((SecurityAudit.ApiToken, AuditAction.Update), "the token's revocation");
        kinds.Should().Contain((SecurityAudit.SignIn, AuditAction.Insert), "the failed sign-in");
        kinds.Should().Contain((SecurityAudit.UserAccount, AuditAction.Update), "the lock");
        trail.Entries.Single(e => e.RecordType == SecurityAudit.SignIn).Changes.Should().Contain("wrong password");
        var everything = string.Join("\n", trail.Entries.Select(e => e.Changes));
        everything.Should().NotContain(Password).And.NotContain("Wrong-Password-Guess").And.NotContain(secret).And.NotContain(secret[..11]);
    }

    private sealed class MovableClock : TimeProvider
    {
        public TimeSpan Offset { get; set; }

        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
    }

    private static object NewUser(AppRole role) =>
        new { email = $"created-{Guid.NewGuid():N}@example-ccg.nhs.uk", displayName = "Created By A Demoted Admin", password = Password, roles = new[] { role } };

    private static async Task<(Guid Id, string Email)> CreateUserAsync(HttpClient admin, AppRole role)
    {
        var email = $"security-{Guid.NewGuid():N}@example-ccg.nhs.uk";
        using var response = await admin.PostJsonAsync("/api/admin/users", new { email, displayName = "Security Test", password = Password, roles = new[] { role } });
        var user = await response.ReadJsonAsync<UserDto>(HttpStatusCode.Created);
        return (user.Id, email);
    }
}
