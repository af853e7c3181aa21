using System.Net;
using CoCommissioning.Web.Features.Decisions;
using CoCommissioning.Web.Features.Meetings;
using CoCommissioning.Web.Tests.Infrastructure;
using static CoCommissioning.Web.Tests.Infrastructure.MeetingScenario;

namespace CoCommissioning.Web.Tests.Api.Forms;

/// <summary>
/// Issue 13: apologies take the deputy explicitly. Mark Benson's named deputy is Lucy Price: the apologies say whether
/// she attends, and the quorum expected follows (she counts for his seat, or the seat is empty). On both providers.
/// </summary>
public abstract class ApologiesDeputyTests(AppFixture app)
{
    protected AppFixture App { get; } = app;

    [DatabaseFact]
    public async Task Apologies_ForAMemberWithADeputy_NeedTheChoice()
    {
        using var meeting = await MeetingScenario.StartAsync(App);

        using var response = await meeting.Secretary.PostJsonAsync($"{meeting.Url}/apologies", new { membershipId = meeting.Id(ChiefFinanceOfficer), version = meeting.Meeting.Version });

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("deputyPersonId").Should().ContainSingle()
            .Which.Should().Be("Say whether the member's deputy attends: choose the deputy or no deputy.");
    }

    [DatabaseFact]
    public async Task Apologies_WithSomeoneWhoIsNotTheNamedDeputy_Is400()
    {
        using var meeting = await MeetingScenario.StartAsync(App);
        var stranger = await meeting.Secretary.PersonNamedAsync(Nurse);

        using var response = await meeting.Secretary.PostJsonAsync($"{meeting.Url}/apologies", new { membershipId = meeting.Id(ChiefFinanceOfficer), version = meeting.Meeting.Version, deputyPersonId = stranger.Id });

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("deputyPersonId").Should().ContainSingle();
    }

    [DatabaseFact]
    public async Task Apologies_DeputyAttends_CountsForTheSeat_NoDeputy_LeavesItEmpty()
    {
        using var meeting = await MeetingScenario.StartAsync(App);
        var lucy = await meeting.Secretary.PersonNamedAsync(Deputy);

        using var withDeputy = await meeting.Secretary.PostJsonAsync($"{meeting.Url}/apologies", new { membershipId = meeting.Id(ChiefFinanceOfficer), version = meeting.Meeting.Version, deputyPersonId = lucy.Id });
        var recorded = await withDeputy.ReadJsonAsync<MeetingDto>(HttpStatusCode.OK);
        var expectingLucy = await meeting.Secretary.GetJsonAsync<MeetingForecastDto>($"{meeting.Url}/forecast");

        using var without = await meeting.Secretary.PostJsonAsync($"{meeting.Url}/apologies", new { membershipId = meeting.Id(ChiefFinanceOfficer), version = recorded.Version, noDeputy = true });
        var changed = await without.ReadJsonAsync<MeetingDto>(HttpStatusCode.OK);
        var expectingNobody = await meeting.Secretary.GetJsonAsync<MeetingForecastDto>($"{meeting.Url}/forecast");

        recorded.Apologies.Should().Contain(meeting.Id(ChiefFinanceOfficer));
        recorded.ApologiesWithoutDeputy.Should().BeEmpty();
        changed.ApologiesWithoutDeputy.Should().Equal(meeting.Id(ChiefFinanceOfficer));
        var withLucy = expectingLucy.Items[0].Verdict;
        var withoutLucy = expectingNobody.Items[0].Verdict;
        withLucy.Explanation.Should().Contain(Deputy);
        withoutLucy.Explanation.Should().NotContain(Deputy);
        withoutLucy.Counted.Should().Be(withLucy.Counted - 1, "the deputy counts for the seat only when the apologies say she attends");
    }

    [DatabaseFact]
    public async Task Apologies_ForAMemberWithoutADeputy_NeedNoChoice_AndAMemberCannotRecordThem()
    {
        using var meeting = await MeetingScenario.StartAsync(App);
        using var member = await App.CreateApiClientAsync(DemoUsers.Member);

        using var refused = await member.PostJsonAsync($"{meeting.Url}/apologies", new { membershipId = meeting.Id(Nurse), version = meeting.Meeting.Version, noDeputy = true });
        using var recorded = await meeting.Secretary.PostJsonAsync($"{meeting.Url}/apologies", new { membershipId = meeting.Id(Nurse), version = meeting.Meeting.Version });

        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await recorded.ReadJsonAsync<MeetingDto>(HttpStatusCode.OK)).Apologies.Should().Contain(meeting.Id(Nurse));
    }
}

public sealed class PostgresApologiesDeputyTests(PostgresAppFixture app) : ApologiesDeputyTests(app), IClassFixture<PostgresAppFixture>;

public sealed class SqliteApologiesDeputyTests(SqliteAppFixture app) : ApologiesDeputyTests(app), IClassFixture<SqliteAppFixture>;
