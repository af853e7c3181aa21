using System.Net;
using CoCommissioning.Domain.Decisions;
using CoCommissioning.Domain.Interests;
using CoCommissioning.Domain.Meetings;
using CoCommissioning.Domain.Organisations;
using CoCommissioning.Domain.Quorum;
using CoCommissioning.Web.Features.Bodies;
using CoCommissioning.Web.Features.DecisionsLog;
using CoCommissioning.Web.Features.Meetings;
using CoCommissioning.Web.Features.Procurement;
using CoCommissioning.Web.Tests.Infrastructure;
using static CoCommissioning.Web.Tests.Infrastructure.MeetingScenario;

namespace CoCommissioning.Web.Tests.Api;

/// <summary>
/// The decisions log through HTTP on PostgreSQL: each decision with its quorum evidence, conflicts and rulings,
/// tally and votes, filtered by committee, date, body affected and text, within the user's organisation only.
/// Decisions are recorded through the decision service (see <see cref="MeetingScenario"/>); every test searches
/// for its own unique words, as the tests of this class share one database.
/// </summary>
public abstract class DecisionsLogTests(AppFixture app)
{
    private static DateOnly Today => ApiScenario.Today;

    [DatabaseFact]
    public async Task Log_AfterAVote_ShowsTheDecisionWithItsEvidence()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        var bodyId = (await BodiesAsync(meeting.Secretary))["Riverside Primary Care Network"];
        var title = ApiScenario.UniqueName("Riverside PCN extended hours");
        var itemId = await meeting.AddItemAffectingAsync(title, bodyId);
        await meeting.ArriveAsync(Chair, Nurse, Gp, ChiefOfficer);
        await meeting.DeputyArrivesForAsync(ChiefFinanceOfficer);
        await meeting.RuleAsync(ChiefOfficer, ConflictRuling.DiscussesNoVote, itemId: itemId);
        await meeting.DismissLikelyConflictsAsync(itemId);
        using (var vote = await meeting.PostVoteAsync(
            meeting.Votes((Chair, VoteChoice.For), (Nurse, VoteChoice.For), (Gp, VoteChoice.Against), (ChiefFinanceOfficer, VoteChoice.Abstain)),
            resolution: "Approve the <b>extended hours</b> pilot.", itemId: itemId))
        {
            vote.StatusCode.Should().Be(HttpStatusCode.Created);
        }

        var log = await SearchAsync(meeting.Secretary, $"?q={Uri.EscapeDataString(title)}");

        log.Total.Should().Be(1);
        var entry = log.Entries.Single();
        entry.CommitteeName.Should().Be("Primary Care Commissioning Committee");
        entry.MeetingId.Should().Be(meeting.MeetingId);
        entry.MeetingTitle.Should().Be(meeting.Meeting.Title);
        (entry.ItemId, entry.ItemNumber, entry.ItemTitle, entry.IsPrivate).Should().Be((itemId, "2", title, false));
        entry.AffectedBodies.Should().Equal(new LoggedBodyDto(bodyId, "Riverside Primary Care Network"));
        entry.Resolution.Should().Be("Approve the <b>extended hours</b> pilot.");
        (entry.Kind, entry.Outcome, entry.OutcomeText).Should().Be((DecisionKind.Vote, VoteOutcome.Carried, "Carried"));
        (entry.For, entry.Against, entry.Abstain, entry.CastingVote).Should().Be((2, 1, 1, (VoteChoice?)null));
        entry.TallyExplanation.Should().Be("Carried: 2 for, 1 against, 1 abstaining (majority of votes cast).");
        entry.Votes.Should().BeEquivalentTo([
            new LoggedVoteDto(meeting.Id(Chair), Chair, VoteChoice.For),
            new LoggedVoteDto(meeting.Id(Nurse), Nurse, VoteChoice.For),
            new LoggedVoteDto(meeting.Id(Gp), Gp, VoteChoice.Against),
            new LoggedVoteDto(meeting.Id(ChiefFinanceOfficer), $"{Deputy} (deputy for {ChiefFinanceOfficer})", VoteChoice.Abstain),
        ]);
        entry.QuorumExplanation.Should().StartWith("Quorate.").And.Contain("Lucy Price (deputy for Mark Benson)");
        entry.PresidingName.Should().Be(Chair);
        entry.PresidingExplanation.Should().Be("The chair, Helen Carter, presides.");
        var conflict = entry.Conflicts.Single();
        (conflict.MembershipId, conflict.Name, conflict.Interest, conflict.RulingNumber, conflict.RulingText, conflict.RuledBy).Should().Be(
            (meeting.Id(ChiefOfficer), ChiefOfficer, "Spouse is a partner at Riverside Surgery", 2, "takes part in discussion but does not vote", Chair));
        entry.Procurement.Should().BeNull();

