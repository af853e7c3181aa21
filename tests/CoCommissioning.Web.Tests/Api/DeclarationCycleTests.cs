using System.Net;
using CoCommissioning.Domain.Interests;
using CoCommissioning.Web.Features.DeclarationCycles;
using CoCommissioning.Web.Tests.Infrastructure;

namespace CoCommissioning.Web.Tests.Api;

/// <summary>The annual declaration cycle through HTTP on PostgreSQL: open, remind by email, returns, close.</summary>
public abstract class DeclarationCycleTests(AppFixture app)
{
    [DatabaseFact]
    public async Task Cycle_OpenRemindSubmitClose_DashboardFollowsEachStep()
    {
        var governance = await app.CreateApiClientAsync(DemoUsers.Governance);
        var member = await app.CreateApiClientAsync(DemoUsers.Member);
        var chair = await app.CreateApiClientAsync(DemoUsers.Chair);

        (await member.GetAsync("/api/declaration-cycles/mine")).StatusCode.Should().Be(HttpStatusCode.NoContent);

        using var opened = await governance.PostJsonAsync("/api/declaration-cycles", new { title = "Annual declarations test", dueOn = ApiScenario.Today.AddDays(14) });
        var dashboard = await opened.ReadJsonAsync<CycleDashboardDto>(HttpStatusCode.Created);
        var cycleId = dashboard.Cycle.Id;
        dashboard.Cycle.InScope.Should().BeGreaterThan(10, "every Example CCG committee member and decision-making staff member must declare");
        dashboard.People.Should().Contain(p => p.FullName == "Dr Aisha Rahman" && p.InScopeBecause == "Member: Primary Care Commissioning Committee" && p.Status == CyclePersonStatus.Outstanding);

        using var second = await governance.PostJsonAsync("/api/declaration-cycles", new { title = "Another", dueOn = ApiScenario.Today.AddDays(10) });
        (await second.ReadProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString().Should().Contain("already open");

        // Dr Rahman has current interests: she confirms them, and cannot make a nil return.
        using var nilRefused = await member.PostJsonAsync($"/api/declaration-cycles/{cycleId}/returns", new { kind = CycleReturnKind.NilReturn });
        (await nilRefused.ReadProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString().Should().Contain("confirm your declarations instead");
        using var confirmed = await member.PostJsonAsync($"/api/declaration-cycles/{cycleId}/returns", new { kind = CycleReturnKind.DeclarationsConfirmed });
        (await confirmed.ReadJsonAsync<MyCycleDto>(HttpStatusCode.OK)).Submitted.Should().BeTrue();
        using var again = await member.PostJsonAsync($"/api/declaration-cycles/{cycleId}/returns", new { kind = CycleReturnKind.DeclarationsConfirmed });
        (await again.ReadProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString().Should().Be("You have already submitted your return for this cycle.");

        // The chair has no current interests: a nil return, which also enters the register.
        using var chairConfirm = await chair.PostJsonAsync($"/api/declaration-cycles/{cycleId}/returns", new { kind = CycleReturnKind.DeclarationsConfirmed });
        chairConfirm.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        using var chairNil = await chair.PostJsonAsync($"/api/declaration-cycles/{cycleId}/returns", new { kind = CycleReturnKind.NilReturn });
        (await chairNil.ReadJsonAsync<MyCycleDto>(HttpStatusCode.OK)).Kind.Should().Be(CycleReturnKind.NilReturn);

        // Reminders go by email to everyone still outstanding, and the dashboard records them.
        using var reminded = await governance.PostAsync($"/api/declaration-cycles/{cycleId}/reminders", null);
        var sent = await reminded.ReadJsonAsync<RemindersSentDto>(HttpStatusCode.OK);
        dashboard = await governance.GetJsonAsync<CycleDashboardDto>($"/api/declaration-cycles/{cycleId}");
        dashboard.Cycle.Submitted.Should().Be(2);
        sent.Sent.Should().Be(dashboard.Cycle.Outstanding - sent.NoEmail.Count).And.BeGreaterThan(0);
        var outbox = Directory.GetFiles(app.Factory.OutboxDirectory, "*.eml");
        outbox.Should().HaveCount(sent.Sent);
        var toDavid = outbox.Select(File.ReadAllText).Single(m => m.Contains("david.okafor@example-ccg.nhs.uk", StringComparison.Ordinal));
        toDavid.Should().Contain("Annual declarations test").And.Contain("/declarations");
        outbox.Select(File.ReadAllText).Should().NotContain(m => m.Contains("member@example-ccg.nhs.uk", StringComparison.Ordinal), "Dr Rahman has submitted");
        dashboard.People.Single(p => p.FullName == "David Okafor").RemindersSent.Should().Be(1);
        dashboard.People.Single(p => p.FullName == "Dr Aisha Rahman").RemindersSent.Should().Be(0);

        using var stale = await governance.PostJsonAsync($"/api/declaration-cycles/{cycleId}/close", new { version = Guid.NewGuid() });
        stale.StatusCode.Should().Be(HttpStatusCode.Conflict);
        using var closed = await governance.PostJsonAsync($"/api/declaration-cycles/{cycleId}/close", new { version = dashboard.Cycle.Version });
        (await closed.ReadJsonAsync<CycleSummaryDto>(HttpStatusCode.OK)).IsOpen.Should().BeFalse();

        var secretary = await app.CreateApiClientAsync(DemoUsers.Secretary);
        using var late = await secretary.PostJsonAsync($"/api/declaration-cycles/{cycleId}/returns", new { kind = CycleReturnKind.DeclarationsConfirmed });
        (await late.ReadProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString().Should().Be("This declaration cycle is closed.");
    }

    [DatabaseFact]
    public async Task Cycle_MemberActsAsGovernanceLeadOrForSomeoneElse_Refused()
    {
        var member = await app.CreateApiClientAsync(DemoUsers.Member);
        var secretary = await app.CreateApiClientAsync(DemoUsers.Secretary);

        (await member.PostJsonAsync("/api/declaration-cycles", new { title = "Mine", dueOn = ApiScenario.Today.AddDays(7) })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await member.GetAsync("/api/declaration-cycles")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await secretary.PostAsync($"/api/declaration-cycles/{Guid.NewGuid()}/reminders", null)).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        var someoneElse = (await secretary.PersonNamedAsync("David Okafor")).Id;
        using var forOther = await member.PostJsonAsync($"/api/declaration-cycles/{Guid.NewGuid()}/returns", new { kind = CycleReturnKind.NilReturn, personId = someoneElse });
        (await forOther.ReadProblemAsync(HttpStatusCode.Forbidden)).GetProperty("detail").GetString().Should().Be("You can submit a return only for yourself.");
    }

    [DatabaseFact]
    public async Task OpenCycle_DueDatePast_FieldMessage()
    {
        var governance = await app.CreateApiClientAsync(DemoUsers.Governance);

        // A missing due date is no longer an error: the local rules' window applies (NotDeclaredTests, ADR-0025).
        using var past = await governance.PostJsonAsync("/api/declaration-cycles", new { title = "<b>Past</b>", dueOn = ApiScenario.Today.AddDays(-1) });
        (await past.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("dueOn").Should().Equal("The due date cannot be in the past.");
    }
}

public sealed class PostgresDeclarationCycleTests(PostgresAppFixture app) : DeclarationCycleTests(app), IClassFixture<PostgresAppFixture>;

public sealed class SqliteDeclarationCycleTests(SqliteAppFixture app) : DeclarationCycleTests(app), IClassFixture<SqliteAppFixture>;
