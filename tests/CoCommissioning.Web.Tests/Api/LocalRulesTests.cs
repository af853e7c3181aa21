using System.Net;
using CoCommissioning.Domain.Interests;
using CoCommissioning.Domain.Meetings;
using CoCommissioning.Domain.Organisations;
using CoCommissioning.Web.Features.Breaches;
using CoCommissioning.Web.Features.LocalRules;
using CoCommissioning.Web.Features.PublicMeetings;
using CoCommissioning.Web.Features.PublicRegisters;
using CoCommissioning.Web.Tests.Infrastructure;

namespace CoCommissioning.Web.Tests.Api;

/// <summary>
/// Local rules through HTTP (ADR-0025), on both providers. One test changes Example CCG's rules (a version from
/// today); the others change nothing, or only Northfield's reads.
/// </summary>
public abstract class LocalRulesTests(AppFixture app)
{
    private static DateOnly Today => ApiScenario.Today;

    [DatabaseFact]
    public async Task RuleChange_DatedToday_PastRecordsKeepTheOldRuleAndNewOnesFollowTheNew()
    {
        using var governance = await app.CreateApiClientAsync(DemoUsers.Governance);
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);
        using var anonymous = app.CreateAnonymousClient();
        var before = await governance.GetJsonAsync<CurrentLocalRulesDto>("/api/local-rules");
        before.InForce.Rules.Should().Be(LocalRulesDto.From(LocalRules.Defaults));
        before.InForce.FromTheBeginning.Should().BeTrue();

        // A breach identified yesterday, while breaches were published.
        var run = ApiScenario.UniqueName("Rules");
        using (var breach = await governance.PostJsonAsync("/api/breaches", new BreachRequest(Today.AddDays(-1), Today.AddDays(-3), $"Undeclared interest {run}", null, $"Published {run}", "Reviewed.")))
        {
            breach.StatusCode.Should().Be(HttpStatusCode.Created);
        }

        using var saved = await governance.PutJsonAsync("/api/local-rules", Request(before.Version, hospitalityFrom: 40m, notice: NoticePeriod.SevenDays, breachesPublished: false));
        var after = await saved.ReadJsonAsync<CurrentLocalRulesDto>(HttpStatusCode.OK);
        after.InForce.EffectiveFrom.Should().Be(Today);
        after.InForce.Rules.HospitalityDeclarationFrom.Should().Be(40m);
        after.InForce.Rules.AgendaNoticeText.Should().Be("seven days");

        // History: the defaults from the beginning, until yesterday; the new rules from today.
        var history = await governance.GetJsonAsync<List<LocalRulesVersionDto>>("/api/local-rules/history");
        history.Select(v => (v.EffectiveFrom, v.EffectiveUntil, v.Rules.HospitalityDeclarationFrom)).Should().Equal(
            (LocalRulesVersion.Beginning, Today.AddDays(-1), 25m), (Today, (DateOnly?)null, 40m));
        (await governance.GetJsonAsync<LocalRulesOnDateDto>($"/api/local-rules/on/{Today.AddDays(-1):yyyy-MM-dd}")).Version.Rules.HospitalityDeclarationFrom.Should().Be(25m);
        (await governance.GetJsonAsync<LocalRulesOnDateDto>($"/api/local-rules/on/{Today:yyyy-MM-dd}")).Version.Rules.HospitalityDeclarationFrom.Should().Be(40m);

        // Gifts: £30 of hospitality yesterday is judged by the old £25 limit, today by the new £40 one.
        (await GiftTests.AdviceAsync(member, GiftTests.Offer(run, 30m, OfferKind.Hospitality, offeredOn: Today.AddDays(-1)))).Advice.Should().Be(OfferAdvice.MayAcceptAndDeclare);
        (await GiftTests.AdviceAsync(member, GiftTests.Offer(run, 30m, OfferKind.Hospitality, offeredOn: Today))).Advice.Should().Be(OfferAdvice.MayAcceptWithoutDeclaring);

        // Breaches: yesterday's stays public (published then); one identified today is internal only.
        using (var breach = await governance.PostJsonAsync("/api/breaches", new BreachRequest(Today, Today.AddDays(-3), $"Undeclared interest {run}", null, $"Internal {run}", "Reviewed.")))
        {
            breach.StatusCode.Should().Be(HttpStatusCode.Created);
        }