        var one = await meeting.Secretary.GetJsonAsync<DecisionLogEntryDto>($"/api/decisions-log/{entry.DecisionId}");
        one.Should().BeEquivalentTo(entry, o => o.ToTheMicrosecond());
    }

    [DatabaseFact]
    public async Task Log_Filters_ByCommitteeDateBodyAndText()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        var bodies = await BodiesAsync(meeting.Secretary);
        var word = ApiScenario.UniqueName("Filterable");
        var itemId = await meeting.AddItemAffectingAsync($"{word} item", bodies["Riverside Primary Care Network"]);
        await meeting.ArriveAsync(Chair, Nurse, Gp, ChiefOfficer);
        await meeting.DismissLikelyConflictsAsync(itemId);
        using (var consensus = await meeting.Secretary.PostJsonAsync($"{meeting.Url}/items/{itemId}/consensus", new { resolution = "Note the report." }))
        {
            consensus.StatusCode.Should().Be(HttpStatusCode.Created);
        }

        var q = $"q={Uri.EscapeDataString(word.ToUpperInvariant())}";
        var other = await meeting.Secretary.CreateCommitteeAsync();
        var otherBody = bodies.First(b => b.Key != "Riverside Primary Care Network").Value;

        var found = (await SearchAsync(meeting.Secretary, $"?{q}&committeeId={meeting.CommitteeId}&from={Today:yyyy-MM-dd}&to={Today:yyyy-MM-dd}&bodyId={bodies["Riverside Primary Care Network"]}")).Entries.Single();
        (found.Kind, found.OutcomeText).Should().Be((DecisionKind.Consensus, "Agreed by consensus"));
        (await SearchAsync(meeting.Secretary, $"?q={Uri.EscapeDataString(meeting.Meeting.Title)}")).Entries.Should().ContainSingle(e => e.ItemId == itemId);

        (await SearchAsync(meeting.Secretary, $"?{q}&committeeId={other.Id}")).Total.Should().Be(0);
        (await SearchAsync(meeting.Secretary, $"?{q}&committeeId={Guid.NewGuid()}")).Total.Should().Be(0);
        (await SearchAsync(meeting.Secretary, $"?{q}&from={Today.AddDays(1):yyyy-MM-dd}")).Total.Should().Be(0);
        (await SearchAsync(meeting.Secretary, $"?{q}&to={Today.AddDays(-1):yyyy-MM-dd}")).Total.Should().Be(0);
        (await SearchAsync(meeting.Secretary, $"?{q}&bodyId={otherBody}")).Total.Should().Be(0);
        (await SearchAsync(meeting.Secretary, $"?{q}&bodyId={Guid.NewGuid()}")).Total.Should().Be(0);
        (await SearchAsync(meeting.Secretary, "?q=" + Guid.NewGuid().ToString("N"))).Total.Should().Be(0);
    }

    [DatabaseFact]
    public async Task Log_WithoutText_IsNewestFirstAndPagedInSql()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        using var created = await meeting.Secretary.PostJsonAsync("/api/bodies", new { name = ApiScenario.UniqueName("Hillside Surgery"), kind = BodyKind.GpPractice });
        var body = await created.ReadJsonAsync<BodyDto>(HttpStatusCode.Created);
        var first = await meeting.AddItemAffectingAsync("Hillside list closure", body.Id);
        var second = await meeting.AddItemAffectingAsync("Hillside premises", body.Id);
        await meeting.ArriveAsync(Chair, Nurse, Gp, ChiefOfficer);
        foreach (var itemId in new[] { first, second })
        {
            using var consensus = await meeting.Secretary.PostJsonAsync($"{meeting.Url}/items/{itemId}/consensus", new { resolution = "Agreed." });
            consensus.StatusCode.Should().Be(HttpStatusCode.Created);
        }

        var log = await SearchAsync(meeting.Secretary, $"?bodyId={body.Id}&page=9");

        (log.Total, log.Page, log.PageSize).Should().Be((2, 1, DecisionsLogService.PageSize));
        log.Entries.Select(e => e.ItemId).Should().Equal(second, first);
    }

    [DatabaseFact]
    public async Task Log_AMemberReadsIt_AndPrivateItemsAreMarked()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        var word = ApiScenario.UniqueName("Private matter");
        var itemId = await meeting.AddPrivateItemAsync(word);
        await meeting.ArriveAsync(Chair, Nurse, Gp, ChiefOfficer);
        await meeting.DismissLikelyConflictsAsync(itemId);
        using (var consensus = await meeting.Secretary.PostJsonAsync($"{meeting.Url}/items/{itemId}/consensus", new { resolution = "Agree the settlement." }))
        {
            consensus.StatusCode.Should().Be(HttpStatusCode.Created);
        }

        using var member = await app.CreateApiClientAsync(DemoUsers.Member);
        var entry = (await SearchAsync(member, $"?q={Uri.EscapeDataString(word)}")).Entries.Single();
        entry.IsPrivate.Should().BeTrue();
    }

    [DatabaseFact]
    public async Task Log_AnotherOrganisation_SeesNoneOfIt()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        await meeting.ArriveAsync(Chair, Nurse, Gp, ChiefOfficer);
        var word = ApiScenario.UniqueName("Example only");
        using (var consensus = await meeting.Secretary.PostJsonAsync($"{meeting.ItemUrl}/consensus", new { resolution = word }))
        {
            consensus.StatusCode.Should().Be(HttpStatusCode.Created);
        }

        var decision = (await meeting.DecisionsAsync()).Single();
        using var northfield = await app.CreateApiClientAsync(DemoUsers.NorthfieldSecretary);

        (await SearchAsync(northfield, $"?q={Uri.EscapeDataString(word)}")).Total.Should().Be(0);
        (await SearchAsync(northfield, $"?committeeId={meeting.CommitteeId}")).Total.Should().Be(0);
        using var one = await northfield.GetAsync($"/api/decisions-log/{decision.Id}");
        await one.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [DatabaseFact]
    public async Task Log_FromAfterTo_Returns400NamingTheField()
    {
        using var secretary = await app.CreateApiClientAsync(DemoUsers.Secretary);

        using var response = await secretary.GetAsync($"/api/decisions-log?from={Today:yyyy-MM-dd}&to={Today.AddDays(-1):yyyy-MM-dd}");

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("to").Should().Equal("The end date cannot be before the start date.");
    }

    [DatabaseFact]
    public async Task Log_UnknownDecision_Returns404()
    {
        using var secretary = await app.CreateApiClientAsync(DemoUsers.Secretary);
        using var response = await secretary.GetAsync($"/api/decisions-log/{Guid.NewGuid()}");
        await response.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [DatabaseFact]
    public async Task Log_ALinkedProcurementDecision_IsShownWithTheRegisters()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        await meeting.ArriveAsync(Chair, Nurse, Gp, ChiefOfficer);
        var word = ApiScenario.UniqueName("Award the dermatology contract");
        using (var consensus = await meeting.Secretary.PostJsonAsync($"{meeting.ItemUrl}/consensus", new { resolution = word }))
        {
            consensus.StatusCode.Should().Be(HttpStatusCode.Created);
        }

        var decision = (await meeting.DecisionsAsync()).Single();
        using var governance = await app.CreateApiClientAsync(DemoUsers.Governance);
        var title = ApiScenario.UniqueName("Dermatology award");
        using var recordedResponse = await governance.PostJsonAsync("/api/procurement-decisions",
            new ProcurementRequest(title, Today, "Dermatology", ProcurementRoute.DirectAwardA, 120_000m, meeting.CommitteeId, null, null, null, "Acme Health", null, null) { Psr = new PsrDetails { CpvCode = "85121000-3", ProviderAddress = "1 High Street, Riverside RV1 1AA" } });
        var recorded = await recordedResponse.ReadJsonAsync<ProcurementDto>(HttpStatusCode.Created);
        using (var linked = await governance.PostJsonAsync($"/api/procurement-decisions/{recorded.Id}/link-decision", new { decisionId = decision.Id, version = recorded.Version }))
        {
            linked.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var entry = (await SearchAsync(meeting.Secretary, $"?q={Uri.EscapeDataString(word)}")).Entries.Single();

        entry.Procurement.Should().Be(new LinkedProcurementDto(recorded.Id, title, "/registers/procurement", "/public/example-ccg/registers/procurement"));
    }

    private static Task<DecisionsLogPageDto> SearchAsync(HttpClient client, string query) =>
        client.GetJsonAsync<DecisionsLogPageDto>($"/api/decisions-log{query}");

    private static async Task<Dictionary<string, Guid>> BodiesAsync(HttpClient client) =>
        (await client.GetJsonAsync<List<BodyDto>>("/api/bodies")).ToDictionary(b => b.Name, b => b.Id);
}

