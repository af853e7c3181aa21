using CoCommissioning.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CoCommissioning.EndToEnd;

/// <summary>
/// Issue 13: the governance lead finds her own change in the audit trail by person and UK date range, opens its
/// details and downloads the CSV; the date field reads 31/12/2026 and says 31/02/2026 is not a real date; Esc on a
/// half-filled dialog asks before throwing the typing away.
/// </summary>
[Collection(SecondRunningAppTests.Name)]
public sealed class FormsJourneyTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    private const string GovernanceLead = "Sophie Turner";

    [Fact]
    public async Task GovernanceLead_FindsAChangeByPersonAndDate_OpensDetails_ExportsCsv_AndDialogsAskBeforeDiscarding()
    {
        var audit = new AccessibilityAudit(Output);
        await Page.SignInAsync(DemoUsers.GovernanceLead);
        var name = CommitteeSteps.UniqueName("Readable audit committee");
        var committeeId = await Page.CreateCommitteeAsync(name);
        await Page.OpenCommitteeAsync(committeeId, name);

        // Esc on a half-filled dialog asks first; "Keep editing" keeps the typing, "Discard" closes.
        var details = await Page.OpenDialogAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Edit details", Exact = true }), "Edit committee details");
        await details.Field("Purpose").FillAsync("Half typed");
        await details.Field("Purpose").PressAsync("Escape");
        var ask = Page.GetByRole(AriaRole.Dialog, new() { Name = "Discard your changes?", Exact = true });
        await Expect(ask).ToBeVisibleAsync();
        await audit.CheckSettledAsync(Page, "discard-changes-question");
        await Page.ScreenshotAsync("forms-01-discard-question");
        await ask.GetByRole(AriaRole.Button, new() { Name = "Keep editing", Exact = true }).ClickAsync();
        await Expect(ask).ToBeHiddenAsync();
        await Expect(details.Field("Purpose")).ToHaveValueAsync("Half typed");
        await details.Field("Purpose").FillAsync("Checked by governance.");
        await details.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(Page.Snackbar("Saved.")).ToBeVisibleAsync();

        details = await Page.OpenDialogAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Edit details", Exact = true }), "Edit committee details");
        await details.Field("Purpose").FillAsync("Thrown away");
        await details.Field("Purpose").PressAsync("Escape");
        await ask.GetByRole(AriaRole.Button, new() { Name = "Discard", Exact = true }).ClickAsync();
        await Expect(details).ToBeHiddenAsync();

        // The audit trail: by person and UK date range.
        await Page.GotoAsync("audit");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Audit trail", Level = 1 })).ToBeVisibleAsync();
        await Page.WaitForInteractiveAsync();
        var main = Page.GetByRole(AriaRole.Main);
        await Page.ChooseAsync(main, "Changed by", GovernanceLead);

        // The one date input: an impossible date is named, a real one is read.
        var from = main.Field("From");
        await Page.TypeDateAsync(from, "31/02/2026");
        await Expect(main.FieldMessage("From")).ToHaveTextAsync("31/02/2026 is not a real date.");
        await audit.CheckSettledAsync(Page, "date-field-not-a-real-date");
        await Page.ScreenshotAsync("forms-02-not-a-real-date");
        await Page.TypeDateAsync(from, "31/12/2026");
        await Expect(from).ToHaveValueAsync("31/12/2026");
        await Expect(main.FieldMessage("From")).ToHaveTextAsync("For example, 31/12/2026");

        var today = MudControls.Today;
        await Page.TypeDateAsync(from, today.AddDays(-1).ToString("d MMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")));
        await Page.TypeDateAsync(main.Field("To"), today.AddDays(1).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture));
        await main.Field("Text").FillAsync(name);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Filter", Exact = true }).ClickAsync();
        var rows = Page.GetByTestId("audit-table").Locator("tbody > tr");
        var change = rows.Filter(new() { HasText = "purpose from — to Checked by governance." });
        await Expect(change).ToHaveCountAsync(1);
        await Expect(change.Locator(".audit-summary")).ToHaveTextAsync($"{GovernanceLead} changed the committee {name}: purpose from — to Checked by governance.");
        await Expect(rows.Filter(new() { HasText = "Thrown away" })).ToHaveCountAsync(0);

        // Details: a real button, keyboard operated, saying whether it is open.
        var toggle = change.GetByRole(AriaRole.Button, new() { Name = "Details", Exact = true });
        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
        await toggle.FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        var hide = change.GetByRole(AriaRole.Button, new() { Name = "Hide details", Exact = true });
        await Expect(hide).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(change.Locator(".audit-changes")).ToContainTextAsync("\"Purpose\"");
        await Expect(change.Locator(".audit-fields")).ToContainTextAsync("Checked by governance.");
        await audit.CheckSettledAsync(Page, "audit-details-open");
        await Page.ScreenshotAsync("forms-03-audit-details");

        // The CSV holds the same filtered set, in words.
        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByRole(AriaRole.Link, new() { Name = "Download CSV" }).ClickAsync());
        var path = await download.PathAsync();
        var csv = await File.ReadAllLinesAsync(path!);
        csv[0].Should().Be("when_uk,who,action,kind,summary,record_id,changes_json");
        csv.Skip(1).Should().Contain(l => l.Contains("purpose from — to Checked by governance.", StringComparison.Ordinal))
            .And.OnlyContain(l => l.Contains(GovernanceLead, StringComparison.Ordinal));

        audit.ShouldHaveNoSeriousViolations();
    }
}
