using CoCommissioning.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CoCommissioning.EndToEnd;

[Collection(SecondRunningAppTests.Name)]
public sealed class SignInJourneyTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public async Task SignIn_AsDemoSecretary_ShowsShellAndSignsOut()
    {
        var audit = new AccessibilityAudit(Output);

        // The public home page offers the way in.
        await Page.GotoAsync("/");
        await Page.WaitForInteractiveAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Governance for primary care commissioning committees");
        await audit.CheckAsync(Page, "public-home");
        await Page.ScreenshotAsync("00-public-home");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true }).First.ClickAsync();
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/account/login");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Level = 1 })).ToBeVisibleAsync();
        await audit.CheckAsync(Page, "sign-in");
        await Page.ScreenshotAsync("01-sign-in");

        await Page.GetByLabel("Email address").FillAsync(DemoUsers.Secretary);
        await Page.GetByLabel("Password", new() { Exact = true }).FillAsync(DemoUsers.Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();

        // The MudBlazor shell: app bar, organisation, navigation for a secretary.
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await Page.WaitForInteractiveAsync();
        var appBar = Page.Locator("header.mud-appbar");
        await Expect(appBar.GetByRole(AriaRole.Link, new() { Name = "CoCommissioning", Exact = true })).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("organisation-name")).ToHaveTextAsync("Example CCG");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Welcome, Emma Clarke");
        var links = await Page.NavigationLinksAsync();
        links.Should().Contain(["Committees", "People"]).And.NotContain(["Audit trail", "Users and roles"]);
        await audit.CheckAsync(Page, "home");
        await Page.ScreenshotAsync("02-home");

        // Committees list, then the committee itself.
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Main", Exact = true })
            .GetByRole(AriaRole.Link, new() { Name = "Committees", Exact = true }).ClickAsync();
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/committees");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Committees", Level = 1 })).ToBeVisibleAsync();
        var committeeLink = Page.GetByRole(AriaRole.Link, new() { Name = "Primary Care Commissioning Committee", Exact = true });
        await Expect(committeeLink).ToBeVisibleAsync();
        await Page.WaitForInteractiveAsync();
        await audit.CheckAsync(Page, "committees");
        await Page.ScreenshotAsync("03-committees");

        await committeeLink.ClickAsync();
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/committees/", StringComparison.Ordinal));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Primary Care Commissioning Committee", Level = 1 })).ToBeVisibleAsync();
        var membership = Page.GetByTestId("membership-table");
        var chairRow = membership.GetByRole(AriaRole.Row).Filter(new() { HasText = "Helen Carter" });
        await Expect(chairRow).ToHaveCountAsync(1);
        await Expect(chairRow).ToContainTextAsync("Chair");
        await Page.WaitForInteractiveAsync();
        await audit.CheckAsync(Page, "committee");
        await Page.ScreenshotAsync("04-committee");

        // Sign out is a plain form post from the app bar.
        await appBar.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync();
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/account/login");
        new Uri(Page.Url).Query.Should().Contain("signedOut=true");
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("You have signed out.");
        await Expect(Page.GetByLabel("Email address")).ToBeVisibleAsync();
        await audit.CheckAsync(Page, "signed-out");
        await Page.ScreenshotAsync("05-signed-out");

        // Signed out means signed out: a protected page sends us back to sign in.
        await Page.GotoAsync("committees");
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/account/login");

        audit.ShouldHaveNoSeriousViolations();
    }
}
