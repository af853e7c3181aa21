using System.Net;
using CoCommissioning.Domain.Decisions;
using CoCommissioning.Domain.Meetings;
using CoCommissioning.Domain.Minutes;
using CoCommissioning.Domain.Quorum;
using CoCommissioning.Web.Features.DecisionsLog;
using CoCommissioning.Web.Features.Meetings;
using CoCommissioning.Web.Features.Minutes;
using CoCommissioning.Web.Features.PublicMeetings;
using CoCommissioning.Web.Tests.Infrastructure;
using static CoCommissioning.Web.Tests.Infrastructure.MeetingScenario;

namespace CoCommissioning.Web.Tests.Api;

public sealed class RecordIntegrityTests(PostgresAppFixture app) : RecordIntegrityTestsBase(app), IClassFixture<PostgresAppFixture>;

/// <summary>The same on the embedded SQLite default.</summary>
public sealed class RecordIntegrityOnSqliteTests(SqliteAppFixture app) : RecordIntegrityTestsBase(app), IClassFixture<SqliteAppFixture>;

/// <summary>
/// Issue 11, where features meet: a register pre-flag meets a vote, a ruling meets attendance, a closed item meets a
/// late change, and every place that states the outcome (decision, decisions log, public decisions, minutes) agrees
/// with the record.
/// </summary>
public abstract class RecordIntegrityTestsBase(AppFixture app)
{
    private const string Morton = "Dr James Morton";
    private const string Gallagher = "Dr Tom Gallagher";
    private const string DismissalReason = "His relative works in the practice's reception, not for either partnership: not relevant to the merger.";

    // --- a register pre-flag meets a vote -------------------------------------------------------------------------

