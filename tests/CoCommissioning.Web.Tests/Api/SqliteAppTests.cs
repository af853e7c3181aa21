using System.Net;
using CoCommissioning.Data.Audit;
using CoCommissioning.Web.Features.Committees;
using CoCommissioning.Web.Features.PublicRecords;
using CoCommissioning.Web.Tests.Infrastructure;

namespace CoCommissioning.Web.Tests.Api;

/// <summary>The embedded configuration: the same app starts, migrates and seeds on a SQLite file and works end to end.</summary>
public sealed class SqliteAppTests(SqliteAppFixture app) : IClassFixture<SqliteAppFixture>
{
    [DatabaseFact]
    public async Task Startup_OnSqlite_MigratesSeedsAndIsHealthy()
    {
        using var anonymous = app.CreateAnonymousClient();
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);

        using var health = await anonymous.GetAsync("/health");
        var organisations = await anonymous.GetJsonAsync<List<PublicOrganisationDto>>("/api/public/organisations");
        var committee = await member.TheOnlySeededCommitteeAsync();

        health.StatusCode.Should().Be(HttpStatusCode.OK);
        organisations.Select(o => o.Slug).Should().BeEquivalentTo("example-ccg", "northfield-icb");
        committee.ChairName.Should().Be("Helen Carter");
        committee.CurrentMembers.Should().Be(13);
    }

    [DatabaseFact]
    public async Task CreateAndChangeCommittee_OnSqlite_SavesAndAudits()
    {
        using var secretary = await app.CreateApiClientAsync(DemoUsers.Secretary);
        using var governance = await app.CreateApiClientAsync(DemoUsers.Governance);
        var committee = await secretary.CreateCommitteeAsync();
        var person = await secretary.PersonNamedAsync("Lucy Price");
        var role = await secretary.RoleNamedAsync("Chief Finance Officer");

        using var added = await secretary.PostJsonAsync($"/api/committees/{committee.Id}/memberships", new { personId = person.Id, roleIds = new[] { role.Id }, isVoting = true, termStart = ApiScenario.Today, version = committee.Version });
        using var stale = await secretary.PostJsonAsync($"/api/committees/{committee.Id}/memberships", new { personId = person.Id, roleIds = new[] { role.Id }, isVoting = true, termStart = ApiScenario.Today, version = committee.Version });

        (await added.ReadJsonAsync<CommitteeDto>(HttpStatusCode.OK)).Memberships.Should().ContainSingle();
        stale.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var audit = await governance.AuditOfAsync(committee.Id);
        audit.Entries.Select(e => (e.RecordType, e.Action)).Should().BeEquivalentTo([(nameof(CoCommissioning.Domain.Committees.Committee), AuditAction.Insert), (nameof(CoCommissioning.Domain.Committees.CommitteeSecretary), AuditAction.Insert), (nameof(CoCommissioning.Domain.Committees.Membership), AuditAction.Insert)]);
    }

    [DatabaseFact]
    public async Task SignIn_OnSqlite_OpensTheCommitteesPage()
    {
        using var browser = await app.CreateSignedInBrowserAsync(DemoUsers.Secretary);

        using var response = await browser.GetAsync("/committees");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
