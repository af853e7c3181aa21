using System.Net;
using CoCommissioning.Domain.Meetings;
using CoCommissioning.Domain.Quorum;
using CoCommissioning.Web.Features.Meetings;
using CoCommissioning.Web.Tests.Infrastructure;
using static CoCommissioning.Web.Tests.Infrastructure.MeetingScenario;

namespace CoCommissioning.Web.Tests.Api;

/// <summary>The meeting console's rules on PostgreSQL.</summary>
public sealed class MeetingConsoleTests(PostgresAppFixture app) : MeetingConsoleTestsBase(app), IClassFixture<PostgresAppFixture>;

/// <summary>The same rules on the embedded SQLite default.</summary>
public sealed class MeetingConsoleOnSqliteTests(SqliteAppFixture app) : MeetingConsoleTestsBase(app), IClassFixture<SqliteAppFixture>;

/// <summary>
/// The meeting as it runs, through HTTP: rulings belong to the person presiding, quorum is confirmed only by them,
/// members declare only for themselves, and the secretary (not a governance lead) keeps the record.
/// </summary>
public abstract class MeetingConsoleTestsBase(AppFixture app)
{
    private const string Interest = "Spouse is a partner at Riverside Surgery";

    // --- rulings ------------------------------------------------------------------------------------------------

