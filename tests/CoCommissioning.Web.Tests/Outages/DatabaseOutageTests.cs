using CoCommissioning.Data;
using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using CoCommissioning.Web.Features.PublicRecords;
using CoCommissioning.Web.Infrastructure;
using CoCommissioning.Web.Tests.Api;
using CoCommissioning.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CoCommissioning.Web.Tests.Outages;

/// <summary>
/// PostgreSQL going away and coming back, on a cluster of the test's own (<see cref="PrivatePostgres"/>): during an
/// outage the app answers 503 (never 500), no write it answered 2xx is lost and none is half-saved, it serves again
/// once the database is back without a restart, and at start-up it waits for a database that is not up yet.
/// </summary>
public sealed class DatabaseOutageTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [PrivatePostgresFact]
    public async Task Writes_WhilePostgresStopsAndStartsAgain_FailOnlyAs503NoneAnswered2xxIsLostOrPartialAndTheAppRecovers()
    {
        await using var cluster = await PrivatePostgres.CreateAsync();
        await cluster.StartAsync();
        await using var factory = new CoWebFactory(cluster.Database());
        using var member = await factory.BearerClientAsync(DemoUsers.Member);
        using var anonymous = factory.AnonymousClient();
        var run = Guid.NewGuid().ToString("N")[..8];
        var writes = new ConcurrentQueue<Write>();
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(() => WriteUntilStoppedAsync(member, run, writes, stop.Token));

        await OutageScenario.WaitForAsync(() => writes.Count(w => w.Saved) >= 5, Patience, "writes before the outage");
        await cluster.StopAsync();
        var atStop = writes.Count;
        var liveWhileDown = await anonymous.StatusOfAsync("/health/live");
        var readyWhileDown = await anonymous.StatusOfAsync("/health/ready");
        await OutageScenario.WaitForAsync(() => writes.Skip(atStop).Count(w => w.Status == HttpStatusCode.ServiceUnavailable) >= 3, Patience, "writes refused during the outage");
        await cluster.StartAsync();
        var atRestart = writes.Count;
        await OutageScenario.WaitForAsync(() => writes.Skip(atRestart).Count(w => w.Saved) >= 5, Patience, "writes saved after the restart");
        await stop.CancelAsync();
        await writer;

        liveWhileDown.Should().Be(HttpStatusCode.OK, "live does not depend on the database");
        readyWhileDown.Should().Be(HttpStatusCode.ServiceUnavailable, "ready does");
        (await anonymous.StatusOfAsync("/health/ready")).Should().Be(HttpStatusCode.OK, "ready again once the database is back, without a restart");
        var all = writes.ToList();
        all.Where(w => !w.Saved && w.Status != HttpStatusCode.ServiceUnavailable).Should().BeEmpty("a database outage is a 503, never a 500");
        all.Where(w => w.Status == HttpStatusCode.ServiceUnavailable)
            .Should().OnlyContain(w => w.RetryAfter && (w.Title == DatabaseOutage.Unavailable.Title || w.Title == DatabaseOutage.CommitUnknown.Title), "a 503 says why and when to try again");

        var stored = await factory.WithDatabaseAsync(async db =>
        {
            var gifts = await db.GiftEntries.AsNoTracking().Where(g => g.Details.OfferorName.StartsWith($"Outage {run} ")).Select(g => new { g.Id, g.Details.OfferorName }).ToListAsync();
            var ids = gifts.Select(g => g.Id.ToString()).ToList();
            var audited = await db.AuditEntries.AsNoTracking().Where(a => ids.Contains(a.RecordId)).Select(a => a.RecordId).Distinct().ToListAsync();
            return (Offerors: gifts.Select(g => g.OfferorName).ToHashSet(), Unaudited: ids.Except(audited).ToList());
        });
        all.Where(w => w.Saved).Select(w => w.Offeror).Should().BeSubsetOf(stored.Offerors, "every write answered 2xx was committed");
        all.Where(w => w.Title == DatabaseOutage.Unavailable.Title).Select(w => w.Offeror).Should().NotIntersectWith(stored.Offerors, "a write refused as unavailable saved nothing");
        stored.Unaudited.Should().BeEmpty("a record and its audit entry are saved together or not at all");
    }

    [PrivatePostgresFact]
    public async Task Start_PostgresNotUpYet_WaitsLoggingEachAttemptThenMigratesSeedsAndServes()
    {
        await using var cluster = await PrivatePostgres.CreateAsync();
        var log = new CapturedLog();
        await using var app = new CoWebFactory(cluster.Database());
        await using var factory = app.Logging(log, TimeSpan.FromMinutes(3));
        var starting = Task.Run(() => factory.Server);
        var waiting = $"Waiting for the database at 127.0.0.1:{cluster.Port} (attempt 2): ";
        await OutageScenario.WaitForAsync(() => log.Contains(waiting) || starting.IsCompleted, Patience, $"\"{waiting}\" in the log");
        starting.IsCompleted.Should().BeFalse("the app waits for the database rather than stopping: {0}", starting.Exception);

        await cluster.StartAsync();
        await starting.WaitAsync(Patience);

        using var anonymous = factory.AnonymousClient();
        (await anonymous.StatusOfAsync("/health/ready")).Should().Be(HttpStatusCode.OK);
        (await anonymous.GetJsonAsync<List<PublicOrganisationDto>>("/api/public/organisations")).Select(o => o.Slug)
            .Should().BeEquivalentTo("example-ccg", "northfield-icb");
        log.Contains($"Waiting for the database at 127.0.0.1:{cluster.Port} (attempt 1): ").Should().BeTrue("each attempt is logged with its reason: {0}", log);
    }

    [PrivatePostgresFact]
    public async Task Start_PostgresNeverUp_FailsAfterTheStartupTimeoutSayingWhereAndWhy()
    {
        await using var cluster = await PrivatePostgres.CreateAsync();
        await using var app = new CoWebFactory(cluster.Database());
        await using var factory = app.Logging(new CapturedLog(), TimeSpan.FromSeconds(3));
        var start = () => Task.Run(() => factory.Server);

        var failure = await start.Should().ThrowAsync<Exception>();

        failure.Which.ToString().Should().Contain($"The database at 127.0.0.1:{cluster.Port} could not be reached within 00:00:03")
            .And.Contain(DatabaseStartup.TimeoutSetting);
    }

    [ProviderTheory]
    public async Task Health_DatabaseUp_LiveAndReadyAndTheOldAddressAnswerHealthy(DatabaseProvider provider)
    {
        await using var database = await TestDatabases.CreateAsync(provider);
        await using var factory = new CoWebFactory(database);
        using var anonymous = factory.AnonymousClient();

        foreach (var path in new[] { "/health/live", "/health/ready", "/health" })
        {
            using var response = await anonymous.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            response.StatusCode.Should().Be(HttpStatusCode.OK, "{0} answered {1}", path, body);
            JsonDocument.Parse(body).RootElement.GetProperty("status").GetString().Should().Be("Healthy");
            body.Contains("\"database\"", StringComparison.Ordinal).Should().Be(path != "/health/live", "only ready checks the database ({0})", path);
        }
    }

    private sealed record Write(string Offeror, HttpStatusCode? Status, string? Title, bool RetryAfter)
    {
        public bool Saved => Status is { } status && (int)status is >= 200 and < 300;
    }

    private static async Task WriteUntilStoppedAsync(HttpClient member, string run, ConcurrentQueue<Write> writes, CancellationToken stop)
    {
        for (var n = 1; !stop.IsCancellationRequested; n++)
        {
            var offeror = $"Outage {run} {n:D4}";
            try
            {
                using var response = await member.PostJsonAsync("/api/gifts", GiftTests.Offer(offeror, 30m));
                var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
                var title = body.StartsWith('{') ? JsonDocument.Parse(body).RootElement.TryGetProperty("title", out var t) ? t.GetString() : null : null;
                writes.Enqueue(new Write(offeror, response.StatusCode, title, response.Headers.RetryAfter is not null));
            }
            catch (HttpRequestException ex)
            {
                // The app let an exception escape its pipeline: recorded as a failure that is neither 2xx nor 503.
                writes.Enqueue(new Write(offeror, null, ex.Message, false));
            }

            await Task.Delay(50, CancellationToken.None);
        }
    }
}
