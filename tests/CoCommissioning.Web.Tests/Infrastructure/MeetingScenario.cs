using System.Net;
using CoCommissioning.Domain.Decisions;
using CoCommissioning.Domain.Meetings;
using CoCommissioning.Domain.Quorum;
using CoCommissioning.Web.Features.Audit;
using CoCommissioning.Web.Features.Committees;
using CoCommissioning.Web.Features.Decisions;
using CoCommissioning.Web.Features.Meetings;
using FluentAssertions.Equivalency;

namespace CoCommissioning.Web.Tests.Infrastructure;

/// <summary>
/// A fresh meeting of the seeded PCCC with one decision item, driven through the API as the secretary (as the
/// lead's hand-run scenario does). Each test starts its own, so tests never share a meeting. It keeps the
/// meeting's latest version, so every change sends the version it last saw.
/// <para>
/// The seeded ToR (site 4): four voting members present, including the Chief Officer (Rachel Adams) or the CFO
/// (Mark Benson, whose named deputy is Lucy Price), and two of the lay members, nurse or consultant (Helen Carter,
/// chair; David Okafor, vice chair; Sarah Whitfield; Dr James Morton). Deputies count and may vote; the person
/// presiding has a casting vote; majority of votes cast; co-option allowed.
/// </para>
/// </summary>
public sealed class MeetingScenario : IDisposable
{
    public const string Chair = "Helen Carter";
    public const string ViceChair = "David Okafor";
    public const string Nurse = "Sarah Whitfield";
    public const string Gp = "Dr Aisha Rahman";
    public const string ChiefOfficer = "Rachel Adams";
    public const string ChiefFinanceOfficer = "Mark Benson";
    public const string Deputy = "Lucy Price";
    public const string Resolution = "Approve the merger of Riverside Surgery and Northgate Medical Practice.";

    private MeetingScenario(HttpClient secretary, Guid committeeId, IReadOnlyDictionary<string, MembershipDto> members, MeetingDto meeting)
    {
        Secretary = secretary;
        CommitteeId = committeeId;
        Members = members;
        Meeting = meeting;
    }

    public HttpClient Secretary { get; }

    public Guid CommitteeId { get; }

    /// <summary>The PCCC's current memberships by the member's name.</summary>
    public IReadOnlyDictionary<string, MembershipDto> Members { get; }

    /// <summary>The meeting as the last successful change returned it.</summary>
    public MeetingDto Meeting { get; set; }

    public Guid MeetingId => Meeting.Id;

    /// <summary>The first agenda item (a decision item).</summary>
    // The scenario's own item, not the agenda's first: a new meeting starts with the committee's standing items (ADR-0018).
    public Guid ItemId => Meeting.Items.First(i => i.Standing == StandingItem.None).Id;

    public string Url => $"/api/meetings/{MeetingId}";

    public string ItemUrl => $"{Url}/items/{ItemId}";

    /// <summary>Schedules a meeting (starting now) of the seeded PCCC and adds one decision item, as the demo secretary.</summary>
    /// <param name="standingItems">Whether the agenda starts with the committee's standing items (ADR-0018); the scenarios
    /// written before templates leave them out, so their item is item 1.</param>
    public static async Task<MeetingScenario> StartAsync(AppFixture app, DateTimeOffset? startsAt = null, bool standingItems = false)
    {
        var secretary = await app.CreateApiClientAsync(DemoUsers.Secretary);
        try
        {
            return await StartAsync(secretary, startsAt ?? DateTimeOffset.UtcNow, standingItems);
        }
        catch
        {
            secretary.Dispose();
            throw;
        }
    }

    public void Dispose() => Secretary.Dispose();

    /// <summary>As <see cref="StartAsync(AppFixture, DateTimeOffset?)"/>, through a secretary's client of another host of the app; the scenario disposes it.</summary>
    public static async Task<MeetingScenario> StartAsync(HttpClient secretary, DateTimeOffset startsAt, bool standingItems = false)
    {
        var summary = await secretary.TheOnlySeededCommitteeAsync();
        var committee = await secretary.GetJsonAsync<CommitteeDto>($"/api/committees/{summary.Id}");
        var members = committee.Memberships.Where(m => m.IsCurrent).ToDictionary(m => m.PersonName);
        using var scheduled = await secretary.PostJsonAsync($"/api/committees/{summary.Id}/meetings?standingItems={(standingItems ? "true" : "false")}", new { title = ApiScenario.UniqueName("PCCC test meeting"), startsAt });
        var meeting = await scheduled.ReadJsonAsync<MeetingDto>(HttpStatusCode.Created);
        var scenario = new MeetingScenario(secretary, summary.Id, members, meeting);
        await scenario.ChangeAsync("items", new { title = "Merger of Riverside and Northgate", purpose = ItemPurpose.Decision, isPrivate = false, version = meeting.Version });
        return scenario;
    }