    [DatabaseFact]
    public async Task RecordRuling_ByAMemberWhoIsNotPresiding_Returns403AndChangesNothing()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        await meeting.ArriveAsync(Chair, Nurse, Gp, ChiefOfficer);
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);

        using var response = await member.PostJsonAsync($"{meeting.ItemUrl}/rulings", new { membershipId = meeting.Id(ChiefOfficer), interest = Interest, ruling = ConflictRuling.LeavesRoom, version = meeting.ItemVersion() });

        (await response.ReadProblemAsync(HttpStatusCode.Forbidden)).GetProperty("detail").GetString()
            .Should().Be("Only the person presiding over this item rules on conflicts. The chair, Helen Carter, presides.");
        await ExpectUnchangedAsync(meeting);
    }

    [DatabaseFact]
    public async Task RecordRuling_ChairOnTheirOwnConflict_Returns403NamingTheViceChair()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        await meeting.ArriveAsync(Chair, ViceChair, Nurse, Gp, ChiefOfficer);
        await meeting.DeclareAsync(Chair, "Owns the building Riverside Surgery leases");
        using var chair = await app.CreateApiClientAsync(DemoUsers.Chair);

        using var response = await chair.PostJsonAsync($"{meeting.ItemUrl}/rulings", new { membershipId = meeting.Id(Chair), interest = "Owns the building", ruling = ConflictRuling.FullPart, version = meeting.ItemVersion() });

        (await response.ReadProblemAsync(HttpStatusCode.Forbidden)).GetProperty("detail").GetString()
            .Should().Be("You cannot rule on your own conflict. The vice chair, David Okafor, rules on this declaration because Helen Carter, who presides, cannot rule on their own interest.");
        await ExpectUnchangedAsync(meeting);
    }

    [DatabaseFact]
    public async Task RecordRuling_SecretaryNamesSomeoneNotPresiding_Returns422AndChangesNothing()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        await meeting.ArriveAsync(Chair, ViceChair, ChiefOfficer);

        using var response = await meeting.Secretary.PostJsonAsync($"{meeting.ItemUrl}/rulings", new { membershipId = meeting.Id(ChiefOfficer), interest = Interest, ruling = ConflictRuling.LeavesRoom, ruledByMembershipId = meeting.Id(ViceChair), version = meeting.ItemVersion() });

        (await response.ReadProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString()
            .Should().Be("Only the person presiding rules on this conflict. The chair, Helen Carter, presides. The ruling is recorded as theirs.");
        await ExpectUnchangedAsync(meeting);
    }

    [DatabaseFact]
    public async Task RecordRuling_ByTheChairInTheirView_IsAttributedToTheChair()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        await meeting.ArriveAsync(Chair, ChiefOfficer);
        using var chair = await app.CreateApiClientAsync(DemoUsers.Chair);

        using var response = await chair.PostJsonAsync($"{meeting.ItemUrl}/rulings", new { membershipId = meeting.Id(ChiefOfficer), interest = Interest, ruling = ConflictRuling.LeavesRoom, version = meeting.ItemVersion() });

        var stored = await response.ReadJsonAsync<MeetingDto>(HttpStatusCode.OK);
        stored.Rulings.Should().ContainSingle().Which.RuledByMembershipId.Should().Be(meeting.Id(Chair));
    }

    [DatabaseFact]
    public async Task RecordRuling_BySecretaryOnBehalf_IsAttributedToThePresidingPerson()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        await meeting.ArriveAsync(ViceChair, ChiefOfficer);

        await meeting.ChangeAsync($"items/{meeting.ItemId}/rulings", new { membershipId = meeting.Id(ChiefOfficer), interest = Interest, ruling = ConflictRuling.StaysNoPart, version = meeting.ItemVersion() });

        meeting.Meeting.Rulings.Should().ContainSingle().Which.RuledByMembershipId.Should().Be(meeting.Id(ViceChair));
    }

    // --- quorum confirmation ------------------------------------------------------------------------------------

    [DatabaseFact]
    public async Task ConfirmQuorum_ByThePresidingChair_IsRecordedWithTimeAndExplanation()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        await meeting.ArriveAsync(Chair, Nurse, Gp, ChiefOfficer);
        using var chair = await app.CreateApiClientAsync(DemoUsers.Chair);
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);

        using var response = await chair.PostJsonAsync($"{meeting.ItemUrl}/quorum-confirmations", new { version = meeting.ItemVersion() });

        var stored = await response.ReadJsonAsync<MeetingDto>(HttpStatusCode.OK);
        var confirmation = stored.QuorumConfirmations.Should().ContainSingle().Subject;
        confirmation.ConfirmedByMembershipId.Should().Be(meeting.Id(Chair));
        confirmation.ConfirmedBy.Should().Be(Chair);
        confirmation.ConfirmedAt.Should().BeAfter(before);
        confirmation.Explanation.Should().StartWith("Quorate");
    }

    [DatabaseTheory]
    [InlineData(DemoUsers.Secretary)]
    [InlineData(DemoUsers.Member)]
    public async Task ConfirmQuorum_BySomeoneNotPresiding_Returns403AndChangesNothing(string user)
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        await meeting.ArriveAsync(Chair, Nurse, Gp, ChiefOfficer);
        using var client = await app.CreateApiClientAsync(user);

        using var response = await client.PostJsonAsync($"{meeting.ItemUrl}/quorum-confirmations", new { version = meeting.ItemVersion() });

        (await response.ReadProblemAsync(HttpStatusCode.Forbidden)).GetProperty("detail").GetString()
            .Should().StartWith("Only the person presiding over this item confirms quorum.");
        await ExpectUnchangedAsync(meeting);
    }

    [DatabaseFact]
    public async Task ConfirmQuorum_ItemInquorate_Returns422WithTheExplanation()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        await meeting.ArriveAsync(Chair, Nurse);
        using var chair = await app.CreateApiClientAsync(DemoUsers.Chair);

        using var response = await chair.PostJsonAsync($"{meeting.ItemUrl}/quorum-confirmations", new { version = meeting.ItemVersion() });

        (await response.ReadProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString()
            .Should().StartWith("The item is not quorate, so quorum cannot be confirmed. Not quorate");
        await ExpectUnchangedAsync(meeting);
    }

    // --- declarations -------------------------------------------------------------------------------------------

    [DatabaseFact]
    public async Task Declare_MemberForThemselves_IsRecordedWithoutTheirNeedingTheLatestVersion()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);

        using var response = await member.PostJsonAsync($"{meeting.Url}/declarations", new { itemId = meeting.ItemId, interest = "GP partner at Riverside Surgery" });

        var stored = await response.ReadJsonAsync<MeetingDto>(HttpStatusCode.OK);
        var declaration = stored.Declarations.Should().ContainSingle().Subject;
        declaration.MembershipId.Should().Be(meeting.Id(Gp));
        declaration.RaisedBy.Should().BeNull();
        declaration.ItemId.Should().Be(meeting.ItemId);
    }

    [DatabaseFact]
    public async Task Declare_MemberForSomeoneElse_Returns403AndChangesNothing()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);

        using var response = await member.PostJsonAsync($"{meeting.Url}/declarations", new { membershipId = meeting.Id(ChiefOfficer), itemId = meeting.ItemId, interest = "Her husband works at Riverside" });

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        await ExpectUnchangedAsync(meeting);
    }

    [DatabaseFact]
    public async Task Declare_RaisedBySomeoneElse_KeepsWhoRaisedIt()
    {
        using var meeting = await MeetingScenario.StartAsync(app);

        await meeting.DeclareAsync(ChiefOfficer, raisedBy: Nurse);

        meeting.Meeting.Declarations.Should().ContainSingle().Which.RaisedBy.Should().Be(Nurse);
    }

    [DatabaseFact]
    public async Task Declare_EmptyInterest_Returns400NamingTheField()
    {
        using var meeting = await MeetingScenario.StartAsync(app);

        using var response = await meeting.Secretary.PostJsonAsync($"{meeting.Url}/declarations", new { membershipId = meeting.Id(Gp), itemId = meeting.ItemId, interest = "  ", version = meeting.ItemVersion() });

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("interest").Should().NotBeEmpty();
        await ExpectUnchangedAsync(meeting);
    }

    // --- the console's view -------------------------------------------------------------------------------------

    [DatabaseFact]
    public async Task Console_RulingLeavesTheRoom_TurnsTheCurrentItemNotQuorateWithTheExplanation()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        await meeting.ArriveAsync(Chair, Nurse, Gp, ChiefOfficer);
        await meeting.TakeItemAsync();
        (await meeting.ConsoleAsync()).Current!.Verdict.IsQuorate.Should().BeTrue();

        await meeting.DeclareAsync(ChiefOfficer);
        await meeting.RuleAsync(ChiefOfficer, ConflictRuling.LeavesRoom);

        var view = await meeting.ConsoleAsync();
        view.Current!.Verdict.IsQuorate.Should().BeFalse();
        view.Current.Verdict.Explanation.Should().Contain("Not quorate");
        var declaration = view.Current.Declarations.Should().ContainSingle().Subject;
        declaration.Ruling.Should().Be(ConflictRuling.LeavesRoom);
        declaration.RuledBy.Should().Be(Chair);
        view.Current.InquorateOptions.Should().NotBeEmpty();
        view.IKeepTheRecord.Should().BeTrue();
    }

    [DatabaseFact]
    public async Task Console_AsTheChair_SaysTheyPreside()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        await meeting.ArriveAsync(Chair, Nurse);
        await meeting.TakeItemAsync();
        using var chair = await app.CreateApiClientAsync(DemoUsers.Chair);

        var view = await meeting.ConsoleAsync(chair);

        view.IPreside.Should().BeTrue();
        view.IKeepTheRecord.Should().BeFalse();
        view.MyMembershipId.Should().Be(meeting.Id(Chair));
        view.Seats.Single(s => s.Name == Chair).Presence.Should().Be(SeatPresence.Present);
    }

    [DatabaseFact]
    public async Task Console_AnotherOrganisationsMeeting_Returns404()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        using var northfield = await app.CreateApiClientAsync(DemoUsers.NorthfieldSecretary);

        using var response = await northfield.GetAsync($"{meeting.Url}/console");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    // --- the private part, notice and outcomes ----------------------------------------------------------------

    [DatabaseFact]
    public async Task TakeItem_PrivateBeforeTheResolution_Returns422ThenAllowedAfterItWithTheActsWords()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        var privateItem = await meeting.AddPrivateItemAsync("Practice performance concerns");

        using (var refused = await meeting.Secretary.PostJsonAsync($"{meeting.Url}/current-item", new { itemId = privateItem, version = meeting.Meeting.Version }))
        {
            (await refused.ReadProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString().Should().Contain("private part");
        }

        await meeting.ChangeAsync("exclusion", new { reason = (string?)null, version = meeting.Meeting.Version });
        await meeting.TakeItemAsync(privateItem);

        meeting.Meeting.CurrentItemId.Should().Be(privateItem);
        meeting.Meeting.Exclusion!.Wording.Should().Contain("Public Bodies (Admission to Meetings) Act 1960").And.Contain("confidential nature of the business");
    }

    [DatabaseFact]
    public async Task PublishAgenda_ShortNotice_Returns400AskingForAReasonThenPublishesWithIt()
    {
        using var meeting = await MeetingScenario.StartAsync(app, DateTimeOffset.UtcNow.AddDays(1));

        using (var refused = await meeting.Secretary.PostJsonAsync($"{meeting.Url}/agenda/publish", new { version = meeting.Meeting.Version }))
        {
            (await refused.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("shortNoticeReason").Single().Should().Contain("at least 3 are required");
        }

        await meeting.ChangeAsync("agenda/publish", new { shortNoticeReason = "Urgent contract decision agreed with the chair", version = meeting.Meeting.Version });

        meeting.Meeting.AgendaPublishedAt.Should().NotBeNull();
        meeting.Meeting.ShortNoticeReason.Should().Be("Urgent contract decision agreed with the chair");
    }

    [DatabaseFact]
    public async Task RecordOutcome_NotedOnADecisionItem_Returns422_DeferredIsRecorded()
    {
        using var meeting = await MeetingScenario.StartAsync(app);

        using (var refused = await meeting.Secretary.PostJsonAsync($"{meeting.ItemUrl}/outcome", new { outcome = ItemOutcomeKind.Noted, version = meeting.ItemVersion() }))
        {
            refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        }

        await meeting.ChangeAsync($"items/{meeting.ItemId}/outcome", new { outcome = ItemOutcomeKind.Deferred, note = "To the January meeting", version = meeting.ItemVersion() });

        meeting.Meeting.Items[0].Outcome.Should().Be(ItemOutcomeKind.Deferred);
    }

    [DatabaseFact]
    public async Task RecordArrival_AsGovernanceLead_Returns403BecauseTheSecretaryKeepsTheRecord()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        using var governance = await app.CreateApiClientAsync(DemoUsers.Governance);

        using var response = await governance.PostJsonAsync($"{meeting.Url}/arrivals", new { membershipId = meeting.Id(Chair), deputy = false, version = meeting.Meeting.Version });

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        await ExpectUnchangedAsync(meeting);
    }

    [DatabaseFact]
    public async Task PublishAgenda_Twice_Returns422AndKeepsTheFirstPublication()
    {
        using var meeting = await MeetingScenario.StartAsync(app, DateTimeOffset.UtcNow.AddDays(10));
        await meeting.ChangeAsync("agenda/publish", new { version = meeting.Meeting.Version });

        using var again = await meeting.Secretary.PostJsonAsync($"{meeting.Url}/agenda/publish", new { shortNoticeReason = "x", version = meeting.Meeting.Version });

        (await again.ReadProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString().Should().Contain("already published");
        await ExpectUnchangedAsync(meeting);
    }

    [DatabaseFact]
    public async Task PublishAgenda_AfterTheMeetingStarted_Returns422()
    {
        using var meeting = await MeetingScenario.StartAsync(app, DateTimeOffset.UtcNow.AddMinutes(-1));

        using var response = await meeting.Secretary.PostJsonAsync($"{meeting.Url}/agenda/publish", new { shortNoticeReason = "Late", version = meeting.Meeting.Version });

        (await response.ReadProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString().Should().Contain("already started");
    }

    [DatabaseFact]
    public async Task RecordRuling_AfterTheItemIsDecided_Returns422SoTheDecisionsEvidenceStands()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        await meeting.ArriveAsync(Chair, Nurse, Gp, ChiefOfficer, ViceChair);
        await meeting.DeclareAsync(Gp);
        await meeting.RuleAsync(Gp, ConflictRuling.LeavesRoom);
        using (var consensus = await meeting.Secretary.PostJsonAsync($"{meeting.ItemUrl}/consensus", new { resolution = Resolution }))
        {
            consensus.StatusCode.Should().Be(HttpStatusCode.Created);
        }

        await meeting.RefreshAsync();
        using var response = await meeting.Secretary.PostJsonAsync($"{meeting.ItemUrl}/rulings", new { membershipId = meeting.Id(Gp), interest = Interest, ruling = ConflictRuling.FullPart, version = meeting.ItemVersion() });

        (await response.ReadProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString().Should().Contain("already decided");
        await ExpectUnchangedAsync(meeting);
    }

    [DatabaseFact]
    public async Task RecordConsensus_WhileADeclarationAwaitsARuling_Returns422NamingTheMember()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        await meeting.ArriveAsync(Chair, Nurse, Gp, ChiefOfficer, ViceChair);
        await meeting.ChangeAsync("declarations", new { membershipId = meeting.Id(Gp), itemId = (Guid?)null, interest = "Partner at Riverside Surgery", version = meeting.Meeting.Version });

        using var response = await meeting.Secretary.PostJsonAsync($"{meeting.ItemUrl}/consensus", new { resolution = Resolution });

        (await response.ReadProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString()
            .Should().Be($"Nothing was recorded: the declarations of {Gp} on this item await the ruling of the person presiding. Rule on them first.");
        (await meeting.DecisionsAsync()).Should().BeEmpty();
    }

    [DatabaseFact]
    public async Task ConfirmQuorum_WhileADeclarationAwaitsARuling_Returns422()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        await meeting.ArriveAsync(Chair, Nurse, Gp, ChiefOfficer);
        await meeting.DeclareAsync(Gp);
        using var chair = await app.CreateApiClientAsync(DemoUsers.Chair);

        using var response = await chair.PostJsonAsync($"{meeting.ItemUrl}/quorum-confirmations", new { version = meeting.ItemVersion() });

        (await response.ReadProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString().Should().StartWith("Rule on the declarations");
    }

    [DatabaseFact]
    public async Task Apologies_FromAMemberWhoIsPresent_Returns422()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        await meeting.ArriveAsync(ChiefOfficer);

        using var response = await meeting.Secretary.PostJsonAsync($"{meeting.Url}/apologies", new { membershipId = meeting.Id(ChiefOfficer), version = meeting.Meeting.Version });

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        await ExpectUnchangedAsync(meeting);
    }

    [DatabaseFact]
    public async Task Declare_ByADeputyStandingIn_IsNamedAsTheDeputy()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        await meeting.DeputyArrivesForAsync(ChiefFinanceOfficer);

        await meeting.DeclareAsync(ChiefFinanceOfficer, "Husband is a partner at Northgate Medical Practice");

        meeting.Meeting.Declarations.Should().ContainSingle().Which.Name.Should().Be($"{Deputy} (deputy for {ChiefFinanceOfficer})");
    }

    [DatabaseFact]
    public async Task Items_PublicAddedAfterAPrivateOne_AreListedInThePublicPart()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        await meeting.AddPrivateItemAsync("Practice performance concerns");
        await meeting.AddItemAsync("Finance report");

        meeting.Meeting.Items.Select(i => i.Title).Should().Equal("Merger of Riverside and Northgate", "Finance report", "Practice performance concerns");
    }

    private static async Task ExpectUnchangedAsync(MeetingScenario meeting)
    {
        var stored = await meeting.Secretary.GetJsonAsync<MeetingDto>(meeting.Url);
        stored.Version.Should().Be(meeting.Meeting.Version);
        stored.Rulings.Should().BeEquivalentTo(meeting.Meeting.Rulings, o => o.ToTheMicrosecond());
        stored.Declarations.Should().HaveCount(meeting.Meeting.Declarations.Count);
        stored.QuorumConfirmations.Should().BeEmpty();
    }
}
