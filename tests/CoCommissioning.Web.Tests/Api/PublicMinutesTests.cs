using System.Net;
using CoCommissioning.Domain.Meetings;
using CoCommissioning.Web.Data;
using CoCommissioning.Web.Features.Meetings;
using CoCommissioning.Web.Features.Minutes;
using CoCommissioning.Web.Features.PublicMeetings;
using CoCommissioning.Web.Tests.Infrastructure;

namespace CoCommissioning.Web.Tests.Api;

/// <summary>
/// Approved public minutes, read anonymously on PostgreSQL: a draft is never public; once approved, the page, the
/// JSON and the PDF hold the public part of the approved version only, never a private item.
/// </summary>
public abstract class PublicMinutesTests(AppFixture app)
{
    private const string Slug = DemoSeeder.ExampleSlug;

    [DatabaseFact]
    public async Task Draft_IsNotPublic_ApprovedPublicPartIs_WithoutThePrivateItem()
    {
        // Far enough ahead that the agenda can still be published on a loaded machine; the test then waits for the start.
        using var meeting = await MeetingScenario.StartAsync(app, DateTimeOffset.UtcNow.AddSeconds(15));
        var privateTitle = ApiScenario.UniqueName("Practice contract breach notice");
        await meeting.AddPrivateItemAsync(privateTitle);
        await meeting.ChangeAsync("agenda/publish", new { shortNoticeReason = "Urgent decision agreed with the chair", version = meeting.Meeting.Version });
        await PublicMinutes.UntilAsync(meeting.Meeting.StartsAt);
        var run = ApiScenario.UniqueName("narrative");
        var minutes = await PublicMinutes.StartAsync(meeting);
        minutes = await PublicMinutes.EditAsync(meeting, 1, meeting.ItemId, $"The committee **discussed** the merger {run}.", minutes.Version);
        var privateItem = meeting.Meeting.Items.Single(i => i.IsPrivate).Id;
        minutes = await PublicMinutes.EditAsync(meeting, 1, privateItem, $"Private narrative {run}", minutes.Version);
        using var anonymous = app.CreateAnonymousClient();
        var pageUrl = PublicMeetingsService.MinutesUrl(Slug, meeting.MeetingId);
        var pdfUrl = PublicMeetingsService.MinutesPdfUrl(Slug, meeting.MeetingId);
        var apiUrl = $"/api/public/organisations/{Slug}/meetings/{meeting.MeetingId}/minutes";

        foreach (var url in new[] { pageUrl, pdfUrl, apiUrl })
        {
            using var draft = await anonymous.GetAsync(url);
            draft.StatusCode.Should().Be(HttpStatusCode.NotFound, "{0} while the minutes are a draft", url);
        }

        var next = await PublicMinutes.NextMeetingAsync(meeting);
        var meetingPage = await anonymous.GetStringAsync(PublicMeetingsService.MeetingUrl(Slug, meeting.MeetingId));
        meetingPage.Should().Contain("Minutes are published here once the committee has approved them").And.NotContain(pageUrl).And.NotContain(run);
        using (var cached = await anonymous.GetAsync(PublicMeetingsService.MeetingUrl(Slug, meeting.MeetingId)))
        {
            cached.Headers.Contains("Age").Should().BeTrue("the meeting page is served from the output cache");
        }

        // Approval saves only the minutes: the cached meeting page must still be evicted (PublicRegisterInvalidation).
        await PublicMinutes.ApproveAtAsync(meeting, 1, minutes.Version, next);

        var json = await anonymous.GetJsonAsync<PublicMeetingDto>($"/api/public/organisations/{Slug}/meetings/{meeting.MeetingId}");
        json.MinutesUrl.Should().Be(pageUrl);
        (await anonymous.GetStringAsync(PublicMeetingsService.MeetingUrl(Slug, meeting.MeetingId))).Should().Contain(pageUrl);

        var page = await anonymous.GetStringAsync(pageUrl);
        page.Should().Contain("Merger of Riverside and Northgate").And.Contain($"<strong>discussed</strong> the merger {run}").And.Contain(pdfUrl);
        page.Should().NotContain(privateTitle).And.NotContain($"Private narrative {run}");

        var document = await anonymous.GetJsonAsync<PublicMinutesDto>(apiUrl);
        document.Document.Part.Should().Be(CoCommissioning.Domain.Minutes.MinutesPart.Public);
        document.Document.Items.Should().ContainSingle().Which.ItemId.Should().Be(meeting.ItemId);
        System.Text.Json.JsonSerializer.Serialize(document).Should().NotContain(privateTitle).And.NotContain($"Private narrative {run}");

        using var pdf = await anonymous.GetAsync(pdfUrl);
        pdf.StatusCode.Should().Be(HttpStatusCode.OK);
        pdf.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        var drawn = PublicMinutes.DrawnText(await pdf.Content.ReadAsByteArrayAsync(), document);
        drawn.Should().Contain("Merger of Riverside and Northgate").And.NotContain(privateTitle).And.NotContain($"Private narrative {run}");
    }

