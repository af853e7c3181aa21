using System.Net;
using System.Net.Http.Headers;
using CoCommissioning.Web.Data;
using CoCommissioning.Web.Features.Meetings;
using CoCommissioning.Web.Features.PublicMeetings;
using CoCommissioning.Web.Tests.Infrastructure;
using static CoCommissioning.Web.Tests.Infrastructure.MeetingScenario;

namespace CoCommissioning.Web.Tests.Api;

/// <summary>
/// The public committee, meeting and decision pages, the iCalendar feed, the JSON and the public paper downloads,
/// read without signing in, on PostgreSQL: only the public items of a published agenda and their public papers ever
/// show; private items, private papers, unpublished agendas and other organisations' meetings never do.
/// </summary>
public abstract class PublicMeetingsTests(AppFixture app)
{
    private const string Slug = DemoSeeder.ExampleSlug;

    [DatabaseFact]
    public async Task PublishedAgenda_Anonymous_SeesThePublicItemAndPaperButNoPrivateItemOrPaper()
    {
        var published = await PublishedMeetingAsync(app);
        using var meeting = published.Meeting;
        using var anonymous = app.CreateAnonymousClient();

        var page = await anonymous.GetStringAsync($"/public/{Slug}/meetings/{meeting.MeetingId}");
        var json = await anonymous.GetJsonAsync<PublicMeetingDto>($"/api/public/organisations/{Slug}/meetings/{meeting.MeetingId}");

        page.Should().Contain("Merger of Riverside and Northgate").And.Contain(published.PublicPaperTitle)
            .And.Contain(PublicMeetingsService.PaperUrl(Slug, published.PublicPaperId))
            .And.Contain("Part of this meeting will be held in private");
        page.Should().NotContain(published.PrivateItemTitle).And.NotContain(published.PrivatePaperTitle).And.NotContain(published.PrivateItemPaperTitle);
        json.Items.Should().ContainSingle().Which.Papers.Should().ContainSingle().Which.Id.Should().Be(published.PublicPaperId);
        json.PrivatePartNotice.Should().NotBeNull();
        json.MinutesUrl.Should().BeNull();
        System.Text.Json.JsonSerializer.Serialize(json).Should().NotContain(published.PrivateItemTitle).And.NotContain(published.PrivatePaperTitle);

        using var paper = await anonymous.GetAsync(PublicMeetingsService.PaperUrl(Slug, published.PublicPaperId));
        paper.StatusCode.Should().Be(HttpStatusCode.OK);
        (await paper.Content.ReadAsByteArrayAsync()).Should().Equal(SmallPdf);
        paper.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
    }

