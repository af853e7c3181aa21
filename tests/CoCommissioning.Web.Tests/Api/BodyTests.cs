using System.Net;
using CoCommissioning.Domain.Organisations;
using CoCommissioning.Web.Features.Bodies;
using CoCommissioning.Web.Tests.Infrastructure;

namespace CoCommissioning.Web.Tests.Api;

/// <summary>The organisation's list of practices, PCNs, federations, suppliers and other bodies.</summary>
public abstract class BodyTests(AppFixture app)
{
    [DatabaseFact]
    public async Task Member_AddsABody_AndEveryoneOfTheOrganisationListsIt_ButNotAnotherOrganisation()
    {
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);
        using var secretary = await app.CreateApiClientAsync(DemoUsers.Secretary);
        using var northfield = await app.CreateApiClientAsync(DemoUsers.NorthfieldSecretary);
        var name = ApiScenario.UniqueName("Hillside Surgery");

        using var response = await member.PostJsonAsync("/api/bodies", new { name, kind = BodyKind.GpPractice, code = "m85001" });

        var body = await response.ReadJsonAsync<BodyDto>(HttpStatusCode.Created);
        body.Code.Should().Be("M85001");
        (await secretary.GetJsonAsync<List<BodyDto>>("/api/bodies")).Should().Contain(b => b.Id == body.Id);
        (await northfield.GetJsonAsync<List<BodyDto>>("/api/bodies")).Should().NotContain(b => b.Id == body.Id);
        using var theirs = await northfield.GetAsync($"/api/bodies/{body.Id}");
        await theirs.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [DatabaseFact]
    public async Task AddBody_DuplicateKindAndName_Returns400OnName_ButAnotherKindIsFine()
    {
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);
        var name = ApiScenario.UniqueName("Riverside");
        using var first = await member.PostJsonAsync("/api/bodies", new { name, kind = BodyKind.GpPractice });
        first.StatusCode.Should().Be(HttpStatusCode.Created);

        using var duplicate = await member.PostJsonAsync("/api/bodies", new { name = name.ToUpperInvariant(), kind = BodyKind.GpPractice });
        using var otherKind = await member.PostJsonAsync("/api/bodies", new { name, kind = BodyKind.PrimaryCareNetwork });

        (await duplicate.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("name").Should().ContainSingle();
        otherKind.StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [DatabaseFact]
    public async Task AddBody_NoNameOrBadCode_ReportsTheFields()
    {
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);

        using var response = await member.PostJsonAsync("/api/bodies", new { name = " ", kind = BodyKind.Supplier, code = "M85-001" });

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        problem.ErrorsFor("name").Should().ContainSingle();
        problem.ErrorsFor("code").Should().ContainSingle();
    }

    [DatabaseFact]
    public async Task EditBody_SecretaryOnly_WithVersion_StaleIs409()
    {
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);
        using var secretary = await app.CreateApiClientAsync(DemoUsers.Secretary);
        using var created = await secretary.PostJsonAsync("/api/bodies", new { name = ApiScenario.UniqueName("Supplier"), kind = BodyKind.Supplier });
        var body = await created.ReadJsonAsync<BodyDto>(HttpStatusCode.Created);

        using var byMember = await member.PutJsonAsync($"/api/bodies/{body.Id}", new { name = "Renamed", kind = BodyKind.Supplier, version = body.Version });
        var newName = ApiScenario.UniqueName("Renamed supplier");
        using var edit = await secretary.PutJsonAsync($"/api/bodies/{body.Id}", new { name = newName, kind = BodyKind.OtherBody, version = body.Version });
        using var stale = await secretary.PutJsonAsync($"/api/bodies/{body.Id}", new { name = "Stale", kind = BodyKind.Supplier, version = body.Version });

        byMember.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var edited = await edit.ReadJsonAsync<BodyDto>(HttpStatusCode.OK);
        edited.Name.Should().Be(newName);
        edited.Kind.Should().Be(BodyKind.OtherBody);
        await stale.ReadProblemAsync(HttpStatusCode.Conflict);
    }
}

public sealed class PostgresBodyTests(PostgresAppFixture app) : BodyTests(app), IClassFixture<PostgresAppFixture>;

public sealed class SqliteBodyTests(SqliteAppFixture app) : BodyTests(app), IClassFixture<SqliteAppFixture>;
