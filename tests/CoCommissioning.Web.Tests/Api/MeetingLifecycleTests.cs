using System.Net;
using System.Text.Json;
using CoCommissioning.Domain.Decisions;
using CoCommissioning.Domain.Meetings;
using CoCommissioning.Web.Features.Committees;
using CoCommissioning.Web.Features.Home;
using CoCommissioning.Web.Features.Meetings;
using CoCommissioning.Web.Features.PublicMeetings;
using CoCommissioning.Web.Tests.Infrastructure;
using static CoCommissioning.Web.Tests.Infrastructure.MeetingScenario;

namespace CoCommissioning.Web.Tests.Api;

/// <summary>
/// Issue 13: a meeting's details (date, venue, joining details), cancelling and re-scheduling, closing from the
/// console, per-committee secretaries, and the home summary; on both providers (ADR-0019).
/// </summary>
public abstract class MeetingLifecycleTests(AppFixture app)
{
    private const string Slug = "example-ccg";
    private static readonly string[] SecretaryRole = ["CommitteeSecretary"];

    protected AppFixture App { get; } = app;

    [DatabaseFact]
    public async Task ChangeVenue_IsAuditedAndFollowedByTheCalendarAndPublicPage()
    {
        using var secretary = await App.CreateApiClientAsync(DemoUsers.Secretary);
        var meeting = await ScheduleAsync(secretary, DateTimeOffset.UtcNow.AddDays(30));

        using var changed = await secretary.PutJsonAsync($"/api/meetings/{meeting.Id}/details", new
        {
            startsAt = meeting.StartsAt,
            venueName = "Board Room, Civic Centre",
            venueAddress = "1 High Street, Leeds LS1 1AA",
            joiningLink = "https://teams.example.org/join/pccc",
            joiningInstructions = "Join from 13:50",
            version = meeting.Version,
        });
        var after = await changed.ReadJsonAsync<MeetingDto>(HttpStatusCode.OK);
        using var stale = await secretary.PutJsonAsync($"/api/meetings/{meeting.Id}/details", new { startsAt = meeting.StartsAt, venueName = "Room 9", version = meeting.Version });

        after.Arrangements.Format.Should().Be(MeetingFormat.Hybrid);
        after.Arrangements.Sequence.Should().Be(1);
        await stale.ReadProblemAsync(HttpStatusCode.Conflict);
        using var anonymous = App.CreateAnonymousClient();
        var ics = (await anonymous.GetStringAsync($"/public/{Slug}/meetings.ics")).Replace("\r\n ", "", StringComparison.Ordinal);
        var vevent = EventOf(ics, meeting.Id);
        vevent.Should().Contain("SEQUENCE:1").And.Contain("STATUS:CONFIRMED")
            .And.Contain("LOCATION:Board Room\\, Civic Centre\\, 1 High Street\\, Leeds LS1 1AA\\; online: https://teams.example.org/join/pccc");
        var page = await anonymous.GetStringAsync($"/public/{Slug}/meetings/{meeting.Id}");
        page.Should().Contain("Board Room, Civic Centre, 1 High Street, Leeds LS1 1AA").And.Contain("https://teams.example.org/join/pccc");

        using var governance = await App.CreateApiClientAsync(DemoUsers.Governance);
        var audit = await governance.AuditOfAsync(meeting.Id);
        audit.Entries.Should().Contain(e => e.Action == CoCommissioning.Data.Audit.AuditAction.Update && e.Changes.Contains("Board Room, Civic Centre", StringComparison.Ordinal));
    }

    [DatabaseFact]
    public async Task Details_BadLink_Is400NamingTheField()
    {
        using var secretary = await App.CreateApiClientAsync(DemoUsers.Secretary);
        var meeting = await ScheduleAsync(secretary, DateTimeOffset.UtcNow.AddDays(30));

        using var response = await secretary.PutJsonAsync($"/api/meetings/{meeting.Id}/details", new { startsAt = meeting.StartsAt, joiningLink = "javascript:alert(1)", version = meeting.Version });

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("joiningLink").Should().ContainSingle();
    }

