using System.Net;
using CoCommissioning.Data.Audit;
using CoCommissioning.Domain.Meetings;
using CoCommissioning.Web.Features.Actions;
using CoCommissioning.Web.Features.Meetings;
using CoCommissioning.Web.Features.People;
using CoCommissioning.Web.Tests.Infrastructure;

namespace CoCommissioning.Web.Tests.Api;

/// <summary>The action log (issue 5) through HTTP on PostgreSQL.</summary>
public abstract class ActionLogTests(AppFixture app)
{
    private static DateOnly Today => ApiScenario.Today;

    [DatabaseFact]
    public async Task Raise_Returns201AndIsInTheCommitteesLogWithItsMeeting()
    {
        using var scenario = await MeetingScenario.StartAsync(app);
        var owner = await scenario.Secretary.PersonNamedAsync(MeetingScenario.Chair);
        var description = ApiScenario.UniqueName("Write to both practices about the merger timetable");

        var action = await RaiseAsync(scenario, new { description, ownerPersonId = owner.Id, dueOn = Today.AddDays(14), itemId = scenario.ItemId });

        action.Status.Should().Be(ActionStatus.Open);
        action.OwnerName.Should().Be(MeetingScenario.Chair);
        action.MeetingId.Should().Be(scenario.MeetingId);
        action.MeetingTitle.Should().Be(scenario.Meeting.Title);
        action.ItemTitle.Should().Be(scenario.Meeting.Items[0].Title);
        action.IsOverdue.Should().BeFalse();

        using var member = await app.CreateApiClientAsync(DemoUsers.Member);
        var log = await member.GetJsonAsync<List<ActionDto>>($"/api/committees/{scenario.CommitteeId}/actions");
        log.Should().ContainSingle(a => a.Id == action.Id).Which.Description.Should().Be(description);
        (await member.GetJsonAsync<List<ActionDto>>($"/api/committees/{scenario.CommitteeId}/actions?status=Open&owner={owner.Id}"))
            .Should().Contain(a => a.Id == action.Id).And.OnlyContain(a => a.Status == ActionStatus.Open && a.OwnerPersonId == owner.Id);
        (await member.GetJsonAsync<List<ActionDto>>($"/api/committees/{scenario.CommitteeId}/actions?status=Done"))
            .Should().NotContain(a => a.Id == action.Id);
    }

    [DatabaseFact]
    public async Task List_OpenAndInProgressFirst()
    {
        using var scenario = await MeetingScenario.StartAsync(app);
        var owner = await scenario.Secretary.PersonNamedAsync(MeetingScenario.Nurse);
        var done = await RaiseAsync(scenario, new { description = "Done one", ownerPersonId = owner.Id });
        await UpdateAsync(scenario.Secretary, done, ActionStatus.Done);
        var open = await RaiseAsync(scenario, new { description = "Open one", ownerPersonId = owner.Id });

        var log = await scenario.Secretary.GetJsonAsync<List<ActionDto>>($"/api/committees/{scenario.CommitteeId}/actions");

        log.FindIndex(a => a.Id == open.Id).Should().BeLessThan(log.FindIndex(a => a.Id == done.Id));
        log.SkipWhile(a => a.Status is ActionStatus.Open or ActionStatus.InProgress)
            .Should().OnlyContain(a => a.Status == ActionStatus.Done || a.Status == ActionStatus.Dropped);
    }

    [DatabaseFact]
    public async Task Carried_ToALaterMeeting_UntilTheOwnerMarksItDone()
    {
        using var scenario = await MeetingScenario.StartAsync(app);
        var owner = await scenario.Secretary.PersonNamedAsync(MeetingScenario.Chair);
        var carried = await RaiseAsync(scenario, new { description = ApiScenario.UniqueName("Report back on list sizes"), ownerPersonId = owner.Id, dueOn = Today.AddDays(7) });
        var dropped = await RaiseAsync(scenario, new { description = ApiScenario.UniqueName("Dropped before the next meeting"), ownerPersonId = owner.Id });
        await UpdateAsync(scenario.Secretary, dropped, ActionStatus.Dropped);
        var later = await ScheduleAsync(scenario, DateTimeOffset.UtcNow.AddDays(28));
        var raisedLater = await RaiseAsync(scenario.Secretary, later.Id, new { description = ApiScenario.UniqueName("Raised at the later meeting"), ownerPersonId = owner.Id });

        using var chair = await app.CreateApiClientAsync(DemoUsers.Chair);
        var atLater = await chair.GetJsonAsync<List<ActionDto>>($"/api/meetings/{later.Id}/actions/carried");
        atLater.Should().Contain(a => a.Id == carried.Id && a.MeetingId == scenario.MeetingId && a.MeetingTitle == scenario.Meeting.Title);
        atLater.Should().Contain(a => a.Id == raisedLater.Id);
        atLater.Should().NotContain(a => a.Id == dropped.Id);
        var atFirst = await chair.GetJsonAsync<List<ActionDto>>($"/api/meetings/{scenario.MeetingId}/actions/carried");
        atFirst.Should().Contain(a => a.Id == carried.Id).And.Contain(a => a.Id == dropped.Id).And.NotContain(a => a.Id == raisedLater.Id);

        // The owner (Helen Carter, a member without the secretary's role) marks it done.
        using var response = await chair.PutJsonAsync($"/api/actions/{carried.Id}", new { status = ActionStatus.Done, statusNote = "Reported at the December meeting", dueOn = carried.DueOn, version = carried.Version });
        var done = await response.ReadJsonAsync<ActionDto>(HttpStatusCode.OK);
        done.Status.Should().Be(ActionStatus.Done);
        done.ClosedOn.Should().Be(Today);
        done.StatusNote.Should().Be("Reported at the December meeting");
        done.Version.Should().NotBe(carried.Version);
        (await chair.GetJsonAsync<List<ActionDto>>($"/api/meetings/{later.Id}/actions/carried")).Should().NotContain(a => a.Id == carried.Id);

        using var governance = await app.CreateApiClientAsync(DemoUsers.Governance);
        var audit = (await governance.AuditOfAsync(carried.Id)).Entries;
        audit.Should().Contain(e => e.Action == AuditAction.Insert && e.RecordType == nameof(ActionItem) && e.ActorName == DemoUsers.SecretaryName);
        audit.Should().Contain(e => e.Action == AuditAction.Update && e.ActorName == MeetingScenario.Chair);
    }

