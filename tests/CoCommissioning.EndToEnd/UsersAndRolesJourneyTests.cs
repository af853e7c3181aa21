using CoCommissioning.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CoCommissioning.EndToEnd;

/// <summary>
/// The administrator adds a user and changes their roles on "Users and roles". Each test adds a user of its own, so
/// the demo sign-ins the other tests use keep their roles.
/// </summary>
[Collection(SecondRunningAppTests.Name)]
public sealed class UsersAndRolesJourneyTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    private const string NewPassword = "Journey-Password-2026";

    [Fact]
    public async Task Administrator_AddsUserAndChangesRoles_UserSignsInWithTheNewRoles()
    {
        var audit = new AccessibilityAudit(Output);
        await Page.SignInAsync(DemoUsers.Administrator);
        await Page.NavigateAsync("Users and roles", "Users and roles");
        await audit.CheckSettledAsync(Page, "users");
        await Page.ScreenshotAsync("users-01-page");

        var name = CommitteeSteps.UniqueName("Journey User");
        var email = $"{name.Replace(' ', '.').ToLowerInvariant()}@example-ccg.nhs.uk";
        await Page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await Page.GetByLabel("Email address", new() { Exact = true }).FillAsync(email);
        await Page.GetByLabel("First password (10 characters or more)", new() { Exact = true }).FillAsync(NewPassword);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add user as member", Exact = true }).ClickAsync();
        await Expect(Page.Snackbar($"{name} can now sign in.")).ToBeVisibleAsync();

        var roles = Page.GetByRole(AriaRole.Main).Field($"Roles of {name}");
        await Expect(roles).ToHaveValueAsync("Member");
        await Page.WaitForAnimationsAsync();
        await audit.CheckSettledAsync(Page, "users-user-added");

        // Each click saves at once and the list reloads under the open list box.
        var listbox = await OpenRolesAsync(roles);
        await ToggleAsync(listbox, "Committee secretary", selected: true);
        await Expect(Page.Snackbar($"Roles of {name} saved.")).ToBeVisibleAsync();
        await ToggleAsync(listbox, "Member", selected: false);
        await ExpectSelectedAsync(listbox, "Committee secretary");
        await audit.CheckSettledAsync(Page, "users-roles-open");
        await Page.ScreenshotAsync("users-02-roles-open");
        await Page.Keyboard.PressAsync("Escape");
        await Expect(listbox).ToHaveCountAsync(0);
        await Expect(roles).ToHaveValueAsync("Committee secretary");

        // What was saved, not what the control remembers.
        await Page.ReloadAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Users and roles", Level = 1 })).ToBeVisibleAsync();
        await Page.WaitForInteractiveAsync();
        await Expect(roles).ToHaveValueAsync("Committee secretary");
        listbox = await OpenRolesAsync(roles);
        await ExpectSelectedAsync(listbox, "Committee secretary");
        await Page.Keyboard.PressAsync("Escape");
        await Page.ScreenshotAsync("users-03-saved");

        // The user signs in with the roles the administrator gave them: a secretary keeps People.
        var second = await OpenSecondBrowserAsync();
        await second.SignInAsync(email, NewPassword);
        (await second.NavigationLinksAsync()).Should().Equal("Home", "Committees", "Decisions log", "Action log", "My declarations", "My gifts and hospitality", "People", "Practices and suppliers", "API tokens", "Notices", "Public records");

        audit.ShouldHaveNoSeriousViolations();
    }

    [Fact]
    public async Task Administrator_RemovingOwnAdministratorRole_IsRefusedAndTheRoleStaysTicked()
    {
        var audit = new AccessibilityAudit(Output);
        await Page.SignInAsync(DemoUsers.Administrator);
        await Page.NavigateAsync("Users and roles", "Users and roles");

        var roles = Page.GetByRole(AriaRole.Main).Field("Roles of Alex Morgan");
        await Expect(roles).ToHaveValueAsync("Member, Administrator");
        var listbox = await OpenRolesAsync(roles);
        await listbox.GetByRole(AriaRole.Option, new() { Name = "Administrator", Exact = true }).ClickAsync();
        await Expect(Page.Snackbar("You cannot remove your own administrator role")).ToBeVisibleAsync();

        // The list reloads with the roles as saved: the refused change must not stay ticked off.
        await ExpectSelectedAsync(listbox, "Administrator", "Member");
        await Page.WaitForAnimationsAsync();
        await audit.CheckSettledAsync(Page, "users-own-admin-refused");
        await Page.ScreenshotAsync("users-04-own-admin-refused");
        await Page.Keyboard.PressAsync("Escape");
        await Expect(listbox).ToHaveCountAsync(0);
        await Expect(roles).ToHaveValueAsync("Member, Administrator");

        audit.ShouldHaveNoSeriousViolations();
    }

    private async Task<ILocator> OpenRolesAsync(ILocator roles)
    {
        await roles.ClickAsync();
        var listbox = Page.Locator(".mud-popover-open").GetByRole(AriaRole.Listbox);
        await Expect(listbox).ToBeVisibleAsync();
        await Page.WaitForAnimationsAsync();
        return listbox;
    }

    private static async Task ToggleAsync(ILocator listbox, string role, bool selected)
    {
        var option = listbox.GetByRole(AriaRole.Option, new() { Name = role, Exact = true });
        await option.ClickAsync();
        await Expect(option).ToHaveAttributeAsync("aria-selected", selected ? "true" : "false");
    }

    /// <summary>Exactly these options of the open roles list are selected (aria-selected), the others not.</summary>
    private static async Task ExpectSelectedAsync(ILocator listbox, params string[] selected)
    {
        foreach (var role in new[] { "Administrator", "Governance lead", "Committee secretary", "Member" })
        {
            await Expect(listbox.GetByRole(AriaRole.Option, new() { Name = role, Exact = true }))
                .ToHaveAttributeAsync("aria-selected", selected.Contains(role) ? "true" : "false");
        }
    }
}
