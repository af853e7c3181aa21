using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CoCommissioning.EndToEnd.Infrastructure;

/// <summary>Opens the live views of a meeting (console, chair's view on a tablet, member view) and finds what they show.</summary>
public static class LiveMeetingSteps
{
    /// <summary>The secretary's console, signed in and interactive.</summary>
    public static async Task OpenConsoleAsync(this IPage page, string meetingId, string title)
    {
        await page.SignInAsync(DemoUsers.Secretary);
        await page.GotoAsync($"meetings/{meetingId}/console");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Console: {title}", Level = 1 })).ToBeVisibleAsync();
        await page.WaitForInteractiveAsync();
    }

    /// <summary>The chair's view on a tablet-sized screen, signed in as the demo chair and interactive.</summary>
    public static async Task OpenChairViewAsync(this IPage page, string meetingId)
    {
        await page.SetViewportSizeAsync(1024, 768);
        await page.SignInAsync(DemoUsers.Chair);
        await page.GotoAsync($"meetings/{meetingId}/chair");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Chair's view", Level = 1 })).ToBeVisibleAsync();
        await page.WaitForInteractiveAsync();
    }

    /// <summary>The member view, signed in as the demo member (Dr Aisha Rahman) and interactive.</summary>
    public static async Task OpenMemberViewAsync(this IPage page, string meetingId, string title)
    {
        await page.SignInAsync(DemoUsers.Member);
        await page.GotoAsync($"meetings/{meetingId}/live");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        await page.WaitForInteractiveAsync();
    }

    /// <summary>Where a member is now, as the console's attendance table says.</summary>
    public static ILocator Seat(this IPage page, string name) =>
        page.Locator($"[data-testid=seat][data-name=\"{name}\"]").GetByTestId("presence");

    /// <summary>A declaration on the current item (a row in the console, a section in the chair's view).</summary>
    public static ILocator Declaration(this IPage page, string name) =>
        page.Locator($"[data-testid=declaration][data-name=\"{name}\"]");

    /// <summary>Where a member's likely conflict from the register stands at the meeting, in words.</summary>
    public static ILocator FlagState(this IPage page, string name) =>
        page.Locator($"[data-testid=likely-conflict][data-name=\"{name}\"]").GetByTestId("flag-state");

    /// <summary>The presence of someone who left the room under a ruling on item <paramref name="item"/>, at any time.</summary>
    public static Regex LeftTheRoomFor(int item) => new($@"^Left the room at \d{{2}}:\d{{2}} for item {item} \(ruling\)$");
}
