using CoCommissioning.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CoCommissioning.EndToEnd;

/// <summary>
/// A meeting of the demo PCCC run live in three browsers at once: the secretary's console, the chair's view (on a
/// tablet-sized screen) and a member's view. Nothing is reloaded: each view shows the others' changes as they
/// happen. The Chief Officer is the only Chief Officer or CFO present, so when the chair rules that she leaves the
/// room the item is not quorate, until the CFO's named deputy arrives.
/// </summary>
[Collection(SecondRunningAppTests.Name)]
public sealed class MeetingConsoleJourneyTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public async Task SecretaryAndChair_RunAnItemThroughAConflictThatBreaksQuorum_DecisionReachesTheLog()
    {
        var audit = new AccessibilityAudit(Output);
        var title = CommitteeSteps.UniqueName("PCCC live meeting");
        var resolution = CommitteeSteps.UniqueName("Approve the merger of Riverside Surgery and Northgate Medical Practice");
        var meetingId = await ScheduleMeetingAsync(title);

        // The secretary opens the console and marks attendance.
        await Page.OpenConsoleAsync(meetingId, title);
        foreach (var name in new[] { "Helen Carter", "David Okafor", "Sarah Whitfield", "Dr Aisha Rahman", "Dr Tom Gallagher", "Rachel Adams" })
        {
            await Page.GetByRole(AriaRole.Button, new() { Name = $"Arrived: {name}", Exact = true }).ClickAsync();
            await Expect(Page.Seat(name)).ToHaveTextAsync("Present");
        }

        await Page.GetByRole(AriaRole.Button, new() { Name = "Take item 1", Exact = true }).ClickAsync();
        await Expect(Page.GetByTestId("quorum-status")).ToHaveAttributeAsync("data-quorate", "yes");
        await audit.CheckSettledAsync(Page, "meeting-console");
        await Page.ScreenshotAsync("meeting-01-console-quorate");

        // The chair follows on a tablet.
        var chair = await OpenSecondBrowserAsync();
        await chair.OpenChairViewAsync(meetingId);
        await Expect(chair.GetByTestId("quorum-status")).ToHaveAttributeAsync("data-quorate", "yes");
        await Expect(chair.GetByTestId("presiding")).ToHaveTextAsync("The chair, Helen Carter, presides.");

        // A member declares on the item from their own view.
        var member = await OpenSecondBrowserAsync();
        await member.OpenMemberViewAsync(meetingId, title);
        await member.GetByRole(AriaRole.Main).Field("Your interest").FillAsync("GP partner at Riverside Surgery");
        await member.GetByRole(AriaRole.Button, new() { Name = "Declare interest", Exact = true }).ClickAsync();
        await Expect(member.GetByTestId("member-status")).ToContainTextAsync("Your declaration is recorded");
        await audit.CheckSettledAsync(member, "meeting-member-view");
        await member.ScreenshotAsync("meeting-02-member-declared");

        // The chair sees it arrive and rules.
        var aisha = chair.Declaration("Dr Aisha Rahman");
        await Expect(aisha.GetByTestId("ruling")).ToHaveTextAsync("Awaiting ruling by Helen Carter.");
        await audit.CheckSettledAsync(chair, "meeting-chair-view");
        await aisha.GetByRole(AriaRole.Button, new() { Name = "Takes part in discussion but does not vote", Exact = true }).ClickAsync();
        await Expect(aisha.GetByTestId("ruling")).ToHaveTextAsync("Ruling: takes part in discussion but does not vote (ruled by Helen Carter).");
        await Expect(Page.Declaration("Dr Aisha Rahman").GetByTestId("ruling")).ToContainTextAsync("Takes part in discussion but does not vote (ruled by Helen Carter)");

        // The secretary records the Chief Officer's declaration; the chair rules that she leaves the room.
        var main = Page.GetByRole(AriaRole.Main);
        await Page.ChooseAsync(main, "Member declaring", "Rachel Adams");
        await main.Field("Interest declared").FillAsync("Spouse is a partner at Northgate Medical Practice");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Record declaration", Exact = true }).ClickAsync();
        await Expect(Page.GetByTestId("console-status")).ToContainTextAsync("The declaration is recorded");
        var rachel = chair.Declaration("Rachel Adams");
        await rachel.GetByRole(AriaRole.Button, new() { Name = "Leaves the room for the item", Exact = true }).ClickAsync();

        // She leaves the room at the ruling, and both views turn not quorate at once, with the reason.
        await Expect(Page.Seat("Rachel Adams")).ToHaveTextAsync(LiveMeetingSteps.LeftTheRoomFor(1));
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Arrived: Rachel Adams", Exact = true })).ToHaveCountAsync(0);
        await Expect(chair.GetByTestId("quorum-status")).ToHaveAttributeAsync("data-quorate", "no");
        await Expect(chair.GetByTestId("quorum-confirmed")).ToHaveTextAsync("Quorum cannot be confirmed while the item is not quorate.");
        await Expect(chair.GetByTestId("quorum-status")).ToContainTextAsync("Not quorate for item 1");
        await Expect(chair.GetByTestId("quorum-explanation")).ToContainTextAsync("Chief Officer");
        await Expect(Page.GetByTestId("quorum-status")).ToHaveAttributeAsync("data-quorate", "no");
        await Expect(member.GetByTestId("quorum-status")).ToHaveAttributeAsync("data-quorate", "no");
        await chair.WaitForAnimationsAsync();
        await audit.CheckSettledAsync(chair, "meeting-chair-view-not-quorate");
        await chair.ScreenshotAsync("meeting-03-chair-not-quorate");

        // A vote now is refused, with the reason.
        await Page.GetByRole(AriaRole.Button, new() { Name = "Record consensus decision", Exact = true }).ClickAsync();
        await Expect(Page.GetByTestId("console-status")).ToContainTextAsync("Nothing was recorded because the item is not quorate.");

        // The CFO's deputy arrives: quorum returns in the chair's view without a reload.
        await Page.GetByRole(AriaRole.Button, new() { Name = "Deputy arrived: Lucy Price for Mark Benson", Exact = true }).ClickAsync();
        await Expect(Page.Seat("Mark Benson")).ToHaveTextAsync("Deputy present (Lucy Price)");
        await Expect(chair.GetByTestId("quorum-status")).ToHaveAttributeAsync("data-quorate", "yes");
        await chair.GetByRole(AriaRole.Button, new() { Name = "Confirm quorum", Exact = true }).ClickAsync();
        await Expect(chair.GetByTestId("quorum-confirmed")).ToContainTextAsync("Quorum confirmed by Helen Carter at");
        await Expect(Page.GetByTestId("quorum-confirmed")).ToContainTextAsync("Quorum confirmed by Helen Carter at");
        await chair.ScreenshotAsync("meeting-04-chair-quorum-confirmed");

        // The vote: everyone eligible votes for.
        await main.Field("Resolution").FillAsync(resolution);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Everyone eligible votes for", Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Record vote", Exact = true }).ClickAsync();
        await Expect(Page.GetByTestId("decision")).ToContainTextAsync("Carried");
        await Expect(Page.GetByTestId("decision")).ToContainTextAsync(resolution);
        await audit.CheckSettledAsync(Page, "meeting-console-decided");
        await Page.ScreenshotAsync("meeting-05-console-decided");

        // The decision is in the log, with the conflicts and how they were managed.
        await Page.NavigateAsync("Decisions log", "Decisions log");
        await main.Field("Search text").FillAsync(resolution);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        var entry = Page.GetByTestId("decision-entry");
        await Expect(entry).ToHaveCountAsync(1);
        await Expect(entry).ToContainTextAsync(resolution);

        audit.ShouldHaveNoSeriousViolations();
    }

    /// <summary>A meeting of the demo PCCC starting now, with one decision item, scheduled through the API.</summary>
    private async Task<string> ScheduleMeetingAsync(string title)
    {
        var api = Page.APIRequest;
        var token = await api.TokenAsync(DemoUsers.Secretary, "meeting console journey");
        var committee = await api.DemoPcccAsync(token);
        var meeting = await api.SendAsync("POST", $"/api/committees/{committee.GetProperty("id").GetString()}/meetings?standingItems=false", token, new { title, startsAt = DateTimeOffset.UtcNow.AddMinutes(-5) });
        var id = meeting.GetProperty("id").GetString()!;
        await api.SendAsync("POST", $"/api/meetings/{id}/items", token, new { title = "Riverside Surgery and Northgate Medical Practice merger application", purpose = "Decision", isPrivate = false, presenter = "Head of Primary Care", version = meeting.GetProperty("version").GetString() });
        return id;
    }
}
