using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using CoCommissioning.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace CoCommissioning.Web.Tests.Api.Input;

/// <summary>
/// Issue 12: at least a thousand malformed requests, generated from the OpenAPI document across every write endpoint
/// (and the query strings of the reads), replayed on PostgreSQL as an administrator of the demo organisation so they
/// reach the handlers. A 5xx anywhere is a bug at its cause; the failure lists each one.
/// </summary>
public abstract class BadInputSuiteTests(AppFixture app, ITestOutputHelper output)
{
    [DatabaseFact]
    public async Task MalformedWrites_AcrossEveryWriteEndpoint_NeverAnswer5xx()
    {
        var (requests, client) = await PrepareAsync();
        var versions = new Dictionary<string, JsonObject?>(StringComparer.Ordinal);
        foreach (var url in requests.Generator.WriteTemplates().Select(requests.UrlFor))
        {
            versions[url] = await VersionedRecordAsync(client, url);
        }

        var cases = requests.Generator.WriteCases(requests.UrlFor, url => versions.GetValueOrDefault(url)).ToList();

        var outcome = await ReplayAsync(client, cases);

        cases.Count.Should().BeGreaterThanOrEqualTo(1000);
        outcome.Operations.Should().BeGreaterThanOrEqualTo(60, "every write endpoint of the OpenAPI document is covered");
        outcome.ServerErrors.Should().BeEmpty("no malformed request may answer 5xx:\n{0}", string.Join("\n", outcome.ServerErrors));
    }

    [DatabaseFact]
    public async Task MalformedQueryStrings_AcrossEveryRead_NeverAnswer5xx()
    {
        var (requests, client) = await PrepareAsync();
        var cases = requests.Generator.QueryCases(requests.UrlFor).ToList();

        var outcome = await ReplayAsync(client, cases);

        cases.Count.Should().BeGreaterThanOrEqualTo(100);
        outcome.ServerErrors.Should().BeEmpty("no malformed query may answer 5xx:\n{0}", string.Join("\n", outcome.ServerErrors));
    }

    [DatabaseTheory]
    [InlineData("/api/declarations?status=99", "status")]
    [InlineData("/api/gifts?status=99", "status")]
    [InlineData("/api/declarations?status=-1", "status")]
    public async Task UndefinedEnumNumberInQuery_Returns400NamingTheParameter(string url, string field)
    {
        using var client = await app.CreateApiClientAsync(DemoUsers.Admin);

        using var response = await client.GetAsync(url);

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor(field).Should().NotBeEmpty();
    }

    private sealed record Outcome(int Operations, List<string> ServerErrors);

    private async Task<Outcome> ReplayAsync(HttpClient client, List<BadRequestCase> cases)
    {
        var watch = Stopwatch.StartNew();
        var serverErrors = new List<string>();
        var byStatus = new SortedDictionary<int, int>();
        var byOperation = new SortedDictionary<string, int>(StringComparer.Ordinal);

        // Endpoints side by side, each endpoint's requests in order: fast enough, and no request races its own neighbours.
        var groups = cases.GroupBy(c => $"{c.Method} {c.Template}");
        await Parallel.ForEachAsync(groups, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (group, ct) =>
        {
            foreach (var request in group)
            {
                using var message = request.ToMessage();
                using var response = await client.SendAsync(message, ct);
                var status = (int)response.StatusCode;
                var body = status >= 500 ? await response.Content.ReadAsStringAsync(ct) : null;
                lock (byStatus)
                {
                    byStatus[status] = byStatus.GetValueOrDefault(status) + 1;
                    byOperation[group.Key] = byOperation.GetValueOrDefault(group.Key) + 1;
                    if (body is not null)
                    {
                        var described = HttpExtensions.Describe(body);
                        serverErrors.Add($"{status} {request}: {described[..Math.Min(200, described.Length)]}");
                    }
                }
            }
        });

        output.WriteLine($"{cases.Count} requests in {watch.Elapsed.TotalSeconds:N1} s; by status: {string.Join(", ", byStatus.Select(s => $"{s.Key}: {s.Value}"))}");
        foreach (var (operation, count) in byOperation)
        {
            output.WriteLine($"  {count,4}  {operation}");
        }

        return new Outcome(byOperation.Count, serverErrors);
    }

    private async Task<(SuiteRequests Requests, HttpClient Client)> PrepareAsync()
    {
        var client = await app.CreateApiClientAsync(DemoUsers.Admin);
        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!.AsObject();
        var ids = await KnownIdsAsync(client);
        return (new SuiteRequests(new BadInputRequests(document, ids, EnumFirstNames()), ids), client);
    }

    /// <summary>Ids of real records, so a mutated body reaches the rules about that record rather than a 404.</summary>
    private static async Task<Dictionary<string, string>> KnownIdsAsync(HttpClient admin)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var committee = await admin.TheOnlySeededCommitteeAsync();
        ids["committeeId"] = committee.Id.ToString();
        var detail = await GetNodeAsync(admin, $"/api/committees/{committee.Id}");
        ids["membershipId"] = (string)detail!["memberships"]![0]!["id"]!;

