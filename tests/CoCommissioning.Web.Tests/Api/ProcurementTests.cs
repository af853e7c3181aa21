using System.Net;
using CoCommissioning.Data;
using CoCommissioning.Data.Audit;
using CoCommissioning.Domain.Interests;
using CoCommissioning.Web.Data;
using CoCommissioning.Web.Features.Meetings;
using CoCommissioning.Web.Features.Procurement;
using CoCommissioning.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoCommissioning.Web.Tests.Api;

/// <summary>The procurement decisions register through HTTP on PostgreSQL.</summary>
public abstract class ProcurementTests(AppFixture app)
{
    private static DateOnly Today => ApiScenario.Today;

    [DatabaseFact]
    public async Task Record_WithCommitteeAndTypedSupplier_Returns201AndIsListed()
    {
        using var governance = await app.CreateApiClientAsync(DemoUsers.Governance);
        var committee = await governance.TheOnlySeededCommitteeAsync();
        var title = ApiScenario.UniqueName("<b>Extended access</b>");

        var recorded = await RecordAsync(governance, Request(title) with { CommitteeId = committee.Id, SupplierName = "Riverside Federation" });

        recorded.Title.Should().Be(title);
        recorded.CommitteeName.Should().Be("Primary Care Commissioning Committee");
        recorded.SupplierName.Should().Be("Riverside Federation");
        recorded.RecordedOn.Should().Be(Today);
        (await governance.GetJsonAsync<List<ProcurementDto>>("/api/procurement-decisions")).Should().ContainSingle(p => p.Id == recorded.Id)
            .Which.Title.Should().Be(title);
    }

    [DatabaseTheory]
    [InlineData("noTitle", "title")]
    [InlineData("noDate", "decidedOn")]
    [InlineData("future", "decidedOn")]
    [InlineData("negativeValue", "contractValue")]
    [InlineData("endsBeforeStarts", "contractEndsOn")]
    [InlineData("conflictsUnmanaged", "conflictsManagement")]
    [InlineData("unknownCommittee", "committeeId")]
    [InlineData("unknownSupplier", "supplierBodyId")]
    public async Task Record_BadInput_Returns400NamingTheFieldAndSavesNothing(string problem, string field)
    {
        using var governance = await app.CreateApiClientAsync(DemoUsers.Governance);
        var before = (await governance.GetJsonAsync<List<ProcurementDto>>("/api/procurement-decisions")).Count;
        var request = Request(ApiScenario.UniqueName("Bad")) with { };
        request = problem switch
        {
            "noTitle" => request with { Title = "" },
            "noDate" => request with { DecidedOn = null },
            "future" => request with { DecidedOn = Today.AddYears(10) },
            "negativeValue" => request with { ContractValue = -1m },
            "endsBeforeStarts" => request with { ContractStartsOn = Today, ContractEndsOn = Today.AddDays(-1) },
            "conflictsUnmanaged" => request with { ConflictsNoted = "The chair's spouse is a partner." },
            "unknownCommittee" => request with { CommitteeId = Guid.NewGuid() },
            _ => request with { SupplierBodyId = Guid.NewGuid() },
        };

        using var response = await governance.PostJsonAsync("/api/procurement-decisions", request);

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor(field).Should().NotBeEmpty();
        (await governance.GetJsonAsync<List<ProcurementDto>>("/api/procurement-decisions")).Should().HaveCount(before);
    }

    [DatabaseFact]
    public async Task Record_OtherOrganisationsCommittee_Returns400CommitteeId()
    {
        using var governance = await app.CreateApiClientAsync(DemoUsers.Governance);
        using var northfield = await app.CreateApiClientAsync(DemoUsers.NorthfieldSecretary);
        var theirs = await northfield.TheOnlySeededCommitteeAsync();

        using var response = await governance.PostJsonAsync("/api/procurement-decisions", Request("Other committee") with { CommitteeId = theirs.Id });

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("committeeId").Should().NotBeEmpty();
    }

    [DatabaseFact]
    public async Task Correct_CurrentThenStaleVersion_SavesOnceAndRefusesTheStale()
    {
        using var governance = await app.CreateApiClientAsync(DemoUsers.Governance);
        var recorded = await RecordAsync(governance, Request(ApiScenario.UniqueName("Correct me")));

        using var corrected = await governance.PutJsonAsync($"/api/procurement-decisions/{recorded.Id}", Request("Corrected title") with { ContractValue = 125_000m, Version = recorded.Version });
        var after = await corrected.ReadJsonAsync<ProcurementDto>(HttpStatusCode.OK);
        using var stale = await governance.PutJsonAsync($"/api/procurement-decisions/{recorded.Id}", Request("Stale title") with { Version = recorded.Version });

        after.Title.Should().Be("Corrected title");
        after.ContractValue.Should().Be(125_000m);
        await stale.ReadProblemAsync(HttpStatusCode.Conflict);
        (await governance.GetJsonAsync<ProcurementDto>($"/api/procurement-decisions/{recorded.Id}")).Title.Should().Be("Corrected title");
    }

