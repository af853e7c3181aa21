using System.Net;
using CoCommissioning.Domain.Interests;
using CoCommissioning.Domain.Quorum;
using CoCommissioning.Web.Features.Procurement;
using CoCommissioning.Web.Tests.Infrastructure;
using static CoCommissioning.Web.Tests.Infrastructure.MeetingScenario;

namespace CoCommissioning.Web.Tests.Api;

/// <summary>PSR procurement records through HTTP (ADR-0023), on each provider.</summary>
public abstract class PsrRecordTests(AppFixture app)
{
    private static DateOnly Today => ApiScenario.Today;

    private static PsrDetails Complete() => new()
    {
        CpvCode = "85121000-3",
        ProviderAddress = "1 High Street, Riverside RV1 1AA",
        StandstillEndsOn = Today.AddDays(-10),
        AwardedOn = Today.AddDays(-5),
        DecisionMakers = "Margaret Hughes, Chair\nSarah Whitfield, Chief Officer",
        QualityAndInnovation = "Quality reasons",
        Value = "Value reasons",
        IntegrationCollaborationAndSustainability = "Integration reasons",
        AccessInequalitiesAndChoice = "Access reasons",
        SocialValue = "Social value reasons",
        RepresentationsReceived = 2,
        RepresentationsUpheld = 1,
        RepresentationsOutcome = "Two providers asked for the scoring; one point was rescored, the award stood.",
        NoticeReference = "FTS-000999-2026",
    };

    private static ProcurementRequest Request(string title, ProcurementRoute route = ProcurementRoute.DirectAwardC, PsrDetails? psr = null) =>
        new(title, Today.AddDays(-20), "Extended access", route, 300_000m, null, null, null, null, "Riverside GP Federation", Today, Today.AddYears(3)) { Psr = psr ?? Complete() };

    [DatabaseFact]
    public async Task Record_DirectAwardC_Returns201WithThePsrFields()
    {
        using var governance = await app.CreateApiClientAsync(DemoUsers.Governance);

        var recorded = await RecordAsync(governance, Request(ApiScenario.UniqueName("PSR award")));

        recorded.IsPsrProcess.Should().BeTrue();
        recorded.RouteText.Should().Be("Direct award process C");
        recorded.Psr.Should().BeEquivalentTo(Complete());
    }

    [DatabaseTheory]
    [InlineData("badCpv", "cpvCode")]
    [InlineData("awardBeforeStandstill", "awardedOn")]
    [InlineData("standstillBeforeDecision", "standstillEndsOn")]
    [InlineData("noReason", "socialValue")]
    [InlineData("prePsrRoute", "route")]
    public async Task Record_BadPsrInput_Returns400NamingTheField(string problem, string field)
    {
        using var governance = await app.CreateApiClientAsync(DemoUsers.Governance);
        var request = Request(ApiScenario.UniqueName("Bad PSR"));
        request = problem switch
        {
            "badCpv" => request with { Psr = Complete() with { CpvCode = "85121000" } },
            "awardBeforeStandstill" => request with { Psr = Complete() with { AwardedOn = Today.AddDays(-11) } },
            "standstillBeforeDecision" => request with { Psr = Complete() with { StandstillEndsOn = Today.AddDays(-21), AwardedOn = null } },
            "noReason" => request with { Psr = Complete() with { SocialValue = null } },
            _ => request with { Route = ProcurementRoute.CompetitiveTender },
        };

        using var response = await governance.PostJsonAsync("/api/procurement-decisions", request);

        var problemDetails = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        problemDetails.ErrorsFor(field).Should().NotBeEmpty();
        if (problem == "badCpv")
        {
            problemDetails.ErrorsFor(field).Single().Should().Contain("8 digits, a hyphen and the check digit");
        }
    }

