using CoCommissioning.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CoCommissioning.EndToEnd;

/// <summary>
/// The annual declaration cycle: the governance lead opens it and sends reminders; the chair, who has no interests,
/// makes a nil return from My declarations; the dashboard shows her return.
/// </summary>
public sealed class AnnualDeclarationsJourneyTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public async Task GovernanceLeadOpensCycleAndReminds_ChairMakesANilReturn_DashboardShowsIt()
    {
        var audit = new AccessibilityAudit(Output);
        await Page.SignInAsync(DemoUsers.GovernanceLead);
        await Page.NavigateAsync("Annual declarations", "Annual declarations");
        await Page.WaitForInteractiveAsync();
        await audit.CheckSettledAsync(Page, "annual-cycle-none-open");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Open the cycle", Exact = true }).ClickAsync();
        await Expect(Page.Snackbar("is open")).ToBeVisibleAsync();
        var helen = Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Helen Carter" });
        await Expect(helen).ToContainTextAsync("Outstanding");
        await Expect(helen).ToContainTextAsync("Member: Primary Care Commissioning Committee");
        await audit.CheckSettledAsync(Page, "annual-cycle-open");

        await Page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Send reminders to \\d+ outstanding$") }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Send reminders", Exact = true }).ClickAsync();
        await Expect(Page.Snackbar("reminders sent")).ToBeVisibleAsync();
        await Expect(helen).ToContainTextAsync("1 sent");
        await Page.ScreenshotAsync("annual-01-dashboard-reminded");

        var chairContext = await OpenSecondBrowserAsync();
        await chairContext.SignInAsync(DemoUsers.Chair);
        await chairContext.NavigateAsync("My declarations", "My declarations");
        await chairContext.WaitForInteractiveAsync();
        await Expect(chairContext.GetByText("Your annual return is due by")).ToBeVisibleAsync();
        await audit.CheckSettledAsync(chairContext, "my-declarations-cycle-open");
        await chairContext.GetByRole(AriaRole.Button, new() { Name = "Make a nil return", Exact = true }).ClickAsync();
        await chairContext.GetByRole(AriaRole.Button, new() { Name = "Confirm", Exact = true }).ClickAsync();
        await Expect(chairContext.Snackbar("your annual return is submitted")).ToBeVisibleAsync();
        await Expect(chairContext.GetByText("Your return was submitted on")).ToBeVisibleAsync();
        await audit.CheckSettledAsync(chairContext, "my-declarations-return-submitted");
        await chairContext.ScreenshotAsync("annual-02-chair-submitted");

        await Page.ReloadAsync();
        await Page.WaitForInteractiveAsync();
        await Expect(helen).ToContainTextAsync("Submitted");
        await Expect(helen).ToContainTextAsync("Nil return");

        audit.ShouldHaveNoSeriousViolations();
    }
}
