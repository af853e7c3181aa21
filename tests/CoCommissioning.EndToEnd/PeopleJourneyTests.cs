using System.Text.RegularExpressions;
using CoCommissioning.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CoCommissioning.EndToEnd;

/// <summary>The secretary keeps the people governance records name: adds a person and edits them.</summary>
[Collection(SecondRunningAppTests.Name)]
public sealed class PeopleJourneyTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public async Task Secretary_AddsPersonAndEditsThem_ListShowsTheChanges()
    {
        var audit = new AccessibilityAudit(Output);
        await Page.SignInAsync(DemoUsers.Secretary);
        await Page.NavigateAsync("People", "People");
        await audit.CheckSettledAsync(Page, "people");
        await Page.ScreenshotAsync("people-01-page");

        var name = CommitteeSteps.UniqueName("Dr Journey Person");
        var dialog = await Page.OpenDialogAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Add person", Exact = true }), "Add person");
        await dialog.Field("Full name").FillAsync(name);
        await dialog.Field("Job title").FillAsync("GP, Journey Surgery");
        await dialog.Field("Email address").FillAsync($"{name.Replace(' ', '.').ToLowerInvariant()}@example-ccg.nhs.uk");
        await dialog.GetByLabel("Takes part in decisions (must declare interests)", new() { Exact = true }).CheckAsync();
        await audit.CheckSettledAsync(Page, "add-person-dialog");
        await Page.ScreenshotAsync("people-02-add-person-dialog");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(Page.Snackbar("Saved.")).ToBeVisibleAsync();

        // The search narrows the list to the new person.
        await Page.GetByLabel("Search by name or job title", new() { Exact = true }).FillAsync(name);
        var rows = Page.GetByRole(AriaRole.Main).Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(1);
        var row = rows.Filter(new() { Has = Page.GetByRole(AriaRole.Cell, new() { Name = name, Exact = true }) });
        await Expect(row).ToContainTextAsync("GP, Journey Surgery");
        await Expect(row.GetByRole(AriaRole.Cell).Nth(3)).ToHaveTextAsync("Yes");
        await Page.WaitForAnimationsAsync();
        await audit.CheckSettledAsync(Page, "people-person-added");
        await Page.ScreenshotAsync("people-03-person-added");

        dialog = await Page.OpenDialogAsync(Page.GetByRole(AriaRole.Button, new() { Name = $"Edit {name}", Exact = true }), $"Edit {name}");
        await Expect(dialog.Field("Full name")).ToHaveValueAsync(name);
        await Expect(dialog.Field("Job title")).ToHaveValueAsync("GP, Journey Surgery");
        await dialog.Field("Job title").FillAsync("Clinical Director, Journey PCN");
        await dialog.GetByLabel("Takes part in decisions (must declare interests)", new() { Exact = true }).UncheckAsync();
        await audit.CheckSettledAsync(Page, "edit-person-dialog");
        await Page.ScreenshotAsync("people-04-edit-person-dialog");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);

        await Expect(row).ToContainTextAsync("Clinical Director, Journey PCN");
        await Expect(row.GetByRole(AriaRole.Cell).Nth(3)).ToHaveTextAsync("No");
        await Page.WaitForAnimationsAsync();
        await audit.CheckSettledAsync(Page, "people-person-edited");
        await Page.ScreenshotAsync("people-05-person-edited");

        // Saved, not just shown: a fresh page finds the person by the new job title.
        await Page.ReloadAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "People", Level = 1 })).ToBeVisibleAsync();
        await Page.WaitForInteractiveAsync();
        await Page.GetByLabel("Search by name or job title", new() { Exact = true }).FillAsync("Clinical Director, Journey PCN");
        await Expect(rows.Filter(new() { HasTextRegex = new Regex(Regex.Escape(name)) })).ToHaveCountAsync(1);

        audit.ShouldHaveNoSeriousViolations();
    }

    [Fact]
    public async Task AddPerson_WithoutName_ShowsFieldMessageAndAddsNothing()
    {
        var audit = new AccessibilityAudit(Output);
        await Page.SignInAsync(DemoUsers.Secretary);
        await Page.NavigateAsync("People", "People");
        var before = await Page.GetByRole(AriaRole.Main).Locator("tbody tr").CountAsync();

        var dialog = await Page.OpenDialogAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Add person", Exact = true }), "Add person");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(dialog.FieldMessage("Full name")).ToContainTextAsync("Enter the full name");
        await Expect(dialog.Field("Full name")).ToHaveAttributeAsync("aria-invalid", "true");
        await Page.WaitForAnimationsAsync();
        await audit.CheckSettledAsync(Page, "add-person-dialog-errors");
        await Page.ScreenshotAsync("people-06-add-person-errors");

        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel", Exact = true }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(Page.GetByRole(AriaRole.Main).Locator("tbody tr")).ToHaveCountAsync(before);

        audit.ShouldHaveNoSeriousViolations();
    }
}
