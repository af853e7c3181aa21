using System.Net;
using System.Net.Http.Headers;
using CoCommissioning.Domain.Meetings;
using CoCommissioning.Web.Features.Meetings;
using CoCommissioning.Web.Tests.Infrastructure;

namespace CoCommissioning.Web.Tests.Api;

/// <summary>Papers for agenda items through HTTP on PostgreSQL: upload as multipart form, download as an attachment.</summary>
public abstract class MeetingPaperApiTests(AppFixture app)
{
    private static readonly byte[] SmallPdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

    [DatabaseFact]
    public async Task Upload_PdfThenDownload_ReturnsTheSameBytesAsAnAttachment()
    {
        using var meeting = await MeetingScenario.StartAsync(app);

        using var uploaded = await UploadAsync(meeting.Secretary, meeting, SmallPdf, "merger-report.pdf", title: "Merger report", isPublic: true);

        var paper = await uploaded.ReadJsonAsync<PaperDto>(HttpStatusCode.Created);
        paper.Should().BeEquivalentTo(new { ItemId = meeting.ItemId, Title = "Merger report", FileName = "merger-report.pdf", ContentType = "application/pdf", SizeBytes = (long)SmallPdf.Length, IsPublic = true });
        uploaded.Headers.Location!.OriginalString.Should().Be($"/api/meetings/{meeting.MeetingId}/papers/{paper.Id}");
        var reread = await meeting.Secretary.GetJsonAsync<MeetingDto>(meeting.Url);
        reread.Papers.Should().ContainSingle().Which.Id.Should().Be(paper.Id);

        using var member = await app.CreateApiClientAsync(DemoUsers.Member);
        using var download = await member.GetAsync($"{meeting.Url}/papers/{paper.Id}");

        download.StatusCode.Should().Be(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync()).Should().Equal(SmallPdf);
        download.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        download.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
        download.Content.Headers.ContentDisposition.FileNameStar.Should().Be("merger-report.pdf");
        download.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
    }

    [DatabaseFact]
    public async Task Upload_TitleLeftBlank_TakesTheFileName()
    {
        using var meeting = await MeetingScenario.StartAsync(app);

        using var uploaded = await UploadAsync(meeting.Secretary, meeting, SmallPdf, "Finance report Q3.pdf");

        (await uploaded.ReadJsonAsync<PaperDto>(HttpStatusCode.Created)).Title.Should().Be("Finance report Q3");
    }

    [DatabaseFact]
    public async Task Upload_Executable_RefusedWithAMessageOnTheFileField()
    {
        using var meeting = await MeetingScenario.StartAsync(app);

        using var response = await UploadAsync(meeting.Secretary, meeting, [0x4D, 0x5A, 0x90, 0x00], "setup.exe");

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        problem.ErrorsFor("file").Should().ContainSingle().Which.Should().StartWith("Upload a PDF, Word (.docx)");
        (await meeting.Secretary.GetJsonAsync<MeetingDto>(meeting.Url)).Papers.Should().BeEmpty();
    }

