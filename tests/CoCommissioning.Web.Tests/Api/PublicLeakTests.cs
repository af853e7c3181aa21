using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CoCommissioning.Data;
using CoCommissioning.Data.Audit;
using CoCommissioning.Domain.Common;
using CoCommissioning.Domain.Interests;
using CoCommissioning.Domain.Meetings;
using CoCommissioning.Domain.People;
using CoCommissioning.Domain.Quorum;
using CoCommissioning.Web.Data;
using CoCommissioning.Web.Features.Meetings;
using CoCommissioning.Web.Features.Minutes;
using CoCommissioning.Web.Features.OpenData;
using CoCommissioning.Web.Features.PublicMeetings;
using CoCommissioning.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static CoCommissioning.Web.Tests.Infrastructure.MeetingScenario;

namespace CoCommissioning.Web.Tests.Api;

/// <summary>
/// The leak test (issue 6), on PostgreSQL: canary text is put in every private field (private items, private papers
/// with their file names and bytes, an unpublished agenda, draft minutes, the private part of approved minutes,
/// declarations and rulings on a private item, the exclusion reason, withheld and unreviewed register entries), then
/// everything public is crawled anonymously (every same-site link from /public, the feeds, the register downloads,
/// every GET under /api/public in the OpenAPI document, the open data (every dataset, JSON and CSV, and every record id
/// and link in it), papers and the minutes PDF, and the public search, page and
/// JSON, for every canary's own words), and no canary may appear in any body or header. The short-notice reason is
/// public since ADR-0024 (it is shown with the agenda): the crawl checks that it is there.
/// </summary>
public abstract partial class PublicLeakTests(AppFixture app, ITestOutputHelper output)
{
    private const string Slug = DemoSeeder.ExampleSlug;
    private const int MaxUrls = 500;
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);
    private static readonly string[] Registers = ["interests", "gifts", "procurement", "breaches"];

    /// <summary>The words after the marker in each canary seeded below: what a visitor would search for.</summary>
    private static readonly string[] CanaryWords =
    [
        "private-item-title", "private-item-presenter", "private-paper-title", "private-item-paper-title", "declared-interest-private-item",
        "ruling-interest-private-item", "exclusion-reason", "private-resolution", "private-item-narrative-approved", "correction-reason",
        "draft-narrative-public-item", "unpublished-meeting-item", "unpublished-presenter", "withheld-declaration", "withholding-reason",
        "unreviewed-declaration", "withheld-gift", "gift-withholding-reason", "unreviewed-gift",
    ];

    [DatabaseFact]
    public async Task AnonymousCrawl_OfEverythingPublic_FindsNoCanary()
    {
        var run = Guid.NewGuid().ToString("N");
        var marker = $"CANARY-{run}";
        string C(string what) => $"{marker}-{what}";
        var seeded = await SeedAsync(run, C);

        using var anonymous = app.CreateAnonymousClient();
        var crawl = new Crawl(anonymous, marker);
        crawl.Enqueue("/public", $"/public/{Slug}");
        await crawl.RunAsync();

        // The feeds and downloads, whether or not a page links to them.
        crawl.Enqueue($"/public/{Slug}/meetings.ics");
        crawl.Enqueue([.. Registers.SelectMany(r => new[] { $"/public/{Slug}/registers/{r}.csv", $"/public/{Slug}/registers/{r}.json" })]);
        await crawl.RunAsync();

        // The open data (ADR-0026): every dataset, JSON (one page of all, and pages of one to walk the next links) and
        // CSV, and each meeting's event by its id (an unpublished meeting's is a 404). Record ids, next links and
        // document links in the JSON are absolute addresses on this site: the crawler follows them too.
        crawl.Enqueue([.. OpenDataCatalogue.Datasets.SelectMany(d => new[] { $"{d.JsonUrl(Slug)}?page_size=500", $"{d.JsonUrl(Slug)}?page_size=1", d.CsvUrl(Slug) is { } csv ? $"{csv}?page_size=500" : null })
            .OfType<string>()]);
        crawl.Enqueue([.. crawl.MeetingIds.Append(seeded.UnpublishedMeetingId).Select(id => $"/public/{Slug}/data/events/{id}")]);
        await crawl.RunAsync();

        // Every GET under /api/public in the OpenAPI document, with the slug and the ids the crawl has met.
        var openApi = await crawl.FetchAsync("/openapi/v1.json");
        using (var document = JsonDocument.Parse(openApi))
        {
            foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject()
                         .Where(p => p.Name.StartsWith("/api/public", StringComparison.Ordinal) && p.Value.TryGetProperty("get", out _)))
            {
                crawl.Enqueue([.. Expand(path.Name, crawl)]);
            }
        }

        await crawl.RunAsync();

        // The public search (ADR-0024), as a page and as JSON, for each canary's own words (a leak would show the whole
        // canary in a result) and for the seeded public words (which it must find).
        string[] terms = [.. CanaryWords, run, "Merger of Riverside"];
        crawl.Enqueue([.. terms.SelectMany(t => new[] { $"/public/{Slug}/search?q={Uri.EscapeDataString(t)}", $"/api/public/organisations/{Slug}/search?q={Uri.EscapeDataString(t)}" })]);
        await crawl.RunAsync();

        // The minutes PDF's text is compressed and set in subset fonts: check what it draws through the JSON it renders.
        var minutesJson = await anonymous.GetJsonAsync<PublicMinutesDto>($"/api/public/organisations/{Slug}/meetings/{seeded.MeetingId}/minutes");
        var pdf = await anonymous.GetByteArrayAsync(PublicMeetingsService.MinutesPdfUrl(Slug, seeded.MeetingId));
        var drawn = PublicMinutes.DrawnText(pdf, minutesJson);

        output.WriteLine($"Crawled {crawl.Visited.Count} URLs ({crawl.Statuses.Count(s => s.Value == HttpStatusCode.OK)} answered 200).");
        foreach (var (url, status) in crawl.Statuses.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{(int)status} {url}");
        }

        crawl.Leaks.Should().BeEmpty("no private text may reach a public response");
        drawn.Should().NotContain(marker).And.Contain("Merger of Riverside and Northgate");

        // A crawler that found nothing would pass vacuously: it must have reached the pages that show the seeded record.
        var meetingUrl = PublicMeetingsService.MeetingUrl(Slug, seeded.MeetingId);
        var minutesUrl = PublicMeetingsService.MinutesUrl(Slug, seeded.MeetingId);
        crawl.Visited.Should().Contain([
            meetingUrl, minutesUrl, PublicMeetingsService.MinutesPdfUrl(Slug, seeded.MeetingId), PublicMeetingsService.PaperUrl(Slug, seeded.PublicPaperId),
            PublicMeetingsService.MeetingUrl(Slug, seeded.UnpublishedMeetingId), $"/public/{Slug}/decisions", $"/public/{Slug}/committees",
            $"/api/public/organisations/{Slug}/meetings/{seeded.MeetingId}", $"/api/public/organisations/{Slug}/meetings/{seeded.MeetingId}/minutes",
            $"/api/public/organisations/{Slug}/registers/interests/not-declared",
            .. Registers.Select(r => $"/public/{Slug}/registers/{r}")]);
        crawl.Bodies[meetingUrl].Should().Contain("Merger of Riverside and Northgate").And.Contain(seeded.PublicPaperTitle).And.Contain(minutesUrl)
            .And.Contain(seeded.ShortNoticeReason);
        crawl.Visited.Should().Contain(url => url.StartsWith($"/public/{Slug}/committees/", StringComparison.Ordinal), "the committee pages (with their members) are crawled");
        crawl.Bodies[$"/public/{Slug}/search?q={run}"].Should().Contain(seeded.PublicResolution).And.Contain(seeded.PublicInterest).And.Contain(seeded.PublicGift);
        crawl.Bodies[$"/api/public/organisations/{Slug}/search?q={run}"].Should().Contain(seeded.PublicResolution).And.Contain(seeded.PublicInterest);
        crawl.Bodies[$"/public/{Slug}/search?q={Uri.EscapeDataString("Merger of Riverside")}"].Should().Contain("Merger of Riverside and Northgate");
        crawl.Bodies[minutesUrl].Should().Contain(seeded.PublicNarrative);
        crawl.Bodies[$"/public/{Slug}/decisions"].Should().Contain(seeded.PublicResolution);
        crawl.Bodies[$"/public/{Slug}/registers/interests.json"].Should().Contain(seeded.PublicInterest);
        crawl.Bodies[$"/public/{Slug}/registers/gifts.json"].Should().Contain(seeded.PublicGift);
        crawl.Bodies[PublicMeetingsService.PaperUrl(Slug, seeded.PublicPaperId)].Should().Contain(seeded.PublicPaperBytes);
        var psrPage = $"/public/{Slug}/registers/procurement/{seeded.PsrId}";
        crawl.Visited.Should().Contain(psrPage, "the register links each decision's public page");
        crawl.Bodies[psrPage].Should().Contain("in the part of the meeting held in private").And.Contain("1 conflict of interest was declared");
        crawl.Visited.Count.Should().BeGreaterThan(30);
        crawl.Visited.Should().Contain($"/public/{Slug}/data", "the organisation's pages link to the open data");
        crawl.Bodies[$"/public/{Slug}/data/interests?page_size=500"].Should().Contain(seeded.PublicInterest);
        crawl.Bodies[$"/public/{Slug}/data/events?page_size=500"].Should().Contain(seeded.MeetingId.ToString()).And.Contain(seeded.PublicPaperTitle)
            .And.NotContain(seeded.UnpublishedMeetingId.ToString());
        crawl.Bodies[$"/public/{Slug}/data/motions?page_size=500"].Should().Contain(seeded.PublicResolution);
        crawl.Statuses[$"/public/{Slug}/data/events/{seeded.UnpublishedMeetingId}"].Should().Be(HttpStatusCode.NotFound);
        crawl.Visited.Should().Contain(url => url.StartsWith($"/public/{Slug}/data/memberships/", StringComparison.Ordinal), "record ids are followed");
    }

    // --- the crawler ------------------------------------------------------------------------------------------------

    private sealed partial class Crawl(HttpClient client, string marker)
    {
        private static readonly Uri Site = new("http://localhost/");
        private readonly Queue<string> queue = new();

        public HashSet<string> Visited { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, HttpStatusCode> Statuses { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> Bodies { get; } = new(StringComparer.Ordinal);

        public List<string> Leaks { get; } = [];

        public HashSet<Guid> MeetingIds { get; } = [];

        public HashSet<Guid> CommitteeIds { get; } = [];

        public void Enqueue(params string[] urls)
        {
            foreach (var url in urls)
            {
                if (!Visited.Contains(url) && !queue.Contains(url))
                {
                    queue.Enqueue(url);
                }
            }
        }

        public async Task RunAsync()
        {
            while (queue.Count > 0 && Visited.Count < MaxUrls)
            {
                var url = queue.Dequeue();
                if (Visited.Contains(url))
                {
                    continue;
                }

                var body = await FetchAsync(url);
                foreach (Match match in Ids().Matches(url).Concat(JsonIds().Matches(body)))
                {
                    (match.Groups["kind"].Value.StartsWith("meeting", StringComparison.Ordinal) ? MeetingIds : CommitteeIds).Add(Guid.Parse(match.Groups["id"].Value));
                }

                foreach (var link in Links(body))
                {
                    Enqueue(link);
                }
            }
        }

        /// <summary>GETs the URL anonymously, records it, and checks the body (as UTF-8 and as raw bytes) and headers for the canary.</summary>
        public async Task<string> FetchAsync(string url)
        {
            Visited.Add(url);
            using var response = await client.GetAsync(url);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            var text = Encoding.UTF8.GetString(bytes);
            Statuses[url] = response.StatusCode;
            Bodies[url] = text;
            if (text.Contains(marker, StringComparison.OrdinalIgnoreCase))
            {
                Leaks.Add($"{url} (body): {Around(text)}");
            }
            else if (Encoding.Latin1.GetString(bytes).Contains(marker, StringComparison.OrdinalIgnoreCase))
            {
                Leaks.Add($"{url} (raw bytes)");
            }

            var headers = string.Join("\n", response.Headers.Concat(response.Content.Headers).Select(h => $"{h.Key}: {string.Join(", ", h.Value)}"));
            if (headers.Contains(marker, StringComparison.OrdinalIgnoreCase) || Uri.UnescapeDataString(headers).Contains(marker, StringComparison.OrdinalIgnoreCase))
            {
                Leaks.Add($"{url} (headers): {headers}");
            }

            return text;
        }

        private string Around(string text)
        {
            var at = text.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
            return text.Substring(Math.Max(0, at - 200), Math.Min(text.Length - Math.Max(0, at - 200), 400 + marker.Length));
        }

        /// <summary>Same-site links: href and src attributes of HTML, and /public/... strings (relative or on this site) in JSON.</summary>
        private static IEnumerable<string> Links(string body)
        {
            var found = Attributes().Matches(body).Select(m => WebUtility.HtmlDecode(m.Groups["url"].Value))
                .Concat(JsonPublicUrls().Matches(body).Select(m => m.Groups["url"].Value));
            foreach (var raw in found)
            {
                // Relative links resolve against the pages' <base href="/">; other hosts and schemes are not followed.
                if (raw.StartsWith('#') || !Uri.TryCreate(Site, raw.Split('#')[0], out var absolute) || absolute.Host != Site.Host || absolute.Scheme != Site.Scheme)
                {
                    continue;
                }

                yield return absolute.PathAndQuery;
            }
        }

        [GeneratedRegex("""(?:href|src)\s*=\s*["'](?<url>[^"']+)["']""", RegexOptions.IgnoreCase)]
        private static partial Regex Attributes();

        [GeneratedRegex("""
            "(?:http://localhost)?(?<url>/public/[^"\s]+)"
            """)]
        private static partial Regex JsonPublicUrls();

        /// <summary>"id" of a meeting or committee in the public JSON, and "meetingId"/"committeeId" fields.</summary>
        [GeneratedRegex("""
            "(?<kind>meeting|committee)Id":"(?<id>[0-9a-fA-F-]{36})"
            """)]
        private static partial Regex JsonIds();

        [GeneratedRegex("/(?<kind>meetings|committees)/(?<id>[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})")]
        private static partial Regex Ids();
    }

    /// <summary>An OpenAPI path with each parameter replaced by every value the crawl has met for it.</summary>
    private static IEnumerable<string> Expand(string template, Crawl crawl)
    {
        IEnumerable<string> paths = [template];
        foreach (Match parameter in Regex.Matches(template, @"\{(?<name>[^}:]+)(:[^}]*)?\}"))
        {
            var name = parameter.Groups["name"].Value;
            IEnumerable<string> values = name switch
            {
                "slug" => [Slug],
                "meetingId" => crawl.MeetingIds.Select(i => i.ToString()),
                "committeeId" => crawl.CommitteeIds.Select(i => i.ToString()),
                "register" => Registers,
                _ => throw new InvalidOperationException($"The leak test does not know what to put in {{{name}}} of {template}: teach it."),
            };
            var list = values.ToList();
            paths = [.. paths.SelectMany(p => list.Select(v => p.Replace(parameter.Value, v, StringComparison.Ordinal)))];
        }

        return paths;
    }

    // --- the seeded record ------------------------------------------------------------------------------------------

    private sealed record Seeded(
        Guid MeetingId, Guid UnpublishedMeetingId, Guid PublicPaperId, string PublicPaperTitle, string PublicPaperBytes,
        string PublicNarrative, string PublicResolution, string PublicInterest, string PublicGift, string ShortNoticeReason, Guid PsrId);

    private async Task<Seeded> SeedAsync(string run, Func<string, string> canary)
    {
        // Far enough ahead that the seeding before publication finishes first on a loaded machine.
        using var meeting = await MeetingScenario.StartAsync(app, DateTimeOffset.UtcNow.AddSeconds(20));
        await meeting.ChangeAsync("items", new { title = canary("private-item-title"), purpose = ItemPurpose.Decision, isPrivate = true, presenter = canary("private-item-presenter"), version = meeting.Meeting.Version });
        var privateItem = meeting.Meeting.Items.Single(i => i.IsPrivate).Id;
        var publicPaperTitle = $"Merger report {run}";
        var publicPaperBytes = $"public paper {run}";
        var publicPaper = await UploadAsync(meeting, meeting.ItemId, publicPaperTitle, "merger-report.pdf", publicPaperBytes, isPublic: true);
        await UploadAsync(meeting, meeting.ItemId, canary("private-paper-title"), canary("private-paper-file") + ".pdf", canary("private-paper-bytes"), isPublic: false);
        // A private item's papers are private (marking one public is refused).
        await UploadAsync(meeting, privateItem, canary("private-item-paper-title"), canary("private-item-paper-file") + ".pdf", canary("private-item-paper-bytes"), isPublic: false);
        await meeting.RefreshAsync();
        // Published at short notice: the reason is public, shown with the agenda (ADR-0024).
        var shortNoticeReason = $"Urgent contract deadline {run}";
        await meeting.ChangeAsync("agenda/publish", new { shortNoticeReason, version = meeting.Meeting.Version });
        await PublicMinutes.UntilAsync(meeting.Meeting.StartsAt);

        await meeting.ArriveAsync(Chair, ViceChair, Nurse, Gp, ChiefOfficer);
        await meeting.DeclareAsync(Gp, canary("declared-interest-private-item"), privateItem);
        await meeting.ChangeAsync($"items/{privateItem}/rulings", new { membershipId = meeting.Id(Gp), interest = canary("ruling-interest-private-item"), ruling = ConflictRuling.FullPart, ruledByMembershipId = meeting.Id(Chair), version = meeting.ItemVersion(privateItem) });
        var publicResolution = $"Approve the merger {run}";
        await ConsensusAsync(meeting, meeting.ItemId, publicResolution);
        await meeting.ChangeAsync("exclusion", new { reason = canary("exclusion-reason"), version = meeting.Meeting.Version });
        await ConsensusAsync(meeting, privateItem, canary("private-resolution"));

        // A PSR record made on the private item (ADR-0023): its public page may show the committee and the counted
        // conflicts, never the member's name with the interest or the ruling's words.
        var privateDecision = (await meeting.DecisionsAsync()).Single(d => d.ItemId == privateItem);
        var psrId = await SeedPsrRecordAsync(run, privateDecision.Id);

        var publicNarrative = $"Public narrative {run}";
        var minutes = await PublicMinutes.StartAsync(meeting);
        minutes = await PublicMinutes.EditAsync(meeting, 1, meeting.ItemId, publicNarrative, minutes.Version);
        minutes = await PublicMinutes.EditAsync(meeting, 1, privateItem, canary("private-item-narrative-approved"), minutes.Version);
        var (approved, nextMeeting) = await PublicMinutes.ApproveAsync(meeting, 1, minutes.Version);

        // A correction: a new draft whose public narrative is not approved, so not public.
        using (var corrected = await meeting.Secretary.PostJsonAsync($"{PublicMinutes.Url(meeting)}/versions/1/corrections", new { reason = canary("correction-reason"), version = approved.Version }))
        {
            var draft = await corrected.ReadJsonAsync<MinutesDto>(HttpStatusCode.Created);
            await PublicMinutes.EditAsync(meeting, 2, meeting.ItemId, canary("draft-narrative-public-item"), draft.Version);
        }

        // The approving meeting's agenda is never published: its public item's title stays private.
        var next = await meeting.Secretary.GetJsonAsync<MeetingDto>($"/api/meetings/{nextMeeting}");
        using (var added = await meeting.Secretary.PostJsonAsync($"/api/meetings/{nextMeeting}/items", new { title = canary("unpublished-meeting-item"), purpose = ItemPurpose.Discussion, isPrivate = false, presenter = canary("unpublished-presenter"), version = next.Version }))
        {
            await added.ReadJsonAsync<MeetingDto>(HttpStatusCode.OK);
        }

        // The canaries are really in the record (so their absence from public responses means something).
        (await meeting.Secretary.GetStringAsync(meeting.Url)).Should().Contain(canary("private-item-title")).And.Contain(shortNoticeReason);
        (await meeting.Secretary.GetStringAsync($"{PublicMinutes.Url(meeting)}/versions/1/private")).Should().Contain(canary("private-item-narrative-approved")).And.Contain(canary("exclusion-reason"));

        var (publicInterest, publicGift) = await SeedRegistersAsync(run, canary);
        return new Seeded(meeting.MeetingId, nextMeeting, publicPaper, publicPaperTitle, publicPaperBytes, publicNarrative, publicResolution, publicInterest, publicGift, shortNoticeReason, psrId);
    }

    private async Task<Guid> SeedPsrRecordAsync(string run, Guid decisionId)
    {
        using var governance = await app.CreateApiClientAsync(DemoUsers.Governance);
        var request = new CoCommissioning.Web.Features.Procurement.ProcurementRequest(
            $"PSR award {run}", Today, "Extended access", ProcurementRoute.DirectAwardA, 10_000m, null, null, null, null, "Riverside GP Federation", null, null)
        {
            Psr = new PsrDetails { CpvCode = "85121000-3", ProviderAddress = "1 Mill Lane, Riverside" },
        };
        using var recorded = await governance.PostJsonAsync("/api/procurement-decisions", request);
        var dto = await recorded.ReadJsonAsync<CoCommissioning.Web.Features.Procurement.ProcurementDto>(HttpStatusCode.Created);
        using var linked = await governance.PostJsonAsync($"/api/procurement-decisions/{dto.Id}/link-decision", new { decisionId, version = dto.Version });
        linked.StatusCode.Should().Be(HttpStatusCode.OK);
        return dto.Id;
    }

    /// <summary>Withheld (with a reason) and unreviewed declarations and gifts, beside an accepted one of each.</summary>
    private async Task<(string Interest, string Gift)> SeedRegistersAsync(string run, Func<string, string> canary)
    {
        var dbs = app.Factory.Services.GetRequiredService<GovernanceDbFactory>();
        Guid organisation;
        await using (var read = await dbs.CreateForReadingAsync())
        {
            organisation = await read.Organisations.Where(o => o.Slug == Slug).Select(o => o.Id).SingleAsync();
        }

        var person = Must(Person.Create(organisation, $"Leak Test Person {run}", null, "GP partner", isDecisionMakingStaff: true));
        Declaration Declared(string nature) => Must(Declaration.Declare(organisation, person.Id,
            new InterestDetails(InterestCategory.Financial, true, null, null, nature, Today.AddYears(-1), null, null), Today));
        var publicInterest = $"Public interest {run}";
        var accepted = Declared(publicInterest);
        Check(accepted.Accept(Guid.NewGuid(), "Sophie Turner", null, Today));
        var withheld = Declared(canary("withheld-declaration"));
        Check(withheld.Accept(Guid.NewGuid(), "Sophie Turner", null, Today));
        Check(withheld.Withhold(canary("withholding-reason")));
        var unreviewed = Declared(canary("unreviewed-declaration"));

        GiftEntry Gift(string description) => Must(GiftEntry.Declare(organisation, person.Id,
            new OfferDetails(OfferKind.Hospitality, description, "Acme Health Ltd", null, OfferorKind.Other, null, 40m, false, false, Today.AddDays(-10), Today.AddDays(-10), OfferOutcome.Accepted, null, null),
            [], GiftThresholds.Guidance2017, Today));
        var publicGift = $"Dinner {run}";
        var acceptedGift = Gift(publicGift);
        Check(acceptedGift.Accept(Guid.NewGuid(), "Sophie Turner", Today));
        var withheldGift = Gift(canary("withheld-gift"));
        Check(withheldGift.Accept(Guid.NewGuid(), "Sophie Turner", Today));
        Check(withheldGift.Withhold(canary("gift-withholding-reason")));
        var unreviewedGift = Gift(canary("unreviewed-gift"));

        await using var db = await dbs.CreateAsync(AuditActor.System("public leak test"));
        db.People.Add(person);
        db.Declarations.AddRange(accepted, withheld, unreviewed);
        db.GiftEntries.AddRange(acceptedGift, withheldGift, unreviewedGift);
        await db.SaveChangesAsync();
        return (publicInterest, publicGift);
    }

    private static async Task ConsensusAsync(MeetingScenario meeting, Guid itemId, string resolution)
    {
        using (var consensus = await meeting.Secretary.PostJsonAsync($"{meeting.Url}/items/{itemId}/consensus", new { resolution }))
        {
            consensus.StatusCode.Should().Be(HttpStatusCode.Created, await consensus.Content.ReadAsStringAsync());
        }

        await meeting.RefreshAsync();
    }

    private static async Task<Guid> UploadAsync(MeetingScenario meeting, Guid itemId, string title, string fileName, string content, bool isPublic)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.ASCII.GetBytes($"%PDF-1.4\n% {content}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        form.Add(new StringContent(title), "title");
        form.Add(new StringContent(isPublic ? "true" : "false"), "isPublic");
        using var response = await meeting.Secretary.PostAsync($"{meeting.Url}/items/{itemId}/papers", form);
        return (await response.ReadJsonAsync<PaperDto>(HttpStatusCode.Created)).Id;
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

public sealed class PostgresPublicLeakTests(PostgresAppFixture app, ITestOutputHelper output) : PublicLeakTests(app, output), IClassFixture<PostgresAppFixture>;

public sealed class SqlitePublicLeakTests(SqliteAppFixture app, ITestOutputHelper output) : PublicLeakTests(app, output), IClassFixture<SqliteAppFixture>;