    [DatabaseFact]
    public async Task Cancel_ShownPublicly_CannotBeRun_ThenRescheduled()
    {
        using var secretary = await App.CreateApiClientAsync(DemoUsers.Secretary);
        var meeting = await ScheduleAsync(secretary, DateTimeOffset.UtcNow.AddDays(20));

        using var cancelled = await secretary.PostJsonAsync($"/api/meetings/{meeting.Id}/cancel", new { reason = "The chair is unavailable", version = meeting.Version });
        var after = await cancelled.ReadJsonAsync<MeetingDto>(HttpStatusCode.OK);
        using var anonymous = App.CreateAnonymousClient();
        var list = await anonymous.GetStringAsync($"/public/{Slug}/meetings");
        var page = await anonymous.GetStringAsync($"/public/{Slug}/meetings/{meeting.Id}");
        var ics = (await anonymous.GetStringAsync($"/public/{Slug}/meetings.ics")).Replace("\r\n ", "", StringComparison.Ordinal);
        var committee = await secretary.TheOnlySeededCommitteeAsync();
        var members = (await secretary.GetJsonAsync<CommitteeDto>($"/api/committees/{committee.Id}")).Memberships.Where(m => m.IsCurrent).ToList();
        using var arrival = await secretary.PostJsonAsync($"/api/meetings/{meeting.Id}/arrivals", new { membershipId = members[0].Id, deputy = false, version = after.Version });

        after.Arrangements.CancellationReason.Should().Be("The chair is unavailable");
        list.Should().Contain("Cancelled: The chair is unavailable");
        page.Should().Contain("Cancelled: The chair is unavailable");
        EventOf(ics, meeting.Id).Should().Contain("STATUS:CANCELLED").And.Contain("SEQUENCE:1");
        (await arrival.ReadProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString().Should().Contain("cancelled");

        var newStart = DateTimeOffset.UtcNow.AddDays(40);
        using var rescheduled = await secretary.PostJsonAsync($"/api/meetings/{meeting.Id}/reschedule", new { startsAt = newStart, version = after.Version });
        var back = await rescheduled.ReadJsonAsync<MeetingDto>(HttpStatusCode.OK);
        back.Arrangements.CancelledAt.Should().BeNull();
        back.Arrangements.Sequence.Should().Be(2);
        back.StartsAt.Should().BeCloseTo(newStart, TimeSpan.FromMilliseconds(1));
        EventOf((await anonymous.GetStringAsync($"/public/{Slug}/meetings.ics")).Replace("\r\n ", "", StringComparison.Ordinal), meeting.Id)
            .Should().Contain("STATUS:CONFIRMED").And.Contain("SEQUENCE:2");

        // The committee's members are told of each: the cancellation with its reason, then the new date.
        using var governance = await App.CreateApiClientAsync(DemoUsers.Governance);
        var notices = (await governance.GetJsonAsync<System.Text.Json.JsonElement>($"/api/notices?relatedRecordId={meeting.Id}")).GetProperty("notices").EnumerateArray().ToList();
        notices.Where(n => n.GetProperty("kind").GetString() == "MeetingCancelled").Should().NotBeEmpty()
            .And.AllSatisfy(n => n.GetProperty("body").GetString().Should().Contain("Reason: The chair is unavailable"));
        notices.Where(n => n.GetProperty("kind").GetString() == "MeetingChanged").Should().NotBeEmpty()
            .And.AllSatisfy(n => n.GetProperty("body").GetString().Should().Contain("It now starts on"));
    }

    [DatabaseFact]
    public async Task MoveAfterPublication_WithShortNotice_NeedsAndKeepsAReason()
    {
        using var secretary = await App.CreateApiClientAsync(DemoUsers.Secretary);
        var meeting = await ScheduleAsync(secretary, DateTimeOffset.UtcNow.AddDays(20));
        using var item = await secretary.PostJsonAsync($"/api/meetings/{meeting.Id}/items", new { title = "Access", purpose = ItemPurpose.Information, isPrivate = false, version = meeting.Version });
        meeting = await item.ReadJsonAsync<MeetingDto>(HttpStatusCode.OK);
        using var published = await secretary.PostJsonAsync($"/api/meetings/{meeting.Id}/agenda/publish", new { version = meeting.Version });
        meeting = await published.ReadJsonAsync<MeetingDto>(HttpStatusCode.OK);
        var tomorrow = DateTimeOffset.UtcNow.AddDays(1);

        using var refused = await secretary.PutJsonAsync($"/api/meetings/{meeting.Id}/details", new { startsAt = tomorrow, version = meeting.Version });
        using var accepted = await secretary.PutJsonAsync($"/api/meetings/{meeting.Id}/details", new { startsAt = tomorrow, shortNoticeReason = "Contract deadline", version = meeting.Version });

        (await refused.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("shortNoticeReason").Single().Should().Contain("clear day");
        var moved = await accepted.ReadJsonAsync<MeetingDto>(HttpStatusCode.OK);
        moved.ShortNoticeReason.Should().Be("Contract deadline");
        moved.Arrangements.RescheduledAt.Should().NotBeNull();
    }

    [DatabaseFact]
    public async Task Close_RecordsTheTime_RefusesEveryRecording_MinutesCanBeDrafted()
    {
        using var meeting = await StartAsync(App);
        await meeting.ArriveAsync(Chair, ViceChair, Nurse, ChiefOfficer);
        await meeting.TakeItemAsync();

        await meeting.ChangeAsync("close", new { version = meeting.Meeting.Version });
        var closedAt = meeting.Meeting.Arrangements.ClosedAt;

        closedAt.Should().NotBeNull();
        meeting.Meeting.CurrentItemId.Should().BeNull();
        var console = await meeting.ConsoleAsync();
        console.Meeting.Arrangements.ClosedAt.Should().BeCloseTo(closedAt!.Value, TimeSpan.FromMilliseconds(1));
        var expected = $"The meeting was closed at {CoCommissioning.Domain.Minutes.MinutesGenerator.Clock(closedAt!.Value)}";
        using var arrival = await meeting.Secretary.PostJsonAsync($"{meeting.Url}/arrivals", new { membershipId = meeting.Id(Gp), deputy = false, version = meeting.Meeting.Version });
        using var declaration = await meeting.Secretary.PostJsonAsync($"{meeting.Url}/declarations", new { membershipId = meeting.Id(Gp), itemId = meeting.ItemId, interest = "Partner", version = meeting.ItemVersion() });
        using var vote = await meeting.PostVoteAsync(meeting.AllFor(Chair, ViceChair, Nurse, ChiefOfficer));
        using var outcome = await meeting.Secretary.PostJsonAsync($"{meeting.ItemUrl}/outcome", new { outcome = ItemOutcomeKind.Deferred, note = "Next time", version = meeting.ItemVersion() });
        using var again = await meeting.Secretary.PostJsonAsync($"{meeting.Url}/close", new { version = meeting.Meeting.Version });
        foreach (var refused in new[] { arrival, declaration, vote, outcome, again })
        {
            (await refused.ReadProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString().Should().StartWith(expected);
        }

        using var minutes = await meeting.Secretary.PostJsonAsync($"{meeting.Url}/minutes", new { });
        minutes.StatusCode.Should().Be(HttpStatusCode.OK, await minutes.Content.ReadAsStringAsync());
    }

    [DatabaseFact]
    public async Task Close_ByAMember_Is403()
    {
        using var meeting = await StartAsync(App);
        using var member = await App.CreateApiClientAsync(DemoUsers.Member);

        using var response = await member.PostJsonAsync($"{meeting.Url}/close", new { version = meeting.Meeting.Version });

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [DatabaseFact]
    public async Task AnotherCommitteesSecretary_CannotRunOrChange_ButCanRead_UntilAssigned()
    {
        using var meeting = await StartAsync(App);
        using var admin = await App.CreateApiClientAsync(DemoUsers.Admin);
        var email = $"other-secretary-{Guid.NewGuid():N}@example-ccg.nhs.uk";
        using (var created = await admin.PostJsonAsync("/api/admin/users", new { email, displayName = "Other Secretary", password = DemoUsers.Password, roles = SecretaryRole }))
        {
            created.IsSuccessStatusCode.Should().BeTrue(await created.Content.ReadAsStringAsync());
        }

        using var other = App.CreateBearerClient(await App.CreateTokenAsync(email));
        var ownCommittee = await other.CreateCommitteeAsync();
        using var arrival = await other.PostJsonAsync($"{meeting.Url}/arrivals", new { membershipId = meeting.Id(Chair), deputy = false, version = meeting.Meeting.Version });
        using var item = await other.PostJsonAsync($"{meeting.Url}/items", new { title = "Not mine", purpose = ItemPurpose.Information, isPrivate = false, version = meeting.Meeting.Version });
        using var close = await other.PostJsonAsync($"{meeting.Url}/close", new { version = meeting.Meeting.Version });
        using var schedule = await other.PostJsonAsync($"/api/committees/{meeting.CommitteeId}/meetings", new { title = "Not mine either", startsAt = DateTimeOffset.UtcNow.AddDays(9) });
        using var details = await other.PutJsonAsync($"{meeting.Url}/details", new { startsAt = meeting.Meeting.StartsAt, venueName = "Elsewhere", version = meeting.Meeting.Version });
        using var template = await other.PutJsonAsync($"/api/committees/{meeting.CommitteeId}/agenda-template", new { entries = new[] { new { part = StandingItem.Opening, title = "Not my standing item", purpose = ItemPurpose.Information } }, version = (Guid?)null });
        using var ownMeeting = await other.PostJsonAsync($"/api/committees/{ownCommittee.Id}/meetings", new { title = "Mine", startsAt = DateTimeOffset.UtcNow.AddDays(9) });

        foreach (var refused in new[] { arrival, item, close, schedule, details, template })
        {
            refused.StatusCode.Should().Be(HttpStatusCode.Forbidden, await refused.Content.ReadAsStringAsync());
        }

        ownMeeting.StatusCode.Should().Be(HttpStatusCode.Created, "a secretary who creates a committee keeps it");
        var read = await other.GetJsonAsync<MeetingDto>(meeting.Url);
        var console = await meeting.ConsoleAsync(other);
        read.Id.Should().Be(meeting.MeetingId);
        console.IKeepTheRecord.Should().BeFalse();
        (await meeting.ConsoleAsync()).IKeepTheRecord.Should().BeTrue();

        // Assigned by the governance lead, the other secretary keeps the PCCC too; removed, they only read again.
        var userId = (await other.GetJsonAsync<JsonElement>("/api/me")).GetProperty("userId").GetGuid();
        using var governance = await App.CreateApiClientAsync(DemoUsers.Governance);
        using var member = await App.CreateApiClientAsync(DemoUsers.Member);
        using var byMember = await member.PostJsonAsync($"/api/committees/{meeting.CommitteeId}/secretaries", new { userId });
        using var assigned = await governance.PostJsonAsync($"/api/committees/{meeting.CommitteeId}/secretaries", new { userId });
        using var twice = await governance.PostJsonAsync($"/api/committees/{meeting.CommitteeId}/secretaries", new { userId });
        byMember.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await assigned.ReadJsonAsync<CommitteeSecretariesDto>(HttpStatusCode.OK)).Secretaries.Should().Contain(s => s.UserId == userId);
        twice.StatusCode.Should().Be(HttpStatusCode.Conflict);
        using (var nowAllowed = await other.PostJsonAsync($"{meeting.Url}/arrivals", new { membershipId = meeting.Id(Chair), deputy = false, version = meeting.Meeting.Version }))
        {
            nowAllowed.StatusCode.Should().Be(HttpStatusCode.OK, await nowAllowed.Content.ReadAsStringAsync());
        }

        using var removed = await governance.DeleteAsync($"/api/committees/{meeting.CommitteeId}/secretaries/{userId}");
        removed.StatusCode.Should().Be(HttpStatusCode.OK);
        await meeting.RefreshAsync();
        using var refusedAgain = await other.PostJsonAsync($"{meeting.Url}/departures", new { membershipId = meeting.Id(Chair), deputy = false, version = meeting.Meeting.Version });
        refusedAgain.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [DatabaseFact]
    public async Task Secretaries_OfAnotherOrganisation_AreNotFound()
    {
        using var secretary = await App.CreateApiClientAsync(DemoUsers.Secretary);
        var committee = await secretary.TheOnlySeededCommitteeAsync();
        using var northfield = await App.CreateApiClientAsync(DemoUsers.NorthfieldSecretary);

        using var response = await northfield.GetAsync($"/api/committees/{committee.Id}/secretaries");
        var list = await secretary.GetJsonAsync<CommitteeSecretariesDto>($"/api/committees/{committee.Id}/secretaries");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        list.Secretaries.Should().Contain(s => s.Name == DemoUsers.SecretaryName);
        list.IKeepTheRecord.Should().BeTrue();
        list.ICanAssign.Should().BeFalse();
    }

    [DatabaseFact]
    public async Task Home_TodaysMeeting_LinksEachRoleToItsView()
    {
        using var meeting = await StartAsync(App);
        using var chair = await App.CreateApiClientAsync(DemoUsers.Chair);
        using var member = await App.CreateApiClientAsync(DemoUsers.Member);

        var forSecretary = await meeting.Secretary.GetJsonAsync<HomeSummaryDto>("/api/home");
        var forChair = await chair.GetJsonAsync<HomeSummaryDto>("/api/home");
        var forMember = await member.GetJsonAsync<HomeSummaryDto>("/api/home");

        forSecretary.TodaysMeetings.Single(m => m.MeetingId == meeting.MeetingId).Links[0].Url.Should().Be($"meetings/{meeting.MeetingId}/console");
        forChair.TodaysMeetings.Single(m => m.MeetingId == meeting.MeetingId).Links[0].Url.Should().Be($"meetings/{meeting.MeetingId}/chair");
        forMember.TodaysMeetings.Single(m => m.MeetingId == meeting.MeetingId).Links[0].Url.Should().Be($"meetings/{meeting.MeetingId}/live");
    }

    private static async Task<MeetingDto> ScheduleAsync(HttpClient secretary, DateTimeOffset startsAt)
    {
        var committee = await secretary.TheOnlySeededCommitteeAsync();
        using var scheduled = await secretary.PostJsonAsync($"/api/committees/{committee.Id}/meetings?standingItems=false", new { title = ApiScenario.UniqueName("Lifecycle meeting"), startsAt });
        return await scheduled.ReadJsonAsync<MeetingDto>(HttpStatusCode.Created);
    }

    /// <summary>The VEVENT of the meeting in an unfolded calendar.</summary>
    private static string EventOf(string ics, Guid meetingId)
    {
        var uid = ics.IndexOf($"UID:{meetingId:D}", StringComparison.Ordinal);
        uid.Should().BePositive("the calendar lists the meeting");
        var start = ics.LastIndexOf("BEGIN:VEVENT", uid, StringComparison.Ordinal);
        var end = ics.IndexOf("END:VEVENT", uid, StringComparison.Ordinal);
        return ics[start..end];
    }
}

public sealed class PostgresMeetingLifecycleTests(PostgresAppFixture app) : MeetingLifecycleTests(app), IClassFixture<PostgresAppFixture>;

public sealed class SqliteMeetingLifecycleTests(SqliteAppFixture app) : MeetingLifecycleTests(app), IClassFixture<SqliteAppFixture>;