        using (var scheduled = await admin.PostJsonAsync($"/api/committees/{committee.Id}/meetings?standingItems=false", new { title = ApiScenario.UniqueName("Bad input"), startsAt = DateTimeOffset.UtcNow.AddDays(30) }))
        {
            var meeting = JsonNode.Parse(await scheduled.Content.ReadAsStringAsync())!;
            ids["meetingId"] = (string)meeting["id"]!;
            using var added = await admin.PostJsonAsync($"/api/meetings/{ids["meetingId"]}/items", new { title = "An item", purpose = "Decision", isPrivate = false, version = (string)meeting["version"]! });
            var withItem = JsonNode.Parse(await added.Content.ReadAsStringAsync())!;
            ids["itemId"] = (string)withItem["items"]![0]!["id"]!;
        }

        await FirstIdAsync(admin, "/api/people", ids, "personId");
        await FirstIdAsync(admin, "/api/bodies", ids, "bodyId");
        await FirstIdAsync(admin, "/api/declarations", ids, "declarationId");
        await FirstIdAsync(admin, "/api/gifts", ids, "giftId");
        await FirstIdAsync(admin, "/api/declaration-cycles", ids, "cycleId");
        await FirstIdAsync(admin, "/api/procurement-decisions", ids, "procurementId");
        await FirstIdAsync(admin, "/api/breaches", ids, "breachId");
        await FirstIdAsync(admin, $"/api/committees/{committee.Id}/actions", ids, "actionId");
        if (await GetNodeAsync(admin, "/api/public/organisations") is JsonArray { Count: > 0 } organisations)
        {
            ids["slug"] = (string)organisations[0]!["slug"]!;
        }

        ids["number"] = "1";
        return ids;
    }

    /// <summary>The record the URL acts on (it, or the nearest resource above it), for its concurrency version.</summary>
    private static async Task<JsonObject?> VersionedRecordAsync(HttpClient client, string url)
    {
        var segments = url.Split('/');
        for (var length = segments.Length; length > 2; length--)
        {
            if (await GetNodeAsync(client, string.Join('/', segments[..length])) is JsonObject record && record.ContainsKey("version"))
            {
                return record;
            }
        }

        return null;
    }

    private static async Task FirstIdAsync(HttpClient client, string url, Dictionary<string, string> ids, string name)
    {
        if (await GetNodeAsync(client, url) is JsonArray { Count: > 0 } list && (string?)list[0]!["id"] is { } id)
        {
            ids[name] = id;
        }
    }

    private static async Task<JsonNode?> GetNodeAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        return response.StatusCode == HttpStatusCode.OK && response.Content.Headers.ContentType?.MediaType == "application/json"
            ? JsonNode.Parse(await response.Content.ReadAsStringAsync())
            : null;
    }

    private static Dictionary<string, string> EnumFirstNames()
    {
        var assemblies = new[] { typeof(Program).Assembly, typeof(CoCommissioning.Domain.Committees.CommitteeType).Assembly, typeof(CoCommissioning.Data.AppDbContext).Assembly };
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var type in assemblies.SelectMany(a => a.GetTypes()).Where(t => t.IsEnum))
        {
            names.TryAdd(type.Name, Enum.GetNames(type)[0]);
        }

        return names;
    }

    /// <summary>The generator with the URLs of real records, and each record's current version for the bodies that need one.</summary>
    private sealed class SuiteRequests(BadInputRequests generator, Dictionary<string, string> ids)
    {
        public BadInputRequests Generator { get; } = generator;

        public string UrlFor(string template)
        {
            // "{id}" is shared by several resources; which one follows from the collection it sits under.
            var scoped = new Dictionary<string, string>(ids);
            var idName = template switch
            {
                _ when template.StartsWith("/api/actions/", StringComparison.Ordinal) => "actionId",
                _ when template.StartsWith("/api/procurement-decisions/", StringComparison.Ordinal) => "procurementId",
                _ when template.StartsWith("/api/breaches/", StringComparison.Ordinal) => "breachId",
                _ => null,
            };
            if (idName is not null && ids.TryGetValue(idName, out var id))
            {
                scoped["id"] = id;
            }

            // Never the signed-in administrator's own token or account: a mutation that happens to be valid would lock the suite out.
            scoped.Remove("tokenId");
            scoped.Remove("userId");
            return BadInputRequests.Fill(template, scoped, "{}", "{}");
        }
    }
}

public sealed class PostgresBadInputSuiteTests(PostgresAppFixture app, ITestOutputHelper output) : BadInputSuiteTests(app, output), IClassFixture<PostgresAppFixture>;

public sealed class SqliteBadInputSuiteTests(SqliteAppFixture app, ITestOutputHelper output) : BadInputSuiteTests(app, output), IClassFixture<SqliteAppFixture>;
