using System.Net;
using CoCommissioning.Data;
using CoCommissioning.Data.Audit;
using CoCommissioning.Domain.Interests;
using CoCommissioning.Web.Data;
using CoCommissioning.Web.Features.Breaches;
using CoCommissioning.Web.Features.People;
using CoCommissioning.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoCommissioning.Web.Tests.Api;

/// <summary>The breaches register through HTTP on PostgreSQL.</summary>
public abstract class BreachTests(AppFixture app)
{
    private static DateOnly Today => ApiScenario.Today;

    [DatabaseFact]
    public async Task Record_WithPerson_Returns201AndIsListed()
    {
        using var governance = await app.CreateApiClientAsync(DemoUsers.Governance);
        var person = await governance.PersonNamedAsync("Helen Carter");
        var summary = ApiScenario.UniqueName("<script>x</script> A member took part in a decision on a practice they are a partner in.");

        using var response = await governance.PostJsonAsync("/api/breaches", Request(summary) with { PersonId = person.Id });

        var breach = await response.ReadJsonAsync<BreachDto>(HttpStatusCode.Created);
        breach.PersonName.Should().Be("Helen Carter");
        breach.PublicSummary.Should().Be(summary);
        breach.RecordedOn.Should().Be(Today);
        (await governance.GetJsonAsync<List<BreachDto>>("/api/breaches")).Should().Contain(b => b.Id == breach.Id);
        (await governance.GetJsonAsync<BreachDto>($"/api/breaches/{breach.Id}")).Description.Should().Be(breach.Description);
    }

    [DatabaseTheory]
    [InlineData("Helen Carter voted on a contract with her practice.")]
    [InlineData("A member (Carter) voted on a contract.")]
    public async Task Record_SummaryNamesThePerson_Returns400PublicSummaryAndSavesNothing(string summary)
    {
        using var governance = await app.CreateApiClientAsync(DemoUsers.Governance);
        var person = await governance.PersonNamedAsync("Helen Carter");
        var before = (await governance.GetJsonAsync<List<BreachDto>>("/api/breaches")).Count;

        using var response = await governance.PostJsonAsync("/api/breaches", Request(summary) with { PersonId = person.Id });

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("publicSummary").Should().NotBeEmpty();
        (await governance.GetJsonAsync<List<BreachDto>>("/api/breaches")).Should().HaveCount(before);
    }

    [DatabaseTheory]
    [InlineData("noDate", "identifiedOn")]
    [InlineData("future", "identifiedOn")]
    [InlineData("occurredAfterIdentified", "occurredOn")]
    [InlineData("noSummary", "publicSummary")]
    [InlineData("noAction", "actionTaken")]
    public async Task Record_BadInput_Returns400NamingTheField(string problem, string field)
    {
        using var governance = await app.CreateApiClientAsync(DemoUsers.Governance);
        var request = Request("A conflict was not declared before a vote.");
        request = problem switch
        {
            "noDate" => request with { IdentifiedOn = null },
            "future" => request with { IdentifiedOn = Today.AddYears(3) },
            "occurredAfterIdentified" => request with { OccurredOn = Today },
            "noSummary" => request with { PublicSummary = " " },
            _ => request with { ActionTaken = null },
        };

        using var response = await governance.PostJsonAsync("/api/breaches", request);

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor(field).Should().NotBeEmpty();
    }

    [DatabaseFact]
    public async Task Record_PersonOfAnotherOrganisation_Returns400PersonId()
    {
        using var governance = await app.CreateApiClientAsync(DemoUsers.Governance);
        using var northfield = await app.CreateApiClientAsync(DemoUsers.NorthfieldSecretary);
        var outsider = (await northfield.GetJsonAsync<List<PersonDto>>("/api/people")).First();

        using var response = await governance.PostJsonAsync("/api/breaches", Request("Someone elsewhere.") with { PersonId = outsider.Id });

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("personId").Should().NotBeEmpty();
    }

    [DatabaseFact]
    public async Task OtherOrganisationsBreach_Returns404AndIsNotListed()
    {
        using var governance = await app.CreateApiClientAsync(DemoUsers.Governance);
        var dbs = app.Factory.Services.GetRequiredService<GovernanceDbFactory>();
        Breach theirs;
        await using (var db = await dbs.CreateAsync(AuditActor.System("test")))
        {
            var northfield = await db.Organisations.SingleAsync(o => o.Slug == DemoSeeder.NorthfieldSlug);
            theirs = Breach.Record(northfield.Id, Today, null, "Northfield's breach", null, null, "A breach.", "Training.", Today).Value!;
            db.Breaches.Add(theirs);
            await db.SaveChangesAsync();
        }

        using var get = await governance.GetAsync($"/api/breaches/{theirs.Id}");

        await get.ReadProblemAsync(HttpStatusCode.NotFound);
        (await governance.GetJsonAsync<List<BreachDto>>("/api/breaches")).Should().NotContain(b => b.Id == theirs.Id);
    }

    [DatabaseFact]
    public async Task Member_ReadsOrRecords_Returns403()
    {
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);

        using var list = await member.GetAsync("/api/breaches");
        using var record = await member.PostJsonAsync("/api/breaches", Request("Member's"));

        list.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        record.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    private static BreachRequest Request(string summary) =>
        new(Today.AddDays(-2), Today.AddDays(-10), $"Dr X did not declare an interest before the vote on item 4 ({summary})", null, summary, "The decision was reviewed and the member retrained.");
}

public sealed class PostgresBreachTests(PostgresAppFixture app) : BreachTests(app), IClassFixture<PostgresAppFixture>;

public sealed class SqliteBreachTests(SqliteAppFixture app) : BreachTests(app), IClassFixture<SqliteAppFixture>;
