using System.Text.Json;
using CoCommissioning.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CoCommissioning.EndToEnd;

/// <summary>
/// The secretary writes up the minutes of a meeting of the demo PCCC held earlier today; the chair approves them at the
/// next meeting's "Minutes of the previous meeting" item, and an anonymous visitor reads and downloads the public minutes. The record (attendance and a decision by consensus) and
/// both meetings are set up through the JSON API with a bearer token, as an integration would.
/// </summary>
[Collection(SecondRunningAppTests.Name)]
public sealed class MinutesJourneyTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public async Task SecretaryDraftsChairApproves_VisitorReadsAndDownloadsThePublicMinutes()
    {
        var audit = new AccessibilityAudit(Output);
        var title = CommitteeSteps.UniqueName("PCCC minuted meeting");
        var nextTitle = CommitteeSteps.UniqueName("PCCC next meeting");
        var resolution = CommitteeSteps.UniqueName("Approve the extended access pilot");
        var meetingId = await HoldMeetingsThroughTheApiAsync(title, nextTitle, resolution);

        // No minutes yet: the secretary starts them.
        await Page.SignInAsync(DemoUsers.Secretary);
        await Page.GotoAsync($"meetings/{meetingId}/minutes");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = $"Minutes: {title}", Level = 1 })).ToBeVisibleAsync();
        await Page.WaitForInteractiveAsync();
        await Expect(Page.GetByTestId("no-minutes")).ToHaveTextAsync("The minutes of this meeting have not been started.");
        await audit.CheckSettledAsync(Page, "minutes-not-started");
        await Page.ScreenshotAsync("minutes-01-not-started");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Start the minutes", Exact = true }).ClickAsync();
        var version = Page.GetByTestId("minutes-version");
        await Expect(version).ToHaveCountAsync(1);
        await Expect(version).ToContainTextAsync("Draft");
        var document = Page.GetByTestId("minutes-document");
        await Expect(document.GetByTestId("document-status")).ToHaveTextAsync("Draft, version 1");
        await Expect(document.GetByTestId("present")).ToContainTextAsync("Helen Carter");
        var item = document.GetByTestId("minutes-item");
        await Expect(item).ToContainTextAsync("1. Extended access pilot");
        await Expect(item.GetByTestId("outcome")).ToContainTextAsync(resolution);
        await audit.CheckSettledAsync(Page, "minutes-draft");
        await Page.ScreenshotAsync("minutes-02-draft");

        // The narrative, in Markdown, is shown as the minutes read.
        var dialog = await Page.OpenDialogAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Edit narrative of item 1", Exact = true }), "Narrative: item 1. Extended access pilot");
        await dialog.Field("Narrative for item 1").FillAsync("The committee **welcomed** the pilot.\n\n- Evening appointments\n- Weekend appointments");
        await audit.CheckSettledAsync(Page, "minutes-narrative-dialog");
        await Page.ScreenshotAsync("minutes-03-narrative-dialog");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save narrative", Exact = true }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        var narrative = item.GetByTestId("narrative");
        await Expect(narrative.Locator("strong")).ToHaveTextAsync("welcomed");
        await Expect(narrative.Locator("li")).ToHaveTextAsync(["Evening appointments", "Weekend appointments"]);

        // The private part has no items in this meeting.
        await Page.GetByRole(AriaRole.Button, new() { Name = "Private part", Exact = true }).ClickAsync();
        await Expect(document).ToContainTextAsync("Private part — not for publication");
        await Expect(document).ToContainTextAsync("No items in this part.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Public part", Exact = true }).ClickAsync();
        await Expect(document).ToContainTextAsync("1. Extended access pilot");

        // The chair, presiding at the next meeting's "Minutes of the previous meeting", approves them on her own device.
        var chair = await OpenSecondBrowserAsync();
        await chair.SignInAsync(DemoUsers.Chair);
        await chair.GotoAsync($"meetings/{meetingId}/minutes");
        await Expect(chair.GetByRole(AriaRole.Heading, new() { Name = $"Minutes: {title}", Level = 1 })).ToBeVisibleAsync();
        await chair.WaitForInteractiveAsync();
        var approve = chair.GetByTestId("approve");
        await Expect(approve).ToContainTextAsync(nextTitle);
        await Expect(chair.GetByTestId("minutes-document").GetByTestId("narrative").Locator("strong")).ToHaveTextAsync("welcomed");
        await audit.CheckSettledAsync(chair, "minutes-chair-ready-to-approve");
        await chair.ScreenshotAsync("minutes-04-ready-to-approve");

        // Approval asks first, saying what it fixes and publishes; from the keyboard, Escape leaves it unrecorded.
        var approveButton = approve.GetByRole(AriaRole.Button, new() { Name = $"Approve version 1 at {nextTitle}, item 1", Exact = true });
        var confirm = await chair.OpenDialogAsync(approveButton, "Approve version 1 of the minutes");
        await Expect(confirm.GetByTestId("approval-consequences")).ToContainTextAsync("cannot be edited afterwards");
        await Expect(confirm.GetByTestId("approval-consequences")).ToContainTextAsync("The public part is published on the public site");
        await Expect(confirm.GetByTestId("no-attendance-warning")).ToHaveCountAsync(0);
        await audit.CheckSettledAsync(chair, "minutes-approve-dialog");
        await chair.ScreenshotAsync("minutes-04b-approve-dialog");
        await chair.Keyboard.PressAsync("Escape");
        await Expect(confirm).ToBeHiddenAsync();
        await Expect(chair.GetByTestId("minutes-version")).ToContainTextAsync("Draft");

        confirm = await chair.OpenDialogAsync(approveButton, "Approve version 1 of the minutes");
        var approveVersion = confirm.GetByRole(AriaRole.Button, new() { Name = "Approve version 1", Exact = true });
        await approveVersion.FocusAsync();
        await chair.Keyboard.PressAsync("Enter");
        await Expect(confirm).ToBeHiddenAsync();
        var chairVersion = chair.GetByTestId("minutes-version");
        await Expect(chairVersion).ToContainTextAsync("Approved on");
        await Expect(chairVersion).ToContainTextAsync("recorded by Helen Carter");
        await Expect(chair.GetByTestId("minutes-document").GetByTestId("document-status")).ToHaveTextAsync("Approved, version 1");
        await Expect(chair.GetByRole(AriaRole.Button, new() { Name = "Correct the minutes", Exact = true })).ToHaveCountAsync(0);

        // An anonymous visitor reads the public minutes and downloads them as PDF.
        var visitor = await OpenSecondBrowserAsync();
        await visitor.GotoAsync($"public/example-ccg/meetings/{meetingId}/minutes");
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = $"Minutes: {title}", Level = 1 })).ToBeVisibleAsync();
        await Expect(visitor.Locator("strong", new() { HasText = "welcomed" })).ToBeVisibleAsync();
        await Expect(visitor.GetByText("Weekend appointments", new() { Exact = true })).ToBeVisibleAsync();
        await audit.CheckAsync(visitor, "public-minutes");
        await visitor.ScreenshotAsync("minutes-05-public");
        var publicPdf = visitor.GetByRole(AriaRole.Link, new() { Name = "Download these minutes (PDF)", Exact = true });
        var pdfUrl = await publicPdf.GetAttributeAsync("href");
        pdfUrl.Should().Be($"/public/example-ccg/meetings/{meetingId}/minutes.pdf");
        var pdfResponse = await visitor.APIRequest.GetAsync(pdfUrl!);
        pdfResponse.Status.Should().Be(200);
        pdfResponse.Headers["content-type"].Should().StartWith("application/pdf");
        System.Text.Encoding.ASCII.GetString((await pdfResponse.BodyAsync())[..5]).Should().Be("%PDF-");
        var publicDownload = await visitor.RunAndWaitForDownloadAsync(() => publicPdf.ClickAsync());
        System.Text.Encoding.ASCII.GetString((await File.ReadAllBytesAsync((await publicDownload.PathAsync())!))[..5]).Should().Be("%PDF-");

        // The secretary sees them approved, with the downloads.
        await Page.ReloadAsync();
        await Page.WaitForInteractiveAsync();
        await Expect(version).ToContainTextAsync("Approved on");
        await Expect(document.GetByTestId("document-status")).ToHaveTextAsync("Approved, version 1");
        await Expect(narrative.Locator("strong")).ToHaveTextAsync("welcomed");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Correct the minutes", Exact = true })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Edit narrative of item 1", Exact = true })).ToHaveCountAsync(0);

        var pdf = Page.GetByTestId("download-pdf");
        var word = Page.GetByTestId("download-docx");
        await Expect(pdf).ToHaveAttributeAsync("href", $"api/meetings/{meetingId}/minutes/versions/1/public.pdf");
        await Expect(word).ToHaveAttributeAsync("href", $"api/meetings/{meetingId}/minutes/versions/1/public.docx");
        var download = await Page.RunAndWaitForDownloadAsync(() => pdf.ClickAsync());
        download.SuggestedFilename.Should().MatchRegex(@"^pccc-\d{4}-\d{2}-\d{2}-minutes-public-v1\.pdf$");
        await audit.CheckSettledAsync(Page, "minutes-approved");
        await Page.ScreenshotAsync("minutes-06-approved");

        // A correction is a new draft version with the reason; version 1 stays approved.
        var correct = await Page.OpenDialogAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Correct the minutes", Exact = true }), "Correct the minutes");
        await correct.Field("Reason for the correction").FillAsync("The pilot's weekend hours were omitted.");
        await audit.CheckSettledAsync(Page, "minutes-correct-dialog");
        await correct.GetByRole(AriaRole.Button, new() { Name = "Correct the minutes", Exact = true }).ClickAsync();
        await Expect(correct).ToBeHiddenAsync();
        await Expect(version).ToHaveCountAsync(2);
        await Expect(version.Nth(0)).ToContainTextAsync("Approved on");
        await Expect(version.Nth(1)).ToContainTextAsync("Draft");
        await Expect(version.Nth(1)).ToContainTextAsync("Corrects version 1: The pilot's weekend hours were omitted.");
        await Expect(document.GetByTestId("document-status")).ToHaveTextAsync("Draft, version 2");
        await Expect(Page.GetByTestId("download-pdf")).ToHaveAttributeAsync("href", $"api/meetings/{meetingId}/minutes/versions/2/public.pdf");
        await audit.CheckSettledAsync(Page, "minutes-corrected");
        await Page.ScreenshotAsync("minutes-07-corrected");

        audit.ShouldHaveNoSeriousViolations();
    }

    [Fact]
    public async Task NoAttendanceRecorded_ApprovalWarnsThatTheMinutesWillSayNobodyWasPresent_AndCancelRecordsNothing()
    {
        var audit = new AccessibilityAudit(Output);
        var title = CommitteeSteps.UniqueName("PCCC meeting without attendance");
        var nextTitle = CommitteeSteps.UniqueName("PCCC next meeting");
        var meetingId = await HoldMeetingsThroughTheApiAsync(title, nextTitle, resolution: null);

        await Page.SignInAsync(DemoUsers.Secretary);
        await Page.GotoAsync($"meetings/{meetingId}/minutes");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = $"Minutes: {title}", Level = 1 })).ToBeVisibleAsync();
        await Page.WaitForInteractiveAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Start the minutes", Exact = true }).ClickAsync();
        await Expect(Page.GetByTestId("minutes-document")).ToContainTextAsync("No attendance is recorded.");

        var approve = Page.GetByTestId("approve").GetByRole(AriaRole.Button, new() { Name = $"Approve version 1 at {nextTitle}, item 1", Exact = true });
        var confirm = await Page.OpenDialogAsync(approve, "Approve version 1 of the minutes");
        await Expect(confirm.GetByTestId("no-attendance-warning")).ToHaveTextAsync("No attendance is recorded for this meeting: the minutes will say nobody was present.");
        await audit.CheckSettledAsync(Page, "minutes-approve-dialog-no-attendance");
        await Page.ScreenshotAsync("minutes-08-approve-no-attendance");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Cancel", Exact = true }).ClickAsync();
        await Expect(confirm).ToBeHiddenAsync();

        var version = Page.GetByTestId("minutes-version");
        await Expect(version).ToHaveCountAsync(1);
        await Expect(version).ToContainTextAsync("Draft");
        await Expect(Page.GetByTestId("minutes-document").GetByTestId("document-status")).ToHaveTextAsync("Draft, version 1");
        audit.ShouldHaveNoSeriousViolations();
    }

    /// <summary>
    /// A meeting three hours ago with an item, and the next meeting, started an hour ago, with an item "Minutes of the
    /// previous meeting" and the chair present. With a <paramref name="resolution"/>, every current voting member was
    /// present at the first and the item was decided by consensus; without one, no attendance is recorded. Returns the
    /// first meeting's id.
    /// </summary>
    private async Task<string> HoldMeetingsThroughTheApiAsync(string title, string nextTitle, string? resolution)
    {
        var api = Page.APIRequest;
        var token = await api.TokenAsync(DemoUsers.Secretary, "minutes journey");
        var committee = await api.DemoPcccAsync(token);
        var committeeId = committee.GetProperty("id").GetString();
        var voters = committee.GetProperty("memberships").EnumerateArray()
            .Where(m => m.GetProperty("isCurrent").GetBoolean() && m.GetProperty("isVoting").GetBoolean())
            .Select(m => m.GetProperty("id").GetString()!)
            .ToList();

        var now = DateTimeOffset.UtcNow;
        var meeting = await api.SendAsync("POST", $"/api/committees/{committeeId}/meetings?standingItems=false", token, new { title, startsAt = now.AddHours(-3) });
        var meetingId = meeting.GetProperty("id").GetString()!;
        var meetingUrl = $"/api/meetings/{meetingId}";
        meeting = await api.SendAsync("POST", $"{meetingUrl}/items", token, new { title = "Extended access pilot", purpose = "Decision", isPrivate = false, version = Version(meeting) });
        if (resolution is not null)
        {
            foreach (var membershipId in voters)
            {
                meeting = await api.SendAsync("POST", $"{meetingUrl}/arrivals", token, new { membershipId, deputy = false, version = Version(meeting) });
            }

            var itemId = meeting.GetProperty("items")[0].GetProperty("id").GetString();
            await api.SendAsync("POST", $"{meetingUrl}/items/{itemId}/consensus", token, new { resolution });
        }

        // At the next meeting the chair has arrived, so she presides over its "Minutes of the previous meeting".
        var chairMembership = committee.GetProperty("memberships").EnumerateArray()
            .First(m => m.GetProperty("isCurrent").GetBoolean() && m.GetProperty("personName").GetString() == "Helen Carter").GetProperty("id").GetString();
        var next = await api.SendAsync("POST", $"/api/committees/{committeeId}/meetings?standingItems=false", token, new { title = nextTitle, startsAt = now.AddHours(-1) });
        var nextUrl = $"/api/meetings/{next.GetProperty("id").GetString()}";
        next = await api.SendAsync("POST", $"{nextUrl}/items", token, new { title = "Minutes of the previous meeting", purpose = "Decision", isPrivate = false, version = Version(next) });
        await api.SendAsync("POST", $"{nextUrl}/arrivals", token, new { membershipId = chairMembership, deputy = false, version = Version(next) });
        return meetingId;
    }

    private static string? Version(JsonElement meeting) => meeting.GetProperty("version").GetString();
}
