using CoCommissioning.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CoCommissioning.EndToEnd;

/// <summary>A member declares an offer and sees the guidance change as they type; the governance lead accepts it.</summary>
[Collection(SecondRunningAppTests.Name)]
public sealed class GiftsJourneyTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public async Task Member_DeclaresHospitality_AdviceFollowsTheValue_GovernanceLeadAccepts()
    {
        var audit = new AccessibilityAudit(Output);
        await Page.SignInAsync(DemoUsers.Member);
        await Page.GotoAsync("gifts");
        await Page.WaitForInteractiveAsync();
        await audit.CheckSettledAsync(Page, "my-gifts");

        var dialog = await Page.OpenDialogAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Declare an offer" }), "Declare a gift or hospitality");
        var advice = dialog.GetByTestId("gift-advice");
        await Page.ChooseAsync(dialog, "Gift or hospitality", "Hospitality (a meal, an event, travel)");
        var offeror = CommitteeSteps.UniqueName("Acme Dinner");
        await dialog.Field("Offered by (person or company)").FillAsync(offeror);
        await Page.ChooseAsync(dialog, "Is the offeror a supplier or contractor?", "No");
        await dialog.Field("Estimated value (£)").FillAsync("24.99");
        await Expect(advice).ToContainTextAsync("May accept: no declaration needed");
        await dialog.Field("Estimated value (£)").FillAsync("30");
        await Expect(advice).ToContainTextAsync("May accept: must declare");
        await audit.CheckSettledAsync(Page, "declare-dialog");
        await Page.ScreenshotAsync("gifts-01-declare-dialog");

        await dialog.GetByRole(AriaRole.Button, new() { Name = "Declare", Exact = true }).ClickAsync();
        await Expect(dialog.FieldMessage("What was offered")).ToContainTextAsync("Enter the description.");
        await Expect(dialog.FieldMessage("Did you accept or decline it?")).ToContainTextAsync("accepted or declined");
        await dialog.Field("What was offered").FillAsync("<b>Dinner</b> after a conference");
        await Page.ChooseAsync(dialog, "Did you accept or decline it?", "Accepted");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Declare", Exact = true }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        var row = Page.GetByTestId("gift-table").Locator("tbody tr").Filter(new() { HasText = offeror });
        await Expect(row).ToContainTextAsync("<b>Dinner</b> after a conference");
        await Expect(row).ToContainTextAsync("Awaiting review");
        await audit.CheckSettledAsync(Page, "my-gifts-declared");
        await Page.ScreenshotAsync("gifts-02-declared");

        await Page.Context.ClearCookiesAsync();
        await Page.SignInAsync(DemoUsers.GovernanceLead);
        await Page.GotoAsync("registers/gifts");
        await Page.WaitForInteractiveAsync();
        var entry = Page.GetByTestId("gift-table").Locator("tbody tr").Filter(new() { HasText = offeror });
        await entry.GetByRole(AriaRole.Button, new() { Name = "Accept", Exact = false }).ClickAsync();
        await Expect(Page.Snackbar("Accepted.")).ToBeVisibleAsync();
        await Expect(entry).ToHaveCountAsync(0);
        await audit.CheckSettledAsync(Page, "gifts-register");

        foreach (var path in new[] { "registers/settings", "registers/procurement", "registers/breaches" })
        {
            await Page.GotoAsync(path);
            await Page.WaitForInteractiveAsync();
            await audit.CheckSettledAsync(Page, path.Replace('/', '-'));
            await Page.ScreenshotAsync(path.Replace('/', '-'));
        }

        audit.ShouldHaveNoSeriousViolations();
    }
}
