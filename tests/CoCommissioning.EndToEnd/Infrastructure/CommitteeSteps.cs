using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CoCommissioning.EndToEnd.Infrastructure;

/// <summary>
/// The secretary's steps on /committees and /committees/{id}, shared by the journeys that need a committee of their
/// own. Each step checks what the person would see, and (when given an audit) runs axe on the page or open dialog.
/// </summary>
public static partial class CommitteeSteps
{
    /// <summary>A committee name no other test (or earlier run on the same database) uses.</summary>
    public static string UniqueName(string what) => $"{what} {Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>The first day of last month: a term start safely in the past, so the membership can end yesterday.</summary>
    public static DateOnly FirstOfLastMonth => new DateOnly(MudControls.Today.Year, MudControls.Today.Month, 1).AddMonths(-1);

    public static ILocator MembershipRows(this IPage page) => page.GetByTestId("membership-table").Locator("tbody tr");

    public static ILocator MembershipRow(this IPage page, string person) =>
        page.MembershipRows().Filter(new() { Has = page.GetByRole(AriaRole.Cell, new() { NameRegex = new Regex("^" + Regex.Escape(person)) }) });

    /// <summary>From /committees: "New committee", the name, the defaults, Save; returns the new committee's id.</summary>
    public static async Task<Guid> CreateCommitteeAsync(this IPage page, string name, AccessibilityAudit? audit = null, string? screenshots = null)
    {
        await page.GotoAsync("committees");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Committees", Level = 1 })).ToBeVisibleAsync();
        await page.WaitForInteractiveAsync();
        if (audit is not null)
        {
            await audit.CheckSettledAsync(page, "committees");
        }

        var dialog = await page.OpenDialogAsync(page.GetByRole(AriaRole.Button, new() { Name = "New committee", Exact = true }), "New committee");
        await Expect(dialog.GetByRole(AriaRole.Combobox, new() { Name = "Type", Exact = true })).ToHaveTextAsync("Primary care commissioning committee");
        await Expect(dialog.GetByRole(AriaRole.Combobox, new() { Name = "Level of co-commissioning", Exact = true })).ToHaveTextAsync("Delegated commissioning");
        await dialog.Field("Name").FillAsync(name);
        if (audit is not null)
        {
            await audit.CheckSettledAsync(page, "new-committee-dialog");
        }

        if (screenshots is not null)
        {
            await page.ScreenshotAsync(screenshots + "-new-committee-dialog");
        }

        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(CommitteeUrl());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
        await page.WaitForInteractiveAsync();
        return Guid.Parse(CommitteeUrl().Match(page.Url).Groups["id"].Value);
    }

    /// <summary>Opens the committee's page directly and waits for it to be interactive.</summary>
    public static async Task OpenCommitteeAsync(this IPage page, Guid committeeId, string name)
    {
        await page.GotoAsync($"committees/{committeeId}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
        await page.WaitForInteractiveAsync();
    }

    /// <summary>Opens "Edit details" on the committee's page and returns the dialog.</summary>
    public static Task<ILocator> OpenEditDetailsAsync(this IPage page) =>
        page.OpenDialogAsync(page.GetByRole(AriaRole.Button, new() { Name = "Edit details", Exact = true }), "Edit committee details");

    /// <summary>"Add member": the person, one role, the term start; Save; the row appears.</summary>
    public static async Task AddMemberAsync(this IPage page, string person, string role, DateOnly termStart, AccessibilityAudit? audit = null, string? screenshots = null)
    {
        var dialog = await page.OpenDialogAsync(page.GetByRole(AriaRole.Button, new() { Name = "Add member", Exact = true }), "Add member");
        await page.ChooseAsync(dialog, "Person", person);
        await page.ChooseAsync(dialog, "Roles", role);
        await page.PickDateAsync(dialog, "Term starts", termStart);
        if (audit is not null)
        {
            await audit.CheckSettledAsync(page, "add-member-dialog");
        }

        if (screenshots is not null)
        {
            await page.ScreenshotAsync(screenshots + "-add-member-dialog");
        }

        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(page.MembershipRow(person)).ToHaveCountAsync(1);
    }

    /// <summary>Opens the row's ⋮ menu and clicks the item.</summary>
    public static async Task UseRowMenuAsync(this IPage page, string person, string item)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = $"Actions for {person}", Exact = true }).ClickAsync();
        var menuItem = page.GetByRole(AriaRole.Menuitem, new() { Name = item, Exact = true });
        await Expect(menuItem).ToBeVisibleAsync();
        await menuItem.ClickAsync();
    }

    /// <summary>⋮ → "End membership", the last day, confirm; the dialog closes.</summary>
    public static async Task EndMembershipAsync(this IPage page, string person, DateOnly lastDay, AccessibilityAudit? audit = null, string? screenshots = null)
    {
        await page.UseRowMenuAsync(person, "End membership");
        var dialog = page.MudDialog($"End membership: {person}");
        await Expect(dialog).ToBeVisibleAsync();
        await page.WaitForAnimationsAsync();
        await page.PickDateAsync(dialog, "Last day of membership", lastDay);
        if (audit is not null)
        {
            await audit.CheckSettledAsync(page, "end-membership-dialog");
        }

        if (screenshots is not null)
        {
            await page.ScreenshotAsync(screenshots + "-end-membership-dialog");
        }

        await dialog.GetByRole(AriaRole.Button, new() { Name = "End membership", Exact = true }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
    }

    [GeneratedRegex(@"/committees/(?<id>[0-9a-f-]{36})$")]
    public static partial Regex CommitteeUrl();
}
