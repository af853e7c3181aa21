using System.Net;
using System.Text.Json;
using CoCommissioning.Domain.Interests;
using CoCommissioning.Domain.Organisations;
using CoCommissioning.Web.Features.Breaches;
using CoCommissioning.Web.Features.Procurement;
using CoCommissioning.Web.Tests.Infrastructure;

namespace CoCommissioning.Web.Tests.Api.Input;

/// <summary>
/// Issue 12: the same create sent twice (a double-click, a client retrying) makes one record; the second answer is a
/// 409 naming the record the first made. On both providers.
/// </summary>
public abstract class DuplicateCreateTests(AppFixture app)
{
    private static readonly string[] MemberRoleOnly = ["Member"];

    protected AppFixture App { get; } = app;

    [DatabaseFact]
    public async Task ScheduleMeeting_SameBodyTwice_SecondIs409NamingTheFirst()
    {
        using var secretary = await App.CreateApiClientAsync(DemoUsers.Secretary);
        var committee = await secretary.CreateCommitteeAsync();
        var body = new { title = ApiScenario.UniqueName("Double-clicked meeting"), startsAt = new DateTimeOffset(2031, 3, 4, 14, 0, 0, TimeSpan.Zero) };

        using var first = await secretary.PostJsonAsync($"/api/committees/{committee.Id}/meetings?standingItems=false", body);
        using var second = await secretary.PostJsonAsync($"/api/committees/{committee.Id}/meetings?standingItems=false", body);

        var created = await first.ReadJsonAsync<JsonElement>(HttpStatusCode.Created);
        await ShouldNameAsync(second, created.GetProperty("id").GetGuid());
    }

