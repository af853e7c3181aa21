using System.Text.Json;
using System.Text.RegularExpressions;
using CoCommissioning.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CoCommissioning.EndToEnd;

/// <summary>
/// The record must never say something false (issue 11): an item on the merger of Riverside Surgery and Northgate
/// Medical Practice, where the register flags the demo's two GP members, Dr Aisha Rahman (partner at Riverside) and
/// Dr Tom Gallagher (partner at Northgate), both present. The secretary cannot record the vote until both flags are
/// declared or dismissed; Aisha's is declared and the chair rules that she leaves the room, Tom's is dismissed by the
/// chair with a reason. The console and the chair's view show her departure, the vote is recorded, the meeting moves
/// on and her return is recorded (the next item is agreed by consensus), and the public decisions log says how the
/// conflicts were managed.
/// </summary>
public sealed partial class LikelyConflictsJourneyTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    private const string Riverside = "Riverside Surgery";
    private const string Northgate = "Northgate Medical Practice";
    private const string DismissalReason = "Dr Gallagher retired from the Northgate partnership last month; his register entry is out of date.";

    [Fact]
    public async Task FlagsOfTwoPresentMembers_HoldUpTheVoteUntilDeclaredOrDismissed_DepartureAndSummaryAreRecorded()
    {
        var audit = new AccessibilityAudit(Output);
        var title = CommitteeSteps.UniqueName("PCCC merger meeting");
        var resolution = CommitteeSteps.UniqueName("Approve the merger of Riverside Surgery and Northgate Medical Practice");
        var budget = CommitteeSteps.UniqueName("Approve the primary care budget");
        var meetingId = await PrepareMeetingAsync(title);

        // The secretary takes the item: both GPs' flags are open, and the console says the vote waits for them.
        await Page.OpenConsoleAsync(meetingId, title);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Take item 1", Exact = true }).ClickAsync();
        await Expect(Page.GetByTestId("quorum-status")).ToHaveAttributeAsync("data-quorate", "yes");
        await Expect(Page.FlagState("Dr Aisha Rahman")).ToHaveTextAsync("Not yet dealt with");
        await Expect(Page.FlagState("Dr Tom Gallagher")).ToHaveTextAsync("Not yet dealt with");
        await Expect(Page.GetByTestId("flags-before-vote")).ToHaveTextAsync(
            $"Record the vote after these likely conflicts are declared or dismissed: Dr Aisha Rahman ({Riverside}); Dr Tom Gallagher ({Northgate}).");
        await audit.CheckSettledAsync(Page, "console-likely-conflicts-open");
        await Page.ScreenshotAsync("conflicts-01-console-flags-open");

        // The vote is refused by the decision service, and its reason shows.
        var main = Page.GetByRole(AriaRole.Main);
        await main.Field("Resolution").FillAsync(resolution);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Everyone eligible votes for", Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Record vote", Exact = true }).ClickAsync();
        var status = Page.GetByTestId("console-status");
        await Expect(status).ToContainTextAsync("Nothing was recorded: the register flags likely conflicts");
        await Expect(status).ToContainTextAsync("Dr Aisha Rahman");
        await Expect(status).ToContainTextAsync("Dr Tom Gallagher");
        await Expect(Page.GetByTestId("decision")).ToHaveCountAsync(0);

        // Aisha sees her own flag (and only hers) in her view.
        var member = await OpenSecondBrowserAsync();
        await member.OpenMemberViewAsync(meetingId, title);
        await Expect(member.GetByTestId("likely-conflict")).ToHaveCountAsync(1);
        await Expect(member.FlagState("Dr Aisha Rahman")).ToHaveTextAsync("Not yet dealt with");
        await Expect(member.GetByRole(AriaRole.Button, new() { Name = $"Declare the likely conflict of Dr Aisha Rahman ({Riverside})", Exact = true })).ToBeVisibleAsync();
        await audit.CheckSettledAsync(member, "member-view-own-likely-conflict");

        // The secretary declares Aisha's flag; it becomes a declaration for the chair to rule on, in every view.
        await Page.GetByRole(AriaRole.Button, new() { Name = $"Declare the likely conflict of Dr Aisha Rahman ({Riverside})", Exact = true }).ClickAsync();
        await Expect(status).ToContainTextAsync("The likely conflict of Dr Aisha Rahman (Riverside Surgery) is declared");
        await Expect(Page.FlagState("Dr Aisha Rahman")).ToHaveTextAsync("Declared — awaiting ruling by Helen Carter");
        await Expect(member.FlagState("Dr Aisha Rahman")).ToHaveTextAsync("Declared — awaiting ruling by Helen Carter");
        await Expect(member.GetByRole(AriaRole.Button, new() { NameRegex = DeclareFlag() })).ToHaveCountAsync(0);
        await Expect(Page.GetByTestId("flags-before-vote")).ToHaveTextAsync(
            $"Record the vote after these likely conflicts are declared or dismissed: Dr Tom Gallagher ({Northgate}).");
        await Expect(Page.GetByTestId("rulings-before-vote")).ToContainTextAsync("Dr Aisha Rahman");

        // The chair, on a tablet, rules that Aisha leaves the room.
        var chair = await OpenSecondBrowserAsync();
        await chair.OpenChairViewAsync(meetingId);
        await Expect(chair.FlagState("Dr Aisha Rahman")).ToHaveTextAsync("Declared — awaiting ruling by Helen Carter");
        await Expect(chair.FlagState("Dr Tom Gallagher")).ToHaveTextAsync("Not yet dealt with");
        await audit.CheckSettledAsync(chair, "chair-view-likely-conflicts");
        await chair.ScreenshotAsync("conflicts-02-chair-view");
        var aisha = chair.Declaration("Dr Aisha Rahman");
        await aisha.GetByRole(AriaRole.Button, new() { Name = "Leaves the room for the item", Exact = true }).ClickAsync();
        await Expect(chair.FlagState("Dr Aisha Rahman")).ToHaveTextAsync("Declared — ruled by Helen Carter: leaves the room for the item");
        await Expect(aisha.GetByTestId("presence")).ToHaveTextAsync(LiveMeetingSteps.LeftTheRoomFor(1));

        // The chair dismisses Tom's flag: the reason is required.
        var dismiss = await chair.OpenDialogAsync(
            chair.GetByRole(AriaRole.Button, new() { Name = $"Dismiss the likely conflict of Dr Tom Gallagher ({Northgate})", Exact = true }), "Dismiss likely conflict");
        await dismiss.GetByRole(AriaRole.Button, new() { Name = "Dismiss", Exact = true }).ClickAsync();
        await Expect(dismiss.FieldMessage("Why it is not relevant to this item")).ToContainTextAsync("Say why the interest is not relevant to this item");
        await audit.CheckSettledAsync(chair, "dismiss-likely-conflict-dialog");
        await dismiss.Field("Why it is not relevant to this item").FillAsync(DismissalReason);
        await dismiss.GetByRole(AriaRole.Button, new() { Name = "Dismiss", Exact = true }).ClickAsync();
        await Expect(dismiss).ToBeHiddenAsync();
        await Expect(chair.GetByTestId("chair-status")).ToContainTextAsync("is dismissed");
        await Expect(chair.FlagState("Dr Tom Gallagher")).ToHaveTextAsync($"Dismissed by Helen Carter: {DismissalReason}");

        // The console agrees: Aisha left the room at the ruling, Tom's flag is dismissed, nothing holds up the vote.
        await Expect(Page.Seat("Dr Aisha Rahman")).ToHaveTextAsync(LiveMeetingSteps.LeftTheRoomFor(1));
        await Expect(Page.FlagState("Dr Aisha Rahman")).ToHaveTextAsync("Declared — ruled by Helen Carter: leaves the room for the item");
        await Expect(Page.FlagState("Dr Tom Gallagher")).ToHaveTextAsync($"Dismissed by Helen Carter: {DismissalReason}");
        await Expect(Page.GetByTestId("before-the-vote")).ToHaveCountAsync(0);
        await audit.CheckSettledAsync(Page, "console-likely-conflicts-dealt-with");
        await Page.ScreenshotAsync("conflicts-03-console-dealt-with");

        // The vote is recorded now; Aisha may not vote.
        await Page.GetByRole(AriaRole.Button, new() { Name = "Everyone eligible votes for", Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Record vote", Exact = true }).ClickAsync();
        await Expect(Page.GetByTestId("decision")).ToContainTextAsync("Carried");
        await Expect(Page.GetByTestId("decision")).ToContainTextAsync(resolution);
        await Expect(chair.GetByTestId("decision")).ToContainTextAsync("Carried");

        // The meeting moves on: the console offers to record Aisha's return.
        await Page.GetByRole(AriaRole.Button, new() { Name = "Take item 2", Exact = true }).ClickAsync();
        await Expect(Page.GetByTestId("return-due")).ToHaveTextAsync("Dr Aisha Rahman left the room for item 1 (ruling) — Record return");
        await audit.CheckSettledAsync(Page, "console-return-due");
        await Page.ScreenshotAsync("conflicts-04-console-return-due");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Record return: Dr Aisha Rahman", Exact = true }).ClickAsync();
        await Expect(Page.Seat("Dr Aisha Rahman")).ToHaveTextAsync("Present");
        await Expect(Page.GetByTestId("returns-due")).ToHaveCountAsync(0);

        // Item 2 is agreed by consensus: the words say so, with no count of votes.
        await main.Field("Resolution").FillAsync(budget);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Record consensus decision", Exact = true }).ClickAsync();
        var consensus = Page.GetByTestId("decision");
        await Expect(consensus).ToContainTextAsync($"Agreed by consensus: {budget}");
        await Expect(consensus.GetByTestId("tally")).ToHaveCountAsync(0);
        await Expect(consensus).Not.ToContainTextAsync("against");

        // The public decisions log says how the conflicts were managed (its wording is the public pages' to choose).
        var visitor = await OpenSecondBrowserAsync();
        await visitor.GotoAsync("public/example-ccg/decisions");
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Decisions", Level = 1 })).ToBeVisibleAsync();
        var row = visitor.GetByRole(AriaRole.Row).Filter(new() { HasText = resolution });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("Carried");
        await Expect(row).ToContainTextAsync("The register of interests flagged 2 likely conflicts for those present: 1 declared, 1 dismissed as not relevant to the item.");
        await Expect(row).ToContainTextAsync("1 conflict of interest was declared and managed: 1 member left the room for the item.");
        await audit.CheckAsync(visitor, "public-decisions");
        await visitor.ScreenshotAsync("conflicts-05-public-decisions");

        // The draft minutes agree: who left the room and when, and why the other flag was dismissed.
        await Page.GotoAsync($"meetings/{meetingId}/minutes");
        await Page.WaitForInteractiveAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Start the minutes", Exact = true }).ClickAsync();
        var minutes = Page.GetByTestId("minutes-document");
        await Expect(minutes).ToContainTextAsync("Helen Carter ruled that Dr Aisha Rahman leaves the room for the item. Left the room at");
        await Expect(minutes).ToContainTextAsync($"Helen Carter dismissed it as not relevant to the item: {DismissalReason}");
        await audit.CheckSettledAsync(Page, "minutes-draft-with-conflicts");
        await Page.ScreenshotAsync("conflicts-06-minutes");

        audit.ShouldHaveNoSeriousViolations();
    }

    /// <summary>
    /// A meeting of the demo PCCC due to start in half an hour (the members are early), its agenda published at short
    /// notice (an agenda cannot go out once the meeting has started) so its decisions are public: item 1 affects Riverside Surgery and Northgate Medical Practice; item 2, the budget, affects none. Enough
    /// voting members are there to stay quorate when one leaves the room, including both GPs; the consultant, whose
    /// register also flags Riverside, is not.
    /// </summary>
    private async Task<string> PrepareMeetingAsync(string title)
    {
        var api = Page.APIRequest;
        var token = await api.TokenAsync(DemoUsers.Secretary, "likely conflicts journey");
        var committee = await api.DemoPcccAsync(token);
        var bodies = (await api.SendAsync("GET", "/api/bodies", token)).EnumerateArray().ToList();
        string BodyId(string name) => bodies.First(b => b.GetProperty("name").GetString() == name).GetProperty("id").GetString()!;

        var meeting = await api.SendAsync("POST", $"/api/committees/{committee.GetProperty("id").GetString()}/meetings?standingItems=false", token, new { title, startsAt = DateTimeOffset.UtcNow.AddMinutes(30) });
        var url = $"/api/meetings/{meeting.GetProperty("id").GetString()}";
        meeting = await api.SendAsync("POST", $"{url}/items", token, new
        {
            title = "Riverside Surgery and Northgate Medical Practice merger application",
            purpose = "Decision",
            isPrivate = false,
            affectedBodyIds = new[] { BodyId(Riverside), BodyId(Northgate) },
            version = Version(meeting),
        });
        meeting = await api.SendAsync("POST", $"{url}/items", token, new { title = "Primary care budget", purpose = "Decision", isPrivate = false, version = Version(meeting) });
        meeting = await api.SendAsync("POST", $"{url}/agenda/publish", token, new { shortNoticeReason = "The merger application must be decided before the practices' contract date.", version = Version(meeting) });

        var present = new[] { "Helen Carter", "David Okafor", "Priya Shah", "Sarah Whitfield", "Rachel Adams", "Dr Aisha Rahman", "Dr Tom Gallagher" };
        foreach (var membership in committee.GetProperty("memberships").EnumerateArray()
                     .Where(m => m.GetProperty("isCurrent").GetBoolean() && present.Contains(m.GetProperty("personName").GetString())))
        {
            meeting = await api.SendAsync("POST", $"{url}/arrivals", token, new { membershipId = membership.GetProperty("id").GetString(), deputy = false, version = Version(meeting) });
        }

        return meeting.GetProperty("id").GetString()!;
    }

    private static string? Version(JsonElement meeting) => meeting.GetProperty("version").GetString();

    [GeneratedRegex("^Declare the likely conflict")]
    private static partial Regex DeclareFlag();
}
