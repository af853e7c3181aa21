using CoCommissioning.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CoCommissioning.EndToEnd;

/// <summary>
/// A member declares an interest concerning a practice; the governance lead reviews and accepts it. Each person uses
/// a browser context of their own, as two people on two machines would.
/// </summary>
[Collection(SecondRunningAppTests.Name)]
public sealed class DeclarationJourneyTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public async Task MemberDeclaresInterestInAPractice_GovernanceLeadAcceptsIt()
    {
        var audit = new AccessibilityAudit(Output);
        var practice = CommitteeSteps.UniqueName("Meadow Lane Surgery");
        var nature = $"Partner at {practice}, with a share of its profits";

        await MemberDeclaresAsync(Page, practice, nature, audit);

        await using var leadContext = await NewContextAsync();
        var lead = await leadContext.NewPageAsync();
        await lead.SignInAsync(DemoUsers.GovernanceLead);
        await GovernanceLeadAcceptsAsync(lead, practice, nature, audit);

        await using var visitorContext = await NewContextAsync();
        await AnonymousVisitorFindsItOnThePublicRegisterAsync(await visitorContext.NewPageAsync(), practice, nature, audit);

        audit.ShouldHaveNoSeriousViolations();
    }

    private static async Task MemberDeclaresAsync(IPage page, string practice, string nature, AccessibilityAudit audit)
    {
        await page.SignInAsync(DemoUsers.Member);
        await page.GotoAsync("declarations");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My declarations", Level = 1 })).ToBeVisibleAsync();
        await page.WaitForInteractiveAsync();
        await audit.CheckSettledAsync(page, "my-declarations");

        var dialog = await page.OpenDialogAsync(page.GetByRole(AriaRole.Button, new() { Name = "Declare an interest", Exact = true }), "Declare an interest");
        await Expect(dialog.GetByRole(AriaRole.Combobox, new() { Name = "Category", Exact = true })).ToHaveTextAsync("Financial");
        await dialog.GetByLabel("The organisation is not in the list: add it").CheckAsync();
        await dialog.Field("Name of the organisation").FillAsync(practice);
        await Expect(dialog.GetByRole(AriaRole.Combobox, new() { Name = "Kind of organisation", Exact = true })).ToHaveTextAsync("GP practice");
        await dialog.Field("Nature of the interest").FillAsync(nature);
        await dialog.Field("How you propose to manage it (optional)").FillAsync("I will leave the meeting for items about the practice.");
        await audit.CheckSettledAsync(page, "declare-interest-dialog");
        await page.ScreenshotAsync("declaration-01-dialog");

        await dialog.GetByRole(AriaRole.Button, new() { Name = "Declare", Exact = true }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = nature });
        await Expect(row).ToContainTextAsync("Awaiting review");
        await Expect(row).ToContainTextAsync($"Concerns: {practice}");
        await Expect(page.Snackbar("Declared")).ToBeVisibleAsync();
        await audit.CheckSettledAsync(page, "my-declarations-after-declaring");
        await page.ScreenshotAsync("declaration-02-awaiting-review");
    }

    private static async Task GovernanceLeadAcceptsAsync(IPage page, string practice, string nature, AccessibilityAudit audit)
    {
        await page.GotoAsync("registers/interests");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Register of interests", Level = 1 })).ToBeVisibleAsync();
        await page.WaitForInteractiveAsync();
        await page.GetByLabel("Search by person, position, organisation or nature").FillAsync(practice);
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = nature });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("Dr Aisha Rahman");
        await Expect(row).ToContainTextAsync("Awaiting review");
        await audit.CheckSettledAsync(page, "register-of-interests");
        await page.ScreenshotAsync("declaration-03-register");

        var dialog = await page.OpenDialogAsync(row.GetByRole(AriaRole.Button, new() { Name = "Review" }), "Review declaration");
        await Expect(dialog.GetByRole(AriaRole.Table, new() { Name = "Versions of this declaration, newest first" })).ToContainTextAsync(nature);
        await dialog.Field("Agreed mitigation").FillAsync("Leaves the room for items about the practice and takes no part in them.");
        await audit.CheckSettledAsync(page, "review-declaration-dialog");
        await page.ScreenshotAsync("declaration-04-review");

        await dialog.GetByRole(AriaRole.Button, new() { Name = "Accept", Exact = true }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(row).ToContainTextAsync("Accepted");
        await Expect(page.Snackbar("Accepted.")).ToBeVisibleAsync();
        await audit.CheckSettledAsync(page, "register-after-accepting");
        await page.ScreenshotAsync("declaration-05-accepted");
    }

    /// <summary>
    /// An anonymous visitor (no sign-in) goes from the organisation's public page to its register of interests,
    /// searches for the practice and finds the accepted entry; the page is plain server-rendered HTML.
    /// </summary>
    private static async Task AnonymousVisitorFindsItOnThePublicRegisterAsync(IPage page, string practice, string nature, AccessibilityAudit audit)
    {
        // The public site is plain server HTML (ADR-0024): no circuit to wait for, only the page's heading.
        await page.GotoAsync("public/example-ccg");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Example CCG", Level = 1 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Register of interests", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Register of interests", Level = 1 })).ToBeVisibleAsync();
        await audit.CheckAsync(page, "public-register-of-interests");

        await page.GetByLabel("Search", new() { Exact = true }).FillAsync(practice);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = nature });
        await Expect(row).ToContainTextAsync(practice);
        await Expect(row).ToContainTextAsync("Dr Aisha Rahman");
        await Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "Mitigation proposed by the member", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "Mitigation agreed by the governance lead", Exact = true })).ToBeVisibleAsync();
        await Expect(row.GetByRole(AriaRole.Cell, new() { Name = "I will leave the meeting for items about the practice.", Exact = true })).ToBeVisibleAsync();
        await Expect(row.GetByRole(AriaRole.Cell, new() { Name = "Leaves the room for items about the practice and takes no part in them.", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "CSV", Exact = false }).First).ToBeVisibleAsync();
        await audit.CheckAsync(page, "public-register-search");
        await page.ScreenshotAsync("declaration-04-public-register");
    }

    private async Task<IBrowserContext> NewContextAsync()
    {
        var context = await App.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseAddress.ToString(),
            Locale = "en-GB",
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        context.SetDefaultTimeout(15_000);
        return context;
    }
}