        var publicBreaches = await anonymous.GetJsonAsync<List<PublicBreachRow>>($"/api/public/organisations/example-ccg/registers/breaches?q={run}");
        publicBreaches.Select(b => b.PublicSummary).Should().Equal($"Published {run}");

        // Meetings: the public page states the period in force on the meeting date.
        var meetings = await anonymous.GetJsonAsync<PublicMeetingsDto>("/api/public/organisations/example-ccg/meetings");
        if (meetings.Meetings.FirstOrDefault(m => m.StartsAt > DateTimeOffset.UtcNow.AddDays(1)) is { } next)
        {
            (await anonymous.GetJsonAsync<PublicMeetingDto>($"/api/public/organisations/example-ccg/meetings/{next.Id}")).NoticePeriod.Should().Be("seven days");
        }

        // Agendas: a meeting five days away is short notice under seven days, so publishing asks for a reason.
        using var meeting = await MeetingScenario.StartAsync(app, DateTimeOffset.UtcNow.AddDays(5));
        using (var refused = await meeting.Secretary.PostJsonAsync($"{meeting.Url}/agenda/publish", new { version = meeting.Meeting.Version }))
        {
            (await refused.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("shortNoticeReason").Should().NotBeEmpty("seven days' notice is the rule in force");
        }

        // A stale version is refused; a correction on the same day needs the current version.
        using var stale = await governance.PutJsonAsync("/api/local-rules", Request(before.Version, hospitalityFrom: 45m));
        await stale.ReadProblemAsync(HttpStatusCode.Conflict);
        using var corrected = await governance.PutJsonAsync("/api/local-rules", Request(after.Version, hospitalityFrom: 45m, breachesPublished: true));
        (await corrected.ReadJsonAsync<CurrentLocalRulesDto>(HttpStatusCode.OK)).InForce.Rules.HospitalityDeclarationFrom.Should().Be(45m);
        (await anonymous.GetJsonAsync<List<PublicBreachRow>>($"/api/public/organisations/example-ccg/registers/breaches?q={run}")).Should().HaveCount(2);

        // Back to three clear days (the correction's notice), the same agenda publishes without a reason.
        await meeting.ChangeAsync("agenda/publish", new { version = meeting.Meeting.Version });
        meeting.Meeting.AgendaPublishedAt.Should().NotBeNull();
        meeting.Meeting.ShortNoticeReason.Should().BeNull();

        // Northfield's rules are its own.
        using var northfield = await app.CreateApiClientAsync(DemoUsers.NorthfieldSecretary);
        using var northfieldRules = await northfield.GetAsync("/api/local-rules");
        northfieldRules.StatusCode.Should().Be(HttpStatusCode.Forbidden, "a committee secretary is not a governance lead");
    }

    [DatabaseFact]
    public async Task Save_InThePast_Returns400EffectiveFromAndSavesNothing()
    {
        using var governance = await app.CreateApiClientAsync(DemoUsers.Governance);
        var current = await governance.GetJsonAsync<CurrentLocalRulesDto>("/api/local-rules");

        using var response = await governance.PutJsonAsync("/api/local-rules", Request(current.Version, effectiveFrom: Today.AddDays(-1)) with { CycleWindowDays = 0 });

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        problem.ErrorsFor("effectiveFrom").Should().NotBeEmpty();
        problem.ErrorsFor("cycleWindowDays").Should().NotBeEmpty();
    }

    [DatabaseTheory]
    [InlineData("GET", "/api/local-rules")]
    [InlineData("GET", "/api/local-rules/history")]
    [InlineData("GET", "/api/local-rules/on/2026-01-01")]
    [InlineData("PUT", "/api/local-rules")]
    public async Task Member_Returns403(string method, string path)
    {
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);

        using var response = method == "PUT" ? await member.PutJsonAsync(path, Request(null)) : await member.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    private static LocalRulesRequest Request(Guid? version, decimal hospitalityFrom = 25m, NoticePeriod notice = NoticePeriod.ThreeClearDays, bool breachesPublished = true, DateOnly? effectiveFrom = null) =>
        new(effectiveFrom ?? Today, 6m, 50m, hospitalityFrom, 75m, 12, DeclarationFrequency.Annual, 28, notice, breachesPublished, version);
}

public sealed class LocalRulesPostgresTests(PostgresAppFixture app) : LocalRulesTests(app), IClassFixture<PostgresAppFixture>;

public sealed class LocalRulesSqliteTests(SqliteAppFixture app) : LocalRulesTests(app), IClassFixture<SqliteAppFixture>;
