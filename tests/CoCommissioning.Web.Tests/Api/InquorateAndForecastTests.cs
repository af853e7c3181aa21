using System.Net;
using CoCommissioning.Domain.Meetings;
using CoCommissioning.Domain.Quorum;
using CoCommissioning.Web.Features.Decisions;
using CoCommissioning.Web.Features.Meetings;
using CoCommissioning.Web.Tests.Infrastructure;
using static CoCommissioning.Web.Tests.Infrastructure.MeetingScenario;

namespace CoCommissioning.Web.Tests.Api;

/// <summary>The chair's choice for an inquorate item, and the quorum forecast from apologies, through HTTP on PostgreSQL.</summary>
public abstract class InquorateAndForecastTests(AppFixture app)
{
    [DatabaseFact]
    public async Task ResolveInquorate_ItemInquorate_RecordsTheChoiceOnce()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        await meeting.ArriveAsync(Chair, Nurse, Gp, ChiefOfficer);
        await meeting.RuleAsync(ChiefOfficer, ConflictRuling.LeavesRoom);

        using var deferred = await meeting.Secretary.PostJsonAsync($"{meeting.ItemUrl}/inquorate", new { action = InquorateAction.Defer, detail = "Deferred to the January meeting" });
        using var again = await meeting.Secretary.PostJsonAsync($"{meeting.ItemUrl}/inquorate", new { action = InquorateAction.Refer, detail = "To the governing body" });

        var recorded = await deferred.ReadJsonAsync<InquorateResolutionDto>(HttpStatusCode.OK);
        recorded.Action.Should().Be(InquorateAction.Defer);
        recorded.QuorumExplanation.Should().StartWith("Not quorate.");
        (await again.ReadProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString()
            .Should().Be("This item already has a decision or a recorded choice.");
    }

    [DatabaseFact]
    public async Task ResolveInquorate_ItemQuorate_Refused()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        await meeting.ArriveAsync(Chair, Nurse, Gp, ChiefOfficer);

        using var response = await meeting.Secretary.PostJsonAsync($"{meeting.ItemUrl}/inquorate", new { action = InquorateAction.Defer, detail = "No reason" });

        (await response.ReadProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString()
            .Should().Be("The item is quorate: record the decision instead of deferring, referring or co-opting.");
    }

    [DatabaseFact]
    public async Task ResolveInquorate_NoDetail_NamesField()
    {
        using var meeting = await MeetingScenario.StartAsync(app);

        using var response = await meeting.Secretary.PostJsonAsync($"{meeting.ItemUrl}/inquorate", new { action = InquorateAction.Refer, detail = "" });

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("detail", out _).Should().BeTrue();
    }

    [DatabaseFact]
    public async Task Forecast_Apologies_DeputyExpectedAndShortfallExplained()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        var version = meeting.Meeting.Version;
        var deputy = await meeting.Secretary.PersonNamedAsync(MeetingScenario.Deputy);
        foreach (var name in new[] { ChiefOfficer, ChiefFinanceOfficer, Chair, ViceChair, Nurse, "Dr James Morton" })
        {
            // Issue 13: the apologies say whether the named deputy attends; Mark Benson's deputy, Lucy Price, does.
            object body = name == ChiefFinanceOfficer ? new { membershipId = meeting.Id(name), version, deputyPersonId = deputy.Id } : new { membershipId = meeting.Id(name), version };
            using var sent = await meeting.Secretary.PostJsonAsync($"{meeting.Url}/apologies", body);
            version = (await sent.ReadJsonAsync<MeetingDto>(HttpStatusCode.OK)).Version;
        }

        var forecast = await meeting.Secretary.GetJsonAsync<MeetingForecastDto>($"{meeting.Url}/forecast");

        forecast.ExpectedAbsent.Should().HaveCount(6);
        var item = forecast.Items.Single();
        item.Verdict.IsQuorate.Should().BeFalse();
        item.Verdict.Explanation.Should().Contain("Chief Officer or Chief Finance Officer: Lucy Price (deputy for Mark Benson).");
        item.Verdict.Explanation.Should().Contain("none present and unconflicted (Helen Carter is absent; David Okafor is absent;");
    }

    [DatabaseFact]
    public async Task Forecast_OtherOrganisation_Returns404()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        using var northfield = await app.CreateApiClientAsync(DemoUsers.NorthfieldSecretary);

        using var response = await northfield.GetAsync($"{meeting.Url}/forecast");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [DatabaseFact]
    public async Task ResolveInquorate_Member_Returns403()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);

        using var response = await member.PostJsonAsync($"{meeting.ItemUrl}/inquorate", new { action = InquorateAction.Defer, detail = "x" });

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}

public sealed class PostgresInquorateAndForecastTests(PostgresAppFixture app) : InquorateAndForecastTests(app), IClassFixture<PostgresAppFixture>;

public sealed class SqliteInquorateAndForecastTests(SqliteAppFixture app) : InquorateAndForecastTests(app), IClassFixture<SqliteAppFixture>;