    public Guid Id(string name) => Members[name].Id;

    /// <summary>The item's own version as last seen (the first item unless <paramref name="itemId"/> says): what changes at an item send.</summary>
    public Guid ItemVersion(Guid? itemId = null) => Meeting.Items.Single(i => i.Id == (itemId ?? ItemId)).Version;

    /// <summary>Records the arrival of each member named, in person.</summary>
    public async Task ArriveAsync(params string[] names)
    {
        foreach (var name in names)
        {
            await ChangeAsync("arrivals", new { membershipId = Id(name), deputy = false, version = Meeting.Version });
        }
    }

    /// <summary>Records the arrival of the named deputy of <paramref name="member"/> in their place.</summary>
    public Task DeputyArrivesForAsync(string member) =>
        ChangeAsync("arrivals", new { membershipId = Id(member), deputy = true, version = Meeting.Version });

    public Task LeaveAsync(string name) =>
        ChangeAsync("departures", new { membershipId = Id(name), deputy = false, version = Meeting.Version });

    /// <summary>Records the ruling on <paramref name="member"/>'s conflict for the item (the first unless <paramref name="itemId"/> says), made by <paramref name="ruledBy"/>.</summary>
    public Task RuleAsync(string member, ConflictRuling ruling, string ruledBy = Chair, Guid? itemId = null) =>
        ChangeAsync($"items/{itemId ?? ItemId}/rulings", new { membershipId = Id(member), interest = "Spouse is a partner at Riverside Surgery", ruling, ruledByMembershipId = Id(ruledBy), version = ItemVersion(itemId) });

    public object[] Votes(params (string Name, VoteChoice Choice)[] votes) =>
        [.. votes.Select(v => new { membershipId = Id(v.Name), choice = v.Choice })];

    public object[] AllFor(params string[] names) => Votes([.. names.Select(n => (n, VoteChoice.For))]);

    /// <summary>Adds another decision item and returns its id.</summary>
    public async Task<Guid> AddItemAsync(string title)
    {
        await ChangeAsync("items", new { title, purpose = ItemPurpose.Decision, isPrivate = false, version = Meeting.Version });
        return Meeting.Items.Single(i => i.Title == title).Id;
    }

    /// <summary>Adds a decision item in the private part of the meeting and returns its id.</summary>
    public async Task<Guid> AddPrivateItemAsync(string title)
    {
        await ChangeAsync("items", new { title, purpose = ItemPurpose.Decision, isPrivate = true, version = Meeting.Version });
        return Meeting.Items.Single(i => i.Title == title).Id;
    }

    /// <summary>Adds a decision item affecting the bodies named (by id) and returns its id.</summary>
    public async Task<Guid> AddItemAffectingAsync(string title, params Guid[] bodyIds)
    {
        await ChangeAsync("items", new { title, purpose = ItemPurpose.Decision, isPrivate = false, version = Meeting.Version, affectedBodyIds = bodyIds });
        return Meeting.Items.Single(i => i.Title == title).Id;
    }

    /// <summary>POSTs a vote on the item (the first unless <paramref name="itemId"/> says); the caller reads the answer.</summary>
    public Task<HttpResponseMessage> PostVoteAsync(object[] votes, VoteChoice? castingVote = null, HttpClient? client = null, string resolution = Resolution, Guid? itemId = null) =>
        (client ?? Secretary).PostJsonAsync($"{Url}/items/{itemId ?? ItemId}/votes", new { resolution, votes, castingVote });

    public Task<ItemStatusDto> StatusAsync() => Secretary.GetJsonAsync<ItemStatusDto>($"{ItemUrl}/status");

    public Task<List<DecisionDto>> DecisionsAsync() => Secretary.GetJsonAsync<List<DecisionDto>>($"{Url}/decisions");

