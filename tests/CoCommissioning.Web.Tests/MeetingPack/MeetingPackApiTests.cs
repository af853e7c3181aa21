using System.Net;
using System.Net.Http.Headers;
using CoCommissioning.Data;
using CoCommissioning.Domain.Meetings;
using CoCommissioning.Web.Data;
using CoCommissioning.Web.Features.MeetingPack;
using CoCommissioning.Web.Features.Meetings;
using CoCommissioning.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CoCommissioning.Web.Tests.MeetingPack.MeetingPackRendererTests;

namespace CoCommissioning.Web.Tests.MeetingPack;

/// <summary>
/// The meeting pack through the API and the public download, on both providers: what each part holds (read back with
/// PDFsharp), who may download which, that the public download waits for publication, and that a changed paper makes
/// a new pack while an unchanged agenda serves the stored one.
/// </summary>
public abstract class MeetingPackApiTests(AppFixture app)
{
    private const string Slug = DemoSeeder.ExampleSlug;

    protected AppFixture App { get; } = app;

    private sealed record Scenario(MeetingScenario Meeting, Guid PrivateItemId, string PublicPaper, string PrivatePaperOfPublicItem, string PrivateItemPaper, string WordPaper, string PrivateItemTitle) : IDisposable
    {
        public Guid MeetingId => Meeting.MeetingId;

        public void Dispose() => Meeting.Dispose();
    }

    /// <summary>
    /// A meeting in ten days: item 1 (public) with a public 2-page PDF, a private 1-page PDF and a public Word paper;
    /// item 2 (private) with a 3-page PDF.
    /// </summary>
    private async Task<Scenario> MeetingAsync(bool publish)
    {
        var meeting = await MeetingScenario.StartAsync(App, DateTimeOffset.UtcNow.AddDays(10));
        var privateTitle = ApiScenario.UniqueName("Practice contract breach notice");
        var privateItem = await meeting.AddPrivateItemAsync(privateTitle);
        var scenario = new Scenario(meeting, privateItem, ApiScenario.UniqueName("Merger report"), ApiScenario.UniqueName("Merger legal advice"),
            ApiScenario.UniqueName("Breach notice letter"), ApiScenario.UniqueName("Finance workbook"), privateTitle);
        await UploadAsync(meeting, meeting.ItemId, scenario.PublicPaper, PackSample.Pdf("Merger report", 2), "merger.pdf", isPublic: true);
        await UploadAsync(meeting, meeting.ItemId, scenario.PrivatePaperOfPublicItem, PackSample.Pdf("Legal advice", 1), "advice.pdf", isPublic: false);
        await UploadAsync(meeting, meeting.ItemId, scenario.WordPaper, "PK\u0003\u0004 a workbook"u8.ToArray(), "finance.docx", isPublic: true);
        await UploadAsync(meeting, privateItem, scenario.PrivateItemPaper, PackSample.Pdf("Breach letter", 3), "breach.pdf", isPublic: false);
        if (publish)
        {
            await meeting.RefreshAsync();
            await meeting.ChangeAsync("agenda/publish", new { shortNoticeReason = (string?)null, version = meeting.Meeting.Version });
        }

        return scenario;
    }

