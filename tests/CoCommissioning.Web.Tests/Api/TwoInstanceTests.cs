using System.Diagnostics;
using System.Net;
using CoCommissioning.Data;
using CoCommissioning.Domain.Interests;
using CoCommissioning.Web.Features.Account;
using CoCommissioning.Web.Features.Declarations;
using CoCommissioning.Web.Features.Meetings;
using CoCommissioning.Web.Infrastructure.Instances;
using CoCommissioning.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit.Abstractions;
using static CoCommissioning.Web.Tests.Infrastructure.MeetingScenario;

namespace CoCommissioning.Web.Tests.Api;

/// <summary>
/// Two app instances, A and B, on one PostgreSQL database, as production runs them behind a load balancer
/// (issue 12, ADR-0014): what happens on one is seen on the other at once, and a browser may land on either.
/// </summary>
public sealed class TwoInstanceTests(TwoInstanceFixture two, ITestOutputHelper output) : IClassFixture<TwoInstanceFixture>
{
    /// <summary>Generous for a shared two-core machine; the measured figures are printed and usually tens of ms.</summary>
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(3);

    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    [DatabaseFact]
    public async Task MeetingChange_SavedThroughA_ReachesAViewOnBOnce()
    {
        using var meeting = await MeetingScenario.StartAsync(two.A);
        var onB = new HeardCount();
        var onA = new HeardCount();
        using var viewOnB = two.B.Services.GetRequiredService<IMeetingUpdates>().Subscribe(meeting.MeetingId, onB.Hear);
        using var viewOnA = two.A.Factory.Services.GetRequiredService<IMeetingUpdates>().Subscribe(meeting.MeetingId, onA.Hear);

        var clock = Stopwatch.StartNew();
        await meeting.ArriveAsync(Chair);
        var saved = clock.Elapsed;
        var change = await onB.First.WaitAsync(Soon);
        var reachedB = clock.Elapsed;
        await onA.First.WaitAsync(Soon);
        output.WriteLine($"POST answered after {saved.TotalMilliseconds:F0} ms; the view on B heard after {reachedB.TotalMilliseconds:F0} ms");

        change.MeetingId.Should().Be(meeting.MeetingId);
        await Task.Delay(500);
        onB.Count.Should().Be(1, "B hears the change once");
        onA.Count.Should().Be(1, "A's views hear their own instance's change once, not again through the notice");
    }

    [DatabaseFact]
    public async Task SignInCookieAndFormToken_IssuedByA_AreAcceptedByB()
    {
        using var a = Client(two.A.Factory);
        using var b = Client(two.B);

        // A's sign-in form, posted to B: B must read A's antiforgery cookie and form token.
        var (fields, antiforgery) = await SignInFormAsync(a, DemoUsers.Member);
        using (var content = new FormUrlEncodedContent(fields))
        using (var signInOnB = await PostWithCookieAsync(b, "/account/login", content, antiforgery))
        {
            signInOnB.StatusCode.Should().Be(HttpStatusCode.Redirect, "B should accept the form A issued: {0}", HttpExtensions.Describe(await signInOnB.Content.ReadAsStringAsync()));
        }

        // Signed in on A, the next request lands on B.
        var (fieldsForA, antiforgeryForA) = await SignInFormAsync(a, DemoUsers.Member);
        string auth;
        using (var content = new FormUrlEncodedContent(fieldsForA))
        using (var signInOnA = await PostWithCookieAsync(a, "/account/login", content, antiforgeryForA))
        {
            signInOnA.StatusCode.Should().Be(HttpStatusCode.Redirect);
            auth = Cookies(signInOnA);
        }

        using var me = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        me.Headers.Add("Cookie", auth);
        using var answer = await b.SendAsync(me);
        var who = await answer.ReadJsonAsync<MeDto>(HttpStatusCode.OK);
        who.DisplayName.Should().NotBeNullOrWhiteSpace();

        // Both instances use the key ring kept in the database, not one of their own.
        await using var db = await two.A.Factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var stored = await db.DataProtectionKeys.Select(k => k.FriendlyName).ToListAsync();
        stored.Should().NotBeEmpty("the key ring is kept in the database");
        var keysOfB = two.B.Services.GetRequiredService<IKeyManager>().GetAllKeys().Select(k => $"key-{k.KeyId:D}");
        keysOfB.Should().BeEquivalentTo(stored);
    }