    [DatabaseFact]
    public async Task Correct_StaleVersion_Returns409()
    {
        using var governance = await app.CreateApiClientAsync(DemoUsers.Governance);
        var recorded = await RecordAsync(governance, Request(ApiScenario.UniqueName("PSR stale")));
        using (var first = await governance.PutJsonAsync($"/api/procurement-decisions/{recorded.Id}", Request("PSR corrected") with { Version = recorded.Version }))
        {
            first.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        using var stale = await governance.PutJsonAsync($"/api/procurement-decisions/{recorded.Id}", Request("PSR stale again") with { Version = recorded.Version });

        await stale.ReadProblemAsync(HttpStatusCode.Conflict);
    }

    [DatabaseFact]
    public async Task NoticeOfIntention_DirectAwardC_DraftsFromTheRecord_AndDirectAwardAIs422()
    {
        using var governance = await app.CreateApiClientAsync(DemoUsers.Governance);
        var c = await RecordAsync(governance, Request(ApiScenario.UniqueName("Notice C")));
        var a = await RecordAsync(governance, Request(ApiScenario.UniqueName("Notice A"), ProcurementRoute.DirectAwardA, Complete() with
        {
            StandstillEndsOn = null, RepresentationsReceived = 0, RepresentationsUpheld = 0, RepresentationsOutcome = null,
        }));

        var notice = await governance.GetJsonAsync<PsrNoticeDto>($"/api/procurement-decisions/{c.Id}/notice-of-intention");
        using var refused = await governance.GetAsync($"/api/procurement-decisions/{a.Id}/notice-of-intention");

        notice.Text.Should().Contain("85121000-3").And.Contain("1 High Street, Riverside RV1 1AA").And.Contain("Margaret Hughes, Chair")
            .And.Contain("Social value: Social value reasons").And.Contain("following the direct award process C under").And.Contain("£300,000");
        await refused.ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [DatabaseFact]
    public async Task AnnualSummary_CountsContractsValueAndRepresentations_AndNeedsAYear()
    {
        using var governance = await app.CreateApiClientAsync(DemoUsers.Governance);
        var year = Today.AddDays(-5).Year;
        var before = await governance.GetJsonAsync<PsrAnnualSummaryDto>($"/api/procurement-decisions/annual-summary?year={year}");
        await RecordAsync(governance, Request(ApiScenario.UniqueName("Summary award")));

        var after = await governance.GetJsonAsync<PsrAnnualSummaryDto>($"/api/procurement-decisions/annual-summary?year={year}");
        using var noYear = await governance.GetAsync("/api/procurement-decisions/annual-summary");

        after.Contracts.Should().Be(before.Contracts + 1);
        after.TotalValue.Should().Be(before.TotalValue + 300_000m);
        (after.RepresentationsReceived, after.RepresentationsUpheld).Should().Be((before.RepresentationsReceived + 2, before.RepresentationsUpheld + 1));
        after.Processes.Single(p => p.Process == ProcurementRoute.DirectAwardC).Contracts.Should().Be(before.Processes.Single(p => p.Process == ProcurementRoute.DirectAwardC).Contracts + 1);
        (await noYear.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("year").Should().NotBeEmpty();
    }

    [DatabaseFact]
    public async Task Member_Gets403_AnotherOrganisation_Gets404_Anonymous_Gets401()
    {
        using var governance = await app.CreateApiClientAsync(DemoUsers.Governance);
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);
        using var anonymous = app.CreateAnonymousClient();
        var recorded = await RecordAsync(governance, Request(ApiScenario.UniqueName("Authorised")));

        using var memberNotice = await member.GetAsync($"/api/procurement-decisions/{recorded.Id}/notice-of-intention");
        using var memberSummary = await member.GetAsync($"/api/procurement-decisions/annual-summary?year={Today.Year}");
        using var anonymousNotice = await anonymous.GetAsync($"/api/procurement-decisions/{recorded.Id}/notice-of-intention");
        using var otherNotice = await governance.GetAsync($"/api/procurement-decisions/{Guid.NewGuid()}/notice-of-intention");

        memberNotice.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        memberSummary.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        anonymousNotice.StatusCode.Should().BeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.Redirect);
        await otherNotice.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [DatabaseFact]
    public async Task LinkedToAMeetingItem_CarriesTheItemsDeclarationsAndRulings_AndStaysWithTheClosedItem()
    {
        using var governance = await app.CreateApiClientAsync(DemoUsers.Governance);
        var recorded = await RecordAsync(governance, Request(ApiScenario.UniqueName("Linked award")) with { Psr = Complete() with { DecisionMakers = null } });
        using var meeting = await MeetingScenario.StartAsync(app);
        await meeting.ArriveAsync(Chair, Nurse, Gp, ChiefOfficer);
        await meeting.DeputyArrivesForAsync(ChiefFinanceOfficer);
        await meeting.RuleAsync(ChiefOfficer, ConflictRuling.DiscussesNoVote);
        using (var consensus = await meeting.Secretary.PostJsonAsync($"{meeting.ItemUrl}/consensus", new { resolution = "Award the extended access contract." }))
        {
            consensus.StatusCode.Should().Be(HttpStatusCode.Created);
        }

        var decision = (await meeting.DecisionsAsync()).Single();
        using (var linked = await governance.PostJsonAsync($"/api/procurement-decisions/{recorded.Id}/link-decision", new { decisionId = decision.Id, version = recorded.Version }))
        {
            linked.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var read = await governance.GetJsonAsync<ProcurementDto>($"/api/procurement-decisions/{recorded.Id}");
        read.Meeting.Should().NotBeNull();
        var conflict = read.Meeting!.Conflicts.Should().ContainSingle().Subject;
        conflict.Name.Should().Be(ChiefOfficer);
        conflict.Interest.Should().Be("Spouse is a partner at Riverside Surgery");
        conflict.Management.Should().Contain("takes part in discussion but does not vote");
        read.Meeting.DecisionMakers.Select(m => m.Name).Should().Contain(Chair).And.NotContain(ChiefOfficer);
        (await governance.GetJsonAsync<PsrNoticeDto>($"/api/procurement-decisions/{recorded.Id}/notice-of-intention")).Text
            .Should().Contain("Spouse is a partner at Riverside Surgery");

        // Nothing was copied into the record: it holds no typed conflicts, the meeting's are read each time.
        (read.ConflictsNoted, read.ConflictsManagement).Should().Be(((string?)null, (string?)null));

        // A later change of the ruling is refused by the meeting (a decided item's rulings are the record), so the
        // live read cannot drift from the minutes; the PSR record still reads the ruling the item closed on.
        await meeting.RefreshAsync();
        using (var change = await meeting.Secretary.PostJsonAsync($"{meeting.ItemUrl}/rulings", new
        {
            membershipId = meeting.Id(ChiefOfficer), interest = "Changed", ruling = ConflictRuling.StaysNoPart, ruledByMembershipId = meeting.Id(Chair),
            version = meeting.ItemVersion(),
        }))
        {
            change.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        }

        var later = await governance.GetJsonAsync<ProcurementDto>($"/api/procurement-decisions/{recorded.Id}");
        later.Meeting!.Conflicts.Single().Management.Should().Contain("takes part in discussion but does not vote");
        later.Version.Should().Be(read.Version);
    }

    private static async Task<ProcurementDto> RecordAsync(HttpClient client, ProcurementRequest request)
    {
        using var response = await client.PostJsonAsync("/api/procurement-decisions", request);
        return await response.ReadJsonAsync<ProcurementDto>(HttpStatusCode.Created);
    }
}

public sealed class PostgresPsrRecordTests(PostgresAppFixture app) : PsrRecordTests(app), IClassFixture<PostgresAppFixture>;

public sealed class SqlitePsrRecordTests(SqliteAppFixture app) : PsrRecordTests(app), IClassFixture<SqliteAppFixture>;
