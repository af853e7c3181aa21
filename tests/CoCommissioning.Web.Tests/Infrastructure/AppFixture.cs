using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CoCommissioning.Data;
using CoCommissioning.Web.Features.Account;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CoCommissioning.Web.Tests.Infrastructure;

/// <summary>
/// One running app on one fresh, migrated and seeded database, shared by the tests of one class.
/// <para>
/// Why per class and not per test: creating a database and letting the app migrate and seed it takes about a
/// second (mostly password hashing for the demo users), so a database per test would cost minutes. Instead each
/// class gets its own database, dropped at the end, and the tests are written not to depend on one another's
/// writes: each creates the committees and people it changes (with unique names) and only reads the seeded
/// records, and a test that locks an account locks one it created itself. Classes run in parallel on their own
/// databases, so no class can see another's data either.
/// </para>
/// </summary>
public abstract partial class AppFixture(DatabaseProvider provider) : IAsyncLifetime, IAsyncDisposable, IDatabaseFixture
{
    private readonly ConcurrentDictionary<string, Task<string>> tokens = new(StringComparer.OrdinalIgnoreCase);
    private ITestDatabase? database;
    private CoWebFactory? factory;

    public DatabaseProvider Provider { get; } = provider;

    public CoWebFactory Factory => factory ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync()
    {
        database = await TestDatabases.CreateAsync(Provider);
        factory = new CoWebFactory(database);

        // Starts the host: the app migrates and seeds through its real start-up before this returns.
        _ = factory.Server;
    }

    public async Task DisposeAsync()
    {
        if (factory is not null)
        {
            await factory.DisposeAsync();
            factory = null;
        }

        if (database is not null)
        {
            await database.DisposeAsync();
            database = null;
        }
    }

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>A client with no credentials that does not follow redirects, so tests see the 302s.</summary>
    public HttpClient CreateAnonymousClient() =>
        Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A client sending <c>Authorization: Bearer</c> with a token of the demo user (one token per user, reused).</summary>
    public async Task<HttpClient> CreateApiClientAsync(string email)
    {
        var token = await tokens.GetOrAdd(email, e => CreateTokenAsync(e));
        return CreateBearerClient(token);
    }

    public HttpClient CreateBearerClient(string token)
    {
        var client = CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Exchanges a user's password for a new API token through POST /api/auth/token.</summary>
    public async Task<string> CreateTokenAsync(string email, string password = DemoUsers.Password, string tokenName = "web tests")
    {
        using var client = CreateAnonymousClient();
        using var response = await client.PostAsJsonAsync("/api/auth/token", new { email, password, tokenName }, Json.Options);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.Created, "signing in as {0} should give a token, but the app answered {1}", email, body);
        var created = await response.Content.ReadFromJsonAsync<CreatedApiTokenDto>(Json.Options);
        return created!.Token;
    }

    /// <summary>
    /// A browser-like client signed in with the auth cookie through the real sign-in form: GET the static-SSR page,
    /// post its antiforgery token and form handler back with the credentials, keep the cookies.
    /// </summary>
    public async Task<HttpClient> CreateSignedInBrowserAsync(string email, string password = DemoUsers.Password)
    {
        var client = CreateAnonymousClient();
        var form = await client.GetStringAsync("/account/login");
        using var content = new FormUrlEncodedContent(SignInFields(form, email, password));
        using var response = await client.PostAsync("/account/login", content);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, "signing in as {0} through the form should redirect, but the app answered {1}", email, body);
        response.Headers.TryGetValues("Set-Cookie", out var cookies).Should().BeTrue();
        cookies.Should().Contain(c => c.StartsWith("CoCommissioning.Auth=", StringComparison.Ordinal));
        return client;
    }

    /// <summary>The sign-in form's fields, filled in: its handler and antiforgery token from the page, and the credentials.</summary>
    public static Dictionary<string, string> SignInFields(string form, string email, string password = DemoUsers.Password) => new()
    {
        ["_handler"] = HiddenField(form, "_handler"),
        ["__RequestVerificationToken"] = HiddenField(form, "__RequestVerificationToken"),
        ["Input.Email"] = email,
        ["Input.Password"] = password,
    };

    public static string HiddenField(string html, string name)
    {
        foreach (Match input in InputTag().Matches(html))
        {
            var tag = input.Value;
            if (tag.Contains($"name=\"{name}\"", StringComparison.Ordinal) && ValueAttribute().Match(tag) is { Success: true } value)
            {
                return WebUtility.HtmlDecode(value.Groups[1].Value);
            }
        }

        throw new InvalidOperationException($"The page has no input named {name}:\n{html}");
    }

    [GeneratedRegex("<input[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InputTag();

    [GeneratedRegex("value=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex ValueAttribute();
}

/// <summary>The app on a fresh PostgreSQL database (the production provider).</summary>
public sealed class PostgresAppFixture() : AppFixture(DatabaseProvider.Postgres);

/// <summary>The app on a fresh SQLite file (the embedded provider).</summary>
public sealed class SqliteAppFixture() : AppFixture(DatabaseProvider.Sqlite);