    [DatabaseFact]
    public async Task Update_OpenAgain_ClearsClosedOn()
    {
        using var scenario = await MeetingScenario.StartAsync(app);
        var owner = await scenario.Secretary.PersonNamedAsync(MeetingScenario.Nurse);
        var action = await RaiseAsync(scenario, new { description = "Reopen me", ownerPersonId = owner.Id });
        var done = await UpdateAsync(scenario.Secretary, action, ActionStatus.Done);

        var reopened = await UpdateAsync(scenario.Secretary, done, ActionStatus.InProgress);

        reopened.ClosedOn.Should().BeNull();
        reopened.Status.Should().Be(ActionStatus.InProgress);
    }

    [DatabaseFact]
    public async Task Update_ByAMemberWhoIsNotTheOwner_Returns403AndChangesNothing()
    {
        using var scenario = await MeetingScenario.StartAsync(app);
        var owner = await scenario.Secretary.PersonNamedAsync(MeetingScenario.Chair);
        var action = await RaiseAsync(scenario, new { description = "Not yours", ownerPersonId = owner.Id });
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);

        using var response = await member.PutJsonAsync($"/api/actions/{action.Id}", new { status = ActionStatus.Done, version = action.Version });

        await response.ReadProblemAsync(HttpStatusCode.Forbidden);
        (await member.GetJsonAsync<ActionDto>($"/api/actions/{action.Id}")).Status.Should().Be(ActionStatus.Open);
    }

    [DatabaseFact]
    public async Task AnotherOrganisationsSecretary_Gets404Everywhere()
    {
        using var scenario = await MeetingScenario.StartAsync(app);
        var owner = await scenario.Secretary.PersonNamedAsync(MeetingScenario.Chair);
        var action = await RaiseAsync(scenario, new { description = "Ours", ownerPersonId = owner.Id });
        using var northfield = await app.CreateApiClientAsync(DemoUsers.NorthfieldSecretary);
        var theirPerson = (await northfield.GetJsonAsync<List<PersonDto>>("/api/people")).First();

        using (var put = await northfield.PutJsonAsync($"/api/actions/{action.Id}", new { status = ActionStatus.Dropped, version = action.Version }))
        {
            await put.ReadProblemAsync(HttpStatusCode.NotFound);
        }

        using (var post = await northfield.PostJsonAsync($"/api/meetings/{scenario.MeetingId}/actions", new { description = "Theirs", ownerPersonId = theirPerson.Id }))
        {
            await post.ReadProblemAsync(HttpStatusCode.NotFound);
        }

        (await northfield.GetAsync($"/api/actions/{action.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await northfield.GetAsync($"/api/meetings/{scenario.MeetingId}/actions/carried")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await northfield.GetAsync($"/api/committees/{scenario.CommitteeId}/actions")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await scenario.Secretary.GetJsonAsync<ActionDto>($"/api/actions/{action.Id}")).Status.Should().Be(ActionStatus.Open);
    }

    [DatabaseFact]
    public async Task Update_StaleVersion_Returns409()
    {
        using var scenario = await MeetingScenario.StartAsync(app);
        var owner = await scenario.Secretary.PersonNamedAsync(MeetingScenario.Chair);
        var action = await RaiseAsync(scenario, new { description = "Twice edited", ownerPersonId = owner.Id });
        await UpdateAsync(scenario.Secretary, action, ActionStatus.InProgress);

        using var response = await scenario.Secretary.PutJsonAsync($"/api/actions/{action.Id}", new { status = ActionStatus.Done, version = action.Version });

        await response.ReadProblemAsync(HttpStatusCode.Conflict);
        (await scenario.Secretary.GetJsonAsync<ActionDto>($"/api/actions/{action.Id}")).Status.Should().Be(ActionStatus.InProgress);
    }

    [DatabaseFact]
    public async Task Raise_ByAMember_Returns403()
    {
        using var scenario = await MeetingScenario.StartAsync(app);
        var owner = await scenario.Secretary.PersonNamedAsync(MeetingScenario.Chair);
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);

        using var response = await member.PostJsonAsync($"/api/meetings/{scenario.MeetingId}/actions", new { description = "Sneaky", ownerPersonId = owner.Id });

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [DatabaseTheory]
    [InlineData("noDescription", "description")]
    [InlineData("longDescription", "description")]
    [InlineData("noOwner", "ownerPersonId")]
    [InlineData("ownerOfAnotherOrganisation", "ownerPersonId")]
    [InlineData("itemOfAnotherMeeting", "itemId")]
    [InlineData("dueBeforeTheMeeting", "dueOn")]
    [InlineData("dueTooFarAhead", "dueOn")]
    public async Task Raise_BadInput_Returns400NamingTheField(string problem, string field)
    {
        using var scenario = await MeetingScenario.StartAsync(app);
        var owner = await scenario.Secretary.PersonNamedAsync(MeetingScenario.Chair);
        Guid? ownerId = owner.Id;
        string? description = "A fine action";
        DateOnly? dueOn = null;
        Guid? itemId = null;
        switch (problem)
        {
            case "noDescription": description = "  "; break;
            case "longDescription": description = new string('x', ActionItem.DescriptionMaxLength + 1); break;
            case "noOwner": ownerId = null; break;
            case "ownerOfAnotherOrganisation":
                using (var northfield = await app.CreateApiClientAsync(DemoUsers.NorthfieldSecretary))
                {
                    ownerId = (await northfield.GetJsonAsync<List<PersonDto>>("/api/people")).First().Id;
                }

                break;
            case "itemOfAnotherMeeting": itemId = Guid.NewGuid(); break;
            case "dueBeforeTheMeeting": dueOn = Today.AddDays(-1); break;
            default: dueOn = Today.AddYears(2).AddDays(2); break;
        }

        using var response = await scenario.Secretary.PostJsonAsync($"/api/meetings/{scenario.MeetingId}/actions", new { description, ownerPersonId = ownerId, dueOn, itemId });

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor(field).Should().NotBeEmpty();
    }

    [DatabaseTheory]
    [InlineData("noStatus", "status")]
    [InlineData("longNote", "statusNote")]
    [InlineData("dueBeforeTheMeeting", "dueOn")]
    public async Task Update_BadInput_Returns400NamingTheField(string problem, string field)
    {
        using var scenario = await MeetingScenario.StartAsync(app);
        var owner = await scenario.Secretary.PersonNamedAsync(MeetingScenario.Chair);
        var action = await RaiseAsync(scenario, new { description = "To be updated badly", ownerPersonId = owner.Id });
        object body = problem switch
        {
            "noStatus" => new { version = action.Version },
            "longNote" => new { status = ActionStatus.InProgress, statusNote = new string('x', ActionItem.StatusNoteMaxLength + 1), version = action.Version },
            _ => new { status = ActionStatus.InProgress, dueOn = Today.AddDays(-3), version = action.Version },
        };

        using var response = await scenario.Secretary.PutJsonAsync($"/api/actions/{action.Id}", body);

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor(field).Should().NotBeEmpty();
    }

    private static Task<ActionDto> RaiseAsync(MeetingScenario scenario, object body) => RaiseAsync(scenario.Secretary, scenario.MeetingId, body);

    private static async Task<ActionDto> RaiseAsync(HttpClient secretary, Guid meetingId, object body)
    {
        using var response = await secretary.PostJsonAsync($"/api/meetings/{meetingId}/actions", body);
        return await response.ReadJsonAsync<ActionDto>(HttpStatusCode.Created);
    }

    private static async Task<ActionDto> UpdateAsync(HttpClient client, ActionDto action, ActionStatus status)
    {
        using var response = await client.PutJsonAsync($"/api/actions/{action.Id}", new { status, statusNote = action.StatusNote, dueOn = action.DueOn, version = action.Version });
        return await response.ReadJsonAsync<ActionDto>(HttpStatusCode.OK);
    }

    private static async Task<MeetingDto> ScheduleAsync(MeetingScenario scenario, DateTimeOffset startsAt)
    {
        using var response = await scenario.Secretary.PostJsonAsync($"/api/committees/{scenario.CommitteeId}/meetings?standingItems=false", new { title = ApiScenario.UniqueName("PCCC later meeting"), startsAt });
        return await response.ReadJsonAsync<MeetingDto>(HttpStatusCode.Created);
    }
}

public sealed class PostgresActionLogTests(PostgresAppFixture app) : ActionLogTests(app), IClassFixture<PostgresAppFixture>;

public sealed class SqliteActionLogTests(SqliteAppFixture app) : ActionLogTests(app), IClassFixture<SqliteAppFixture>;
