using CoCommissioning.EndToEnd.Infrastructure;
using CoCommissioning.Web.Features.MeetingPack;
using Microsoft.Playwright;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CoCommissioning.EndToEnd;

/// <summary>
/// Issue 13: a visitor downloads the meeting pack from the public meeting page of a published meeting. The meeting, its
/// item, its public PDF paper (3 pages) and the publication are set up through the JSON API, as an integration would.
/// </summary>
[Collection(SecondRunningAppTests.Name)]
public sealed class MeetingPackJourneyTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public async Task Visitor_DownloadsThePublicPackFromThePublicMeetingPage()
    {
        var audit = new AccessibilityAudit(Output);
        var (meetingId, itemTitle, paperTitle) = await PublishedMeetingThroughTheApiAsync();

        await Page.GotoAsync($"public/example-ccg/meetings/{meetingId}");
        var link = Page.GetByRole(AriaRole.Link, new() { Name = "Download the meeting pack (public part, PDF)", Exact = true });
        await Expect(link).ToHaveAttributeAsync("href", MeetingPackEndpoints.PublicPackUrl("example-ccg", Guid.Parse(meetingId)));
        await audit.CheckAsync(Page, "public-meeting-with-pack");
        await Page.ScreenshotAsync("meeting-pack-01-public-meeting");

        var download = await Page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        download.SuggestedFilename.Should().MatchRegex(@"^pccc-\d{4}-\d{2}-\d{2}-pack-public\.pdf$");
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        System.Text.Encoding.ASCII.GetString(bytes[..5]).Should().Be("%PDF-");
        using var pdf = PdfReader.Open(new MemoryStream(bytes), PdfDocumentOpenMode.Import);
        pdf.PageCount.Should().Be(1 + 1 + 3, "a cover, the agenda and the three-page paper");
        pdf.Outlines.Select(o => o.Title).Should().Equal("Cover", "Agenda", $"Item 1: {itemTitle}");
        pdf.Outlines[2].Outlines.Select(o => o.Title).Should().Equal(paperTitle);

        audit.ShouldHaveNoSeriousViolations();
    }

    private async Task<(string MeetingId, string ItemTitle, string PaperTitle)> PublishedMeetingThroughTheApiAsync()
    {
        var api = Page.APIRequest;
        var token = await api.TokenAsync(DemoUsers.Secretary, "meeting pack test");
        var committee = await api.DemoPcccAsync(token);
        var itemTitle = CommitteeSteps.UniqueName("Estates plan for Riverside");
        var paperTitle = CommitteeSteps.UniqueName("Estates options appraisal");
        var meeting = await api.SendAsync("POST", $"/api/committees/{committee.GetProperty("id").GetString()}/meetings?standingItems=false", token,
            new { title = CommitteeSteps.UniqueName("PCCC meeting"), startsAt = DateTimeOffset.UtcNow.AddDays(10) });
        var meetingId = meeting.GetProperty("id").GetString()!;
        var url = $"/api/meetings/{meetingId}";
        meeting = await api.SendAsync("POST", $"{url}/items", token, new { title = itemTitle, purpose = "Decision", isPrivate = false, version = meeting.GetProperty("version").GetString() });
        var itemId = meeting.GetProperty("items")[0].GetProperty("id").GetString();

        var form = api.CreateFormData();
        form.Append("file", new FilePayload { Name = "options.pdf", MimeType = "application/pdf", Buffer = ThreePagePdf(paperTitle) });
        form.Append("title", paperTitle);
        form.Append("isPublic", "true");
        var upload = await api.FetchAsync($"{url}/items/{itemId}/papers", new() { Method = "POST", Multipart = form, Headers = new Dictionary<string, string> { ["Authorization"] = $"Bearer {token}" } });
        upload.Status.Should().Be(201, await upload.TextAsync());

        meeting = await api.SendAsync("GET", url, token);
        await api.SendAsync("POST", $"{url}/agenda/publish", token, new { shortNoticeReason = (string?)null, version = meeting.GetProperty("version").GetString() });
        return (meetingId, itemTitle, paperTitle);
    }

    private static byte[] ThreePagePdf(string title)
    {
        using var pdf = new PdfDocument();
        pdf.Info.Title = title;
        for (var i = 0; i < 3; i++)
        {
            pdf.AddPage();
        }

        using var stream = new MemoryStream();
        pdf.Save(stream, false);
        return stream.ToArray();
    }
}
