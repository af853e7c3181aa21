using System.Text.RegularExpressions;
using CoCommissioning.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CoCommissioning.EndToEnd;

/// <summary>
/// The terms-of-reference editor and the what-if quorum checker on the demo PCCC, driven as a governance lead and a
/// secretary would. The adoption here takes effect today (the editor's default date, which differs from the seeded
/// version's): the what-if journey's expectations hold with either version in force.
/// </summary>
[Collection(SecondRunningAppTests.Name)]
public sealed partial class TermsOfReferenceJourneyTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    private const string ActiveElementHtml = "() => document.activeElement?.outerHTML.slice(0, 160) ?? 'nothing'";

    [Fact]
    public async Task GovernanceLead_RaisesMinimumPresentInEditor_SeesLivePreview_AndAdoptsNewVersion()
    {
        var audit = new AccessibilityAudit(Output);
        await Page.SignInAsync(DemoUsers.GovernanceLead);

        await OpenCommitteePageAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Quorum", Level = 2 })).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("quorum-in-words")).ToContainTextAsync("voting members must be present, including at least 1 Chief Officer or Chief Finance Officer");
        await audit.CheckAsync(Page, "committee");
        await Page.ScreenshotAsync("tor-01-committee");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Terms of reference", Exact = true }).ClickAsync();
        await Page.WaitForURLAsync(TermsOfReferenceUrl());
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Terms of reference", Level = 1 })).ToBeVisibleAsync();
        await Page.WaitForInteractiveAsync();
        var preview = Page.GetByTestId("tor-preview");
        await Expect(preview).ToContainTextAsync("At least 4 voting members must be present, including at least 1 Chief Officer or Chief Finance Officer");
        var rows = Page.GetByRole(AriaRole.Table).Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(1);
        await audit.CheckAsync(Page, "terms-of-reference");
        await Page.ScreenshotAsync("tor-02-editor");

        // The preview follows the draft over the circuit: no reload, no save.
        var navigations = 0;
        Page.FrameNavigated += (_, frame) => navigations += frame == Page.MainFrame ? 1 : 0;
        var minimum = Page.GetByLabel("At least this many present (0 for none)");
        await Expect(minimum).ToHaveValueAsync("4");
        await minimum.FillAsync("5");
        await minimum.PressAsync("Tab");
        await Expect(preview).ToContainTextAsync("At least 5 voting members");
        await Expect(Page.GetByTestId("tor-problems")).ToHaveCountAsync(0);
        navigations.Should().Be(0, "the preview should update in place");
        await Expect(Page.GetByTestId("tor-in-force")).ToContainTextAsync("At least 4 voting members", new() { Timeout = 1_000 });
        await Page.ScreenshotAsync("tor-03-editor-changed");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Adopt this version", Exact = true }).ClickAsync();

        await Expect(rows).ToHaveCountAsync(2);
        await Expect(Page.GetByTestId("tor-in-force")).ToContainTextAsync("At least 5 voting members", new() { Timeout = 1_000 });
        var snackbar = Page.Locator(".mud-snackbar").Filter(new() { HasTextRegex = AdoptedMessage() });
        await Expect(snackbar).ToBeVisibleAsync();

        // axe reads colours as painted: let the snackbar finish fading in, or it measures a half-transparent one.
        await Page.WaitForFunctionAsync("() => [...document.querySelectorAll('.mud-snackbar')].every(e => getComputedStyle(e).opacity === '1')");
        await audit.CheckAsync(Page, "terms-of-reference-adopted");
        await Page.ScreenshotAsync("tor-04-adopted");

        audit.ShouldHaveNoSeriousViolations();
    }

    [Fact]
    public async Task Secretary_ChecksQuorumWhatIf_ConflictAndApologiesMakeItInquorate_DeputyRestoresIt()
    {
        var audit = new AccessibilityAudit(Output);
        await Page.SignInAsync(DemoUsers.Secretary);
        await OpenCommitteePageAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = "What if… (check quorum)", Exact = true }).ClickAsync();
        await Page.WaitForURLAsync(WhatIfUrl());
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "What if…", Level = 1 })).ToBeVisibleAsync();
        await Page.WaitForInteractiveAsync();
        var verdict = Page.GetByTestId("what-if-verdict");
        var outcome = verdict.Locator("strong").First;
        await Expect(outcome).ToHaveTextAsync("Quorate");
        await audit.CheckAsync(Page, "what-if");
        await Page.ScreenshotAsync("what-if-01-everyone-present");

        await ChooseAsync("Ruling for Rachel Adams", "4. Leaves the room");
        await ChooseAsync("Attendance of Mark Benson", "Apologies / absent");

        await Expect(outcome).ToHaveTextAsync("Not quorate");
        await Expect(verdict).ToContainTextAsync("Chief Officer or Chief Finance Officer");
        await Expect(verdict).ToContainTextAsync("Mark Benson is absent");
        await Expect(Page.GetByTestId("what-if-table")).ToContainTextAsync("May not vote: excluded from the vote by a conflict ruling (leaves the room for the item)");
        await audit.CheckAsync(Page, "what-if-not-quorate");
        await Page.ScreenshotAsync("what-if-02-not-quorate");

        await ChooseAsync("Attendance of Mark Benson", "Deputy attends: Lucy Price");

        await Expect(outcome).ToHaveTextAsync("Quorate");
        await Expect(verdict).ToContainTextAsync("Lucy Price (deputy for Mark Benson)");
        await Page.ScreenshotAsync("what-if-03-deputy-attends");

        audit.ShouldHaveNoSeriousViolations();
    }

    [Fact]
    public async Task TermsOfReferencePage_AdoptButton_IsReachableByTab()
    {
        await Page.SignInAsync(DemoUsers.GovernanceLead);
        await OpenCommitteePageAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Terms of reference", Exact = true }).ClickAsync();
        await Page.WaitForURLAsync(TermsOfReferenceUrl());
        await Page.WaitForInteractiveAsync();
        var adopt = Page.GetByRole(AriaRole.Button, new() { Name = "Adopt this version", Exact = true });
        await Expect(adopt).ToBeVisibleAsync();

        // From the top of the page, Tab through the editor's fields until the button has focus.
        await Page.EvaluateAsync("""
            () => {
                document.activeElement?.blur();
                document.body.setAttribute('tabindex', '-1');
                document.body.focus();
                document.body.removeAttribute('tabindex');
            }
            """);
        const int maxPresses = 150;
        var trail = new List<string>();
        for (var press = 1; press <= maxPresses; press++)
        {
            await Page.Keyboard.PressAsync("Tab");
            if (await adopt.EvaluateAsync<bool>("element => element === document.activeElement"))
            {
                Output.WriteLine($"\"Adopt this version\" took {press} presses of Tab from the top of the page.");
                await Expect(adopt).ToBeFocusedAsync();
                await Page.ScreenshotAsync("tor-05-adopt-focused");
                return;
            }

            trail.Add(await Page.EvaluateAsync<string>(ActiveElementHtml));
        }

        Assert.Fail($"{maxPresses} presses of Tab did not reach \"Adopt this version\"; the last places focus went:\n{string.Join("\n", trail.TakeLast(15))}");
    }

    private async Task OpenCommitteePageAsync()
    {
        await Page.GotoAsync("committees");
        await Page.WaitForInteractiveAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Primary Care Commissioning Committee", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Primary Care Commissioning Committee", Level = 1 })).ToBeVisibleAsync();
        await Page.WaitForInteractiveAsync();
    }

    /// <summary>Opens a MudSelect (a popover listbox) by its label and clicks the option with that text.</summary>
    private async Task ChooseAsync(string selectLabel, string option)
    {
        await Page.GetByLabel(selectLabel, new() { Exact = true }).ClickAsync();
        var popover = Page.Locator(".mud-popover-open");
        await popover.GetByText(option, new() { Exact = true }).ClickAsync();
        await Expect(popover).ToHaveCountAsync(0);
    }

    [GeneratedRegex(@"/committees/[0-9a-f-]{36}/terms-of-reference$")]
    private static partial Regex TermsOfReferenceUrl();

    [GeneratedRegex(@"/committees/[0-9a-f-]{36}/what-if$")]
    private static partial Regex WhatIfUrl();

    [GeneratedRegex("^Adopted: in force from")]
    private static partial Regex AdoptedMessage();
}