    [DatabaseFact]
    public async Task Upload_ExecutableRenamedPdf_RefusedOnTheFileField()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        byte[] executable = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00];

        using var response = await UploadAsync(meeting.Secretary, meeting, executable, "disguised.pdf", isPublic: true);

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        problem.ErrorsFor("file").Should().Equal("The file's contents are not a PDF, though its name ends .pdf. Upload the document itself.");
        (await meeting.Secretary.GetJsonAsync<MeetingDto>(meeting.Url)).Papers.Should().BeEmpty();
    }

    [DatabaseFact]
    public async Task Upload_PdfLargerThanTheBytesChecked_KeptWhole()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        var pdf = PdfOfSize((MeetingPaper.HeadLength * 3) + 17);
        pdf[^1] = 0x2A;

        using var uploaded = await UploadAsync(meeting.Secretary, meeting, pdf, "long-report.pdf");

        var paper = await uploaded.ReadJsonAsync<PaperDto>(HttpStatusCode.Created);
        paper.SizeBytes.Should().Be(pdf.Length);
        using var download = await meeting.Secretary.GetAsync($"{meeting.Url}/papers/{paper.Id}");
        (await download.Content.ReadAsByteArrayAsync()).Should().Equal(pdf);
    }

    [DatabaseFact]
    public async Task Upload_OneByteOverTwentyMegabytes_RefusedWithTheSize()
    {
        using var meeting = await MeetingScenario.StartAsync(app);

        using var response = await UploadAsync(meeting.Secretary, meeting, PdfOfSize(MeetingPaper.MaxSizeBytes + 1), "scanned-minutes.pdf");

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        problem.ErrorsFor("file").Should().ContainSingle().Which.Should().Be("The file is 20.0 MB; papers must be 20 MB or smaller.");
        (await meeting.Secretary.GetJsonAsync<MeetingDto>(meeting.Url)).Papers.Should().BeEmpty();
    }

    [DatabaseFact]
    public async Task Upload_BeyondTheRequestLimit_RefusedWhileReading()
    {
        using var meeting = await MeetingScenario.StartAsync(app);

        using var response = await UploadAsync(meeting.Secretary, meeting, PdfOfSize(MeetingPaperEndpoints.UploadRequestLimitBytes + 1024), "huge.pdf");

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        problem.ErrorsFor("file").Should().ContainSingle().Which.Should().Be("The file is too large; papers must be 20 MB or smaller.");
    }

    [DatabaseFact]
    public async Task Upload_PublicPaperOnAPrivateItem_Refused()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        var privateItem = await meeting.AddPrivateItemAsync("Practice contract breach notice");

        using var response = await UploadAsync(meeting.Secretary, meeting, SmallPdf, "breach-notice.pdf", isPublic: true, itemId: privateItem);

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        problem.ErrorsFor("isPublic").Should().Equal("This item is in the private part, so its papers are private.");
    }

    [DatabaseFact]
    public async Task Upload_ByAMember_Forbidden()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);

        using var response = await UploadAsync(member, meeting, SmallPdf, "my-paper.pdf");

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await meeting.Secretary.GetJsonAsync<MeetingDto>(meeting.Url)).Papers.Should().BeEmpty();
    }

    [DatabaseFact]
    public async Task Upload_UnknownItem_Returns404()
    {
        using var meeting = await MeetingScenario.StartAsync(app);

        using var response = await UploadAsync(meeting.Secretary, meeting, SmallPdf, "paper.pdf", itemId: Guid.NewGuid());

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [DatabaseFact]
    public async Task Upload_SignedInWithTheCookieButNoAntiforgeryToken_Refused()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        using var browser = await app.CreateSignedInBrowserAsync(DemoUsers.Secretary);

        using var response = await UploadAsync(browser, meeting, SmallPdf, "paper.pdf");

        await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        (await meeting.Secretary.GetJsonAsync<MeetingDto>(meeting.Url)).Papers.Should().BeEmpty();
    }

    [DatabaseFact]
    public async Task Download_AnotherOrganisationsSecretary_Gets404()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        using var uploaded = await UploadAsync(meeting.Secretary, meeting, SmallPdf, "merger-report.pdf");
        var paper = await uploaded.ReadJsonAsync<PaperDto>(HttpStatusCode.Created);
        using var northfield = await app.CreateApiClientAsync(DemoUsers.NorthfieldSecretary);

        using var download = await northfield.GetAsync($"{meeting.Url}/papers/{paper.Id}");
        using var upload = await UploadAsync(northfield, meeting, SmallPdf, "taken-over.pdf");

        await download.ReadProblemAsync(HttpStatusCode.NotFound);
        await upload.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    /// <summary>A file of <paramref name="size"/> bytes that starts as a PDF does, so only its size is in question.</summary>
    private static byte[] PdfOfSize(long size)
    {
        var bytes = new byte[size];
        SmallPdf.CopyTo(bytes, 0);
        return bytes;
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, MeetingScenario meeting, byte[] bytes, string fileName, string? title = null, bool isPublic = false, Guid? itemId = null)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        if (title is not null)
        {
            form.Add(new StringContent(title), "title");
        }

        form.Add(new StringContent(isPublic ? "true" : "false"), "isPublic");
        return await client.PostAsync($"{meeting.Url}/items/{itemId ?? meeting.ItemId}/papers", form);
    }
}

public sealed class PostgresMeetingPaperApiTests(PostgresAppFixture app) : MeetingPaperApiTests(app), IClassFixture<PostgresAppFixture>;

public sealed class SqliteMeetingPaperApiTests(SqliteAppFixture app) : MeetingPaperApiTests(app), IClassFixture<SqliteAppFixture>;
