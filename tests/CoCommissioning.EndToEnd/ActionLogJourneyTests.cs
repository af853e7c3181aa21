using System.Globalization;
using System.Text.Json;
using CoCommissioning.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CoCommissioning.EndToEnd;

/// <summary>
/// The secretary raises an action for a member at a meeting (made through the JSON API), and sees it in the action
/// log beside an overdue action of someone else's. The member finds it under "mine only"; a change the secretary
/// makes meanwhile refuses the member's stale save, and on the reloaded log the member marks it done.
/// </summary>
public sealed class ActionLogJourneyTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    private const string MemberName = "Dr Aisha Rahman";
    private const string OtherOwnerName = "Helen Carter";
    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");
    private static readonly TimeZoneInfo UkZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    [Fact]
    public async Task SecretaryRaisesAnAction_MemberMarksItDone()
    {
        var audit = new AccessibilityAudit(Output);
        var setup = await SetUpThroughTheApiAsync();
        var description = CommitteeSteps.UniqueName("Circulate the extended access pilot evaluation");
        var due = MudControls.Today.AddDays(14);

        // The secretary opens the log: the overdue action is shown as overdue in words.
        await Page.SignInAsync(DemoUsers.Secretary);
        await Page.NavigateAsync("Action log", "Action log");
        var overdueRow = Row(Page, setup.OverdueDescription);
        await Expect(overdueRow).ToBeVisibleAsync();
        await Expect(overdueRow.GetByTestId("action-status")).ToHaveTextAsync("Overdue");
        await Expect(overdueRow).ToContainTextAsync(OtherOwnerName);
        await audit.CheckSettledAsync(Page, "action-log-secretary");
        await Page.ScreenshotAsync("action-log-01-secretary");

        // Raising with nothing filled in names each missing field beside it.
        var dialog = await Page.OpenDialogAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Raise an action", Exact = true }), "Raise an action");
        // Other journeys in the run add committees, so the demo PCCC is chosen rather than assumed first.
        if (await dialog.Field("Committee").CountAsync() > 0)
        {
            await Page.ChooseAsync(dialog, "Committee", "Primary Care Commissioning Committee");
        }

        await Page.ChooseAsync(dialog, "Meeting", setup.MeetingOption);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Raise", Exact = true }).ClickAsync();
        await Expect(dialog.FieldMessage("Action")).ToHaveTextAsync("Enter the description.");
        await Expect(dialog.FieldMessage("Owner")).ToHaveTextAsync("Choose the person who owns the action.");
        await audit.CheckSettledAsync(Page, "raise-action-errors");
        await Page.ScreenshotAsync("action-log-02-raise-errors");

        await dialog.Field("Action").FillAsync(description);
        await Page.ChooseAsync(dialog, "Owner", MemberName);
        await Page.PickDateAsync(dialog, "Due date (optional)", due);
        await audit.CheckSettledAsync(Page, "raise-action-filled");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Raise", Exact = true }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(Page.Snackbar($"Action raised for {MemberName}.")).ToBeVisibleAsync();

        var row = Row(Page, description);
        await Expect(row).ToBeVisibleAsync();
        await Expect(row).ToContainTextAsync(MemberName);
        await Expect(row).ToContainTextAsync(due.ToString("d MMMM yyyy", Uk));
        await Expect(row.GetByTestId("action-status")).ToHaveTextAsync("Open");
        await Expect(row.GetByRole(AriaRole.Link, new() { Name = setup.MeetingTitle, Exact = true })).ToHaveAttributeAsync("href", $"/meetings/{setup.MeetingId}");
        await audit.CheckSettledAsync(Page, "action-log-raised");
        await Page.ScreenshotAsync("action-log-03-raised");

        // The member signs in and finds it among their own actions; someone else's is not there.
        var member = await OpenSecondBrowserAsync();
        await member.SignInAsync(DemoUsers.Member);
        await member.NavigateAsync("Action log", "Action log");
        await Expect(Row(member, setup.OverdueDescription)).ToBeVisibleAsync();
        await Expect(Row(member, setup.OverdueDescription).GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await member.GetByRole(AriaRole.Main).GetByLabel("Mine only").CheckAsync();
        await Expect(Row(member, setup.OverdueDescription)).ToHaveCountAsync(0);
        var mine = Row(member, description);
        await Expect(mine).ToBeVisibleAsync();
        await audit.CheckSettledAsync(member, "action-log-member-mine");
        await member.ScreenshotAsync("action-log-04-member-mine");

        // The secretary changes the action while the member has it open: the member's save is refused.
        var update = await member.OpenDialogAsync(mine.GetByRole(AriaRole.Button, new() { Name = $"Update status: {description}", Exact = true }), "Update status");
        await SetStatusThroughTheApiAsync(setup, description, "InProgress");
        await member.ChooseAsync(update, "Status", "Done");
        await update.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(update).ToHaveCountAsync(0);
        await Expect(member.GetByTestId("action-log-conflict")).ToContainTextAsync("Someone else changed this action after you opened it");
        await Expect(mine.GetByTestId("action-status")).ToHaveTextAsync("In progress");
        await audit.CheckSettledAsync(member, "action-log-member-conflict");
        await member.ScreenshotAsync("action-log-05-member-conflict");

        // On the reloaded log the member marks it done; it leaves the open actions and shows under done.
        update = await member.OpenDialogAsync(mine.GetByRole(AriaRole.Button, new() { Name = $"Update status: {description}", Exact = true }), "Update status");
        await member.ChooseAsync(update, "Status", "Done");
        await update.Field("Note (optional)").FillAsync("Circulated to members by email.");
        await audit.CheckSettledAsync(member, "update-status-dialog");
        await update.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(update).ToHaveCountAsync(0);
        await Expect(member.Snackbar("Action updated")).ToBeVisibleAsync();
        await Expect(mine).ToHaveCountAsync(0);

        await member.ChooseAsync(member.GetByRole(AriaRole.Main), "Status", "Done or dropped");
        await Expect(mine.GetByTestId("action-status")).ToHaveTextAsync($"Done on {MudControls.Today.ToString("d MMMM yyyy", Uk)}");
        await Expect(mine).ToContainTextAsync("Circulated to members by email.");
        await audit.CheckSettledAsync(member, "action-log-member-done");
        await member.ScreenshotAsync("action-log-06-member-done");

        audit.ShouldHaveNoSeriousViolations();
    }

    private static ILocator Row(IPage page, string description) =>
        page.GetByTestId("action-log").Locator("tbody tr").Filter(new() { Has = page.GetByText(description, new() { Exact = true }) });

    private sealed record Setup(string Token, string CommitteeId, string MeetingId, string MeetingTitle, string MeetingOption, string OverdueDescription, string MemberPersonId);

    /// <summary>
    /// A meeting of the demo PCCC today, for the secretary to raise the action at; and one ten days ago with an
    /// action someone else owns, due three days ago, so the log has an overdue action.
    /// </summary>
    private async Task<Setup> SetUpThroughTheApiAsync()
    {
        var api = Page.APIRequest;
        var token = await api.TokenAsync(DemoUsers.Secretary, "action log test");
        var committee = await api.DemoPcccAsync(token);
        var committeeId = committee.GetProperty("id").GetString()!;
        string PersonId(string name) => committee.GetProperty("memberships").EnumerateArray()
            .First(m => m.GetProperty("personName").GetString() == name).GetProperty("personId").GetString()!;

        var title = CommitteeSteps.UniqueName("PCCC meeting");
        var startsAt = DateTimeOffset.UtcNow;
        var meeting = await api.SendAsync("POST", $"/api/committees/{committeeId}/meetings?standingItems=false", token, new { title, startsAt });
        var option = $"{title}, {TimeZoneInfo.ConvertTime(startsAt, UkZone).ToString("d MMMM yyyy", Uk)}";

        var earlier = await api.SendAsync("POST", $"/api/committees/{committeeId}/meetings?standingItems=false", token, new { title = CommitteeSteps.UniqueName("Earlier PCCC meeting"), startsAt = startsAt.AddDays(-10) });
        var overdue = CommitteeSteps.UniqueName("Report on the practice list dispersal");
        await api.SendAsync("POST", $"/api/meetings/{earlier.GetProperty("id").GetString()}/actions", token,
            new { description = overdue, ownerPersonId = PersonId(OtherOwnerName), dueOn = MudControls.Today.AddDays(-3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });

        return new Setup(token, committeeId, meeting.GetProperty("id").GetString()!, title, option, overdue, PersonId(MemberName));
    }

    private async Task SetStatusThroughTheApiAsync(Setup setup, string description, string status)
    {
        var api = Page.APIRequest;
        var actions = await api.SendAsync("GET", $"/api/committees/{setup.CommitteeId}/actions?owner={setup.MemberPersonId}", setup.Token);
        var action = actions.EnumerateArray().Single(a => a.GetProperty("description").GetString() == description);
        await api.SendAsync("PUT", $"/api/actions/{action.GetProperty("id").GetString()}", setup.Token, new
        {
            status,
            statusNote = (string?)null,
            dueOn = action.GetProperty("dueOn").GetString(),
            version = action.GetProperty("version").GetString(),
        });
    }
}
