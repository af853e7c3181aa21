using System.IO.Compression;
using System.Net;
using System.Text;
using CoCommissioning.Domain.Meetings;
using CoCommissioning.Web.Features.Meetings;
using CoCommissioning.Web.Features.Minutes;
using CoCommissioning.Web.Tests.Infrastructure;

namespace CoCommissioning.Web.Tests.Api;

/// <summary>Minutes downloaded as PDF and Word (issue 6), through HTTP on PostgreSQL.</summary>
public abstract class MinutesExportApiTests(AppFixture app)
{
    [DatabaseFact]
    public async Task Pdf_OfTheDraftsPublicPart_IsAPdfAttachmentNamedAfterCommitteeDateAndVersion()
    {
        using var meeting = await MeetingScenario.StartAsync(app, DateTimeOffset.UtcNow.AddHours(-3));
        await StartAsync(meeting);

        using var response = await meeting.Secretary.GetAsync($"{Url(meeting)}/versions/1/public.pdf");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        var disposition = response.Content.Headers.ContentDisposition!;
        disposition.DispositionType.Should().Be("attachment");
        disposition.FileName!.Trim('"').Should().MatchRegex(@"^pccc-\d{4}-\d{2}-\d{2}-minutes-public-v1\.pdf$");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Encoding.ASCII.GetString(bytes, 0, 5).Should().Be("%PDF-");
    }

    [DatabaseFact]
    public async Task Docx_OfThePrivatePart_IsAWordPackageWithItsDocument()
    {
        using var meeting = await MeetingScenario.StartAsync(app, DateTimeOffset.UtcNow.AddHours(-3));
        await StartAsync(meeting);

        using var response = await meeting.Secretary.GetAsync($"{Url(meeting)}/versions/1/private.docx");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be(MinutesExportEndpoints.WordType);
        response.Content.Headers.ContentDisposition!.FileName!.Trim('"').Should().EndWith("-minutes-private-v1.docx");
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
        zip.GetEntry("word/document.xml").Should().NotBeNull();
    }

    [DatabaseFact]
    public async Task ApprovedVersion_ServesTheStoredDocumentMarkedApproved()
    {
        using var meeting = await MeetingScenario.StartAsync(app, DateTimeOffset.UtcNow.AddHours(-3));
        var minutes = await StartAsync(meeting);
        using (var edit = await meeting.Secretary.PutJsonAsync($"{Url(meeting)}/versions/1/narratives/{meeting.ItemId}", new { markdown = "Agreed without discussion.", version = minutes.Version }))
        {
            minutes = await edit.ReadJsonAsync<MinutesDto>(HttpStatusCode.OK);
        }

        using var scheduled = await meeting.Secretary.PostJsonAsync($"/api/committees/{meeting.CommitteeId}/meetings?standingItems=false", new { title = ApiScenario.UniqueName("PCCC next meeting"), startsAt = meeting.Meeting.StartsAt.AddHours(2) });
        var next = await scheduled.ReadJsonAsync<MeetingDto>(HttpStatusCode.Created);
        using var added = await meeting.Secretary.PostJsonAsync($"/api/meetings/{next.Id}/items", new { title = "Minutes of the previous meeting", purpose = ItemPurpose.Decision, isPrivate = false, version = next.Version });
        var item = (await added.ReadJsonAsync<MeetingDto>(HttpStatusCode.OK)).Items.Single().Id;
        using (var approve = await meeting.Secretary.PostJsonAsync($"{Url(meeting)}/versions/1/approval", new { meetingId = next.Id, itemId = item, version = minutes.Version }))
        {
            await approve.ReadJsonAsync<MinutesDto>(HttpStatusCode.OK);
        }

        using var pdf = await meeting.Secretary.GetAsync($"{Url(meeting)}/versions/1/public.pdf");
        using var word = await meeting.Secretary.GetAsync($"{Url(meeting)}/versions/1/public.docx");

        pdf.StatusCode.Should().Be(HttpStatusCode.OK);
        word.StatusCode.Should().Be(HttpStatusCode.OK);
        await using var stream = new MemoryStream(await word.Content.ReadAsByteArrayAsync());
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        var xml = await reader.ReadToEndAsync();
        xml.Should().Contain("Agreed without discussion.");
        xml.Should().Contain("Approved");
    }

    [DatabaseTheory]
    [InlineData("public.pdf")]
    [InlineData("private.docx")]
    public async Task AnotherOrganisation_Gets404(string file)
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        await StartAsync(meeting);
        using var other = await app.CreateApiClientAsync(DemoUsers.NorthfieldSecretary);

        using var response = await other.GetAsync($"{Url(meeting)}/versions/1/{file}");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [DatabaseFact]
    public async Task Anonymous_Gets401()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        await StartAsync(meeting);
        using var anonymous = app.CreateAnonymousClient();

        using var response = await anonymous.GetAsync($"{Url(meeting)}/versions/1/public.pdf");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.Location.Should().BeNull();
    }

    [DatabaseTheory]
    [InlineData("versions/2/public.pdf")]
    [InlineData("versions/1/secret.pdf")]
    public async Task UnknownVersionOrPart_Gets404(string path)
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        await StartAsync(meeting);

        using var response = await meeting.Secretary.GetAsync($"{Url(meeting)}/{path}");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [DatabaseFact]
    public async Task Member_CanDownload()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        await StartAsync(meeting);
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);

        using var response = await member.GetAsync($"{Url(meeting)}/versions/1/public.pdf");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private static string Url(MeetingScenario meeting) => $"{meeting.Url}/minutes";

    private static async Task<MinutesDto> StartAsync(MeetingScenario meeting)
    {
        using var response = await meeting.Secretary.PostJsonAsync(Url(meeting), new { });
        return await response.ReadJsonAsync<MinutesDto>(HttpStatusCode.OK);
    }
}

public sealed class PostgresMinutesExportApiTests(PostgresAppFixture app) : MinutesExportApiTests(app), IClassFixture<PostgresAppFixture>;

public sealed class SqliteMinutesExportApiTests(SqliteAppFixture app) : MinutesExportApiTests(app), IClassFixture<SqliteAppFixture>;
