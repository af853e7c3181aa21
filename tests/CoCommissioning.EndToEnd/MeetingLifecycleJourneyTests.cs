using CoCommissioning.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CoCommissioning.EndToEnd;

/// <summary>
/// Issue 13 (ADR-0019): the secretary changes a meeting's venue and the calendar feed and public page follow; cancels a
/// meeting and the public page says so with the reason; closes a meeting from the console and every view shows it.
/// </summary>
public sealed class MeetingLifecycleJourneyTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    private const string Slug = "example-ccg";

    [Fact]
    public async Task Secretary_ChangesTheVenue_CalendarAndPublicPageFollow()
    {
        var audit = new AccessibilityAudit(Output);
        var title = CommitteeSteps.UniqueName("PCCC venue meeting");
        var meetingId = await ScheduleMeetingAsync(title, DateTimeOffset.UtcNow.AddDays(21));
        await OpenMeetingAsync(meetingId, title);
        await Expect(Page.GetByTestId("meeting-format")).ToHaveTextAsync("Not yet set");
        await audit.CheckSettledAsync(Page, "meeting-page-arrangements");

        var dialog = await Page.OpenDialogAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Edit date and place", Exact = true }), "Edit date and place");
        await dialog.Field("Venue").FillAsync("Board Room, Civic Centre");
        await dialog.Field("Address").FillAsync("1 High Street, Leeds LS1 1AA");
        await dialog.Field("Joining link").FillAsync("https://teams.example.org/join/pccc");
        await audit.CheckSettledAsync(Page, "meeting-details-dialog");
        await Page.ScreenshotAsync("lifecycle-10-details-dialog");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save details", Exact = true }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(Page.Snackbar("Meeting details saved.")).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("meeting-format")).ToHaveTextAsync("Hybrid: in person and online");
        await Expect(Page.GetByTestId("meeting-venue")).ToHaveTextAsync("Board Room, Civic Centre, 1 High Street, Leeds LS1 1AA");

        var feed = await (await Page.APIRequest.GetAsync($"/public/{Slug}/meetings.ics")).TextAsync();
        var unfolded = feed.Replace("\r\n ", "", StringComparison.Ordinal);
        var vevent = unfolded[unfolded.LastIndexOf("BEGIN:VEVENT", unfolded.IndexOf($"UID:{meetingId}", StringComparison.Ordinal), StringComparison.Ordinal)..];
        vevent[..vevent.IndexOf("END:VEVENT", StringComparison.Ordinal)].Should()
            .Contain("SEQUENCE:1").And.Contain("LOCATION:Board Room\\, Civic Centre\\, 1 High Street\\, Leeds LS1 1AA\\; online: https://teams.example.org/join/pccc");

        await Page.GotoAsync($"public/{Slug}/meetings/{meetingId}");
        await Expect(Page.GetByTestId("public-venue")).ToHaveTextAsync("Board Room, Civic Centre, 1 High Street, Leeds LS1 1AA");
        await Expect(Page.GetByTestId("public-joining")).ToContainTextAsync("https://teams.example.org/join/pccc");
        await audit.CheckSettledAsync(Page, "public-meeting-venue");
        await Page.ScreenshotAsync("lifecycle-20-public-venue");
        audit.ShouldHaveNoSeriousViolations();
    }

    [Fact]
    public async Task Secretary_CancelsAMeeting_ThePublicSeesWhy()
    {
        var audit = new AccessibilityAudit(Output);
        var title = CommitteeSteps.UniqueName("PCCC cancelled meeting");
        var meetingId = await ScheduleMeetingAsync(title, DateTimeOffset.UtcNow.AddDays(14));
        await OpenMeetingAsync(meetingId, title);

        var dialog = await Page.OpenDialogAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Cancel the meeting", Exact = true }), "Cancel the meeting");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel the meeting", Exact = true }).ClickAsync();
        await Expect(dialog.FieldMessage("Reason (shown publicly)")).ToHaveTextAsync("Say why the meeting is cancelled: the reason is shown publicly with the meeting.");
        await audit.CheckSettledAsync(Page, "cancel-meeting-dialog-error");
        await dialog.Field("Reason (shown publicly)").FillAsync("The business is moved to the March meeting");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel the meeting", Exact = true }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(Page.GetByTestId("meeting-cancelled")).ToHaveTextAsync("Cancelled: The business is moved to the March meeting");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Re-schedule", Exact = true })).ToBeVisibleAsync();
        await audit.CheckSettledAsync(Page, "meeting-page-cancelled");
        await Page.ScreenshotAsync("lifecycle-30-cancelled");

        await Page.GotoAsync($"public/{Slug}/meetings/{meetingId}");
        await Expect(Page.GetByTestId("public-cancelled")).ToHaveTextAsync("Cancelled: The business is moved to the March meeting");
        await audit.CheckSettledAsync(Page, "public-meeting-cancelled");
        await Page.GotoAsync($"public/{Slug}/meetings");
        await Expect(Page.GetByRole(AriaRole.Row).Filter(new() { HasText = title })).ToContainTextAsync("Cancelled: The business is moved to the March meeting");
        await audit.CheckSettledAsync(Page, "public-meetings-cancelled");
        audit.ShouldHaveNoSeriousViolations();
    }

    [Fact]
    public async Task Secretary_ClosesTheMeeting_FromTheConsole_TheChairSeesIt()
    {
        var audit = new AccessibilityAudit(Output);
        var title = CommitteeSteps.UniqueName("PCCC closing meeting");
        var meetingId = await ScheduleMeetingAsync(title, DateTimeOffset.UtcNow.AddMinutes(-5));
        await Page.OpenConsoleAsync(meetingId, title);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Arrived: Helen Carter", Exact = true }).ClickAsync();
        await Expect(Page.Seat("Helen Carter")).ToHaveTextAsync("Present");

        var chair = await OpenSecondBrowserAsync();
        await chair.OpenChairViewAsync(meetingId);
        await Expect(chair.GetByTestId("agenda-overview-items")).ToContainTextAsync("Riverside Surgery and Northgate Medical Practice merger application");
        await Expect(chair.GetByTestId("agenda-overview-attendance")).ToContainTextAsync("Helen Carter");
        await Expect(chair.GetByTestId("agenda-overview-quorum-now")).ToHaveAttributeAsync("data-quorate", "no");
        await audit.CheckSettledAsync(chair, "chair-view-before-first-item");
        await chair.ScreenshotAsync("lifecycle-40-chair-before-first-item");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Close the meeting", Exact = true }).ClickAsync();
        var confirm = Page.GetByRole(AriaRole.Dialog);
        await Expect(confirm).ToBeVisibleAsync();
        await Page.WaitForAnimationsAsync();
        await audit.CheckAsync(Page, "close-meeting-confirm");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Close the meeting", Exact = true }).ClickAsync();
        await Expect(Page.GetByTestId("meeting-closed")).ToContainTextAsync("The meeting was closed at");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Left: Helen Carter", Exact = true })).ToBeDisabledAsync();
        await Expect(chair.GetByTestId("meeting-closed")).ToContainTextAsync("The meeting was closed at");
        await audit.CheckSettledAsync(Page, "console-closed");
        await Page.ScreenshotAsync("lifecycle-50-console-closed");
        audit.ShouldHaveNoSeriousViolations();
    }

    private async Task OpenMeetingAsync(string meetingId, string title)
    {
        await Page.SignInAsync(DemoUsers.Secretary);
        await Page.GotoAsync($"meetings/{meetingId}");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        await Page.WaitForInteractiveAsync();
    }

    private async Task<string> ScheduleMeetingAsync(string title, DateTimeOffset startsAt)
    {
        var api = Page.APIRequest;
        var token = await api.TokenAsync(DemoUsers.Secretary, "meeting lifecycle journey");
        var committee = await api.DemoPcccAsync(token);
        var meeting = await api.SendAsync("POST", $"/api/committees/{committee.GetProperty("id").GetString()}/meetings?standingItems=false", token, new { title, startsAt });
        var id = meeting.GetProperty("id").GetString()!;
        await api.SendAsync("POST", $"/api/meetings/{id}/items", token, new { title = "Riverside Surgery and Northgate Medical Practice merger application", purpose = "Decision", isPrivate = false, version = meeting.GetProperty("version").GetString() });
        return id;
    }
}