    /// <summary>Moves the meeting to the item (the first unless <paramref name="itemId"/> says).</summary>
    public Task TakeItemAsync(Guid? itemId = null) =>
        ChangeAsync("current-item", new { itemId = itemId ?? ItemId, version = Meeting.Version });

    /// <summary>The secretary records <paramref name="member"/>'s declaration on the item (the first unless <paramref name="itemId"/> says).</summary>
    public Task DeclareAsync(string member, string interest = "Spouse is a partner at Riverside Surgery", Guid? itemId = null, string? raisedBy = null) =>
        ChangeAsync("declarations", new { membershipId = Id(member), itemId = itemId ?? ItemId, interest, raisedBy, version = ItemVersion(itemId) });

    /// <summary>The likely conflicts the register flags on the item (the first unless <paramref name="itemId"/> says), as the secretary's pack shows them.</summary>
    public async Task<List<PreFlagDto>> LikelyConflictsAsync(Guid? itemId = null) =>
        [.. (await Secretary.GetJsonAsync<List<PreFlagDto>>($"{Url}/pre-flags")).Where(f => f.ItemId == (itemId ?? ItemId))];

    /// <summary>The secretary records, on the presiding person's behalf, the dismissal of every open likely conflict on the item.</summary>
    public async Task DismissLikelyConflictsAsync(Guid? itemId = null, string reason = "Not relevant: the interest ended before this contract was let.", string ruledBy = Chair)
    {
        foreach (var flag in (await LikelyConflictsAsync(itemId)).Where(f => f.AtMeeting == PreFlagStatus.Open))
        {
            await ChangeAsync($"items/{itemId ?? ItemId}/likely-conflicts/dismiss", new { membershipId = flag.MembershipId, declarationId = flag.DeclarationId, reason, ruledByMembershipId = Id(ruledBy), version = ItemVersion(itemId) });
        }
    }

    /// <summary>The console's read of the meeting now, as <paramref name="client"/> (the secretary unless given) sees it.</summary>
    public Task<MeetingConsoleDto> ConsoleAsync(HttpClient? client = null) => (client ?? Secretary).GetJsonAsync<MeetingConsoleDto>($"{Url}/console");

    /// <summary>Re-reads the meeting so the next change sends its latest version (after a change made by another client).</summary>
    public async Task RefreshAsync() => Meeting = await Secretary.GetJsonAsync<MeetingDto>(Url);

    /// <summary>Keeps a meeting another call returned (a change sent without <see cref="ChangeAsync"/>).</summary>
    public void ChangeFrom(MeetingDto meeting) => Meeting = meeting;

    /// <summary>POSTs a change to the meeting as the secretary and keeps the answer.</summary>
    public async Task ChangeAsync(string path, object body)
    {
        using var response = await Secretary.PostJsonAsync($"{Url}/{path}", body);
        Meeting = await response.ReadJsonAsync<MeetingDto>(HttpStatusCode.OK);
    }
}

/// <summary>How many decisions and votes the audit trail holds: a refused decision must add to neither.</summary>
public sealed record DecisionAuditCount(int Decisions, int Votes)
{
    public static async Task<DecisionAuditCount> ReadAsync(AppFixture app)
    {
        using var governance = await app.CreateApiClientAsync(DemoUsers.Governance);
        var decisions = await governance.GetJsonAsync<AuditPageDto>($"/api/audit?recordType={nameof(Decision)}&pageSize=1");
        var votes = await governance.GetJsonAsync<AuditPageDto>($"/api/audit?recordType={nameof(VoteRecord)}&pageSize=1");
        return new DecisionAuditCount(decisions.Total, votes.Total);
    }
}

/// <summary>
/// PostgreSQL keeps times to the microsecond, but a 201 or 200 answer to a change echoes the in-memory value with
/// .NET's 100 ns ticks, so a re-read can differ below a microsecond (see the report on DecisionService/MeetingService).
/// </summary>
public static class StoredPrecision
{
    public static EquivalencyAssertionOptions<T> ToTheMicrosecond<T>(this EquivalencyAssertionOptions<T> options) =>
        options.Using<DateTimeOffset>(ctx => ctx.Subject.Should().BeCloseTo(ctx.Expectation, TimeSpan.FromMicroseconds(1))).WhenTypeIs<DateTimeOffset>();
}