/// <summary>The embedded provider translates the log's SQL filters too: dates (stored as integers) and the body list (JSON).</summary>
public sealed class DecisionsLogOnSqliteTests(SqliteAppFixture app) : IClassFixture<SqliteAppFixture>
{
    [DatabaseFact]
    public async Task Log_OnSqlite_FiltersByCommitteeDateAndBody()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        var bodies = (await meeting.Secretary.GetJsonAsync<List<BodyDto>>("/api/bodies")).ToDictionary(b => b.Name, b => b.Id);
        var bodyId = bodies["Riverside Primary Care Network"];
        var itemId = await meeting.AddItemAffectingAsync(ApiScenario.UniqueName("Riverside hours"), bodyId);
        await meeting.ArriveAsync(Chair, Nurse, Gp, ChiefOfficer);
        await meeting.DismissLikelyConflictsAsync(itemId);
        using (var consensus = await meeting.Secretary.PostJsonAsync($"{meeting.Url}/items/{itemId}/consensus", new { resolution = "Approve the hours." }))
        {
            consensus.StatusCode.Should().Be(HttpStatusCode.Created);
        }

        var today = ApiScenario.Today;
        var found = await meeting.Secretary.GetJsonAsync<DecisionsLogPageDto>(
            $"/api/decisions-log?committeeId={meeting.CommitteeId}&from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}&bodyId={bodyId}");
        var elsewhere = await meeting.Secretary.GetJsonAsync<DecisionsLogPageDto>(
            $"/api/decisions-log?bodyId={bodies.First(b => b.Value != bodyId).Value}&from={today.AddDays(1):yyyy-MM-dd}");

        found.Entries.Should().ContainSingle(e => e.ItemId == itemId);
        elsewhere.Total.Should().Be(0);
    }
}

public sealed class PostgresDecisionsLogTests(PostgresAppFixture app) : DecisionsLogTests(app), IClassFixture<PostgresAppFixture>;

public sealed class SqliteDecisionsLogTests(SqliteAppFixture app) : DecisionsLogTests(app), IClassFixture<SqliteAppFixture>;