    [DatabaseFact]
    public async Task UnknownMeetingOrOtherOrganisation_Gets404()
    {
        using var anonymous = app.CreateAnonymousClient();

        using var unknown = await anonymous.GetAsync(PublicMeetingsService.MinutesUrl(Slug, Guid.NewGuid()));
        using var pdf = await anonymous.GetAsync(PublicMeetingsService.MinutesPdfUrl(DemoSeeder.NorthfieldSlug, Guid.NewGuid()));

        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        pdf.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}

/// <summary>Driving the minutes API as the secretary, for the public minutes and leak tests.</summary>
internal static class PublicMinutes
{
    public static string Url(MeetingScenario meeting) => $"{meeting.Url}/minutes";

    /// <summary>Waits until just after <paramref name="instant"/> (a meeting must have started to be minuted or to approve minutes).</summary>
    public static Task UntilAsync(DateTimeOffset instant) =>
        Task.Delay(instant - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(300) is { Ticks: > 0 } wait ? wait : TimeSpan.Zero);

    public static async Task<MinutesDto> StartAsync(MeetingScenario meeting)
    {
        using var response = await meeting.Secretary.PostJsonAsync(Url(meeting), new { });
        return await response.ReadJsonAsync<MinutesDto>(HttpStatusCode.OK);
    }

    public static async Task<MinutesDto> EditAsync(MeetingScenario meeting, int number, Guid itemId, string markdown, Guid version)
    {
        using var response = await meeting.Secretary.PutJsonAsync($"{Url(meeting)}/versions/{number}/narratives/{itemId}", new { markdown, version });
        return await response.ReadJsonAsync<MinutesDto>(HttpStatusCode.OK);
    }

    /// <summary>Approves the version at a "Minutes of the previous meeting" item of a new later meeting; returns that meeting's id.</summary>
    public static async Task<(MinutesDto Minutes, Guid NextMeetingId)> ApproveAsync(MeetingScenario meeting, int number, Guid version)
    {
        var next = await NextMeetingAsync(meeting);
        return (await ApproveAtAsync(meeting, number, version, next), next.MeetingId);
    }

    /// <summary>Approves the version at the item of <paramref name="next"/>.</summary>
    public static async Task<MinutesDto> ApproveAtAsync(MeetingScenario meeting, int number, Guid version, (Guid MeetingId, Guid ItemId) next)
    {
        using var response = await meeting.Secretary.PostJsonAsync($"{Url(meeting)}/versions/{number}/approval", new { meetingId = next.MeetingId, itemId = next.ItemId, version });
        return await response.ReadJsonAsync<MinutesDto>(HttpStatusCode.OK);
    }

    /// <summary>A later meeting of the committee, started, with a "Minutes of the previous meeting" item.</summary>
    public static async Task<(Guid MeetingId, Guid ItemId)> NextMeetingAsync(MeetingScenario meeting)
    {
        using var scheduled = await meeting.Secretary.PostJsonAsync($"/api/committees/{meeting.CommitteeId}/meetings?standingItems=false", new { title = ApiScenario.UniqueName("PCCC next meeting"), startsAt = meeting.Meeting.StartsAt.AddSeconds(1) });
        var next = await scheduled.ReadJsonAsync<MeetingDto>(HttpStatusCode.Created);
        await UntilAsync(next.StartsAt);
        using var added = await meeting.Secretary.PostJsonAsync($"/api/meetings/{next.Id}/items", new { title = "Minutes of the previous meeting", purpose = ItemPurpose.Decision, isPrivate = false, version = next.Version });
        var withItem = await added.ReadJsonAsync<MeetingDto>(HttpStatusCode.OK);
        return (next.Id, withItem.Items.Single().Id);
    }

    /// <summary>
    /// The text drawn in a served minutes PDF. Its text streams are compressed and set in subset fonts, so the text
    /// is read by rendering the served JSON document again (rendering is deterministic) and checking the bytes match.
    /// </summary>
    public static string DrawnText(byte[] served, PublicMinutesDto minutes)
    {
        using var stream = new MemoryStream();
        var drawn = new List<CoCommissioning.Web.Features.Minutes.Export.DrawnText>();
        CoCommissioning.Web.Features.Minutes.Export.MinutesPdfRenderer.RenderTraced(minutes.Document, stream, drawn);
        stream.ToArray().AsSpan().SequenceEqual(served).Should().BeTrue("the served PDF is the rendering of the approved public part served as JSON");
        return string.Join("\n", drawn.Select(d => d.Text));
    }
}

public sealed class PostgresPublicMinutesTests(PostgresAppFixture app) : PublicMinutesTests(app), IClassFixture<PostgresAppFixture>;

public sealed class SqlitePublicMinutesTests(SqliteAppFixture app) : PublicMinutesTests(app), IClassFixture<SqliteAppFixture>;
