extern alias JsonEverything;

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoCommissioning.Data;
using CoCommissioning.Data.Audit;
using CoCommissioning.Domain.Common;
using CoCommissioning.Domain.Decisions;
using CoCommissioning.Domain.Interests;
using CoCommissioning.Domain.People;
using CoCommissioning.Web.Data;
using CoCommissioning.Web.Features.OpenData;
using CoCommissioning.Web.Features.PublicMeetings;
using CoCommissioning.Web.Tests.Infrastructure;
using JsonEverything::Json.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CoCommissioning.Web.Tests.Infrastructure.MeetingScenario;

namespace CoCommissioning.Web.Tests.Api;

/// <summary>
/// The open data (ADR-0026), read anonymously on both providers: every dataset of the demo organisation validates
/// against its JSON Schema (draft 2020-12, formats checked); paging and updated_since behave; a withheld interest, a
/// private item and its paper, an unpublished meeting and a breach's internal description never appear in any
/// dataset, JSON or CSV; another organisation's records never appear.
/// </summary>
public abstract class OpenDataTests(AppFixture app)
{
    private const string Slug = DemoSeeder.ExampleSlug;
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    [DatabaseFact]
    public async Task EveryDataset_ValidatesAgainstItsSchema_AndHoldsThePublicRecordOnly()
    {
        var seeded = await SeedAsync();
        using var anonymous = app.CreateAnonymousClient();

        var documents = new Dictionary<string, string>();
        foreach (var dataset in OpenDataCatalogue.Datasets)
        {
            var schema = await SchemaAsync(anonymous, dataset.Name);
            var pages = await AllPagesAsync(anonymous, $"{dataset.JsonUrl(Slug)}?page_size=500");
            foreach (var page in pages)
            {
                Validate(schema, dataset.Name, page);
            }

            documents[dataset.Name] = string.Join("\n", pages);
            if (dataset.CsvUrl(Slug) is { } csv)
            {
                var text = await anonymous.GetStringAsync($"{csv}?page_size=500");
                text.Should().StartWith("id,", dataset.Name);
                documents[dataset.Name + ".csv"] = text;
            }
        }

        // What was seeded as public is there, in its standard shape.
        documents["events"].Should().Contain(seeded.MeetingId.ToString()).And.Contain(seeded.PublicItemTitle).And.Contain(seeded.BodyName)
            .And.Contain(seeded.PublicPaperTitle).And.Contain("pack.pdf").And.Contain(seeded.ShortNoticeReason);
        documents["motions"].Should().Contain(seeded.Resolution).And.Contain("\"result\":\"pass\"");
        documents["vote_events"].Should().Contain(seeded.DecisionId.ToString()).And.Contain("{\"option\":\"yes\",\"value\":4}");
        documents["releases"].Should().Contain(seeded.ProcurementTitle).And.Contain(seeded.ConflictsManagement).And.Contain("\"tag\":[\"award\"]")
            .And.Contain($"{OcdsReleaseBuilder.OcidPrefix}-{Slug}-{seeded.ProcurementId}")
            .And.Contain("\"classification\":{\"scheme\":\"CPV\",\"id\":\"85121000-3\"}", "the CPV code is the item's classification")
            .And.Contain("\"streetAddress\":\"1 High Street, Riverside RV1 1AA\"", "the provider's registered address is the supplier's")
            .And.Contain("\"socialValue\":\"Social value reasons\"", "the reasons against the key criteria are published")
            .And.Contain("\"process\":\"Most suitable provider\"");
        documents["interests"].Should().Contain(seeded.PublicInterest).And.Contain(seeded.InterestId.ToString());
        documents["interests.csv"].Should().Contain(seeded.PublicInterest);
        documents["breaches"].Should().Contain(seeded.BreachSummary);
        documents["persons"].Should().Contain(Chair);
        documents["memberships"].Should().Contain("\"role\":\"Chair\"");
        documents["organizations"].Should().Contain("\"classification\":\"committee\"");

        // What is not public is nowhere: no canary, and not the unpublished meeting's id.
        foreach (var (name, body) in documents)
        {
            body.Should().NotContain(seeded.Canary, name).And.NotContain(seeded.UnpublishedMeetingId.ToString(), name)
                .And.NotContain("Northfield", name).And.NotContain("@", name);
        }

        // Each record's id is its own address.
        var first = JsonNode.Parse(documents["events"].Split('\n')[0])!["results"]!.AsArray().First(e => e!["id"]!.GetValue<string>().EndsWith(seeded.MeetingId.ToString(), StringComparison.Ordinal))!;
        var one = await anonymous.GetStringAsync(first["id"]!.GetValue<string>());
        Validate(await SchemaAsync(anonymous, "events"), "events", one);
        JsonNode.Parse(one)!["total"]!.GetValue<int>().Should().Be(1);
        using (var unpublished = await anonymous.GetAsync($"/public/{Slug}/data/events/{seeded.UnpublishedMeetingId}"))
        {
            unpublished.StatusCode.Should().Be(HttpStatusCode.NotFound);
        }

        // updated_since on the datasets read through the public services: the meeting changed during the seeding
        // (its items, papers and publication are parts of it), the decision was taken then; nothing changed tomorrow.
        var since = Uri.EscapeDataString(seeded.Before.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        (await anonymous.GetStringAsync($"/public/{Slug}/data/events?updated_since={since}")).Should().Contain(seeded.MeetingId.ToString());
        (await anonymous.GetStringAsync($"/public/{Slug}/data/motions?updated_since={since}")).Should().Contain(seeded.DecisionId.ToString());
        (await anonymous.GetStringAsync($"/public/{Slug}/data/releases?updated_since={since}")).Should().Contain(seeded.ProcurementId.ToString());
        foreach (var dataset in OpenDataCatalogue.Datasets)
        {
            var later = JsonNode.Parse(await anonymous.GetStringAsync($"{dataset.JsonUrl(Slug)}?updated_since={Today.AddDays(2):yyyy-MM-dd}"))!;
            later["total"]!.GetValue<int>().Should().Be(0, dataset.Name);
        }

        using (var withheld = await anonymous.GetAsync($"/public/{Slug}/data/interests/{seeded.WithheldInterestId}"))
        {
            withheld.StatusCode.Should().Be(HttpStatusCode.NotFound);
        }
    }

    [DatabaseFact]
    public async Task Paging_NextLinks_WalkEveryRecordOnce_AndBadParametersAre400()
    {
        using var anonymous = app.CreateAnonymousClient();
        var all = JsonNode.Parse(await anonymous.GetStringAsync($"/public/{Slug}/data/memberships?page_size=500"))!;
        var total = all["total"]!.GetValue<int>();
        total.Should().BeGreaterThan(2);

        var seen = new List<string>();
        string? next = $"/public/{Slug}/data/memberships?page_size=2";
        while (next is not null)
        {
            var page = JsonNode.Parse(await anonymous.GetStringAsync(next))!;
            page["total"]!.GetValue<int>().Should().Be(total);
            page["page_size"]!.GetValue<int>().Should().Be(2);
            seen.AddRange(page["results"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()));
            next = page["next"]?.GetValue<string>();
        }

        seen.Should().OnlyHaveUniqueItems().And.BeEquivalentTo(all["results"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()));

        using var csv = await anonymous.GetAsync($"/public/{Slug}/data/interests.csv?page_size=1");
        csv.StatusCode.Should().Be(HttpStatusCode.OK);
        csv.Headers.GetValues("X-Total-Count").Single().Should().NotBe("0");
        (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(2, "a header and one row");

        foreach (var bad in new[] { "page_size=501", "page_size=0", "page=0", "page=x", "updated_since=yesterday", "updated_since=2026-01-01T10:00:00" })
        {
            using var response = await anonymous.GetAsync($"/public/{Slug}/data/persons?{bad}");
            response.StatusCode.Should().Be(HttpStatusCode.BadRequest, bad);
        }

        using var unknown = await anonymous.GetAsync("/public/no-such-organisation/data/persons");
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [DatabaseFact]
    public async Task UpdatedSince_ReturnsOnlyRecordsChangedAtOrAfterIt()
    {
        using var anonymous = app.CreateAnonymousClient();
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var (organisation, _) = await OrganisationsAsync();
        var interest = $"Open data updated_since {Guid.NewGuid():N}";
        var person = Must(Person.Create(organisation, ApiScenario.UniqueName("Updated Since Person"), null, "GP partner", isDecisionMakingStaff: true));
        var declaration = Must(Declaration.Declare(organisation, person.Id, new InterestDetails(InterestCategory.Financial, true, null, null, interest, Today.AddYears(-1), null, null), Today));
        Check(declaration.Accept(Guid.NewGuid(), "Sophie Turner", null, Today));
        await SaveAsync(db => { db.People.Add(person); db.Declarations.Add(declaration); });

        var since = Uri.EscapeDataString(before.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffffzzz", System.Globalization.CultureInfo.InvariantCulture));
        var changed = JsonNode.Parse(await anonymous.GetStringAsync($"/public/{Slug}/data/interests?updated_since={since}"))!;
        var everything = JsonNode.Parse(await anonymous.GetStringAsync($"/public/{Slug}/data/interests?page_size=500"))!;
        var future = JsonNode.Parse(await anonymous.GetStringAsync($"/public/{Slug}/data/interests?updated_since={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(1).ToString("O", System.Globalization.CultureInfo.InvariantCulture))}"))!;
        var dateOnly = JsonNode.Parse(await anonymous.GetStringAsync($"/public/{Slug}/data/interests?updated_since={Today.AddDays(1):yyyy-MM-dd}"))!;

        changed["results"]!.AsArray().Select(r => r!["nature"]!.GetValue<string>()).Should().Contain(interest);
        changed["total"]!.GetValue<int>().Should().BeLessThan(everything["total"]!.GetValue<int>(), "the seeded entries were not changed since");
        changed["updated_since"]!.GetValue<string>().Should().NotBeNull();
        future["total"]!.GetValue<int>().Should().Be(0);
        dateOnly["total"]!.GetValue<int>().Should().Be(0);
    }

    [DatabaseFact]
    public async Task AnotherOrganisationsRecords_NeverAppear()
    {
        var (example, northfield) = await OrganisationsAsync();
        var canary = $"NORTHFIELD-ONLY-{Guid.NewGuid():N}";
        await SaveAsync(db =>
        {
            db.Breaches.Add(Must(Breach.Record(northfield, Today, null, canary, null, null, $"Summary {canary}", "Training.", Today)));
            db.ProcurementDecisions.Add(Must(ProcurementDecision.Record(northfield, new ProcurementDetails($"Contract {canary}", new DateOnly(2023, 6, 1), "Service", ProcurementRoute.DirectAward, 1m, null, null, null, null, "Supplier", null, null), Today)));
        });
        using var anonymous = app.CreateAnonymousClient();

        foreach (var dataset in OpenDataCatalogue.Datasets)
        {
            var body = string.Join("\n", await AllPagesAsync(anonymous, $"{dataset.JsonUrl(Slug)}?page_size=500"));
            body.Should().NotContain(canary, dataset.Name).And.NotContain(northfield.ToString(), dataset.Name);
            var theirs = string.Join("\n", await AllPagesAsync(anonymous, $"{dataset.JsonUrl(DemoSeeder.NorthfieldSlug)}?page_size=500"));
            theirs.Should().NotContain(example.ToString(), dataset.Name).And.NotContain("Example CCG", dataset.Name);
        }

        (await anonymous.GetStringAsync($"/public/{DemoSeeder.NorthfieldSlug}/data/breaches")).Should().Contain($"Summary {canary}");
    }

    [DatabaseFact]
    public async Task DataPage_DescribesEveryDataset_AndIsLinkedFromTheOrganisationPage()
    {
        using var anonymous = app.CreateAnonymousClient();
        var page = await anonymous.GetStringAsync($"/public/{Slug}/data");
        var home = await anonymous.GetStringAsync($"/public/{Slug}");

        home.Should().Contain($"href=\"/public/{Slug}/data\"");
        page.Should().Contain("Open Government Licence v3.0").And.Contain("updated_since").And.Contain("page_size").And.Contain("nhsuk-header");
        foreach (var dataset in OpenDataCatalogue.Datasets)
        {
            page.Should().Contain(dataset.JsonUrl(Slug)).And.Contain(dataset.SchemaUrl);
            if (dataset.CsvUrl(Slug) is { } csv)
            {
                page.Should().Contain(csv);
            }
        }

        var openApi = await anonymous.GetStringAsync("/openapi/v1.json");
        openApi.Should().Contain("\"/public/{slug}/data/events\"").And.Contain("\"Open data\"");
        using var extension = await anonymous.GetAsync(OcdsReleaseBuilder.ExtensionUrl);
        extension.StatusCode.Should().Be(HttpStatusCode.OK);
        using var noSchema = await anonymous.GetAsync("/public/data/schemas/nothing.json");
        noSchema.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    internal static async Task<JsonSchema> SchemaAsync(HttpClient client, string name)
    {
        using var response = await client.GetAsync(OpenDataCatalogue.SchemaUrl(name));
        response.StatusCode.Should().Be(HttpStatusCode.OK, name);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/schema+json");
        return JsonSchema.FromText(await response.Content.ReadAsStringAsync(), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
    }

    internal static void Validate(JsonSchema schema, string name, string json)
    {
        using var document = JsonDocument.Parse(json);
        var result = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .Select(d => $"{d.InstanceLocation}: {string.Join("; ", d.Errors!.Values)}");
        result.IsValid.Should().BeTrue($"{name} must match its schema: {string.Join(" | ", errors)}\n{json[..Math.Min(json.Length, 2000)]}");
    }

    /// <summary>Every page of a dataset, following next.</summary>
    internal static async Task<List<string>> AllPagesAsync(HttpClient client, string url)
    {
        var pages = new List<string>();
        string? next = url;
        while (next is not null && pages.Count < 50)
        {
            using var response = await client.GetAsync(next);
            var body = await response.Content.ReadAsStringAsync();
            response.StatusCode.Should().Be(HttpStatusCode.OK, $"{next}: {body}");
            pages.Add(body);
            var root = JsonNode.Parse(body)!;
            next = (root["next"] ?? root["links"]?["next"])?.GetValue<string>();
        }

        return pages;
    }

    private sealed record Seeded(
        string Canary, Guid MeetingId, Guid UnpublishedMeetingId, string PublicItemTitle, string PublicPaperTitle, string BodyName, string ShortNoticeReason,
        string Resolution, Guid DecisionId, Guid ProcurementId, string ProcurementTitle, string ConflictsManagement, Guid InterestId, string PublicInterest,
        Guid WithheldInterestId, string BreachSummary, DateTimeOffset Before);

    /// <summary>
    /// A meeting with a public item affecting a body (with a public and a private paper) and a private item, published
    /// at short notice and decided by a vote; an unpublished meeting; withheld and accepted interests; a procurement
    /// decision with conflicts; a breach. Canary text goes in every private field.
    /// </summary>
    private async Task<Seeded> SeedAsync()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var run = Guid.NewGuid().ToString("N");
        var canary = $"OPEN-DATA-CANARY-{run}";
        using var meeting = await MeetingScenario.StartAsync(app, DateTimeOffset.UtcNow.AddSeconds(15));
        var (organisation, _) = await OrganisationsAsync();
        string bodyName;
        Guid bodyId;
        await using (var read = await Dbs.CreateForReadingAsync())
        {
            var body = await read.ExternalBodies.Where(b => b.OrganisationId == organisation).OrderBy(b => b.Name).Select(b => new { b.Id, b.Name }).FirstAsync();
            (bodyId, bodyName) = (body.Id, body.Name);
        }

        var publicItemTitle = $"Open data item {run}";
        var publicItem = await meeting.AddItemAffectingAsync(publicItemTitle, bodyId);
        var privateItem = await meeting.AddPrivateItemAsync($"{canary} private item");
        var publicPaperTitle = $"Open data paper {run}";
        await UploadAsync(meeting, publicItem, publicPaperTitle, isPublic: true);
        await UploadAsync(meeting, publicItem, $"{canary} private paper", isPublic: false);
        await UploadAsync(meeting, privateItem, $"{canary} private item paper", isPublic: false);
        await meeting.RefreshAsync();
        var shortNoticeReason = $"Urgent {run}";
        await meeting.ChangeAsync("agenda/publish", new { shortNoticeReason, version = meeting.Meeting.Version });

        using var unpublished = await MeetingScenario.StartAsync(app, DateTimeOffset.UtcNow.AddDays(20));
        await unpublished.AddItemAsync($"{canary} unpublished item");

        await Task.Delay(meeting.Meeting.StartsAt - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(300) is { Ticks: > 0 } wait ? wait : TimeSpan.Zero);
        await meeting.ArriveAsync(Chair, Nurse, Gp, ChiefOfficer, ChiefFinanceOfficer);
        var resolution = $"Approve the open data item {run}";
        using (var vote = await meeting.PostVoteAsync(meeting.AllFor(Chair, Nurse, Gp, ChiefOfficer), resolution: resolution, itemId: publicItem))
        {
            vote.StatusCode.Should().Be(HttpStatusCode.Created, await vote.Content.ReadAsStringAsync());
        }

        var decisionId = (await meeting.DecisionsAsync()).Single(d => d.ItemId == publicItem).Id;

        var person = Must(Person.Create(organisation, $"Open Data Person {run}", $"{canary}@example.org", "GP partner", isDecisionMakingStaff: true));
        var publicInterest = $"Public interest {run}";
        var accepted = Must(Declaration.Declare(organisation, person.Id, new InterestDetails(InterestCategory.Financial, true, null, null, publicInterest, Today.AddYears(-1), null, null), Today));
        Check(accepted.Accept(Guid.NewGuid(), "Sophie Turner", null, Today));
        var withheld = Must(Declaration.Declare(organisation, person.Id, new InterestDetails(InterestCategory.Financial, true, null, null, $"{canary} withheld", Today.AddYears(-1), null, null), Today));
        Check(withheld.Accept(Guid.NewGuid(), "Sophie Turner", null, Today));
        Check(withheld.Withhold($"{canary} withholding reason"));
        var unreviewed = Must(Declaration.Declare(organisation, person.Id, new InterestDetails(InterestCategory.Financial, true, null, null, $"{canary} unreviewed", Today.AddYears(-1), null, null), Today));
        var procurementTitle = $"Minor surgery contract {run}";
        var management = $"The conflicted member left the room {run}";
        var procurement = Must(ProcurementDecision.Record(organisation, new ProcurementDetails(procurementTitle, Today, "Minor surgery", ProcurementRoute.MostSuitableProvider, 120_000m,
            meeting.CommitteeId, "A member is a partner at the provider", management, null, "Riverside Federation", Today.AddMonths(1), Today.AddYears(2)), Today,
            new PsrDetails
            {
                CpvCode = "85121000-3",
                ProviderAddress = "1 High Street, Riverside RV1 1AA",
                StandstillEndsOn = Today,
                DecisionMakers = "Margaret Hughes, Chair",
                QualityAndInnovation = "Quality reasons",
                Value = "Value reasons",
                IntegrationCollaborationAndSustainability = "Integration reasons",
                AccessInequalitiesAndChoice = "Access reasons",
                SocialValue = "Social value reasons",
                NoticeReference = $"FTS-{run[..8]}",
            }));
        var breachSummary = $"A declaration was made late {Guid.NewGuid():N}";
        var breach = Must(Breach.Record(organisation, Today, null, $"{canary} internal description", person.Id, person.FullName, breachSummary, "Reminder given.", Today));
        await SaveAsync(db =>
        {
            db.People.Add(person);
            db.Declarations.AddRange(accepted, withheld, unreviewed);
            db.ProcurementDecisions.Add(procurement);
            db.Breaches.Add(breach);
        });

        return new Seeded(canary, meeting.MeetingId, unpublished.MeetingId, publicItemTitle, publicPaperTitle, bodyName, shortNoticeReason, resolution, decisionId,
            procurement.Id, procurementTitle, management, accepted.Id, publicInterest, withheld.Id, breachSummary, before);
    }

    private GovernanceDbFactory Dbs => app.Factory.Services.GetRequiredService<GovernanceDbFactory>();

    private async Task<(Guid Example, Guid Northfield)> OrganisationsAsync()
    {
        await using var read = await Dbs.CreateForReadingAsync();
        var ids = await read.Organisations.Where(o => o.Slug == Slug || o.Slug == DemoSeeder.NorthfieldSlug).ToDictionaryAsync(o => o.Slug, o => o.Id);
        return (ids[Slug], ids[DemoSeeder.NorthfieldSlug]);
    }

    private async Task SaveAsync(Action<AppDbContext> change)
    {
        await using var db = await Dbs.CreateAsync(AuditActor.System("open data test"));
        change(db);
        await db.SaveChangesAsync();
    }

    private static async Task UploadAsync(MeetingScenario meeting, Guid itemId, string title, bool isPublic)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", "paper.pdf");
        form.Add(new StringContent(title), "title");
        form.Add(new StringContent(isPublic ? "true" : "false"), "isPublic");
        using var response = await meeting.Secretary.PostAsync($"{meeting.Url}/items/{itemId}/papers", form);
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    private static T Must<T>(CommandResult<T> result) =>
        result.Succeeded ? result.Value! : throw new InvalidOperationException(result.Failure!.Message);

    private static void Check(CommandResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(result.Failure!.Message);
        }
    }
}

public sealed class PostgresOpenDataTests(PostgresAppFixture app) : OpenDataTests(app), IClassFixture<PostgresAppFixture>;

public sealed class SqliteOpenDataTests(SqliteAppFixture app) : OpenDataTests(app), IClassFixture<SqliteAppFixture>;