    [DatabaseFact]
    public async Task LinkDecision_TheCommitteesDecision_IsLinked()
    {
        using var governance = await app.CreateApiClientAsync(DemoUsers.Governance);
        var recorded = await RecordAsync(governance, Request(ApiScenario.UniqueName("Awarded")));
        using var meeting = await MeetingScenario.StartAsync(app);
        await meeting.ArriveAsync(MeetingScenario.Chair, MeetingScenario.Nurse, MeetingScenario.Gp, MeetingScenario.ChiefOfficer);
        using (var consensus = await meeting.Secretary.PostJsonAsync($"{meeting.ItemUrl}/consensus", new { resolution = "Award the extended access contract." }))
        {
            consensus.StatusCode.Should().Be(HttpStatusCode.Created);
        }

        var decision = (await meeting.DecisionsAsync()).Single();
        var options = await governance.GetJsonAsync<ProcurementOptionsDto>("/api/procurement-decisions/options");
        options.Decisions.Should().Contain(d => d.Id == decision.Id);

        using var unknown = await governance.PostJsonAsync($"/api/procurement-decisions/{recorded.Id}/link-decision", new { decisionId = Guid.NewGuid(), version = recorded.Version });
        (await unknown.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("decisionId").Should().NotBeEmpty();

        using var linked = await governance.PostJsonAsync($"/api/procurement-decisions/{recorded.Id}/link-decision", new { decisionId = decision.Id, version = recorded.Version });
        var after = await linked.ReadJsonAsync<ProcurementDto>(HttpStatusCode.OK);
        after.DecisionId.Should().Be(decision.Id);
        after.DecisionResolution.Should().Contain("Award the extended access contract.");

        using var stale = await governance.PostJsonAsync($"/api/procurement-decisions/{recorded.Id}/link-decision", new { decisionId = decision.Id, version = recorded.Version });
        await stale.ReadProblemAsync(HttpStatusCode.Conflict);
    }

    [DatabaseFact]
    public async Task OtherOrganisationsDecision_Returns404AndIsNotListed()
    {
        using var governance = await app.CreateApiClientAsync(DemoUsers.Governance);
        var theirs = await SeedNorthfieldDecisionAsync();

        using var get = await governance.GetAsync($"/api/procurement-decisions/{theirs.Id}");
        using var put = await governance.PutJsonAsync($"/api/procurement-decisions/{theirs.Id}", Request("Taken over") with { Version = theirs.Version });

        await get.ReadProblemAsync(HttpStatusCode.NotFound);
        await put.ReadProblemAsync(HttpStatusCode.NotFound);
        (await governance.GetJsonAsync<List<ProcurementDto>>("/api/procurement-decisions")).Should().NotContain(p => p.Id == theirs.Id);
    }

    [DatabaseFact]
    public async Task Member_ReadsOrRecords_Returns403()
    {
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);

        using var list = await member.GetAsync("/api/procurement-decisions");
        using var record = await member.PostJsonAsync("/api/procurement-decisions", Request("Member's"));

        list.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        record.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    private async Task<ProcurementDecision> SeedNorthfieldDecisionAsync()
    {
        var dbs = app.Factory.Services.GetRequiredService<GovernanceDbFactory>();
        await using var db = await dbs.CreateAsync(AuditActor.System("test"));
        var northfield = await db.Organisations.SingleAsync(o => o.Slug == DemoSeeder.NorthfieldSlug);
        var decision = ProcurementDecision.Record(northfield.Id, new ProcurementDetails("Northfield award", new DateOnly(2023, 6, 1), "Dermatology", ProcurementRoute.Framework, 10m, null, null, null, null, "Acme", null, null), Today).Value!;
        db.ProcurementDecisions.Add(decision);
        await db.SaveChangesAsync();
        return decision;
    }

    private static ProcurementRequest Request(string title) =>
        new(title, Today.AddDays(-7), "Extended access", ProcurementRoute.DirectAwardA, 250_000m, null, null, null, null, "Acme Health", Today, Today.AddYears(2)) { Psr = new PsrDetails { CpvCode = "85121000-3", ProviderAddress = "1 High Street, Riverside RV1 1AA" } };

    private static async Task<ProcurementDto> RecordAsync(HttpClient client, ProcurementRequest request)
    {
        using var response = await client.PostJsonAsync("/api/procurement-decisions", request);
        return await response.ReadJsonAsync<ProcurementDto>(HttpStatusCode.Created);
    }
}

public sealed class PostgresProcurementTests(PostgresAppFixture app) : ProcurementTests(app), IClassFixture<PostgresAppFixture>;

public sealed class SqliteProcurementTests(SqliteAppFixture app) : ProcurementTests(app), IClassFixture<SqliteAppFixture>;
