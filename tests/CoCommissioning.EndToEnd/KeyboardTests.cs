using CoCommissioning.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CoCommissioning.EndToEnd;

/// <summary>Everything here is done with the keyboard only: no clicks, no filling fields by selector.</summary>
public sealed class KeyboardTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    private const string ActiveElementHtml = "() => document.activeElement?.outerHTML.slice(0, 120) ?? 'nothing'";

    [Fact]
    public async Task SignIn_WithKeyboardOnly_ReachesHomePage()
    {
        await Page.GotoAsync("account/login");
        var email = Page.GetByLabel("Email address");
        await Expect(email).ToBeVisibleAsync();

        // Skip link, brand link, then the first field.
        await TabUntilFocusedAsync(email, maxPresses: 3);
        await Page.Keyboard.TypeAsync(DemoUsers.Secretary);
        await Page.Keyboard.PressAsync("Tab");
        await Expect(Page.GetByLabel("Password", new() { Exact = true })).ToBeFocusedAsync();
        await Page.Keyboard.TypeAsync(DemoUsers.Password);
        await Page.Keyboard.PressAsync("Enter");

        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Welcome, Emma Clarke");
    }

    /// <summary>
    /// The skip link must be the first thing Tab reaches, and following it must keep the reader on the same page
    /// with focus on the main content. The main-layout case uses /committees rather than the home page, where a
    /// link that went to the home page by mistake would look the same.
    /// </summary>
    [Theory]
    [InlineData("account/login", false)]
    [InlineData("committees", true)]
    public async Task SkipLink_IsFirstFocusable_AndMovesFocusToMainContentOnSamePage(string path, bool signedIn)
    {
        if (signedIn)
        {
            await Page.SignInAsync(DemoUsers.Secretary);
            await Page.GotoAsync(path);
            await Page.WaitForInteractiveAsync();
        }
        else
        {
            await Page.GotoAsync(path);
        }

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        var pagePath = new Uri(Page.Url).AbsolutePath;

        // Start from the top of the document, as on a fresh page load with nothing focused.
        await Page.EvaluateAsync("""
            () => {
                document.activeElement?.blur();
                document.body.setAttribute('tabindex', '-1');
                document.body.focus();
                document.body.removeAttribute('tabindex');
            }
            """);
        await Page.Keyboard.PressAsync("Tab");

        var skipLink = Page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content", Exact = true });
        await Expect(skipLink).ToBeFocusedAsync();
        await Expect(skipLink).ToBeInViewportAsync();
        await Page.ScreenshotAsync("keyboard-skip-link-" + path.Replace('/', '-'));

        await Page.Keyboard.PressAsync("Enter");
        try
        {
            await Expect(Page.Locator("#main-content")).ToBeFocusedAsync(new() { Timeout = 3_000 });
        }
        catch (PlaywrightException)
        {
            Assert.Fail($"Following the skip link on /{path} did not focus #main-content: the page is now {Page.Url} and focus is on {await Page.EvaluateAsync<string>(ActiveElementHtml)}");
        }

        new Uri(Page.Url).AbsolutePath.Should().Be(pagePath, "the skip link should stay on the same page");
        await Page.Keyboard.PressAsync("Tab");
        var insideMain = await Page.EvaluateAsync<bool>("() => document.getElementById('main-content')?.contains(document.activeElement) === true");
        insideMain.Should().BeTrue("the next Tab after the skip link should stay in the main content, not reach {0}", await Page.EvaluateAsync<string>(ActiveElementHtml));
    }

    private async Task TabUntilFocusedAsync(ILocator target, int maxPresses)
    {
        var visited = new List<string>();
        for (var press = 0; press < maxPresses; press++)
        {
            await Page.Keyboard.PressAsync("Tab");
            if (await target.EvaluateAsync<bool>("element => element === document.activeElement"))
            {
                return;
            }

            visited.Add(await Page.EvaluateAsync<string>(ActiveElementHtml));
        }

        Assert.Fail($"{maxPresses} presses of Tab did not reach the field; focus went to:\n{string.Join("\n", visited)}");
    }
}
