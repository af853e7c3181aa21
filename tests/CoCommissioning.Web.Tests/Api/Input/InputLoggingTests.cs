using System.Net;
using System.Text;
using System.Text.Json;
using CoCommissioning.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace CoCommissioning.Web.Tests.Api.Input;

/// <summary>
/// Issue 12 "Logs": a caller's mistake (malformed JSON) and an expected lost race (409) are not errors in the log. The
/// app's own Serilog configuration writes compact JSON to a file here, so the test reads what an operator would.
/// </summary>
public abstract class InputLoggingTests(AppFixture app) : IDisposable
{
    private readonly string logFile = Path.Combine(Path.GetTempPath(), $"coco-log-{Guid.NewGuid():N}.json");

    [DatabaseFact]
    public async Task MalformedJson_IsLoggedAsWarningWithoutException_NotAsError()
    {
        await using var logged = LoggingApp();
        using var secretary = Bearer(logged, await app.CreateTokenAsync(DemoUsers.Secretary, tokenName: "log test"));

        using var response = await secretary.PostAsync("/api/committees", new StringContent("{\"name\": \"Unfinished", Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var events = await EventsOfAsync(logged, "/api/committees");
        events.Should().NotContain(e => Level(e) == "Error" || Level(e) == "Fatal", "a malformed body is the caller's mistake: {0}", Dump(events));
        events.Should().NotContain(e => HasException(e), "no stack trace for a refused request: {0}", Dump(events));
        events.Should().Contain(e => Level(e) == "Warning" && e.GetProperty("@mt").GetString()!.StartsWith("Refused API request", StringComparison.Ordinal), Dump(events));
        events.Should().Contain(e => Level(e) == "Information" && StatusOf(e) == 400, "the request log states the status the caller got: {0}", Dump(events));
    }

    [DatabaseFact]
    public async Task LostRace409_IsNotLoggedAsError()
    {
        await using var logged = LoggingApp();
        using var secretary = Bearer(logged, await app.CreateTokenAsync(DemoUsers.Secretary, tokenName: "log test"));
        var committee = await secretary.CreateCommitteeAsync();
        var stale = new { name = committee.Name, type = committee.Type, level = committee.Level, purpose = "Changed first", version = committee.Version };
        using (var first = await secretary.PutJsonAsync($"/api/committees/{committee.Id}", stale))
        {
            first.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        using var second = await secretary.PutJsonAsync($"/api/committees/{committee.Id}", stale with { purpose = "Changed second" });

        second.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var events = await EventsOfAsync(logged, $"/api/committees/{committee.Id}");
        events.Should().NotContain(e => Level(e) == "Error" || Level(e) == "Fatal", "a lost race is answered as designed: {0}", Dump(events));
        events.Should().Contain(e => StatusOf(e) == 409, Dump(events));
    }

    public void Dispose()
    {
        GC.SuppressFinalize(this);
        if (File.Exists(logFile))
        {
            File.Delete(logFile);
        }
    }

    /// <summary>
    /// A second app on the fixture's database whose Serilog also writes to <see cref="logFile"/>. Through
    /// ConfigureAppConfiguration: the host's UseSetting values do not reach Serilog's ReadFrom.Configuration here.
    /// </summary>
    private WebApplicationFactory<Program> LoggingApp() =>
        app.Factory.WithWebHostBuilder(builder => builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Serilog:MinimumLevel:Default"] = "Information",
            ["Serilog:MinimumLevel:Override:Microsoft"] = "Warning",
            ["Serilog:MinimumLevel:Override:Microsoft.AspNetCore"] = "Warning",
            ["Serilog:WriteTo:99:Name"] = "File",
            ["Serilog:WriteTo:99:Args:path"] = logFile,
            ["Serilog:WriteTo:99:Args:formatter"] = "Serilog.Formatting.Compact.CompactJsonFormatter, Serilog.Formatting.Compact",
            ["Serilog:WriteTo:99:Args:shared"] = "true",
        })));

    private static HttpClient Bearer(WebApplicationFactory<Program> factory, string token)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>The events logged while serving requests to exactly this path.</summary>
    private async Task<List<JsonElement>> EventsOfAsync(WebApplicationFactory<Program> logged, string path)
    {
        // Disposing the host flushes and closes the file sink.
        await logged.DisposeAsync();
        var lines = File.Exists(logFile) ? await File.ReadAllLinesAsync(logFile) : [];
        return [.. lines.Where(l => l.Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement.Clone())
            .Where(e => e.TryGetProperty("RequestPath", out var p) && p.GetString() == path)];
    }

    // Compact JSON leaves out the level of Information events.
    private static string Level(JsonElement e) => e.TryGetProperty("@l", out var level) ? level.GetString()! : "Information";

    private static bool HasException(JsonElement e) => e.TryGetProperty("@x", out _);

    private static int? StatusOf(JsonElement e) => e.TryGetProperty("StatusCode", out var status) ? status.GetInt32() : null;

    private static string Dump(List<JsonElement> events) => string.Join("\n", events.Select(e => e.GetRawText()));
}

public sealed class PostgresInputLoggingTests(PostgresAppFixture app) : InputLoggingTests(app), IClassFixture<PostgresAppFixture>;

public sealed class SqliteInputLoggingTests(SqliteAppFixture app) : InputLoggingTests(app), IClassFixture<SqliteAppFixture>;
