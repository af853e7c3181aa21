using System.Text.Json;
using CoCommissioning.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CoCommissioning.EndToEnd;

/// <summary>
/// The secretary reads a decision in the decisions log. The decision is recorded first through the JSON API (with a
/// bearer token, as an integration would), so the page has one to show: a meeting of the seeded PCCC, its voting
/// members arriving and a decision by consensus.
/// </summary>
[Collection(SecondRunningAppTests.Name)]
public sealed class DecisionsLogPageTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public async Task Secretary_SearchesTheLogAndOpensADecision_SeesItsEvidence()
    {
        var audit = new AccessibilityAudit(Output);
        var resolution = CommitteeSteps.UniqueName("Approve the extended access pilot");
        await RecordDecisionThroughTheApiAsync(resolution);

        await Page.SignInAsync(DemoUsers.Secretary);
        await Page.NavigateAsync("Decisions log", "Decisions log");
        var main = Page.GetByRole(AriaRole.Main);
        await main.Field("Search text").FillAsync(resolution);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();

        var entry = Page.GetByTestId("decision-entry");
        await Expect(entry).ToHaveCountAsync(1);
        await Expect(entry).ToContainTextAsync("Agreed by consensus");
        await Expect(entry).ToContainTextAsync(resolution);
        await Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "decision" })).ToHaveTextAsync("1 decision, page 1 of 1");

        await entry.ClickAsync();
        var evidence = Page.Locator("dl.decision-evidence");
        await Expect(evidence).ToBeVisibleAsync();
        await Expect(evidence).ToContainTextAsync("Quorate.");
        await Expect(evidence).ToContainTextAsync("The chair, Helen Carter, presides.");
        await Expect(evidence).ToContainTextAsync("No conflicts were declared on this item.");
        await audit.CheckSettledAsync(Page, "decisions-log-entry");
        await Page.ScreenshotAsync("decisions-log-01-entry");

        await main.Field("Search text").FillAsync(Guid.NewGuid().ToString("N"));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await Expect(Page.GetByTestId("decisions-log-empty")).ToHaveTextAsync("No decisions match these filters.");
        await audit.CheckSettledAsync(Page, "decisions-log-no-match");
        await Page.ScreenshotAsync("decisions-log-02-no-match");

        audit.ShouldHaveNoSeriousViolations();
    }

    private async Task RecordDecisionThroughTheApiAsync(string resolution)
    {
        var api = Page.APIRequest;
        var token = await api.TokenAsync(DemoUsers.Secretary, "decisions log test");
        var committee = await api.DemoPcccAsync(token);
        var committeeId = committee.GetProperty("id").GetString();
        // Every current voting member comes: quorate whatever version of the terms of reference another journey
        // adopted earlier in the run (the terms of reference journey raises the quorum).
        var voters = committee.GetProperty("memberships").EnumerateArray()
            .Where(m => m.GetProperty("isCurrent").GetBoolean() && m.GetProperty("isVoting").GetBoolean())
            .Select(m => m.GetProperty("id").GetString()!)
            .ToList();

        var meeting = await api.SendAsync("POST", $"/api/committees/{committeeId}/meetings?standingItems=false", token, new { title = CommitteeSteps.UniqueName("PCCC meeting"), startsAt = DateTimeOffset.UtcNow });
        var meetingUrl = $"/api/meetings/{meeting.GetProperty("id").GetString()}";
        meeting = await api.SendAsync("POST", $"{meetingUrl}/items", token, new { title = "Extended access pilot", purpose = "Decision", isPrivate = false, version = meeting.GetProperty("version").GetString() });
        foreach (var membershipId in voters)
        {
            meeting = await api.SendAsync("POST", $"{meetingUrl}/arrivals", token, new { membershipId, deputy = false, version = meeting.GetProperty("version").GetString() });
        }

        var itemId = meeting.GetProperty("items")[0].GetProperty("id").GetString();
        await api.SendAsync("POST", $"{meetingUrl}/items/{itemId}/consensus", token, new { resolution });
    }
}