    [DatabaseFact]
    public async Task RecordVote_PreFlaggedMembersPresent_RefusedNamingThemUntilDeclaredOrDismissed_ThenEveryAccountAgrees()
    {
        using var meeting = await MeetingScenario.StartAsync(app, DateTimeOffset.UtcNow.AddDays(5));
        var bodies = await meeting.Secretary.GetJsonAsync<List<BodyRow>>("/api/bodies");
        var merging = bodies.Where(b => b.Name is "Riverside Surgery" or "Northgate Medical Practice").Select(b => b.Id).ToArray();
        var itemId = await meeting.AddItemAffectingAsync(ApiScenario.UniqueName("Merger of Riverside and Northgate"), merging);
        await meeting.ChangeAsync("agenda/publish", new { version = meeting.Meeting.Version });
        await meeting.ArriveAsync(Chair, Nurse, Gp, ChiefOfficer, Morton);
        await meeting.TakeItemAsync(itemId);

        // Dr Rahman is a partner at Riverside; Dr Morton's relative works there (withheld from the public register); Dr
        // Gallagher is a partner at Northgate but not here, so his flag does not hold the decision up.
        var flags = await meeting.LikelyConflictsAsync(itemId);
        flags.Select(f => f.PersonName).Should().BeEquivalentTo([Gp, Morton, Gallagher]);
        var before = await DecisionAuditCount.ReadAsync(app);
        using (var refused = await meeting.PostVoteAsync(meeting.AllFor(Chair, Nurse, ChiefOfficer, Morton), itemId: itemId))
        {
            var detail = (await refused.ReadProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString();
            detail.Should().StartWith("Nothing was recorded: the register flags likely conflicts").And.Contain(Gp).And.Contain(Morton).And.NotContain(Gallagher);
        }

        (await DecisionAuditCount.ReadAsync(app)).Should().Be(before);

        // One action turns Dr Rahman's flag into a declaration worded from the register; the chair rules her out of the room.
        var rahman = flags.Single(f => f.PersonName == Gp);
        await meeting.ChangeAsync($"items/{itemId}/likely-conflicts/declare", new { membershipId = rahman.MembershipId, declarationId = rahman.DeclarationId, version = meeting.ItemVersion(itemId) });
        var declared = meeting.Meeting.Declarations.Single(d => d.ItemId == itemId);
        (declared.MembershipId, declared.RegisterDeclarationId).Should().Be((meeting.Id(Gp), rahman.DeclarationId));
        declared.Interest.Should().Contain("GP partner").And.Contain("Riverside Surgery");
        using (var stillRefused = await meeting.PostVoteAsync(meeting.AllFor(Chair, Nurse, ChiefOfficer, Morton), itemId: itemId))
        {
            (await stillRefused.ReadProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString()
                .Should().Contain("await the ruling");
        }

        using (var chair = await app.CreateApiClientAsync(DemoUsers.Chair))
        using (var ruled = await chair.PostJsonAsync($"{meeting.Url}/items/{itemId}/rulings", new { membershipId = meeting.Id(Gp), interest = declared.Interest, ruling = ConflictRuling.LeavesRoom, version = meeting.ItemVersion(itemId) }))
        {
            await ruled.ReadJsonAsync<MeetingDto>(HttpStatusCode.OK);
        }

        // Dr Morton's is dismissed with a reason, recorded by the secretary and attributed to the chair.
        await meeting.RefreshAsync();
        var morton = flags.Single(f => f.PersonName == Morton);
        using (var noReason = await meeting.Secretary.PostJsonAsync($"{meeting.Url}/items/{itemId}/likely-conflicts/dismiss", new { membershipId = morton.MembershipId, declarationId = morton.DeclarationId, reason = " ", version = meeting.ItemVersion(itemId) }))
        {
            (await noReason.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("reason").Should().NotBeEmpty();
        }

        await meeting.ChangeAsync($"items/{itemId}/likely-conflicts/dismiss", new { membershipId = morton.MembershipId, declarationId = morton.DeclarationId, reason = DismissalReason, version = meeting.ItemVersion(itemId) });
        (await meeting.LikelyConflictsAsync(itemId)).Select(f => (f.PersonName, f.AtMeeting)).Should().BeEquivalentTo([(Gp, PreFlagStatus.Declared), (Morton, PreFlagStatus.Dismissed), (Gallagher, PreFlagStatus.Open)]);

        DecisionDto decision;
        using (var vote = await meeting.PostVoteAsync(meeting.AllFor(Chair, Nurse, ChiefOfficer, Morton), itemId: itemId))
        {
            decision = await vote.ReadJsonAsync<DecisionDto>(HttpStatusCode.Created);
        }

        // The ruling moved her out of the room at the ruling's time, for this item.
        await meeting.RefreshAsync();
        var ruling = meeting.Meeting.Rulings.Single(r => r.ItemId == itemId);
        var stretch = meeting.Meeting.Attendance.Single(a => a.MembershipId == meeting.Id(Gp));
        (stretch.LeftAt, stretch.LeftForItemId).Should().Be((ruling.RecordedAt, itemId));
        meeting.Meeting.Items.Single(i => i.Id == itemId).Should().Match<AgendaItemDto>(i => i.Status == ItemStatus.Closed && i.ClosedAs == ItemClosure.Vote);
        decision.Votes.Should().NotContain(v => v.MembershipId == meeting.Id(Gp));

        // The decisions log, the public decisions and the minutes say the same, with the same counts.
        var log = (await meeting.Secretary.GetJsonAsync<DecisionsLogPageDto>($"/api/decisions-log?q={Uri.EscapeDataString(meeting.Meeting.Items.Single(i => i.Id == itemId).Title)}")).Entries.Single();
        log.LikelyConflicts.Select(f => (f.Name, f.Outcome, f.Reason)).Should().BeEquivalentTo([(Gp, "Declared", (string?)null), (Morton, "Dismissed", DismissalReason)]);
        log.LikelyConflicts.Single(f => f.Outcome == "Dismissed").DismissedBy.Should().Be(Chair);
        log.Conflicts.Should().ContainSingle().Which.Should().Match<LoggedConflictDto>(c => c.Name == Gp && c.Ruling == ConflictRuling.LeavesRoom && c.RuledBy == Chair);
        const string Summary = "The register of interests flagged 2 likely conflicts for those present: 1 declared, 1 dismissed as not relevant to the item. 1 conflict of interest was declared and managed: 1 member left the room for the item.";
        log.ConflictsSummary.Should().Be(Summary);

        using var anonymous = app.CreateAnonymousClient();
        var published = await anonymous.GetJsonAsync<PublicDecisionsDto>("/api/public/organisations/example-ccg/decisions");
        published.Decisions.Single(d => d.Id == decision.Id).ConflictsSummary.Should().Be(Summary);

        using (var started = await meeting.Secretary.PostJsonAsync($"{meeting.Url}/minutes", new { }))
        {
            await started.ReadJsonAsync<MinutesDto>(HttpStatusCode.OK);
        }

        var minutes = (await meeting.Secretary.GetJsonAsync<MinutesDocumentDto>($"{meeting.Url}/minutes/versions/1/public")).Document;
        var left = MinutesGenerator.Clock(stretch.LeftAt!.Value);
        minutes.Declarations.Single(d => d.Name == Gp).Management.Should().ContainSingle()
            .Which.Should().Contain($"{Chair} ruled that {Gp} leaves the room for the item. Left the room at {left} for item");
        minutes.Declarations.Single(d => d.Name == Morton).Management.Should().ContainSingle()
            .Which.Should().EndWith($"{Chair} dismissed it as not relevant to the item: {DismissalReason}");
        minutes.Present.Single(p => p.Name == Gp).Times.Should().ContainEquivalentOf($"left at {left}");
    }

    [DatabaseFact]
    public async Task LikelyConflicts_AbsentMembersFlags_DoNotBlockTheDecision()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        var bodies = await meeting.Secretary.GetJsonAsync<List<BodyRow>>("/api/bodies");
        var itemId = await meeting.AddItemAffectingAsync(ApiScenario.UniqueName("Riverside premises"), bodies.Single(b => b.Name == "Riverside Surgery").Id);
        await meeting.ArriveAsync(Chair, Nurse, ChiefOfficer, ViceChair);

        using var vote = await meeting.PostVoteAsync(meeting.AllFor(Chair, Nurse, ChiefOfficer, ViceChair), itemId: itemId);

        await vote.ReadJsonAsync<DecisionDto>(HttpStatusCode.Created);
    }

    [DatabaseFact]
    public async Task DismissFlag_ByAMemberNotPresiding_Returns403()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        var bodies = await meeting.Secretary.GetJsonAsync<List<BodyRow>>("/api/bodies");
        var itemId = await meeting.AddItemAffectingAsync(ApiScenario.UniqueName("Riverside list"), bodies.Single(b => b.Name == "Riverside Surgery").Id);
        await meeting.ArriveAsync(Chair, Nurse, Gp, ChiefOfficer);
        var flag = (await meeting.LikelyConflictsAsync(itemId)).Single(f => f.PersonName == Gp);
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);

        using var response = await member.PostJsonAsync($"{meeting.Url}/items/{itemId}/likely-conflicts/dismiss", new { membershipId = flag.MembershipId, declarationId = flag.DeclarationId, reason = "Not relevant", version = meeting.ItemVersion(itemId) });

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await meeting.LikelyConflictsAsync(itemId)).Single(f => f.PersonName == Gp).AtMeeting.Should().Be(PreFlagStatus.Open);
    }

    [DatabaseFact]
    public async Task LikelyConflicts_MemberDeclaringAnothersFlag403_OtherOrganisation404_NothingRecorded()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        var bodies = await meeting.Secretary.GetJsonAsync<List<BodyRow>>("/api/bodies");
        var itemId = await meeting.AddItemAffectingAsync(ApiScenario.UniqueName("Riverside staffing"), bodies.Single(b => b.Name == "Riverside Surgery").Id);
        await meeting.ArriveAsync(Chair, Nurse, Gp, ChiefOfficer, Morton);
        var morton = (await meeting.LikelyConflictsAsync(itemId)).Single(f => f.PersonName == Morton);
        var body = new { membershipId = morton.MembershipId, declarationId = morton.DeclarationId, reason = "Not relevant", version = meeting.ItemVersion(itemId) };
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);
        using var northfield = await app.CreateApiClientAsync(DemoUsers.NorthfieldSecretary);

        using (var declared = await member.PostJsonAsync($"{meeting.Url}/items/{itemId}/likely-conflicts/declare", body))
        {
            declared.StatusCode.Should().Be(HttpStatusCode.Forbidden, "a member declares only their own likely conflicts");
        }

        foreach (var action in new[] { "declare", "dismiss" })
        {
            using var response = await northfield.PostJsonAsync($"{meeting.Url}/items/{itemId}/likely-conflicts/{action}", body);
            response.StatusCode.Should().Be(HttpStatusCode.NotFound, $"another organisation's meeting is not found ({action})");
        }

        (await meeting.LikelyConflictsAsync(itemId)).Should().OnlyContain(f => f.AtMeeting == PreFlagStatus.Open);
    }

    [DatabaseFact]
    public async Task Console_AsAMemberNotPresiding_ShowsOnlyTheirOwnLikelyConflicts_TheChairSeesAll()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        var bodies = await meeting.Secretary.GetJsonAsync<List<BodyRow>>("/api/bodies");
        var itemId = await meeting.AddItemAffectingAsync(ApiScenario.UniqueName("Riverside and Northgate"), [.. bodies.Where(b => b.Name is "Riverside Surgery" or "Northgate Medical Practice").Select(b => b.Id)]);
        await meeting.ArriveAsync(Chair, Nurse, Gp, ChiefOfficer, Morton);
        await meeting.TakeItemAsync(itemId);
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);
        using var chair = await app.CreateApiClientAsync(DemoUsers.Chair);

        var asMember = (await meeting.ConsoleAsync(member)).Current!.LikelyConflicts;
        var asChair = (await meeting.ConsoleAsync(chair)).Current!.LikelyConflicts;

        // The demo member is Dr Rahman: Dr Morton's withheld interest (a relative's workplace) must not reach her.
        asMember.Should().NotBeEmpty().And.OnlyContain(f => f.PersonName == Gp);
        asChair.Select(f => f.PersonName).Should().Contain([Gp, Morton]);
        (await meeting.ConsoleAsync()).Current!.LikelyConflicts.Should().HaveCount(asChair.Count);
    }

    // --- a ruling meets attendance ------------------------------------------------------------------------------------

    [DatabaseFact]
    public async Task RecordRuling_LeavesTheRoom_RecordsTheDepartureAndOffersTheReturnWhenTheNextItemIsTaken()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        var second = await meeting.AddItemAsync("Second item");
        await meeting.ArriveAsync(Chair, Nurse, Gp, ChiefOfficer);
        await meeting.DeputyArrivesForAsync(ChiefFinanceOfficer);
        await meeting.TakeItemAsync();
        await meeting.DeclareAsync(ChiefFinanceOfficer, "Spouse is a partner at Riverside Surgery");
        await meeting.RuleAsync(ChiefFinanceOfficer, ConflictRuling.LeavesRoom);

        var view = await meeting.ConsoleAsync();
        var seat = view.Seats.Single(s => s.MembershipId == meeting.Id(ChiefFinanceOfficer));
        seat.Presence.Should().Be(SeatPresence.LeftTheRoomForItem);
        seat.PresenceText.Should().StartWith($"{Deputy} (deputy) left the room at").And.EndWith("for item 1 (ruling)");
        view.ReturnsDue.Should().BeEmpty("the meeting is still on the item the deputy left for");
        using (var tooSoon = await meeting.Secretary.PostJsonAsync($"{meeting.Url}/arrivals", new { membershipId = meeting.Id(ChiefFinanceOfficer), deputy = true, version = meeting.Meeting.Version }))
        {
            (await tooSoon.ReadProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString().Should().Contain("leaves the room for item 1");
        }

        await meeting.TakeItemAsync(second);
        view = await meeting.ConsoleAsync();
        view.ReturnsDue.Should().ContainSingle().Which.Should().Be(new ReturnDueDto(meeting.Id(ChiefFinanceOfficer), $"{Deputy} (deputy for {ChiefFinanceOfficer})", meeting.ItemId, "1", Deputy: true));
        await meeting.DeputyArrivesForAsync(ChiefFinanceOfficer);
        view = await meeting.ConsoleAsync();
        view.ReturnsDue.Should().BeEmpty();
        view.Seats.Single(s => s.MembershipId == meeting.Id(ChiefFinanceOfficer)).Presence.Should().Be(SeatPresence.DeputyPresent);
    }

    [DatabaseFact]
    public async Task RecordRuling_ChangedFromLeavesTheRoom_RecordsTheReturn()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        await meeting.ArriveAsync(Chair, Nurse, Gp, ChiefOfficer);
        await meeting.TakeItemAsync();
        await meeting.DeclareAsync(ChiefOfficer);
        await meeting.RuleAsync(ChiefOfficer, ConflictRuling.LeavesRoom);
        (await meeting.StatusAsync()).Verdict.IsQuorate.Should().BeFalse();

        await meeting.RuleAsync(ChiefOfficer, ConflictRuling.DiscussesNoVote);

        var stretches = meeting.Meeting.Attendance.Where(a => a.MembershipId == meeting.Id(ChiefOfficer)).OrderBy(a => a.ArrivedAt).ToList();
        stretches.Should().HaveCount(2);
        stretches[1].LeftAt.Should().BeNull();
        (await meeting.ConsoleAsync()).Seats.Single(s => s.MembershipId == meeting.Id(ChiefOfficer)).Presence.Should().Be(SeatPresence.Present);
    }

    // --- a closed item meets a late change --------------------------------------------------------------------------

    [DatabaseFact]
    public async Task ClosedItem_RefusesDeclarationsRulingsQuorumOutcomesAndAnotherDecision()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        await meeting.ArriveAsync(Chair, Nurse, Gp, ChiefOfficer);
        await meeting.TakeItemAsync();
        using (var consensus = await meeting.Secretary.PostJsonAsync($"{meeting.ItemUrl}/consensus", new { resolution = Resolution }))
        {
            await consensus.ReadJsonAsync<DecisionDto>(HttpStatusCode.Created);
        }

        await meeting.RefreshAsync();
        meeting.Meeting.Items[0].Should().Match<AgendaItemDto>(i => i.Status == ItemStatus.Closed && i.ClosedAs == ItemClosure.Consensus && i.ClosedAt != null);
        var version = meeting.ItemVersion();
        using var chair = await app.CreateApiClientAsync(DemoUsers.Chair);
        var attempts = new (HttpClient Client, string Path, object Body)[]
        {
            (meeting.Secretary, $"{meeting.Url}/declarations", new { membershipId = meeting.Id(Gp), itemId = meeting.ItemId, interest = "Late", version }),
            (meeting.Secretary, $"{meeting.ItemUrl}/rulings", new { membershipId = meeting.Id(Gp), interest = "Late", ruling = ConflictRuling.LeavesRoom, version }),
            (chair, $"{meeting.ItemUrl}/quorum-confirmations", new { version }),
            (meeting.Secretary, $"{meeting.ItemUrl}/outcome", new { outcome = ItemOutcomeKind.Deferred, note = "Later", version }),
            (meeting.Secretary, $"{meeting.ItemUrl}/votes", new { resolution = Resolution, votes = meeting.AllFor(Chair, Nurse, Gp, ChiefOfficer), version }),
            (meeting.Secretary, $"{meeting.ItemUrl}/inquorate", new { action = InquorateAction.Defer, detail = "Later", version }),
        };

        foreach (var (client, path, body) in attempts)
        {
            using var response = await client.PostJsonAsync(path, body);
            response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity, $"{path} on a closed item: {await response.Content.ReadAsStringAsync()}");
        }

        await meeting.RefreshAsync();
        meeting.ItemVersion().Should().Be(version, "nothing was recorded at the closed item");
    }

    // --- a version token meets a concurrent write --------------------------------------------------------------------

    [DatabaseFact]
    public async Task RecordVote_ThirtyConcurrentVotesOnThirtyItems_AllRecorded()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        var items = new List<Guid> { meeting.ItemId };
        for (var i = 2; i <= 30; i++)
        {
            items.Add(await meeting.AddItemAsync($"Item {i}"));
        }

        await meeting.ArriveAsync(Chair, Nurse, Gp, ChiefOfficer);
        var versions = items.ToDictionary(id => id, id => meeting.ItemVersion(id));

        var responses = await Task.WhenAll(items.Select(id =>
            meeting.Secretary.PostJsonAsync($"{meeting.Url}/items/{id}/votes", new { resolution = Resolution, votes = meeting.AllFor(Chair, Nurse, Gp, ChiefOfficer), version = versions[id] })));

        try
        {
            responses.Select(r => r.StatusCode).Should().AllBeEquivalentTo(HttpStatusCode.Created);
            (await meeting.DecisionsAsync()).Select(d => d.ItemId).Should().BeEquivalentTo(items);
        }
        finally
        {
            DisposeAll(responses);
        }
    }

    [DatabaseFact]
    public async Task RecordVote_FiftyConcurrentVotesOnOneItem_OneRecordedTheRest409()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        await meeting.ArriveAsync(Chair, Nurse, Gp, ChiefOfficer);
        var version = meeting.ItemVersion();

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ =>
            meeting.Secretary.PostJsonAsync($"{meeting.ItemUrl}/votes", new { resolution = Resolution, votes = meeting.Votes((Gp, VoteChoice.For), (Chair, VoteChoice.For), (Nurse, VoteChoice.For), (ChiefOfficer, VoteChoice.Against)), version })));

        try
        {
            responses.Count(r => r.StatusCode == HttpStatusCode.Created).Should().Be(1);
            responses.Count(r => r.StatusCode == HttpStatusCode.Conflict).Should().Be(49);
            var problem = await responses.First(r => r.StatusCode == HttpStatusCode.Conflict).ReadProblemAsync(HttpStatusCode.Conflict);
            problem.GetProperty("detail").GetString().Should().StartWith("Someone else changed this agenda item");
            var decision = (await meeting.DecisionsAsync()).Should().ContainSingle().Subject;
            decision.Votes.Where(v => v.MembershipId == meeting.Id(Gp)).Should().ContainSingle();
        }
        finally
        {
            DisposeAll(responses);
        }
    }

    [DatabaseFact]
    public async Task RecordVote_RacingAnArrival_BothRecorded()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        var items = new List<Guid> { meeting.ItemId };
        for (var i = 2; i <= 10; i++)
        {
            items.Add(await meeting.AddItemAsync($"Item {i}"));
        }

        await meeting.ArriveAsync(Chair, Nurse, Gp, ChiefOfficer);
        var others = meeting.Members.Keys.Except([Chair, Nurse, Gp, ChiefOfficer]).Take(items.Count).ToList();
        for (var i = 0; i < others.Count; i++)
        {
            // Each round: the secretary's vote on one item and an arrival sent with the meeting's version they both saw.
            var meetingVersion = meeting.Meeting.Version;
            var vote = meeting.Secretary.PostJsonAsync($"{meeting.Url}/items/{items[i]}/votes", new { resolution = Resolution, votes = meeting.AllFor(Chair, Nurse, Gp, ChiefOfficer), version = meeting.ItemVersion(items[i]) });
            var arrival = meeting.Secretary.PostJsonAsync($"{meeting.Url}/arrivals", new { membershipId = meeting.Id(others[i]), deputy = false, version = meetingVersion });
            using var voted = await vote;
            using var arrived = await arrival;

            voted.StatusCode.Should().Be(HttpStatusCode.Created, await voted.Content.ReadAsStringAsync());
            meeting.ChangeFrom(await arrived.ReadJsonAsync<MeetingDto>(HttpStatusCode.OK));
        }
    }

    private static void DisposeAll(IEnumerable<HttpResponseMessage> responses)
    {
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    private sealed record BodyRow(Guid Id, string Name);
}