    [DatabaseFact]
    public async Task PrivatePapers_Anonymous_Get404()
    {
        var published = await PublishedMeetingAsync(app);
        using var meeting = published.Meeting;
        using var anonymous = app.CreateAnonymousClient();

        using var privatePaper = await anonymous.GetAsync(PublicMeetingsService.PaperUrl(Slug, published.PrivatePaperId));
        using var privateItemPaper = await anonymous.GetAsync(PublicMeetingsService.PaperUrl(Slug, published.PrivateItemPaperId));
        using var otherSlug = await anonymous.GetAsync(PublicMeetingsService.PaperUrl(DemoSeeder.NorthfieldSlug, published.PublicPaperId));

        privatePaper.StatusCode.Should().Be(HttpStatusCode.NotFound);
        privateItemPaper.StatusCode.Should().Be(HttpStatusCode.NotFound);
        otherSlug.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [DatabaseFact]
    public async Task UnpublishedAgenda_Anonymous_SeesTheMeetingButNoneOfItsItemsOrPapers()
    {
        using var meeting = await MeetingScenario.StartAsync(app, DateTimeOffset.UtcNow.AddDays(10));
        var item = ApiScenario.UniqueName("Draft item");
        await meeting.AddItemAsync(item);
        var paper = await UploadAsync(meeting, meeting.ItemId, "Draft paper", isPublic: true);
        using var anonymous = app.CreateAnonymousClient();

        var page = await anonymous.GetStringAsync($"/public/{Slug}/meetings/{meeting.MeetingId}");
        var json = await anonymous.GetJsonAsync<PublicMeetingDto>($"/api/public/organisations/{Slug}/meetings/{meeting.MeetingId}");
        using var download = await anonymous.GetAsync(PublicMeetingsService.PaperUrl(Slug, paper));

        page.Should().Contain("The agenda has not been published yet").And.NotContain(item).And.NotContain("Merger of Riverside and Northgate");
        json.AgendaPublishedAt.Should().BeNull();
        json.Items.Should().BeEmpty();
        download.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [DatabaseFact]
    public async Task AnotherOrganisationsMeeting_Anonymous_Gets404()
    {
        var published = await PublishedMeetingAsync(app);
        using var meeting = published.Meeting;
        using var anonymous = app.CreateAnonymousClient();

        using var page = await anonymous.GetAsync($"/public/{DemoSeeder.NorthfieldSlug}/meetings/{meeting.MeetingId}");
        using var json = await anonymous.GetAsync($"/api/public/organisations/{DemoSeeder.NorthfieldSlug}/meetings/{meeting.MeetingId}");
        using var unknown = await anonymous.GetAsync("/api/public/organisations/no-such-organisation/meetings");
        var calendar = await anonymous.GetJsonAsync<PublicMeetingsDto>($"/api/public/organisations/{DemoSeeder.NorthfieldSlug}/meetings");

        page.StatusCode.Should().Be(HttpStatusCode.NotFound);
        await json.ReadProblemAsync(HttpStatusCode.NotFound);
        await unknown.ReadProblemAsync(HttpStatusCode.NotFound);
        calendar.Meetings.Should().NotContain(m => m.Id == meeting.MeetingId);
    }

    [DatabaseFact]
    public async Task CalendarFeedAndPage_ListTheMeetingWithoutPrivateItemTitles()
    {
        var published = await PublishedMeetingAsync(app);
        using var meeting = published.Meeting;
        using var anonymous = app.CreateAnonymousClient();

        using var feed = await anonymous.GetAsync($"/public/{Slug}/meetings.ics");
        var ics = await feed.Content.ReadAsStringAsync();
        var unfolded = ics.Replace("\r\n ", "", StringComparison.Ordinal);
        var page = await anonymous.GetStringAsync($"/public/{Slug}/meetings");
        var json = await anonymous.GetJsonAsync<PublicMeetingsDto>($"/api/public/organisations/{Slug}/meetings");

        feed.StatusCode.Should().Be(HttpStatusCode.OK);
        feed.Content.Headers.ContentType!.MediaType.Should().Be("text/calendar");
        ics.Should().StartWith("BEGIN:VCALENDAR\r\n").And.EndWith("END:VCALENDAR\r\n");
        ics.Split("\r\n").Should().OnlyContain(line => System.Text.Encoding.UTF8.GetByteCount(line) <= 75);
        unfolded.Should().Contain($"UID:{meeting.MeetingId:D}@{Slug}.cocommissioning")
            .And.Contain($"DTSTART:{meeting.Meeting.StartsAt.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}")
            .And.Contain($"/public/{Slug}/meetings/{meeting.MeetingId}")
            .And.Contain(MeetingCalendar.Escape(meeting.Meeting.Title));
        unfolded.Should().NotContain(published.PrivateItemTitle);
        page.Should().Contain(meeting.Meeting.Title).And.NotContain(published.PrivateItemTitle);
        json.Meetings.Should().ContainSingle(m => m.Id == meeting.MeetingId).Which.AgendaPublished.Should().BeTrue();
    }

    [DatabaseFact]
    public async Task Decisions_OnPublicItemsOnly_WithConflictsSummarisedWithoutNames()
    {
        using var meeting = await MeetingScenario.StartAsync(app, DateTimeOffset.UtcNow.AddSeconds(4));
        var privateItem = await meeting.AddPrivateItemAsync(ApiScenario.UniqueName("Practice contract breach notice"));
        await meeting.ChangeAsync("agenda/publish", new { shortNoticeReason = "Urgent decision agreed with the chair", version = meeting.Meeting.Version });
        await Task.Delay(meeting.Meeting.StartsAt - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(500) is { Ticks: > 0 } wait ? wait : TimeSpan.Zero);
        await meeting.ArriveAsync(Chair, ViceChair, Nurse, Gp, ChiefOfficer);
        await meeting.DeclareAsync(Gp);
        await meeting.RuleAsync(Gp, CoCommissioning.Domain.Quorum.ConflictRuling.LeavesRoom);
        var publicResolution = ApiScenario.UniqueName("Approve the merger");
        using (var consensus = await meeting.Secretary.PostJsonAsync($"{meeting.ItemUrl}/consensus", new { resolution = publicResolution }))
        {
            consensus.StatusCode.Should().Be(HttpStatusCode.Created, await consensus.Content.ReadAsStringAsync());
        }

        await meeting.RefreshAsync();
        await meeting.ChangeAsync("exclusion", new { reason = (string?)null, version = meeting.Meeting.Version });
        var privateResolution = ApiScenario.UniqueName("Issue the breach notice");
        using (var consensus = await meeting.Secretary.PostJsonAsync($"{meeting.Url}/items/{privateItem}/consensus", new { resolution = privateResolution }))
        {
            consensus.StatusCode.Should().Be(HttpStatusCode.Created, await consensus.Content.ReadAsStringAsync());
        }

        using var anonymous = app.CreateAnonymousClient();
        var json = await anonymous.GetJsonAsync<PublicDecisionsDto>($"/api/public/organisations/{Slug}/decisions");
        var page = await anonymous.GetStringAsync($"/public/{Slug}/decisions");
        var meetingJson = await anonymous.GetJsonAsync<PublicMeetingDto>($"/api/public/organisations/{Slug}/meetings/{meeting.MeetingId}");

        var decision = json.Decisions.Should().ContainSingle(d => d.MeetingId == meeting.MeetingId).Subject;
        decision.Resolution.Should().Be(publicResolution);
        decision.OutcomeText.Should().Be("Agreed by consensus");
        decision.ConflictsSummary.Should().Be("1 conflict of interest was declared and managed: 1 member left the room for the item.");
        page.Should().Contain(publicResolution).And.NotContain(privateResolution).And.NotContain("Spouse is a partner at Riverside Surgery");
        System.Text.Json.JsonSerializer.Serialize(json).Should().NotContain(privateResolution).And.NotContain(Gp).And.NotContain("Spouse is a partner");
        meetingJson.Decisions.Should().ContainSingle().Which.Resolution.Should().Be(publicResolution);
    }

    [DatabaseFact]
    public async Task CommitteePages_ShowTheTermsOfReferenceInWords()
    {
        using var meeting = await MeetingScenario.StartAsync(app, DateTimeOffset.UtcNow.AddDays(10));
        using var anonymous = app.CreateAnonymousClient();

        var committees = await anonymous.GetJsonAsync<PublicCommitteesDto>($"/api/public/organisations/{Slug}/committees");
        var committee = await anonymous.GetJsonAsync<PublicCommitteeDto>($"/api/public/organisations/{Slug}/committees/{meeting.CommitteeId}");
        var listPage = await anonymous.GetStringAsync($"/public/{Slug}/committees");
        var page = await anonymous.GetStringAsync($"/public/{Slug}/committees/{meeting.CommitteeId}");
        using var northfield = await anonymous.GetAsync($"/public/{DemoSeeder.NorthfieldSlug}/committees/{meeting.CommitteeId}");

        committees.Committees.Should().Contain(c => c.Id == meeting.CommitteeId);
        committee.TermsOfReference.Should().NotBeNull();
        committee.TermsOfReference!.QuorumInWords.Should().NotBeNullOrWhiteSpace();
        committee.Meetings.Should().Contain(m => m.Id == meeting.MeetingId);
        listPage.Should().Contain($"/public/{Slug}/committees/{meeting.CommitteeId}");
        page.Should().Contain("<h1>").And.Contain(System.Net.WebUtility.HtmlEncode(committee.TermsOfReference.QuorumInWords)).And.Contain("scope=\"col\"");
        northfield.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [DatabaseFact]
    public async Task OpenApiDocument_DescribesThePublicMeetingEndpoints()
    {
        using var anonymous = app.CreateAnonymousClient();

        var document = await anonymous.GetStringAsync("/openapi/v1.json");

        foreach (var path in new[] { "committees", "meetings", "meetings/{meetingId}", "decisions" })
        {
            document.Should().Contain($"/api/public/organisations/{{slug}}/{path}");
        }
    }

    internal static readonly byte[] SmallPdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

    internal sealed record Published(MeetingScenario Meeting, string PrivateItemTitle, Guid PublicPaperId, string PublicPaperTitle, Guid PrivatePaperId, string PrivatePaperTitle, Guid PrivateItemPaperId, string PrivateItemPaperTitle);

    /// <summary>
    /// A meeting in ten days with a public item (a public and a private paper) and a private item (a private paper),
    /// its agenda published.
    /// </summary>
    internal static async Task<Published> PublishedMeetingAsync(AppFixture app)
    {
        var meeting = await MeetingScenario.StartAsync(app, DateTimeOffset.UtcNow.AddDays(10));
        var privateTitle = ApiScenario.UniqueName("Practice contract breach notice");
        var privateItem = await meeting.AddPrivateItemAsync(privateTitle);
        var publicPaperTitle = ApiScenario.UniqueName("Merger report");
        var privatePaperTitle = ApiScenario.UniqueName("Merger legal advice");
        var privateItemPaperTitle = ApiScenario.UniqueName("Breach notice letter");
        var publicPaper = await UploadAsync(meeting, meeting.ItemId, publicPaperTitle, isPublic: true);
        var privatePaper = await UploadAsync(meeting, meeting.ItemId, privatePaperTitle, isPublic: false);
        var privateItemPaper = await UploadAsync(meeting, privateItem, privateItemPaperTitle, isPublic: false);
        await meeting.RefreshAsync();
        await meeting.ChangeAsync("agenda/publish", new { shortNoticeReason = (string?)null, version = meeting.Meeting.Version });
        return new Published(meeting, privateTitle, publicPaper, publicPaperTitle, privatePaper, privatePaperTitle, privateItemPaper, privateItemPaperTitle);
    }

    private static async Task<Guid> UploadAsync(MeetingScenario meeting, Guid itemId, string title, bool isPublic)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(SmallPdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", "paper.pdf");
        form.Add(new StringContent(title), "title");
        form.Add(new StringContent(isPublic ? "true" : "false"), "isPublic");
        using var response = await meeting.Secretary.PostAsync($"{meeting.Url}/items/{itemId}/papers", form);
        return (await response.ReadJsonAsync<PaperDto>(HttpStatusCode.Created)).Id;
    }
}

/// <summary>The embedded provider applies the same rule: a published agenda's public part only.</summary>
public sealed class PublicMeetingsOnSqliteTests(SqliteAppFixture app) : IClassFixture<SqliteAppFixture>
{
    [DatabaseFact]
    public async Task PublishedAgenda_OnSqlite_ShowsThePublicPartOnly()
    {
        var published = await PublicMeetingsTests.PublishedMeetingAsync(app);
        using var meeting = published.Meeting;
        using var anonymous = app.CreateAnonymousClient();

        var json = await anonymous.GetJsonAsync<PublicMeetingDto>($"/api/public/organisations/{DemoSeeder.ExampleSlug}/meetings/{meeting.MeetingId}");
        var calendar = await anonymous.GetJsonAsync<PublicMeetingsDto>($"/api/public/organisations/{DemoSeeder.ExampleSlug}/meetings");
        var decisions = await anonymous.GetJsonAsync<PublicDecisionsDto>($"/api/public/organisations/{DemoSeeder.ExampleSlug}/decisions");
        using var privatePaper = await anonymous.GetAsync(PublicMeetingsService.PaperUrl(DemoSeeder.ExampleSlug, published.PrivatePaperId));
        using var publicPaper = await anonymous.GetAsync(PublicMeetingsService.PaperUrl(DemoSeeder.ExampleSlug, published.PublicPaperId));

        json.Items.Should().ContainSingle().Which.Papers.Should().ContainSingle().Which.Id.Should().Be(published.PublicPaperId);
        System.Text.Json.JsonSerializer.Serialize(json).Should().NotContain(published.PrivateItemTitle);
        calendar.Meetings.Should().Contain(m => m.Id == meeting.MeetingId);
        decisions.Decisions.Should().NotBeNull();
        privatePaper.StatusCode.Should().Be(HttpStatusCode.NotFound);
        publicPaper.StatusCode.Should().Be(HttpStatusCode.OK);
    }
}

public sealed class PostgresPublicMeetingsTests(PostgresAppFixture app) : PublicMeetingsTests(app), IClassFixture<PostgresAppFixture>;

public sealed class SqlitePublicMeetingsTests(SqliteAppFixture app) : PublicMeetingsTests(app), IClassFixture<SqliteAppFixture>;
