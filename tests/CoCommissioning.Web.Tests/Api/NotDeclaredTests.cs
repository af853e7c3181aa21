using System.Net;
using System.Text.Json;
using CoCommissioning.Data;
using CoCommissioning.Domain.Interests;
using CoCommissioning.Web.Features.DeclarationCycles;
using CoCommissioning.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoCommissioning.Web.Tests.Api;

/// <summary>Who has not declared (issue 14): staff and public lists, names and roles only, on both providers.</summary>
public abstract class NotDeclaredTests(AppFixture app)
{
    private const string PublicPath = "/api/public/organisations/example-ccg/registers/interests/not-declared";

    [DatabaseFact]
    public async Task CycleOverdue_ListsDecisionMakersWithoutAReturn_NamesAndRolesOnly()
    {
        using var governance = await app.CreateApiClientAsync(DemoUsers.Governance);
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);
        using var anonymous = app.CreateAnonymousClient();

        // A cycle opened without a due date gets the local rules' window (28 days by default).
        using var opened = await governance.PostJsonAsync("/api/declaration-cycles", new OpenCycleRequest(ApiScenario.UniqueName("Returns"), null));
        var cycle = await opened.ReadJsonAsync<CycleDashboardDto>(HttpStatusCode.Created);
        cycle.Cycle.DueOn.Should().Be(ApiScenario.Today.AddDays(28));

        // Not yet due: nobody is listed.
        (await anonymous.GetJsonAsync<NotDeclaredDto>(PublicPath)).People.Should().BeEmpty();

        // One member returns; then the due date passes.
        var mine = await member.GetJsonAsync<MyCycleDto>("/api/declaration-cycles/mine");
        using (var returned = await member.PostJsonAsync($"/api/declaration-cycles/{cycle.Cycle.Id}/returns", new SubmitReturnRequest(mine.CurrentInterests > 0 ? CycleReturnKind.DeclarationsConfirmed : CycleReturnKind.NilReturn, null)))
        {
            returned.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        await using (var db = await app.Factory.Services.GetRequiredService<GovernanceDbFactory>().CreateForReadingAsync())
        {
            await db.DeclarationCycles.Where(c => c.Id == cycle.Cycle.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.DueOn, ApiScenario.Today.AddDays(-1)));
        }

        var staff = await governance.GetJsonAsync<NotDeclaredDto>("/api/declaration-cycles/not-declared");
        using var publicResponse = await anonymous.GetAsync(PublicPath);
        publicResponse.StatusCode.Should().Be(HttpStatusCode.OK);
        var json = await publicResponse.Content.ReadAsStringAsync();
        var published = JsonSerializer.Deserialize<NotDeclaredDto>(json, Json.Options)!;

        var dashboard = await governance.GetJsonAsync<CycleDashboardDto>($"/api/declaration-cycles/{cycle.Cycle.Id}");
        var submitted = dashboard.People.Where(p => p.Status == CyclePersonStatus.Submitted).Select(p => p.FullName).ToList();
        staff.People.Should().NotBeEmpty();
        staff.People.Select(p => p.Name).Should().NotIntersectWith(submitted);
        published.Should().BeEquivalentTo(staff);
        staff.People.Should().OnlyContain(p => p.Role.StartsWith("Voting member: ") || p.Role == "Decision-making staff");

        // Only names and roles: no ids, emails or anything else in the public document.
        using var document = JsonDocument.Parse(json);
        document.RootElement.GetProperty("people").EnumerateArray().SelectMany(p => p.EnumerateObject().Select(o => o.Name)).Distinct()
            .Should().BeEquivalentTo("name", "role");
        json.Should().NotContain("@");

        using (var closed = await governance.PostJsonAsync($"/api/declaration-cycles/{cycle.Cycle.Id}/close", new CloseCycleRequest(dashboard.Cycle.Version)))
        {
            closed.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        (await anonymous.GetJsonAsync<NotDeclaredDto>(PublicPath)).People.Should().BeEmpty("a closed cycle is not the current one");
    }

    [DatabaseFact]
    public async Task Access_MemberGets403_UnknownOrganisation404()
    {
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);
        using var anonymous = app.CreateAnonymousClient();

        using var staff = await member.GetAsync("/api/declaration-cycles/not-declared");
        using var unknown = await anonymous.GetAsync("/api/public/organisations/no-such-body/registers/interests/not-declared");

        staff.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}

public sealed class NotDeclaredPostgresTests(PostgresAppFixture app) : NotDeclaredTests(app), IClassFixture<PostgresAppFixture>;

public sealed class NotDeclaredSqliteTests(SqliteAppFixture app) : NotDeclaredTests(app), IClassFixture<SqliteAppFixture>;
