using CoCommissioning.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CoCommissioning.EndToEnd;

/// <summary>
/// The governance lead reads a committee's history in the audit trail and filters it by who made the change. The
/// secretary makes the changes in a browser of their own first, so the test has a history to read.
/// </summary>
public sealed class AuditTrailJourneyTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    private const string Secretary = "Emma Clarke";
    private const string GovernanceLead = "Sophie Turner";

    [Fact]
    public async Task GovernanceLead_OpensCommitteeHistoryAndFiltersByPerson_SeesOnlyThatPersonsChanges()
    {
        var audit = new AccessibilityAudit(Output);
        var secretary = await OpenSecondBrowserAsync();
        await secretary.SignInAsync(DemoUsers.Secretary);
        var name = CommitteeSteps.UniqueName("Audited committee");
        var committeeId = await secretary.CreateCommitteeAsync(name);
        await secretary.AddMemberAsync("Priya Shah", "Lay Advisor (Lay)", CommitteeSteps.FirstOfLastMonth);

        await Page.SignInAsync(DemoUsers.GovernanceLead);
        await Page.OpenCommitteeAsync(committeeId, name);
        var details = await Page.OpenEditDetailsAsync();
        await details.Field("Purpose").FillAsync("Checked by governance.");
        await details.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(Page.Snackbar("Saved.")).ToBeVisibleAsync();

        // "History" opens the audit trail filtered on the committee: its own entries and its memberships'.
        await Page.GetByRole(AriaRole.Link, new() { Name = "History", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Audit trail", Level = 1 })).ToBeVisibleAsync();
        await Page.WaitForInteractiveAsync();
        await Expect(Page.GetByLabel("Record id", new() { Exact = true })).ToHaveValueAsync(committeeId.ToString());
        var rows = Page.GetByTestId("audit-table").Locator("tbody tr");
        await Expect(rows.Filter(new() { HasText = "Committee membership" })).ToHaveCountAsync(1);
        await Expect(rows.Filter(new() { HasText = GovernanceLead })).ToHaveCountAsync(1);
        await Expect(rows.Filter(new() { HasText = Secretary }).First).ToBeVisibleAsync();
        var all = await rows.CountAsync();
        await Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "entries" })).ToHaveTextAsync($"{all} entries");
        await audit.CheckSettledAsync(Page, "audit-committee-history");
        await Page.ScreenshotAsync("audit-01-committee-history");

        var main = Page.GetByRole(AriaRole.Main);
        await Page.ChooseAsync(main, "Changed by", GovernanceLead);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Filter", Exact = true }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First.GetByRole(AriaRole.Cell).Nth(1)).ToHaveTextAsync(GovernanceLead);
        await Expect(rows.First.GetByRole(AriaRole.Cell).Nth(2)).ToHaveTextAsync("Committee");
        await Expect(rows.First.Locator(".audit-summary")).ToHaveTextAsync($"{GovernanceLead} changed the committee {name}: purpose from — to Checked by governance.");
        await Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "entr" })).ToHaveTextAsync("1 entry");
        await audit.CheckSettledAsync(Page, "audit-filtered-governance-lead");
        await Page.ScreenshotAsync("audit-02-filtered-governance-lead");

        await Page.ChooseAsync(main, "Changed by", Secretary);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Filter", Exact = true }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(all - 1);
        foreach (var who in await rows.Locator("td:nth-child(2)").AllInnerTextsAsync())
        {
            who.Trim().Should().Be(Secretary);
        }

        // Without the record id: everything the secretary changed in the organisation, this committee included.
        await Page.GetByLabel("Record id", new() { Exact = true }).FillAsync("");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Filter", Exact = true }).ClickAsync();
        await Expect(rows.Filter(new() { HasText = GovernanceLead })).ToHaveCountAsync(0);
        await Expect(rows.Filter(new() { HasText = $"added the committee {name}" })).ToHaveCountAsync(1);
        await Page.WaitForAnimationsAsync();
        await audit.CheckSettledAsync(Page, "audit-filtered-secretary");
        await Page.ScreenshotAsync("audit-03-filtered-secretary");

        audit.ShouldHaveNoSeriousViolations();
    }
}
