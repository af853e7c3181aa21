using System.Globalization;
using CoCommissioning.Domain.Meetings;
using CoCommissioning.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CoCommissioning.EndToEnd;

/// <summary>
/// The secretary reads the PCCC's meetings for this financial year on the committee page, with the warning that
/// fewer are scheduled than the terms of reference require (the demo has 4 of 6), and schedules one more: the
/// dialog shows the field's message when the title is missing, and afterwards the list and the warning are updated.
/// </summary>
public sealed class MeetingScheduleJourneyTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    private static readonly CultureInfo UkCulture = CultureInfo.GetCultureInfo("en-GB");

    [Fact]
    public async Task SecretarySchedulesAMeeting_FromTheCommitteePage_ListAndWarningUpdate()
    {
        var audit = new AccessibilityAudit(Output);
        var year = FinancialYear.Containing(MudControls.Today);
        await Page.SignInAsync(DemoUsers.Secretary);
        await Page.GotoAsync("committees");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Primary Care Commissioning Committee", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Primary Care Commissioning Committee", Level = 1 })).ToBeVisibleAsync();
        await Page.WaitForInteractiveAsync();

        var section = Page.GetByTestId("committee-meetings");
        await Expect(section.GetByRole(AriaRole.Heading, new() { Name = "Meetings", Level = 2 })).ToBeVisibleAsync();
        // The demo has 4 of the 6 meetings the terms of reference ask for; other journeys in the same run may have
        // scheduled more, so the expectations follow the count the page starts with.
        var warning = Page.GetByTestId("meeting-schedule-warning");
        var rows = Page.GetByTestId("meetings-table").Locator("tbody tr");
        await Expect(rows.First).ToBeVisibleAsync();
        var before = await rows.CountAsync();
        before.Should().BeGreaterThanOrEqualTo(4);
        await ExpectWarningAsync(warning, year, before);
        var todays = $"Primary Care Commissioning Committee – {MudControls.Today.ToString("d MMMM yyyy", UkCulture)}";
        await Expect(section.GetByRole(AriaRole.Link, new() { Name = $"Open {todays}", Exact = true })).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("meetings/[0-9a-f-]{36}$"));
        await audit.CheckSettledAsync(Page, "committee-meetings");
        await Page.ScreenshotAsync("meetings-10-committee-schedule");

        var dialog = await Page.OpenDialogAsync(section.GetByRole(AriaRole.Button, new() { Name = "Schedule a meeting", Exact = true }), "Schedule a meeting");
        await Page.PickDateAsync(dialog, "Date", MudControls.Today);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Schedule", Exact = true }).ClickAsync();
        await Expect(dialog.FieldMessage("Title")).ToHaveTextAsync("Enter the title.");
        await audit.CheckSettledAsync(Page, "schedule-meeting-dialog-error");
        await Page.ScreenshotAsync("meetings-20-schedule-dialog-error");

        var title = CommitteeSteps.UniqueName("Extraordinary meeting");
        await dialog.Field("Title").FillAsync(title);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Schedule", Exact = true }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(Page.Snackbar($"Scheduled: {title}")).ToBeVisibleAsync();
        await Expect(rows).ToHaveCountAsync(before + 1);
        await Expect(rows.Filter(new() { HasText = title })).ToContainTextAsync(MudControls.Today.ToString("d MMMM yyyy", UkCulture));
        await ExpectWarningAsync(warning, year, before + 1);
        await Page.WaitForAnimationsAsync();
        await Page.ScreenshotAsync("meetings-30-scheduled");
    }

    [Fact]
    public async Task Member_SeesTheMeetingsButCannotSchedule()
    {
        await Page.SignInAsync(DemoUsers.Member);
        await Page.GotoAsync("committees");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Primary Care Commissioning Committee", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Meetings", Level = 2 })).ToBeVisibleAsync();
        await Page.WaitForInteractiveAsync();

        await Expect(Page.GetByTestId("meetings-table").Locator("tbody tr").First).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Schedule a meeting" })).ToHaveCountAsync(0);
    }

    private static Task ExpectWarningAsync(ILocator warning, FinancialYear year, int scheduled) =>
        scheduled < 6
            ? Expect(warning).ToHaveTextAsync($"The terms of reference require at least 6 meetings in {year.Label}; {scheduled} are scheduled.")
            : Expect(warning).ToHaveCountAsync(0);
}
