using System.Net;
using CoCommissioning.Data.Audit;
using CoCommissioning.Domain.Committees;
using CoCommissioning.Web.Features.Audit;
using CoCommissioning.Web.Features.Committees;
using CoCommissioning.Web.Tests.Infrastructure;

namespace CoCommissioning.Web.Tests.Api;

/// <summary>Bad input gets a 400 naming the field, a stale version a 409, and neither saves anything.</summary>
public abstract class ValidationTests(AppFixture app)
{
    [DatabaseTheory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public async Task CreateCommittee_EmptyName_Returns400WithNameErrorAndSavesNothing(string? name)
    {
        using var secretary = await app.CreateApiClientAsync(DemoUsers.Secretary);
        var before = await CommitteeStateAsync(secretary);

        using var response = await secretary.PostJsonAsync("/api/committees", new { name, type = CommitteeType.Audit, level = CoCommissioningLevel.Joint });

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("status").GetInt32().Should().Be(400);
        problem.ErrorsFor("name").Should().ContainSingle().Which.Should().Be("Enter the name.");
        (await CommitteeStateAsync(secretary)).Should().Be(before);
    }

    [DatabaseFact]
    public async Task CreateCommittee_NameTooLong_Returns400WithNameError()
    {
        using var secretary = await app.CreateApiClientAsync(DemoUsers.Secretary);

        using var response = await secretary.PostJsonAsync("/api/committees", new { name = new string('x', Committee.NameMaxLength + 1), type = CommitteeType.Audit, level = CoCommissioningLevel.Joint });

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("name").Should().NotBeEmpty();
    }

    [DatabaseFact]
    public async Task CreateCommittee_DuplicateName_Returns400WithNameError()
    {
        using var secretary = await app.CreateApiClientAsync(DemoUsers.Secretary);
        var existing = await secretary.CreateCommitteeAsync();
        var before = await CommitteeStateAsync(secretary);

        using var response = await secretary.PostJsonAsync("/api/committees", new { name = existing.Name, type = CommitteeType.Other, level = CoCommissioningLevel.Joint });

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("name").Should().NotBeEmpty();
        (await CommitteeStateAsync(secretary)).Should().Be(before);
    }

    [DatabaseTheory]
    [InlineData("""{"name":"Bad type","type":"NotAType","level":"Joint"}""")]
    [InlineData("""{"name":"Bad level","type":"Audit","level":"Sideways"}""")]
    [InlineData("""{"name":"Object for an enum","type":"Audit","level":{}}""")]
    public async Task CreateCommittee_InvalidEnum_Returns400ProblemNotA500(string json)
    {
        using var secretary = await app.CreateApiClientAsync(DemoUsers.Secretary);
        var before = await CommitteeStateAsync(secretary);

        using var response = await PostRawJsonAsync(secretary, "/api/committees", json);

        await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        (await CommitteeStateAsync(secretary)).Should().Be(before);
    }

    /// <summary>ApiExceptionHandler promises a 400 that names the unreadable field, so a client can show it.</summary>
    [DatabaseTheory]
    [InlineData("""{"name":"Bad type","type":"NotAType","level":"Joint"}""", "type")]
    [InlineData("""{"name":"Bad level","type":"Audit","level":"Sideways"}""", "level")]
    public async Task CreateCommittee_InvalidEnum_ErrorNamesTheField(string json, string field)
    {
        using var secretary = await app.CreateApiClientAsync(DemoUsers.Secretary);

        using var response = await PostRawJsonAsync(secretary, "/api/committees", json);

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor(field).Should().ContainSingle()
            .Which.Should().StartWith($"The value of \"{field}\" is not valid");
    }

    [DatabaseFact]
    public async Task CreateCommittee_MalformedJson_Returns400()
    {
        using var secretary = await app.CreateApiClientAsync(DemoUsers.Secretary);
        using var response = await PostRawJsonAsync(secretary, "/api/committees", """{"name": "unfinished""");

        await response.ReadProblemAsync(HttpStatusCode.BadRequest);
    }

    [DatabaseFact]
    public async Task UpdateCommittee_StaleVersion_Returns409AndKeepsTheFirstChange()
    {
        using var secretary = await app.CreateApiClientAsync(DemoUsers.Secretary);
        using var governance = await app.CreateApiClientAsync(DemoUsers.Governance);
        var committee = await secretary.CreateCommitteeAsync();
        var url = $"/api/committees/{committee.Id}";
        using var first = await secretary.PutJsonAsync(url, new { name = committee.Name + " (renamed)", type = committee.Type, level = committee.Level, purpose = "First change", version = committee.Version });
        var afterFirst = await first.ReadJsonAsync<CommitteeDto>(HttpStatusCode.OK);

        using var stale = await secretary.PutJsonAsync(url, new { name = committee.Name + " (lost)", type = CommitteeType.Other, level = committee.Level, purpose = "Second change", version = committee.Version });

        var problem = await stale.ReadProblemAsync(HttpStatusCode.Conflict);
        problem.GetProperty("detail").GetString().Should().Contain("Someone else changed this committee");
        var current = await secretary.GetJsonAsync<CommitteeDto>(url);
        current.Should().BeEquivalentTo(afterFirst);
        current.Purpose.Should().Be("First change");
        var audit = await governance.AuditOfAsync(committee.Id);
        audit.WithoutSecretaryAssignments().Select(e => e.Action).Should().BeEquivalentTo([AuditAction.Insert, AuditAction.Update]);
    }

    [DatabaseFact]
    public async Task UpdateCommittee_EmptyName_Returns400AndChangesNothing()
    {
        using var secretary = await app.CreateApiClientAsync(DemoUsers.Secretary);
        var committee = await secretary.CreateCommitteeAsync();
        var url = $"/api/committees/{committee.Id}";

        using var response = await secretary.PutJsonAsync(url, new { name = "", type = CommitteeType.Other, level = committee.Level, purpose = "Changed", version = committee.Version });

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("name").Should().NotBeEmpty();
        (await secretary.GetJsonAsync<CommitteeDto>(url)).Should().BeEquivalentTo(committee);
    }

    [DatabaseFact]
    public async Task UpdateCommittee_UnknownId_Returns404()
    {
        using var secretary = await app.CreateApiClientAsync(DemoUsers.Secretary);

        using var response = await secretary.PutJsonAsync($"/api/committees/{Guid.NewGuid()}", new { name = "Nobody", type = CommitteeType.Other, level = CoCommissioningLevel.Joint, version = Guid.NewGuid() });

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [DatabaseFact]
    public async Task AddMembership_EndBeforeStart_Returns400WithTermEndAndSavesNothing()
    {
        using var secretary = await app.CreateApiClientAsync(DemoUsers.Secretary);
        using var governance = await app.CreateApiClientAsync(DemoUsers.Governance);
        var committee = await secretary.CreateCommitteeAsync();
        var person = await secretary.PersonNamedAsync("Lucy Price");
        var role = await secretary.RoleNamedAsync("Chief Finance Officer");

        using var response = await secretary.PostJsonAsync($"/api/committees/{committee.Id}/memberships", new
        {
            personId = person.Id,
            roleIds = new[] { role.Id },
            isVoting = true,
            termStart = ApiScenario.Today,
            termEnd = ApiScenario.Today.AddDays(-1),
            version = committee.Version,
        });

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        problem.ErrorsFor("termEnd").Should().ContainSingle().Which.Should().Be("The term cannot end before it starts.");
        (await secretary.GetJsonAsync<CommitteeDto>($"/api/committees/{committee.Id}")).Should().BeEquivalentTo(committee);
        var audit = await governance.AuditOfAsync(committee.Id);
        audit.WithoutSecretaryAssignments().Should().ContainSingle().Which.Action.Should().Be(AuditAction.Insert);
    }

    [DatabaseFact]
    public async Task AddMembership_NoRolesAndNoStart_Returns400NamingBothFields()
    {
        using var secretary = await app.CreateApiClientAsync(DemoUsers.Secretary);
        var committee = await secretary.CreateCommitteeAsync();
        var person = await secretary.PersonNamedAsync("Lucy Price");

        using var response = await secretary.PostJsonAsync($"/api/committees/{committee.Id}/memberships", new
        {
            personId = person.Id,
            roleIds = Array.Empty<Guid>(),
            isVoting = true,
            version = committee.Version,
        });

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        problem.ErrorsFor("roleIds").Should().NotBeEmpty();
        problem.ErrorsFor("termStart").Should().NotBeEmpty();
    }

    [DatabaseFact]
    public async Task AddMembership_BadDate_Returns400ProblemNotA500()
    {
        using var secretary = await app.CreateApiClientAsync(DemoUsers.Secretary);
        var committee = await secretary.CreateCommitteeAsync();

        using var response = await PostRawJsonAsync(secretary, $"/api/committees/{committee.Id}/memberships", BadDateMembership(committee));

        await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        (await secretary.GetJsonAsync<CommitteeDto>($"/api/committees/{committee.Id}")).Should().BeEquivalentTo(committee);
    }

    [DatabaseFact]
    public async Task AddMembership_BadDate_ErrorNamesTheField()
    {
        using var secretary = await app.CreateApiClientAsync(DemoUsers.Secretary);
        var committee = await secretary.CreateCommitteeAsync();

        using var response = await PostRawJsonAsync(secretary, $"/api/committees/{committee.Id}/memberships", BadDateMembership(committee));

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("termStart").Should().NotBeEmpty();
    }

    [DatabaseFact]
    public async Task AddMembership_StaleVersion_Returns409AndSavesNothing()
    {
        using var secretary = await app.CreateApiClientAsync(DemoUsers.Secretary);
        using var governance = await app.CreateApiClientAsync(DemoUsers.Governance);
        var committee = await secretary.CreateCommitteeAsync();
        var person = await secretary.PersonNamedAsync("Lucy Price");
        var role = await secretary.RoleNamedAsync("Chief Finance Officer");

        using var response = await secretary.PostJsonAsync($"/api/committees/{committee.Id}/memberships", new
        {
            personId = person.Id,
            roleIds = new[] { role.Id },
            isVoting = true,
            termStart = ApiScenario.Today,
            version = Guid.NewGuid(),
        });

        await response.ReadProblemAsync(HttpStatusCode.Conflict);
        (await secretary.GetJsonAsync<CommitteeDto>($"/api/committees/{committee.Id}")).Memberships.Should().BeEmpty();
        (await governance.AuditOfAsync(committee.Id)).WithoutSecretaryAssignments().Should().ContainSingle();
    }

    // What a failed request must not have changed: the committees and the committee audit trail.
    private async Task<(string Committees, int AuditEntries)> CommitteeStateAsync(HttpClient secretary)
    {
        using var governance = await app.CreateApiClientAsync(DemoUsers.Governance);
        var committees = await secretary.GetJsonAsync<List<CommitteeSummaryDto>>("/api/committees");
        var audit = await governance.GetJsonAsync<AuditPageDto>("/api/audit?recordType=Committee&pageSize=1");
        return (string.Join(",", committees.Select(c => c.Id).Order()), audit.Total);
    }

    private static string BadDateMembership(CommitteeDto committee) =>
        $$"""{"personId":"{{Guid.NewGuid()}}","roleIds":[],"isVoting":true,"termStart":"31/02/2026","version":"{{committee.Version}}"}""";

    private static async Task<HttpResponseMessage> PostRawJsonAsync(HttpClient client, string url, string json)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        return await client.PostAsync(url, content);
    }
}

public sealed class PostgresValidationTests(PostgresAppFixture app) : ValidationTests(app), IClassFixture<PostgresAppFixture>;

public sealed class SqliteValidationTests(SqliteAppFixture app) : ValidationTests(app), IClassFixture<SqliteAppFixture>;
