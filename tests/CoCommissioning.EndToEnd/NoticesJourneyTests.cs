using System.Globalization;
using CoCommissioning.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CoCommissioning.EndToEnd;

/// <summary>
/// Issue 13, notices: the secretary gives a member an action (through the JSON API); the member finds the email the
/// app sent on the Notices page, turns one kind of notice off and saves; the governance lead sees the message among
/// all of the organisation's, with its status in words, and filters by status.
/// </summary>
public sealed class NoticesJourneyTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    private const string MemberName = "Dr Aisha Rahman";

    [Fact]
    public async Task MemberSeesTheNoticeSentAndTurnsAKindOff_GovernanceLeadSeesAllWithStatus()
    {
        var audit = new AccessibilityAudit(Output);
        var description = await RaiseActionForTheMemberAsync();

        await Page.SignInAsync(DemoUsers.Member);
        await Page.NavigateAsync("Notices", "Notices");
        await audit.CheckSettledAsync(Page, "notices-member");

        // The dispatcher sends within a second or two: the message is listed as sent (reload until it is).
        var message = Page.GetByTestId("notice-list").Locator("tbody tr").Filter(new() { HasText = "Action for you" }).First;
        await Expect(message).ToBeVisibleAsync();
        for (var i = 0; i < 20 && !(await message.GetByTestId("notice-status").InnerTextAsync()).Contains("Sent", StringComparison.Ordinal); i++)
        {
            await Task.Delay(500);
            await Page.ReloadAsync();
            await Page.WaitForInteractiveAsync();
        }

        await Expect(message.GetByTestId("notice-status")).ToContainTextAsync("Sent");
        await message.GetByText("Action for you").First.ClickAsync();
        await Expect(message.Locator("pre.notice-body").Filter(new() { HasText = description })).ToBeVisibleAsync();
        await audit.CheckSettledAsync(Page, "notices-member-message-open");
        await Page.ScreenshotAsync("notices-01-member");

        // Turn "agenda published" off, with the keyboard, and save.
        var agenda = Page.GetByRole(AriaRole.Checkbox, new() { Name = "Agenda published", Exact = true });
        await Expect(agenda).ToBeCheckedAsync();
        await agenda.FocusAsync();
        await Page.Keyboard.PressAsync("Space");
        await Expect(agenda).Not.ToBeCheckedAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save settings", Exact = true }).ClickAsync();
        await Expect(Page.Snackbar("Your notice settings are saved.")).ToBeVisibleAsync();
        await Page.ReloadAsync();
        await Page.WaitForInteractiveAsync();
        await Expect(Page.GetByRole(AriaRole.Checkbox, new() { Name = "Agenda published", Exact = true })).Not.ToBeCheckedAsync();
        await Expect(Page.GetByRole(AriaRole.Checkbox, new() { Name = "Action assigned to you", Exact = true })).ToBeCheckedAsync();
        await audit.CheckSettledAsync(Page, "notices-member-saved");
        await Page.ScreenshotAsync("notices-02-settings-saved");

        // Put it back, so other journeys see the demo as seeded.
        await Page.GetByRole(AriaRole.Checkbox, new() { Name = "Agenda published", Exact = true }).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save settings", Exact = true }).ClickAsync();
        await Expect(Page.Snackbar("Your notice settings are saved.")).ToBeVisibleAsync();

        // The governance lead sees every message of the organisation, with its status in words.
        var lead = await OpenSecondBrowserAsync();
        await lead.SignInAsync(DemoUsers.GovernanceLead);
        await lead.NavigateAsync("All notices", "All notices");
        var row = lead.GetByTestId("notice-list").Locator("tbody tr").Filter(new() { HasText = MemberName }).Filter(new() { HasText = "Action for you" }).First;
        await Expect(row).ToBeVisibleAsync();
        await Expect(row.GetByTestId("notice-status")).ToContainTextAsync("Sent");
        await audit.CheckSettledAsync(lead, "notices-all");
        await lead.ChooseAsync(lead.GetByRole(AriaRole.Main), "Status", "Failed");
        await Expect(lead.GetByTestId("notice-list").Locator("tbody tr").Filter(new() { HasText = description })).ToHaveCountAsync(0);
        await audit.CheckSettledAsync(lead, "notices-all-failed");
        await lead.ScreenshotAsync("notices-03-all");

        audit.ShouldHaveNoSeriousViolations();
    }

    private async Task<string> RaiseActionForTheMemberAsync()
    {
        var api = Page.APIRequest;
        var token = await api.TokenAsync(DemoUsers.Secretary, "notices journey");
        var committee = await api.DemoPcccAsync(token);
        var committeeId = committee.GetProperty("id").GetString()!;
        var owner = committee.GetProperty("memberships").EnumerateArray().First(m => m.GetProperty("personName").GetString() == MemberName).GetProperty("personId").GetString();
        var meeting = await api.SendAsync("POST", $"/api/committees/{committeeId}/meetings?standingItems=false", token, new { title = CommitteeSteps.UniqueName("PCCC meeting"), startsAt = DateTimeOffset.UtcNow });
        var description = CommitteeSteps.UniqueName("Send the practice list figures");
        await api.SendAsync("POST", $"/api/meetings/{meeting.GetProperty("id").GetString()}/actions", token,
            new { description, ownerPersonId = owner, dueOn = MudControls.Today.AddDays(20).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        return description;
    }
}
