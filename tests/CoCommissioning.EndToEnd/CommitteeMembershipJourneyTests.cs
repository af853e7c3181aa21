using CoCommissioning.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CoCommissioning.EndToEnd;

/// <summary>
/// A secretary sets up a committee of their own and manages its membership: each test creates its own committee,
/// so the tests do not depend on each other or on the order they run in.
/// </summary>
public sealed class CommitteeMembershipJourneyTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    private const string Person = "Priya Shah";
    private const string Role = "Lay Advisor (Lay)";

    [Fact]
    public async Task Secretary_CreatesCommitteeAddsMemberMakesChairEndsMembership_MemberMovesToPastMembers()
    {
        var audit = new AccessibilityAudit(Output);
        await Page.SignInAsync(DemoUsers.Secretary);
        var name = CommitteeSteps.UniqueName("Journey committee");

        await Page.CreateCommitteeAsync(name, audit, "committee-01");
        await Expect(Page.GetByText("Primary Care Commissioning Committee · Delegated", new() { Exact = false })).ToBeVisibleAsync();
        await Expect(Page.MembershipRows()).ToHaveCountAsync(0);
        await audit.CheckSettledAsync(Page, "new-committee-page");
        await Page.ScreenshotAsync("committee-02-new-committee-page");

        await Page.AddMemberAsync(Person, Role, CommitteeSteps.FirstOfLastMonth, audit, "committee-03");
        var row = Page.MembershipRow(Person);
        await Expect(row).ToContainTextAsync("Lay Advisor (Lay)");
        await Expect(row).ToContainTextAsync("Voting");
        await Expect(row).ToContainTextAsync("open-ended");
        await Expect(Page.Snackbar("Saved.")).ToBeVisibleAsync();
        await Page.WaitForAnimationsAsync();
        await audit.CheckSettledAsync(Page, "committee-with-member");
        await Page.ScreenshotAsync("committee-04-member-added");

        await Page.UseRowMenuAsync(Person, "Make chair");
        await Expect(row.GetByRole(AriaRole.Cell).Nth(3)).ToHaveTextAsync("Chair");
        await Expect(Page.Snackbar($"{Person} is now chair.")).ToBeVisibleAsync();
        await Page.WaitForAnimationsAsync();
        await audit.CheckSettledAsync(Page, "committee-with-chair");
        await Page.ScreenshotAsync("committee-05-chair");

        var yesterday = MudControls.Today.AddDays(-1);
        await Page.EndMembershipAsync(Person, yesterday, audit, "committee-06");
        await Expect(Page.MembershipRow(Person)).ToHaveCountAsync(0);
        await Page.ScreenshotAsync("committee-07-membership-ended");

        await Page.GetByLabel("Show past members", new() { Exact = true }).CheckAsync();
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("Not current");
        await Expect(row).ToContainTextAsync(yesterday.ToString("d MMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")));
        await Expect(row).Not.ToContainTextAsync("Chair", new() { Timeout = 1_000 });
        await audit.CheckSettledAsync(Page, "committee-past-members");
        await Page.ScreenshotAsync("committee-08-past-members");

        audit.ShouldHaveNoSeriousViolations();
    }

    [Fact]
    public async Task AddMember_WithNoPersonAndNoRoles_ShowsFieldMessagesAndAddsNothing()
    {
        var audit = new AccessibilityAudit(Output);
        await Page.SignInAsync(DemoUsers.Secretary);
        await Page.CreateCommitteeAsync(CommitteeSteps.UniqueName("Empty add committee"));

        var dialog = await Page.OpenDialogAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Add member", Exact = true }), "Add member");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

        // Both mistakes are reported at once, each under its field, so the secretary can fix them in one go.
        await Expect(dialog.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await Expect(dialog.FieldMessage("Person")).ToContainTextAsync("Choose");
        await Expect(dialog.FieldMessage("Roles")).ToContainTextAsync("Choose at least one role for this member.");
        await Expect(dialog.Field("Person")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(dialog.Field("Roles")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(dialog).ToBeVisibleAsync();
        await Page.WaitForAnimationsAsync();
        await audit.CheckSettledAsync(Page, "add-member-dialog-errors");
        await Page.ScreenshotAsync("committee-10-add-member-errors");

        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel", Exact = true }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(Page.MembershipRows()).ToHaveCountAsync(0);
        await Page.GetByLabel("Show past members", new() { Exact = true }).CheckAsync();
        await Expect(Page.MembershipRows()).ToHaveCountAsync(0);

        audit.ShouldHaveNoSeriousViolations();
    }

    [Fact]
    public async Task EditDetails_WithEmptyName_ShowsFieldMessageAndKeepsName()
    {
        var audit = new AccessibilityAudit(Output);
        await Page.SignInAsync(DemoUsers.Secretary);
        var name = CommitteeSteps.UniqueName("Rename committee");
        await Page.CreateCommitteeAsync(name);

        var dialog = await Page.OpenDialogAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Edit details", Exact = true }), "Edit committee details");
        var nameField = dialog.Field("Name");
        await Expect(nameField).ToHaveValueAsync(name);
        await audit.CheckSettledAsync(Page, "edit-details-dialog");
        await Page.ScreenshotAsync("committee-11-edit-details-dialog");

        await nameField.FillAsync("");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

        await Expect(dialog.FieldMessage("Name")).ToContainTextAsync("Enter the name");
        await Expect(nameField).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(dialog).ToBeVisibleAsync();
        await Page.WaitForAnimationsAsync();
        await audit.CheckSettledAsync(Page, "edit-details-dialog-errors");
        await Page.ScreenshotAsync("committee-12-edit-details-errors");

        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel", Exact = true }).ClickAsync();

        // Issue 13: the name was changed, so Cancel asks before discarding it.
        await Page.GetByRole(AriaRole.Dialog, new() { Name = "Discard your changes?", Exact = true }).GetByRole(AriaRole.Button, new() { Name = "Discard", Exact = true }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();

        audit.ShouldHaveNoSeriousViolations();
    }
}
