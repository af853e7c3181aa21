using CoCommissioning.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CoCommissioning.EndToEnd;

/// <summary>
/// Two secretaries edit the same committee in two browsers: the second save, made on what the page showed before
/// the first, is refused with a message, and the page reloads so the second secretary sees the first one's change.
/// </summary>
[Collection(SecondRunningAppTests.Name)]
public sealed class CommitteeStaleEditJourneyTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    private const string ConflictMessage = "Someone else changed this committee after you opened it.";

    [Fact]
    public async Task SecondSaveOfCommitteeDetails_OnAStalePage_ShowsConflictAndReloads()
    {
        var audit = new AccessibilityAudit(Output);
        await Page.SignInAsync(DemoUsers.Secretary);
        var name = CommitteeSteps.UniqueName("Stale edit committee");
        var committeeId = await Page.CreateCommitteeAsync(name);

        // The second secretary opens the committee before the first one changes it.
        var second = await OpenSecondBrowserAsync();
        await second.SignInAsync(DemoUsers.Secretary);
        await second.OpenCommitteeAsync(committeeId, name);

        var first = await Page.OpenEditDetailsAsync();
        await first.Field("Purpose").FillAsync("Purpose set by the first secretary.");
        await first.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(first).ToHaveCountAsync(0);
        await Expect(Page.Snackbar("Saved.")).ToBeVisibleAsync();
        await Expect(Page.GetByText("Purpose set by the first secretary.", new() { Exact = true })).ToBeVisibleAsync();

        // The second secretary's page still shows the committee as it was, and so does their dialog.
        await Expect(second.GetByText("Purpose set by the first secretary.", new() { Exact = true })).ToHaveCountAsync(0);
        var stale = await second.OpenEditDetailsAsync();
        await Expect(stale.Field("Purpose")).ToHaveValueAsync("");
        var renamed = name + " (renamed)";
        await stale.Field("Name").FillAsync(renamed);
        await stale.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

        // Refused: the dialog closes, the message says why, and the page shows the first secretary's change.
        await Expect(stale).ToHaveCountAsync(0);
        await Expect(second.Snackbar(ConflictMessage)).ToBeVisibleAsync();
        await Expect(second.GetByText("Purpose set by the first secretary.", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(second.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
        await second.WaitForAnimationsAsync();
        await audit.CheckSettledAsync(second, "committee-stale-edit-refused");
        await second.ScreenshotAsync("committee-20-stale-edit-refused");

        // On the reloaded page the same change now saves, keeping the first secretary's purpose.
        var fresh = await second.OpenEditDetailsAsync();
        await Expect(fresh.Field("Purpose")).ToHaveValueAsync("Purpose set by the first secretary.");
        await fresh.Field("Name").FillAsync(renamed);
        await fresh.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(fresh).ToHaveCountAsync(0);
        await Expect(second.Snackbar("Saved.")).ToBeVisibleAsync();
        await Expect(second.GetByRole(AriaRole.Heading, new() { Name = renamed, Level = 1 })).ToBeVisibleAsync();
        await Expect(second.GetByText("Purpose set by the first secretary.", new() { Exact = true })).ToBeVisibleAsync();
        await second.ScreenshotAsync("committee-21-saved-after-reload");

        audit.ShouldHaveNoSeriousViolations();
    }
}