    [DatabaseFact]
    public async Task ScheduleMeeting_SameTitleAnotherTime_IsAnotherMeeting()
    {
        using var secretary = await App.CreateApiClientAsync(DemoUsers.Secretary);
        var committee = await secretary.CreateCommitteeAsync();
        var title = ApiScenario.UniqueName("Monthly meeting");

        using var march = await secretary.PostJsonAsync($"/api/committees/{committee.Id}/meetings?standingItems=false", new { title, startsAt = new DateTimeOffset(2031, 3, 4, 14, 0, 0, TimeSpan.Zero) });
        using var april = await secretary.PostJsonAsync($"/api/committees/{committee.Id}/meetings?standingItems=false", new { title, startsAt = new DateTimeOffset(2031, 4, 1, 14, 0, 0, TimeSpan.Zero) });

        march.StatusCode.Should().Be(HttpStatusCode.Created);
        april.StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [DatabaseFact]
    public async Task DeclareGift_SameOfferTwice_SecondIs409NamingTheFirst()
    {
        using var member = await App.CreateApiClientAsync(DemoUsers.Member);
        var offer = GiftTests.Offer(ApiScenario.UniqueName("Twice"), 20m);

        using var first = await member.PostJsonAsync("/api/gifts", offer);
        using var second = await member.PostJsonAsync("/api/gifts", offer);

        var created = await first.ReadJsonAsync<JsonElement>(HttpStatusCode.Created);
        await ShouldNameAsync(second, created.GetProperty("id").GetGuid());
    }

    [DatabaseFact]
    public async Task RaiseAction_SameActionTwice_SecondIs409NamingTheFirst()
    {
        using var scenario = await MeetingScenario.StartAsync(App);
        var owner = await scenario.Secretary.PersonNamedAsync(DemoUsers.SecretaryName);
        var body = new { description = ApiScenario.UniqueName("Circulate the paper"), ownerPersonId = owner.Id, itemId = scenario.ItemId };

        using var first = await scenario.Secretary.PostJsonAsync($"/api/meetings/{scenario.MeetingId}/actions", body);
        using var second = await scenario.Secretary.PostJsonAsync($"/api/meetings/{scenario.MeetingId}/actions", body);

        var created = await first.ReadJsonAsync<JsonElement>(HttpStatusCode.Created);
        await ShouldNameAsync(second, created.GetProperty("id").GetGuid());
    }

    [DatabaseFact]
    public async Task DeclareInterest_SameInterestWithANewOrganisationTwice_SecondIs409_AndTheOrganisationIsAddedOnce()
    {
        using var member = await App.CreateApiClientAsync(DemoUsers.Member);
        var bodyName = ApiScenario.UniqueName("Double-clicked Surgery");
        var body = new { category = InterestCategory.Financial, isDirect = true, nature = ApiScenario.UniqueName("Partner"), from = ApiScenario.Today, newBodyName = bodyName, newBodyKind = BodyKind.GpPractice };

        using var first = await member.PostJsonAsync("/api/declarations", body);
        using var second = await member.PostJsonAsync("/api/declarations", body);

        var created = await first.ReadJsonAsync<JsonElement>(HttpStatusCode.Created);
        await ShouldNameAsync(second, created.GetProperty("id").GetGuid());
        var bodies = await member.GetJsonAsync<JsonElement>("/api/bodies");
        bodies.EnumerateArray().Count(b => b.GetProperty("name").GetString() == bodyName).Should().Be(1);
    }

    [DatabaseFact]
    public async Task DeclareInterest_SameNatureFromAnotherDate_IsAnotherDeclaration()
    {
        using var member = await App.CreateApiClientAsync(DemoUsers.Member);
        var nature = ApiScenario.UniqueName("Shareholding");

        using var first = await member.PostJsonAsync("/api/declarations", new { category = InterestCategory.Financial, isDirect = true, nature, from = ApiScenario.Today.AddDays(-30) });
        using var second = await member.PostJsonAsync("/api/declarations", new { category = InterestCategory.Financial, isDirect = true, nature, from = ApiScenario.Today });

        first.StatusCode.Should().Be(HttpStatusCode.Created);
        second.StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [DatabaseFact]
    public async Task NilReturn_Twice_SecondIs409NamingTheFirst()
    {
        // A person of their own: a nil return needs someone with no interests in the register.
        using var admin = await App.CreateApiClientAsync(DemoUsers.Admin);
        var email = $"nil-twice-{Guid.NewGuid():N}@example-ccg.nhs.uk";
        using var added = await admin.PostJsonAsync("/api/people", new { fullName = ApiScenario.UniqueName("Nil Twice"), email, jobTitle = "GP", isDecisionMakingStaff = false });
        var person = await added.ReadJsonAsync<JsonElement>(HttpStatusCode.Created);
        const string password = "Nil-Twice-Password-2026";
        using var user = await admin.PostJsonAsync("/api/admin/users", new { email, displayName = "Nil Twice", password, personId = person.GetProperty("id").GetGuid(), roles = MemberRoleOnly });
        user.IsSuccessStatusCode.Should().BeTrue(await user.Content.ReadAsStringAsync());
        using var nobody = App.CreateBearerClient(await App.CreateTokenAsync(email, password));

        using var first = await nobody.PostJsonAsync("/api/declarations/nil-return", new { });
        using var second = await nobody.PostJsonAsync("/api/declarations/nil-return", new { });

        var created = await first.ReadJsonAsync<JsonElement>(HttpStatusCode.Created);
        await ShouldNameAsync(second, created.GetProperty("id").GetGuid());
    }

    [DatabaseFact]
    public async Task AddPerson_SameNameEmailAndJobTitleTwice_SecondIs409_ButTheSameNameElsewhereIsAnotherPerson()
    {
        using var governance = await App.CreateApiClientAsync(DemoUsers.Governance);
        var name = ApiScenario.UniqueName("Dr Sam Double");
        var body = new { fullName = name, email = $"{Guid.NewGuid():N}@example-ccg.nhs.uk", jobTitle = "GP partner", isDecisionMakingStaff = true };

        using var first = await governance.PostJsonAsync("/api/people", body);
        using var second = await governance.PostJsonAsync("/api/people", body);
        using var namesake = await governance.PostJsonAsync("/api/people", body with { email = $"{Guid.NewGuid():N}@example-ccg.nhs.uk" });

        var created = await first.ReadJsonAsync<JsonElement>(HttpStatusCode.Created);
        await ShouldNameAsync(second, created.GetProperty("id").GetGuid());
        namesake.StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [DatabaseFact]
    public async Task RecordBreach_SameBreachTwice_SecondIs409NamingTheFirst()
    {
        using var governance = await App.CreateApiClientAsync(DemoUsers.Governance);
        var body = new BreachRequest(ApiScenario.Today.AddDays(-1), null, ApiScenario.UniqueName("Vote taken by a conflicted member"), null, "A member voted while conflicted.", "The decision was retaken.");

        using var first = await governance.PostJsonAsync("/api/breaches", body);
        using var second = await governance.PostJsonAsync("/api/breaches", body);

        var created = await first.ReadJsonAsync<JsonElement>(HttpStatusCode.Created);
        await ShouldNameAsync(second, created.GetProperty("id").GetGuid());
    }

    [DatabaseFact]
    public async Task RecordProcurementDecision_SameAwardTwice_SecondIs409NamingTheFirst()
    {
        using var governance = await App.CreateApiClientAsync(DemoUsers.Governance);
        var body = new ProcurementRequest(ApiScenario.UniqueName("Extended access award"), ApiScenario.Today.AddDays(-3), "Extended access", ProcurementRoute.DirectAwardA,
            120_000m, null, null, null, null, "Acme Health", ApiScenario.Today, ApiScenario.Today.AddYears(2)) { Psr = new PsrDetails { CpvCode = "85121000-3", ProviderAddress = "1 High Street, Riverside RV1 1AA" } };

        using var first = await governance.PostJsonAsync("/api/procurement-decisions", body);
        using var second = await governance.PostJsonAsync("/api/procurement-decisions", body);

        var created = await first.ReadJsonAsync<JsonElement>(HttpStatusCode.Created);
        await ShouldNameAsync(second, created.GetProperty("id").GetGuid());
    }

    [DatabaseFact]
    public async Task AddAgendaItem_SameVersionTwice_SecondIsAConflict()
    {
        // Already caught by the meeting's version: the first add changes it, so the second is a lost race.
        using var scenario = await MeetingScenario.StartAsync(App);
        var meeting = await scenario.Secretary.GetJsonAsync<JsonElement>($"/api/meetings/{scenario.MeetingId}");
        var body = new { title = "Any other business", purpose = "Information", isPrivate = false, version = meeting.GetProperty("version").GetGuid() };

        using var first = await scenario.Secretary.PostJsonAsync($"/api/meetings/{scenario.MeetingId}/items", body);
        using var second = await scenario.Secretary.PostJsonAsync($"/api/meetings/{scenario.MeetingId}/items", body);

        first.IsSuccessStatusCode.Should().BeTrue(await first.Content.ReadAsStringAsync());
        second.StatusCode.Should().Be(HttpStatusCode.Conflict, await second.Content.ReadAsStringAsync());
    }

    protected static async Task ShouldNameAsync(HttpResponseMessage duplicate, Guid existingId)
    {
        var problem = await duplicate.ReadProblemAsync(HttpStatusCode.Conflict);
        problem.GetProperty("title").GetString().Should().Be("Already recorded");
        problem.GetProperty("existingId").GetGuid().Should().Be(existingId);
    }
}

public sealed class PostgresDuplicateCreateTests(PostgresAppFixture app) : DuplicateCreateTests(app), IClassFixture<PostgresAppFixture>
{
    [DatabaseFact]
    public async Task ScheduleMeeting_SameBodyAtOnceOnTwoAppInstances_MakesOneMeeting()
    {
        // A second app on the same database: the only state the two share is PostgreSQL, as in a scaled-out deployment.
        await using var other = new CoWebFactory(App.Factory.Database);
        using var here = await App.CreateApiClientAsync(DemoUsers.Secretary);
        var committee = await here.CreateCommitteeAsync();
        var token = here.DefaultRequestHeaders.Authorization!.Parameter!;
        using var there = other.CreateClient();
        there.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var body = new { title = ApiScenario.UniqueName("Clicked six times"), startsAt = new DateTimeOffset(2031, 5, 6, 10, 0, 0, TimeSpan.Zero) };

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => (i % 2 == 0 ? here : there).PostJsonAsync($"/api/committees/{committee.Id}/meetings?standingItems=false", body)));

        try
        {
            responses.Select(r => r.StatusCode).Should().ContainSingle(s => s == HttpStatusCode.Created)
                .And.AllSatisfy(s => s.Should().BeOneOf(HttpStatusCode.Created, HttpStatusCode.Conflict));
            var created = await responses.Single(r => r.StatusCode == HttpStatusCode.Created).ReadJsonAsync<JsonElement>(HttpStatusCode.Created);
            foreach (var duplicate in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
            {
                await ShouldNameAsync(duplicate, created.GetProperty("id").GetGuid());
            }
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
    }
}

public sealed class SqliteDuplicateCreateTests(SqliteAppFixture app) : DuplicateCreateTests(app), IClassFixture<SqliteAppFixture>;
