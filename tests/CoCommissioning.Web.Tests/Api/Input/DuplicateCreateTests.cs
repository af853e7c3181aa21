using System.Net;
using System.Text.Json;
using CoCommissioning.Web.Tests.Infrastructure;

namespace CoCommissioning.Web.Tests.Api.Input;

/// <summary>
/// Issue 12: the same create sent twice (a double-click, a client retrying) makes one record; the second answer is a
/// 409 naming the record the first made. On both providers.
/// </summary>
public abstract class DuplicateCreateTests(AppFixture app)
{
    protected AppFixture App { get; } = app;

    [Fact]
    public async Task ScheduleMeeting_SameBodyTwice_SecondIs409NamingTheFirst()
    {
        using var secretary = await App.CreateApiClientAsync(DemoUsers.Secretary);
        var committee = await secretary.CreateCommitteeAsync();
        var body = new { title = ApiScenario.UniqueName("Double-clicked meeting"), startsAt = new DateTimeOffset(2031, 3, 4, 14, 0, 0, TimeSpan.Zero) };

        using var first = await secretary.PostJsonAsync($"/api/committees/{committee.Id}/meetings", body);
        using var second = await secretary.PostJsonAsync($"/api/committees/{committee.Id}/meetings", body);

        var created = await first.ReadJsonAsync<JsonElement>(HttpStatusCode.Created);
        await ShouldNameAsync(second, created.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task ScheduleMeeting_SameTitleAnotherTime_IsAnotherMeeting()
    {
        using var secretary = await App.CreateApiClientAsync(DemoUsers.Secretary);
        var committee = await secretary.CreateCommitteeAsync();
        var title = ApiScenario.UniqueName("Monthly meeting");

        using var march = await secretary.PostJsonAsync($"/api/committees/{committee.Id}/meetings", new { title, startsAt = new DateTimeOffset(2031, 3, 4, 14, 0, 0, TimeSpan.Zero) });
        using var april = await secretary.PostJsonAsync($"/api/committees/{committee.Id}/meetings", new { title, startsAt = new DateTimeOffset(2031, 4, 1, 14, 0, 0, TimeSpan.Zero) });

        march.StatusCode.Should().Be(HttpStatusCode.Created);
        april.StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task DeclareGift_SameOfferTwice_SecondIs409NamingTheFirst()
    {
        using var member = await App.CreateApiClientAsync(DemoUsers.Member);
        var offer = GiftTests.Offer(ApiScenario.UniqueName("Twice"), 20m);

        using var first = await member.PostJsonAsync("/api/gifts", offer);
        using var second = await member.PostJsonAsync("/api/gifts", offer);

        var created = await first.ReadJsonAsync<JsonElement>(HttpStatusCode.Created);
        await ShouldNameAsync(second, created.GetProperty("id").GetGuid());
    }

    [Fact]
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

    [Fact]
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
    [Fact]
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

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => (i % 2 == 0 ? here : there).PostJsonAsync($"/api/committees/{committee.Id}/meetings", body)));

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
