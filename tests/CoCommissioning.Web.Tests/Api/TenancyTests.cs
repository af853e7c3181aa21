using System.Net;
using CoCommissioning.Domain.Committees;
using CoCommissioning.Web.Features.Audit;
using CoCommissioning.Web.Features.Committees;
using CoCommissioning.Web.Features.People;
using CoCommissioning.Web.Tests.Infrastructure;

namespace CoCommissioning.Web.Tests.Api;

/// <summary>Organisations are kept apart: Northfield's secretary can neither see nor change Example CCG's records.</summary>
public abstract class TenancyTests(AppFixture app)
{
    [DatabaseFact]
    public async Task GetCommittee_OtherOrganisation_Returns404()
    {
        using var example = await app.CreateApiClientAsync(DemoUsers.Secretary);
        using var northfield = await app.CreateApiClientAsync(DemoUsers.NorthfieldSecretary);
        var committee = await example.TheOnlySeededCommitteeAsync();

        using var response = await northfield.GetAsync($"/api/committees/{committee.Id}");

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [DatabaseFact]
    public async Task PutCommittee_OtherOrganisationWithCurrentVersion_Returns404AndChangesNothing()
    {
        using var example = await app.CreateApiClientAsync(DemoUsers.Secretary);
        using var northfield = await app.CreateApiClientAsync(DemoUsers.NorthfieldSecretary);
        var committee = await example.CreateCommitteeAsync();

        using var response = await northfield.PutJsonAsync($"/api/committees/{committee.Id}", new
        {
            name = "Taken over",
            type = committee.Type,
            level = committee.Level,
            purpose = committee.Purpose,
            version = committee.Version,
        });

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
        var after = await example.GetJsonAsync<CommitteeDto>($"/api/committees/{committee.Id}");
        after.Name.Should().Be(committee.Name);
        after.Version.Should().Be(committee.Version);
    }

    [DatabaseFact]
    public async Task ChangeMemberships_OtherOrganisation_Returns404AndChangesNothing()
    {
        using var example = await app.CreateApiClientAsync(DemoUsers.Secretary);
        using var northfield = await app.CreateApiClientAsync(DemoUsers.NorthfieldSecretary);
        var seeded = await example.TheOnlySeededCommitteeAsync();
        var committee = await example.GetJsonAsync<CommitteeDto>($"/api/committees/{seeded.Id}");
        var membership = committee.Memberships.First(m => m.Office == CommitteeOffice.None && m.IsCurrent);
        var roleIds = membership.Roles.Select(r => r.Id).ToArray();
        var owen = await northfield.PersonNamedAsync("Owen Price");
        var url = $"/api/committees/{committee.Id}";

        using var add = await northfield.PostJsonAsync($"{url}/memberships", new { personId = owen.Id, roleIds, isVoting = true, termStart = ApiScenario.Today, version = committee.Version });
        using var change = await northfield.PutJsonAsync($"{url}/memberships/{membership.Id}", new { roleIds, isVoting = false, termStart = membership.TermStart, termEnd = membership.TermEnd, version = committee.Version });
        using var end = await northfield.PostJsonAsync($"{url}/memberships/{membership.Id}/end", new { lastDay = ApiScenario.Today, version = committee.Version });
        using var appoint = await northfield.PostJsonAsync($"{url}/offices", new { membershipId = membership.Id, office = CommitteeOffice.Chair, version = committee.Version });
        using var vacate = await northfield.PostJsonAsync($"{url}/offices/vacate", new { office = CommitteeOffice.Chair, version = committee.Version });

        foreach (var response in new[] { add, change, end, appoint, vacate })
        {
            await response.ReadProblemAsync(HttpStatusCode.NotFound);
        }

        var after = await example.GetJsonAsync<CommitteeDto>(url);
        after.Version.Should().Be(committee.Version);
        after.Memberships.Should().BeEquivalentTo(committee.Memberships);
    }

    [DatabaseFact]
    public async Task GetAndPutPerson_OtherOrganisation_Returns404AndChangesNothing()
    {
        using var example = await app.CreateApiClientAsync(DemoUsers.Secretary);
        using var northfield = await app.CreateApiClientAsync(DemoUsers.NorthfieldSecretary);
        var person = await example.PersonNamedAsync("Priya Shah");

        using var get = await northfield.GetAsync($"/api/people/{person.Id}");
        using var put = await northfield.PutJsonAsync($"/api/people/{person.Id}", new
        {
            fullName = "Renamed by another organisation",
            email = person.Email,
            jobTitle = person.JobTitle,
            isDecisionMakingStaff = person.IsDecisionMakingStaff,
            version = person.Version,
        });

        await get.ReadProblemAsync(HttpStatusCode.NotFound);
        await put.ReadProblemAsync(HttpStatusCode.NotFound);
        var after = await example.GetJsonAsync<PersonDto>($"/api/people/{person.Id}");
        after.Should().Be(person);
    }

    [DatabaseFact]
    public async Task AddMembership_PersonAndRoleOfOtherOrganisation_Returns400()
    {
        using var example = await app.CreateApiClientAsync(DemoUsers.Secretary);
        using var northfield = await app.CreateApiClientAsync(DemoUsers.NorthfieldSecretary);
        var own = await northfield.TheOnlySeededCommitteeAsync();
        var committee = await northfield.GetJsonAsync<CommitteeDto>($"/api/committees/{own.Id}");
        var stranger = await example.PersonNamedAsync("Priya Shah");
        var strangersRole = await example.RoleNamedAsync("Lay Advisor");

        using var response = await northfield.PostJsonAsync($"/api/committees/{committee.Id}/memberships", new
        {
            personId = stranger.Id,
            roleIds = new[] { strangersRole.Id },
            isVoting = true,
            termStart = ApiScenario.Today,
            version = committee.Version,
        });

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        problem.ErrorsFor("personId").Should().NotBeEmpty();
        (await northfield.GetJsonAsync<CommitteeDto>($"/api/committees/{committee.Id}")).Memberships.Should().BeEmpty();
    }

    [DatabaseFact]
    public async Task Lists_EachOrganisation_ShowOnlyItsOwnRecords()
    {
        using var example = await app.CreateApiClientAsync(DemoUsers.Secretary);
        using var exampleGovernance = await app.CreateApiClientAsync(DemoUsers.Governance);
        using var northfield = await app.CreateApiClientAsync(DemoUsers.NorthfieldSecretary);

        var exampleCommittees = await example.GetJsonAsync<List<CommitteeSummaryDto>>("/api/committees");
        var northfieldCommittees = await northfield.GetJsonAsync<List<CommitteeSummaryDto>>("/api/committees");
        var examplePeople = await example.GetJsonAsync<List<PersonDto>>("/api/people");
        var northfieldPeople = await northfield.GetJsonAsync<List<PersonDto>>("/api/people");
        var exampleRoles = await example.GetJsonAsync<List<RoleDto>>("/api/member-roles");
        var northfieldRoles = await northfield.GetJsonAsync<List<RoleDto>>("/api/member-roles");
        var exampleAudit = await exampleGovernance.GetJsonAsync<AuditPageDto>("/api/audit?pageSize=200");

        northfieldCommittees.Should().ContainSingle();
        exampleCommittees.Select(c => c.Id).Should().NotIntersectWith(northfieldCommittees.Select(c => c.Id));
        northfieldPeople.Select(p => p.FullName).Should().Equal("Owen Price");
        examplePeople.Select(p => p.Id).Should().NotContain(northfieldPeople.Single().Id);
        examplePeople.Should().Contain(p => p.FullName == "Helen Carter");
        exampleRoles.Should().NotBeEmpty();
        northfieldRoles.Should().BeEmpty("the demo gives Northfield no role catalogue");
        var northfieldIds = northfieldCommittees.Select(c => c.Id.ToString()).Concat(northfieldPeople.Select(p => p.Id.ToString())).ToList();
        exampleAudit.Entries.Should().NotBeEmpty();
        exampleAudit.Entries.Should().NotContain(e => northfieldIds.Contains(e.RecordId));
    }

    [DatabaseFact]
    public async Task GetCommitteePage_OtherOrganisation_Returns404()
    {
        using var example = await app.CreateApiClientAsync(DemoUsers.Secretary);
        using var northfield = await app.CreateApiClientAsync(DemoUsers.NorthfieldSecretary);
        var examples = await example.TheOnlySeededCommitteeAsync();
        var own = await northfield.TheOnlySeededCommitteeAsync();
        using var browser = await app.CreateSignedInBrowserAsync(DemoUsers.NorthfieldSecretary);

        using var foreign = await browser.GetAsync($"/committees/{examples.Id}");
        using var mine = await browser.GetAsync($"/committees/{own.Id}");

        foreign.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await foreign.Content.ReadAsStringAsync()).Should().NotContain("Makes decisions on the primary medical services");
        mine.StatusCode.Should().Be(HttpStatusCode.OK);
        (await mine.Content.ReadAsStringAsync()).Should().Contain("Primary Care Commissioning Committee");
    }
}

public sealed class PostgresTenancyTests(PostgresAppFixture app) : TenancyTests(app), IClassFixture<PostgresAppFixture>;

public sealed class SqliteTenancyTests(SqliteAppFixture app) : TenancyTests(app), IClassFixture<SqliteAppFixture>;
