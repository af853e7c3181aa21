using CoCommissioning.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CoCommissioning.EndToEnd;

/// <summary>
/// An anonymous visitor, at desktop and at phone width (390×844), finds the demo Provider Selection Regime decision on
/// the public procurement register and opens its page (ADR-0023): who made the decision, and each conflict of interest
/// declared with how it was managed. Axe runs on every page at both sizes; screenshots are kept.
/// </summary>
public sealed class PsrPublicJourneyTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    private const string DemoTitle = "Extended access appointments for the Riverside area awarded to the GP federation";

    [Fact]
    public async Task AnonymousVisitor_FindsAPsrDecision_AndSeesWhoDecidedAndTheConflicts_AtDesktopAndPhoneWidth()
    {
        var audit = new AccessibilityAudit(Output);
        foreach (var (name, width, height) in new[] { ("desktop", 1280, 800), ("phone", 390, 844) })
        {
            await using var context = await App.Browser.NewContextAsync(new BrowserNewContextOptions
            {
                BaseURL = App.BaseAddress.ToString(),
                Locale = "en-GB",
                ViewportSize = new ViewportSize { Width = width, Height = height },
            });
            context.SetDefaultTimeout(15_000);
            var page = await context.NewPageAsync();

            await page.GotoAsync("public/example-ccg/registers/procurement");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Procurement decisions", Level = 1 })).ToBeVisibleAsync();
            var link = page.GetByRole(AriaRole.Link, new() { Name = DemoTitle, Exact = true });
            await Expect(link).ToBeVisibleAsync();
            await audit.CheckAsync(page, $"psr-public-register-{name}");
            await page.ScreenshotAsync($"psr-public-01-register-{name}");

            await link.ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = DemoTitle, Level = 1 })).ToBeVisibleAsync();
            await Expect(page.GetByTestId("psr-award")).ToContainTextAsync("Most suitable provider");
            await Expect(page.GetByTestId("psr-award")).ToContainTextAsync("Decided by");

            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Who made the decision", Level = 2 })).ToBeVisibleAsync();
            var makers = page.GetByTestId("psr-decision-makers").GetByRole(AriaRole.Listitem);
            await Expect(makers).ToHaveTextAsync(["Margaret Hughes, Chair (lay member)", "Sarah Whitfield, Chief Officer", "Rachel Adams, Nurse member"]);

            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Conflicts of interest and how they were managed", Level = 2 })).ToBeVisibleAsync();
            var conflicts = page.GetByTestId("psr-conflicts");
            await Expect(conflicts).ToContainTextAsync("Dr Tom Gallagher (shareholder in the federation)");
            await Expect(conflicts).ToContainTextAsync("How it was managed: Both left the room for the item and did not vote");
            await audit.CheckAsync(page, $"psr-public-decision-{name}");
            await page.ScreenshotAsync($"psr-public-02-decision-{name}");

            // Back to the register by the breadcrumb.
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Breadcrumb" }).GetByRole(AriaRole.Link, new() { Name = "Procurement decisions" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Procurement decisions", Level = 1 })).ToBeVisibleAsync();
        }

        audit.ShouldHaveNoSeriousViolations();
    }
}
