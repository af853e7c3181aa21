using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CoCommissioning.EndToEnd.Infrastructure;

/// <summary>Steps the journeys share: signing in, waiting for the Blazor circuit, screenshots.</summary>
public static class BlazorPage
{
    // blazor.web.js swaps the prerendered component markers for <!--bl-root--> when it finds them, and the first
    // render batch from the circuit replaces that with the interactive renderer's <!--!--> logical markers. So a
    // page is interactive once no bl-root marker is left and a logical marker exists. Static pages never get there.
    private const string InteractiveScript = """
        () => {
            if (document.getElementById('blazor-error-ui')?.offsetParent) {
                throw new Error('Blazor shows its error bar');
            }
            const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_COMMENT);
            let interactive = false;
            while (walker.nextNode()) {
                const text = walker.currentNode.nodeValue;
                if (text === 'bl-root') return false;
                if (text === '!') interactive = true;
            }
            return interactive;
        }
        """;

    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>Waits until the interactive server circuit has rendered the page: clicks then reach .NET handlers.</summary>
    public static async Task WaitForInteractiveAsync(this IPage page)
    {
        await page.WaitForFunctionAsync(InteractiveScript, null, new PageWaitForFunctionOptions { PollingInterval = 50 });
        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
    }

    /// <summary>Fills the sign-in form by its labels, submits it and waits for the interactive home page.</summary>
    public static async Task SignInAsync(this IPage page, string email, string password = DemoUsers.Password)
    {
        await page.GotoAsync("account/login");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Welcome");
        await page.WaitForInteractiveAsync();
    }

    /// <summary>Follows the main navigation's link to a page and waits for its heading and for the circuit.</summary>
    public static async Task NavigateAsync(this IPage page, string link, string heading)
    {
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main", Exact = true })
            .GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();
        await page.WaitForInteractiveAsync();
    }

    /// <summary>The names of the links in the main navigation, in order.</summary>
    public static async Task<IReadOnlyList<string>> NavigationLinksAsync(this IPage page)
    {
        var links = page.GetByRole(AriaRole.Navigation, new() { Name = "Main", Exact = true }).GetByRole(AriaRole.Link);
        await Expect(links.First).ToBeVisibleAsync();
        return [.. (await links.AllInnerTextsAsync()).Select(text => text.Trim())];
    }

    /// <summary>Saves a full-page screenshot under the test output folder (screenshots/NAME.png) for people to look at.</summary>
    public static async Task<string> ScreenshotAsync(this IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        var path = Path.Combine(ScreenshotFolder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }
}