    [DatabaseFact]
    public async Task Withhold_ThroughA_LeavesBsCachedPublicPageAtOnce()
    {
        var run = $"t{Guid.NewGuid():N}"[..13];
        var member = await two.A.CreateApiClientAsync(DemoUsers.Member);
        var governance = await two.A.CreateApiClientAsync(DemoUsers.Governance);
        using var declared = await member.PostJsonAsync("/api/declarations", new { category = InterestCategory.Financial, isDirect = true, nature = $"Withheld on A {run}", from = Today.AddDays(-2) });
        var declaration = await declared.ReadJsonAsync<DeclarationDto>(HttpStatusCode.Created);
        using var accepted = await governance.PostJsonAsync($"/api/declarations/{declaration.Id}/accept", new { agreedMitigation = (string?)null, version = declaration.Version });
        var reviewed = await accepted.ReadJsonAsync<DeclarationDto>(HttpStatusCode.OK);

        using var publicOnB = Client(two.B);
        var url = $"/public/example-ccg/registers/interests?q={run}";
        (await publicOnB.GetStringAsync(url)).Should().Contain($"Withheld on A {run}");
        using (var cached = await publicOnB.GetAsync(url))
        {
            cached.Headers.Contains("Age").Should().BeTrue("B serves the page from its output cache");
        }

        var clock = Stopwatch.StartNew();
        using var withheld = await governance.PostJsonAsync($"/api/declarations/{declaration.Id}/withhold", new { ground = WithholdingGround.RiskOfHarm, reason = "Threats received", guardianApproved = true, version = reviewed.Version });
        withheld.StatusCode.Should().Be(HttpStatusCode.OK, await withheld.Content.ReadAsStringAsync());
        var saved = clock.Elapsed;

        // The eviction reaches B a moment after A's answer (a NOTIFY round trip), not after the cache's 60 s.
        while ((await publicOnB.GetStringAsync(url)).Contains($"Withheld on A {run}", StringComparison.Ordinal))
        {
            clock.Elapsed.Should().BeLessThan(Soon, "B should drop the withheld entry as soon as A has saved it");
            await Task.Delay(10);
        }

        output.WriteLine($"withhold answered by A after {saved.TotalMilliseconds:F0} ms; gone from B's page after {clock.Elapsed.TotalMilliseconds:F0} ms");
    }

    [DatabaseFact]
    public async Task ListeningConnection_Dropped_ReconnectsAndRefreshesTheViewsItServes()
    {
        using var meeting = await MeetingScenario.StartAsync(two.A);
        var onB = new HeardCount();
        using var viewOnB = two.B.Services.GetRequiredService<IMeetingUpdates>().Subscribe(meeting.MeetingId, onB.Hear);

        // What a server restart or a network cut does to the listening connections of both instances.
        await using (var admin = new NpgsqlConnection(two.A.Factory.Database.ConnectionString))
        {
            await admin.OpenAsync();
            await using var terminate = new NpgsqlCommand("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = 'CoCommissioning notices' AND datname = current_database()", admin);
            ((long)(await terminate.ExecuteScalarAsync())!).Should().Be(2, "each instance holds one listening connection");
        }

        // Nothing changed, yet the view is told to re-read: changes made while the connection was down are lost.
        await onB.First.WaitAsync(TimeSpan.FromSeconds(15));

        // And it hears changes again.
        var before = onB.Count;
        await meeting.ArriveAsync(Chair);
        var deadline = DateTime.UtcNow + Soon;
        while (onB.Count == before)
        {
            DateTime.UtcNow.Should().BeBefore(deadline, "B should hear A's changes again after reconnecting");
            await Task.Delay(20);
        }
    }

    [DatabaseFact]
    public void BothInstances_ListenOnTheChannel_AsDifferentInstances()
    {
        var a = two.A.Factory.Services.GetRequiredService<PostgresNotificationChannel>();
        var b = two.B.Services.GetRequiredService<PostgresNotificationChannel>();
        a.InstanceId.Should().NotBe(b.InstanceId);
    }

    private static HttpClient Client(WebApplicationFactory<Program> host) =>
        host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    private static async Task<(Dictionary<string, string> Fields, string Cookie)> SignInFormAsync(HttpClient client, string email)
    {
        using var page = await client.GetAsync("/account/login");
        return (AppFixture.SignInFields(await page.Content.ReadAsStringAsync(), email), Cookies(page));
    }

    private static async Task<HttpResponseMessage> PostWithCookieAsync(HttpClient client, string url, HttpContent content, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    /// <summary>The response's cookies as a request's Cookie header.</summary>
    private static string Cookies(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies.Select(c => c.Split(';')[0]) : []);

    /// <summary>A view's callback that counts what it hears and remembers the first notice.</summary>
    private sealed class HeardCount
    {
        private readonly TaskCompletionSource<MeetingChanged> first = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int count;

        public Task<MeetingChanged> First => first.Task;

        public int Count => Volatile.Read(ref count);

        public Task Hear(MeetingChanged change)
        {
            Interlocked.Increment(ref count);
            first.TrySetResult(change);
            return Task.CompletedTask;
        }
    }
}

/// <summary>
/// Instance A is the usual fixture's app; instance B a second host of the same app on the same database, started
/// after A has migrated and seeded it.
/// </summary>
public sealed class TwoInstanceFixture : IAsyncLifetime, IDatabaseFixture
{
    public DatabaseProvider Provider => DatabaseProvider.Postgres;

    private WebApplicationFactory<Program>? b;

    public PostgresAppFixture A { get; } = new();

    public WebApplicationFactory<Program> B => b ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync()
    {
        await A.InitializeAsync();
        b = A.Factory.WithWebHostBuilder(_ => { });
        _ = b.Server;
    }

    public async Task DisposeAsync()
    {
        if (b is not null)
        {
            await b.DisposeAsync();
        }

        await A.DisposeAsync();
    }
}
