using System.Text.RegularExpressions;
using CoCommissioning.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CoCommissioning.EndToEnd;

/// <summary>A member creates an API token, sees it once, uses it, and revokes it.</summary>
[Collection(SecondRunningAppTests.Name)]
public sealed partial class ApiTokensJourneyTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public async Task Member_CreatesTokenSeesItOnceAndRevokesIt_TokenStopsWorking()
    {
        var audit = new AccessibilityAudit(Output);
        await Page.SignInAsync(DemoUsers.Member);
        await Page.NavigateAsync("API tokens", "API tokens");
        await audit.CheckSettledAsync(Page, "api-tokens");
        await Page.ScreenshotAsync("tokens-01-page");

        var name = CommitteeSteps.UniqueName("Journey script");
        await Page.GetByLabel("What the token is for", new() { Exact = true }).FillAsync(name);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create token", Exact = true }).ClickAsync();

        var shown = Page.GetByTestId("new-token");
        await Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Copy this token now: it will not be shown again." })).ToBeVisibleAsync();
        await Expect(shown).ToHaveTextAsync(TokenFormat());
        var token = (await shown.InnerTextAsync()).Trim();
        var row = TokenRow(name);
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync(token[..11] + "…");
        await Expect(row).ToContainTextAsync("Active");
        await audit.CheckSettledAsync(Page, "api-tokens-created");
        await Page.ScreenshotAsync("tokens-02-created");

        // The token works as the member, through the bearer scheme rather than the page's cookie.
        var me = await Page.APIRequest.GetAsync("api/me", new() { Headers = Bearer(token) });
        me.Status.Should().Be(200);
        (await me.TextAsync()).Should().Contain("Dr Aisha Rahman");

        // Seen once: the page opened again lists the token by its first characters only.
        await Page.ReloadAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "API tokens", Level = 1 })).ToBeVisibleAsync();
        await Page.WaitForInteractiveAsync();
        await Expect(row).ToHaveCountAsync(1);
        await Expect(shown).ToHaveCountAsync(0);
        await Expect(Page.GetByText(token)).ToHaveCountAsync(0);

        await row.GetByRole(AriaRole.Button, new() { Name = $"Revoke {name}", Exact = true }).ClickAsync();
        await audit.CheckSettledAsync(Page, "api-tokens-revoke-confirm");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Revoke", Exact = true }).ClickAsync();
        await Expect(Page.Snackbar($"Token \"{name}\" revoked.")).ToBeVisibleAsync();
        await Expect(row).ToContainTextAsync("Revoked");
        await Expect(row.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await Page.WaitForAnimationsAsync();
        await audit.CheckSettledAsync(Page, "api-tokens-revoked");
        await Page.ScreenshotAsync("tokens-03-revoked");

        var refused = await Page.APIRequest.GetAsync("api/me", new() { Headers = Bearer(token) });
        refused.Status.Should().Be(401);

        audit.ShouldHaveNoSeriousViolations();
    }

    private ILocator TokenRow(string name) =>
        Page.GetByRole(AriaRole.Main).Locator("tbody tr").Filter(new() { Has = Page.GetByRole(AriaRole.Cell, new() { Name = name, Exact = true }) });

    private static Dictionary<string, string> Bearer(string token) => new() { ["Authorization"] = $"Bearer {token}" };

    [GeneratedRegex(@"^coco_[A-Za-z0-9_-]{40,}$")]
    private static partial Regex TokenFormat();
}