    private static async Task UploadAsync(MeetingScenario meeting, Guid itemId, string title, byte[] bytes, string fileName, bool isPublic)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        form.Add(new StringContent(title), "title");
        form.Add(new StringContent(isPublic ? "true" : "false"), "isPublic");
        using var response = await meeting.Secretary.PostAsync($"{meeting.Url}/items/{itemId}/papers", form);
        await response.ReadJsonAsync<PaperDto>(HttpStatusCode.Created);
    }

    private static async Task<byte[]> PdfAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.AsSpan(0, 5).SequenceEqual("%PDF-"u8).Should().BeTrue();
        return bytes;
    }

    [DatabaseFact]
    public async Task Member_DownloadsBothParts_EachHoldingItsOwnItemsAndPapersInOrder()
    {
        using var scenario = await MeetingAsync(publish: true);
        var item = scenario.Meeting.Meeting.Items[0];
        using var member = await App.CreateApiClientAsync(DemoUsers.Member);

        var publicPack = await PdfAsync(member, MeetingPackEndpoints.PackUrl(scenario.MeetingId, PackPart.Public));
        var privatePack = await PdfAsync(member, MeetingPackEndpoints.PackUrl(scenario.MeetingId, PackPart.Private));

        // Public: cover, agenda, the 2-page public PDF, the Word paper's page.
        PageCount(publicPack).Should().Be(5);
        Outline(publicPack).Should().Equal(
            ("Cover", 1), ("Agenda", 2),
            ($"Item 1: {item.Title}", 3), ($"  {scenario.PublicPaper}", 3), ($"  {scenario.WordPaper} (attached separately)", 5));
        Outline(publicPack).Should().NotContain(o => o.Title.Contains(scenario.PrivateItemTitle) || o.Title.Contains(scenario.PrivatePaperOfPublicItem) || o.Title.Contains(scenario.PrivateItemPaper));

        // Private: cover, agenda, the public item's confidential paper (1 page), the private item's paper (3 pages).
        PageCount(privatePack).Should().Be(6);
        Outline(privatePack).Should().Equal(
            ("Cover", 1), ("Agenda", 2),
            ($"Item 1: {item.Title} (confidential papers)", 3), ($"  {scenario.PrivatePaperOfPublicItem}", 3),
            ($"Item 2: {scenario.PrivateItemTitle}", 4), ($"  {scenario.PrivateItemPaper}", 4));
    }

    [DatabaseFact]
    public async Task PublicDownload_404BeforePublication_ThenThePublicPartOnly()
    {
        using var scenario = await MeetingAsync(publish: false);
        using var anonymous = App.CreateAnonymousClient();
        var url = MeetingPackEndpoints.PublicPackUrl(Slug, scenario.MeetingId);

        using (var before = await anonymous.GetAsync(url))
        {
            before.StatusCode.Should().Be(HttpStatusCode.NotFound);
        }

        await scenario.Meeting.RefreshAsync();
        await scenario.Meeting.ChangeAsync("agenda/publish", new { shortNoticeReason = (string?)null, version = scenario.Meeting.Meeting.Version });
        var pack = await PdfAsync(anonymous, url);

        Outline(pack).Select(o => o.Title).Should().Equal("Cover", "Agenda", $"Item 1: {scenario.Meeting.Meeting.Items[0].Title}", $"  {scenario.PublicPaper}", $"  {scenario.WordPaper} (attached separately)");
        PageCount(pack).Should().Be(5);
    }

    [DatabaseFact]
    public async Task Anonymous_CannotGetEitherPartThroughTheApi_NorAnotherOrganisationsPack()
    {
        using var scenario = await MeetingAsync(publish: true);
        using var anonymous = App.CreateAnonymousClient();
        using var northfield = await App.CreateApiClientAsync(DemoUsers.NorthfieldSecretary);

        using var privatePart = await anonymous.GetAsync(MeetingPackEndpoints.PackUrl(scenario.MeetingId, PackPart.Private));
        using var publicPart = await anonymous.GetAsync(MeetingPackEndpoints.PackUrl(scenario.MeetingId, PackPart.Public));
        using var otherPrivate = await northfield.GetAsync(MeetingPackEndpoints.PackUrl(scenario.MeetingId, PackPart.Private));
        using var otherPublic = await northfield.GetAsync(MeetingPackEndpoints.PackUrl(scenario.MeetingId, PackPart.Public));
        using var otherSlug = await anonymous.GetAsync(MeetingPackEndpoints.PublicPackUrl(DemoSeeder.NorthfieldSlug, scenario.MeetingId));
        using var unknown = await anonymous.GetAsync(MeetingPackEndpoints.PublicPackUrl(Slug, Guid.NewGuid()));

        privatePart.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        publicPart.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        otherPrivate.StatusCode.Should().Be(HttpStatusCode.NotFound);
        otherPublic.StatusCode.Should().Be(HttpStatusCode.NotFound);
        otherSlug.StatusCode.Should().Be(HttpStatusCode.NotFound);
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [DatabaseFact]
    public async Task UnchangedAgenda_ServesTheStoredPack_AndANewPaperMakesANewOne()
    {
        using var scenario = await MeetingAsync(publish: true);
        using var member = await App.CreateApiClientAsync(DemoUsers.Member);
        using var anonymous = App.CreateAnonymousClient();
        var url = MeetingPackEndpoints.PackUrl(scenario.MeetingId, PackPart.Public);

        using var first = await member.GetAsync(url);
        var etag = first.Headers.ETag!;
        var stored = await StoredAsync(scenario.MeetingId);
        using var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(etag);
        using var notModified = await member.SendAsync(again);
        using var publicCopy = await anonymous.GetAsync(MeetingPackEndpoints.PublicPackUrl(Slug, scenario.MeetingId));

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        stored.Should().ContainSingle(p => p.Part == PackPart.Public).Which.Fingerprint.Should().Be(etag.Tag.Trim('"'));
        notModified.StatusCode.Should().Be(HttpStatusCode.NotModified);
        publicCopy.Headers.ETag.Should().Be(etag, "the public and the members' public part are the same pack");
        (await publicCopy.Content.ReadAsByteArrayAsync()).Should().Equal(await first.Content.ReadAsByteArrayAsync());

        var late = ApiScenario.UniqueName("Late paper");
        await UploadAsync(scenario.Meeting, scenario.Meeting.ItemId, late, PackSample.Pdf("Late paper", 4), "late.pdf", isPublic: true);
        using var changed = await member.GetAsync(url);
        var pack = await changed.Content.ReadAsByteArrayAsync();

        changed.Headers.ETag.Should().NotBe(etag);
        Outline(pack).Select(o => o.Title).Should().Contain($"  {late}");
        PageCount(pack).Should().Be(9);
        (await StoredAsync(scenario.MeetingId)).Should().ContainSingle(p => p.Part == PackPart.Public).Which.PageCount.Should().Be(9);
    }

    private async Task<List<StoredMeetingPack>> StoredAsync(Guid meetingId)
    {
        await using var db = await App.Factory.Services.GetRequiredService<GovernanceDbFactory>().CreateForReadingAsync();
        return await db.MeetingPacks.AsNoTracking().Where(p => p.MeetingId == meetingId).ToListAsync();
    }
}

public sealed class PostgresMeetingPackApiTests(PostgresAppFixture app) : MeetingPackApiTests(app), IClassFixture<PostgresAppFixture>;

public sealed class SqliteMeetingPackApiTests(SqliteAppFixture app) : MeetingPackApiTests(app), IClassFixture<SqliteAppFixture>;
