using System.Text.RegularExpressions;
using CoCommissioning.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CoCommissioning.EndToEnd;

/// <summary>
/// The governance lead on the procurement register (ADR-0023): opens the drafted notice of intention of the demo
/// Provider Selection Regime record from the keyboard, reads it, copies it (and is told how to copy by hand when the
/// browser has no clipboard), closes it, and reads the annual summary for the year of the demo award. Axe runs with
/// the dialog open and closed.
/// </summary>
public sealed class PsrStaffJourneyTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    private const string DemoTitle = "Extended access appointments for the Riverside area awarded to the GP federation";

    [Fact]
    public async Task GovernanceLead_ReadsAndCopiesTheNoticeOfIntention_AndSeesTheAnnualSummary()
    {
        var audit = new AccessibilityAudit(Output);
        await Page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await Page.SignInAsync(DemoUsers.GovernanceLead);
        await Page.NavigateAsync("Procurement decisions", "Procurement decisions");
        await audit.CheckSettledAsync(Page, "procurement-register");

        // Opened from the keyboard: the button is named for its record.
        var opener = Page.GetByRole(AriaRole.Button, new() { Name = $"Notice of intention: {DemoTitle}", Exact = true });
        await opener.FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        var dialog = Page.MudDialog($"Notice of intention: {DemoTitle}");
        await Expect(dialog).ToBeVisibleAsync();
        var text = dialog.GetByLabel("Notice text");
        await Expect(text).ToHaveValueAsync(new Regex($"^Notice of intention to award a contract: {Regex.Escape(DemoTitle)}"));
        await Expect(text).ToHaveValueAsync(new Regex("following the most suitable provider process under the Health Care Services \\(Provider Selection Regime\\) Regulations 2023"));
        await Expect(text).ToHaveValueAsync(new Regex("Margaret Hughes, Chair \\(lay member\\)"));
        await Expect(text).ToHaveValueAsync(new Regex("Reference: FTS-000123-2026"));
        await Expect(text).ToHaveAttributeAsync("readonly", new Regex(".*"));
        await audit.CheckSettledAsync(Page, "procurement-notice-dialog");
        await Page.ScreenshotAsync("psr-01-notice-dialog");

        // Copy puts the notice on the clipboard.
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Copy", Exact = true }).ClickAsync();
        await Expect(Page.Snackbar("Copied")).ToBeVisibleAsync();
        var copied = await Page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        copied.Should().StartWith($"Notice of intention to award a contract: {DemoTitle}");

        // Without a clipboard (an insecure origin, an old browser) the text is selected to copy by hand.
        await Page.EvaluateAsync("() => Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true })");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Copy", Exact = true }).ClickAsync();
        await Expect(Page.Snackbar("press Ctrl+C")).ToBeVisibleAsync();
        await Expect(text).ToBeFocusedAsync();
        await audit.CheckSettledAsync(Page, "procurement-notice-dialog-copy-by-hand");

        await dialog.GetByRole(AriaRole.Button, new() { Name = "Close", Exact = true }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(opener).ToBeVisibleAsync();

        // The annual summary, for the year the demo contract was awarded (two months ago, plus its 14 days).
        var summary = Page.GetByTestId("psr-annual-summary");
        await Expect(summary.GetByRole(AriaRole.Heading, new() { Name = "Annual summary", Level = 2 })).ToBeVisibleAsync();
        var thisYear = MudControls.Today.Year;
        await Expect(summary.Field("Year")).ToContainTextAsync(thisYear.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var demoYear = MudControls.Today.AddMonths(-2).AddDays(14).Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (demoYear != thisYear.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            await Page.ChooseAsync(summary, "Year", demoYear);
        }

        var table = summary.GetByRole(AriaRole.Table, new() { Name = $"Contracts awarded in {demoYear}, by process" });
        await Expect(table.GetByRole(AriaRole.Row).Filter(new() { HasText = "Most suitable provider" })).ToContainTextAsync("£420,000");
        await Expect(table.GetByRole(AriaRole.Row).Filter(new() { HasText = "All processes" })).ToContainTextAsync("£420,000");
        await Expect(table.GetByRole(AriaRole.Row).Filter(new() { HasText = "Urgent award" })).ToContainTextAsync("£0");
        await Expect(summary.GetByTestId("psr-summary-representations")).ToContainTextAsync("Representations received");
        await Expect(summary.GetByTestId("psr-summary-representations")).ToContainTextAsync("Representations upheld");
        await audit.CheckSettledAsync(Page, "procurement-annual-summary");
        await Page.ScreenshotAsync("psr-02-annual-summary");

        // A year with no awards reads as noughts, not as an error.
        await Page.ChooseAsync(summary, "Year", "2024");
        var empty = summary.GetByRole(AriaRole.Table, new() { Name = "Contracts awarded in 2024, by process" });
        await Expect(empty.GetByRole(AriaRole.Row).Filter(new() { HasText = "All processes" })).ToContainTextAsync("£0");

        audit.ShouldHaveNoSeriousViolations();
    }
}
