using System.Net;
using System.Net.Http.Headers;
using CoCommissioning.Data;
using CoCommissioning.Domain.Meetings;
using CoCommissioning.Web.Data;
using CoCommissioning.Web.Features.AgendaTemplates;
using CoCommissioning.Web.Features.Meetings;
using CoCommissioning.Web.Features.PublicMeetings;
using CoCommissioning.Web.Tests.Infrastructure;

namespace CoCommissioning.Web.Tests.Api;

/// <summary>
/// Agenda editing, numbering, papers and templates through HTTP (ADR-0018), on both providers: the secretary edits,
/// reorders and removes items; after publication only with a reason, which the public page shows; a member is refused
/// (403), another organisation finds nothing (404), a stale version is a conflict (409).
/// </summary>
public abstract class AgendaEditingTests(AppFixture app)
{
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

    [DatabaseFact]
    public async Task Schedule_AddsTheRuleBooksStandingItems_AndNewItemsGoBeforeTheClosingOnes()
    {
        using var meeting = await MeetingScenario.StartAsync(app, Later, standingItems: true);

        meeting.Meeting.Items.Select(i => $"{i.Number} {i.Title}").Should().Equal(
            "1 Welcome and apologies", "2 Declarations of interest", "3 Minutes of the previous meeting", "4 Action log",
            "5 Merger of Riverside and Northgate", "6 Any other business", "7 Date of next meeting");
    }

    [DatabaseFact]
    public async Task EditMoveRemove_BeforePublication_RenumbersFreely()
    {
        using var meeting = await MeetingScenario.StartAsync(app, Later, standingItems: true);
        var finance = await meeting.AddItemAsync("Finance report");
        await meeting.ChangeAsync("items", new { title = "Month 7", purpose = ItemPurpose.Information, isPrivate = false, parentItemId = finance, version = meeting.Meeting.Version });

        await PutAsync(meeting, $"items/{finance}", new { title = "Finance report, month 7", purpose = ItemPurpose.Information, presenter = "Mark Benson", isPrivate = false, version = meeting.Meeting.Version });
        await PutAsync(meeting, $"items/{finance}/position", new { toIndex = 4, version = meeting.Meeting.Version });
        await meeting.ChangeAsync($"items/{meeting.Meeting.Items.Single(i => i.Title == "Action log").Id}/removal", new { version = meeting.Meeting.Version });

        meeting.Meeting.Items.Select(i => $"{i.Number} {i.Title}").Should().Equal(
            "1 Welcome and apologies", "2 Declarations of interest", "3 Minutes of the previous meeting",
            "4 Finance report, month 7", "4.1 Month 7", "5 Merger of Riverside and Northgate", "6 Any other business", "7 Date of next meeting");
        meeting.Meeting.Items.Single(i => i.Id == finance).Presenter.Should().Be("Mark Benson");
    }

    [DatabaseFact]
    public async Task AfterPublication_ChangesNeedAReason_AndThePublicPageShowsNumbersLateItemsAndWithdrawals()
    {
        using var meeting = await MeetingScenario.StartAsync(app, Later, standingItems: true);
        var finance = await meeting.AddItemAsync("Finance report");
        await meeting.ChangeAsync("agenda/publish", new { version = meeting.Meeting.Version });

        using var withoutReason = await meeting.Secretary.PostJsonAsync($"{meeting.Url}/items/{finance}/removal", new { version = meeting.Meeting.Version });
        (await withoutReason.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("reason").Should().ContainSingle();
        using var lateWithoutReason = await meeting.Secretary.PostJsonAsync($"{meeting.Url}/items", new { title = "Estates", purpose = ItemPurpose.Decision, isPrivate = false, version = meeting.Meeting.Version });
        (await lateWithoutReason.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("reason").Should().ContainSingle();

        await meeting.ChangeAsync($"items/{finance}/removal", new { version = meeting.Meeting.Version, reason = "The report moves to the December meeting" });
        await meeting.ChangeAsync("items", new { title = "Urgent estates decision", purpose = ItemPurpose.Decision, isPrivate = false, version = meeting.Meeting.Version, reason = "The lease offer expires before the next meeting" });

        meeting.Meeting.Items.Select(i => $"{i.Number} {i.Title}{(i.IsWithdrawn ? " withdrawn" : "")}").Should().Equal(
            "1 Welcome and apologies", "2 Declarations of interest", "3 Minutes of the previous meeting", "4 Action log",
            "5 Merger of Riverside and Northgate", "6 Finance report withdrawn", "7 Any other business", "8 Date of next meeting", "9 Urgent estates decision");
        using var anonymous = app.CreateAnonymousClient();
        var page = await anonymous.GetJsonAsync<PublicMeetingDto>($"/api/public/organisations/{DemoSeeder.ExampleSlug}/meetings/{meeting.MeetingId}");
        page.Items.Select(i => i.Number).Should().Equal("1", "2", "3", "4", "5", "6", "7", "8", "9");
        page.Items.Single(i => i.Number == "6").WithdrawnReason.Should().Be("The report moves to the December meeting");
        page.Items.Single(i => i.Number == "9").LateReason.Should().Be("The lease offer expires before the next meeting");
        var html = await anonymous.GetStringAsync(PublicMeetingsService.MeetingUrl(DemoSeeder.ExampleSlug, meeting.MeetingId));
        html.Should().Contain("Withdrawn").And.Contain("Supplementary agenda").And.Contain("The lease offer expires before the next meeting");
    }

    [DatabaseFact]
    public async Task RemoveItem_WithARecord_Is422SayingWhy()
    {
        // A meeting under way today: declarations are recorded as the meeting runs.
        using var meeting = await MeetingScenario.StartAsync(app, standingItems: true);
        await meeting.DeclareAsync(MeetingScenario.Gp, "Partner at Riverside Surgery");

        using var response = await meeting.Secretary.PostJsonAsync($"{meeting.Url}/items/{meeting.ItemId}/removal", new { version = meeting.Meeting.Version });

        (await response.ReadProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString()
            .Should().Be("Item 5 cannot be removed: it has declarations of interest recorded, which is part of the meeting's record.");
    }

    [DatabaseFact]
    public async Task Changes_StaleVersion_Is409_MemberIs403_OtherOrganisationIs404()
    {
        using var meeting = await MeetingScenario.StartAsync(app, Later, standingItems: true);
        var stale = meeting.Meeting.Version;
        await meeting.AddItemAsync("Finance report");
        var edit = new { title = "Renamed", purpose = ItemPurpose.Decision, isPrivate = false, version = stale };
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);
        using var northfield = await app.CreateApiClientAsync(DemoUsers.NorthfieldSecretary);

        using var staleEdit = await meeting.Secretary.PutJsonAsync($"{meeting.Url}/items/{meeting.ItemId}", edit);
        using var staleMove = await meeting.Secretary.PutJsonAsync($"{meeting.Url}/items/{meeting.ItemId}/position", new { toIndex = 0, version = stale });
        using var staleRemove = await meeting.Secretary.PostJsonAsync($"{meeting.Url}/items/{meeting.ItemId}/removal", new { version = stale });
        using var memberEdit = await member.PutJsonAsync($"{meeting.Url}/items/{meeting.ItemId}", edit with { version = meeting.Meeting.Version });
        using var memberMove = await member.PutJsonAsync($"{meeting.Url}/items/{meeting.ItemId}/position", new { toIndex = 0, version = meeting.Meeting.Version });
        using var otherEdit = await northfield.PutJsonAsync($"{meeting.Url}/items/{meeting.ItemId}", edit with { version = meeting.Meeting.Version });
        using var otherRemove = await northfield.PostJsonAsync($"{meeting.Url}/items/{meeting.ItemId}/removal", new { version = meeting.Meeting.Version });

        new[] { staleEdit.StatusCode, staleMove.StatusCode, staleRemove.StatusCode, memberEdit.StatusCode, memberMove.StatusCode, otherEdit.StatusCode, otherRemove.StatusCode }
            .Should().Equal(HttpStatusCode.Conflict, HttpStatusCode.Conflict, HttpStatusCode.Conflict, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.NotFound, HttpStatusCode.NotFound);
        (await meeting.Secretary.GetJsonAsync<MeetingDto>(meeting.Url)).Items.Single(i => i.Id == meeting.ItemId).Title.Should().Be("Merger of Riverside and Northgate");
    }

    [DatabaseFact]
    public async Task Papers_ReplaceMoveVisibilityRemove_WithVersionsKept()
    {
        using var meeting = await MeetingScenario.StartAsync(app, Later, standingItems: true);
        var finance = await meeting.AddItemAsync("Finance report");
        using var uploaded = await UploadAsync(meeting, "merger.pdf", Pdf);
        var paper = await uploaded.ReadJsonAsync<PaperDto>(HttpStatusCode.Created);
        var current = await meeting.Secretary.GetJsonAsync<MeetingDto>(meeting.Url);
        var newBytes = "%PDF-1.7\nversion two\n"u8.ToArray();

        using var replaced = await ReplaceAsync(meeting, paper.Id, "merger-v2.pdf", newBytes, current.Version);
        var afterReplace = await replaced.ReadJsonAsync<MeetingDto>(HttpStatusCode.OK);
        using var stale = await ReplaceAsync(meeting, paper.Id, "merger-v3.pdf", newBytes, current.Version);
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);
        using var download = await member.GetAsync($"{meeting.Url}/papers/{paper.Id}");
        using var first = await member.GetAsync($"{meeting.Url}/papers/{paper.Id}/versions/1");
        using var memberMove = await member.PutJsonAsync($"{meeting.Url}/papers/{paper.Id}/item", new { itemId = finance, version = afterReplace.Version });
        using var northfield = await app.CreateApiClientAsync(DemoUsers.NorthfieldSecretary);
        using var otherMove = await northfield.PutJsonAsync($"{meeting.Url}/papers/{paper.Id}/item", new { itemId = finance, version = afterReplace.Version });

        var listed = afterReplace.Papers.Should().ContainSingle().Subject;
        (listed.FileName, listed.VersionNumber).Should().Be(("merger-v2.pdf", 2));
        listed.EarlierVersions!.Select(v => (v.VersionNumber, v.FileName)).Should().Equal((1, "merger.pdf"));
        stale.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await download.Content.ReadAsByteArrayAsync()).Should().Equal(newBytes);
        (await first.Content.ReadAsByteArrayAsync()).Should().Equal(Pdf);
        (memberMove.StatusCode, otherMove.StatusCode).Should().Be((HttpStatusCode.Forbidden, HttpStatusCode.NotFound));

        meeting.Meeting = afterReplace;
        await PutAsync(meeting, $"papers/{paper.Id}/item", new { itemId = finance, version = meeting.Meeting.Version });
        await PutAsync(meeting, $"papers/{paper.Id}/visibility", new { isPublic = true, version = meeting.Meeting.Version });
        meeting.Meeting.Papers.Single().Should().BeEquivalentTo(new { ItemId = finance, IsPublic = true });
        await meeting.ChangeAsync($"papers/{paper.Id}/removal", new { version = meeting.Meeting.Version });
        meeting.Meeting.Papers.Should().BeEmpty();
    }

    [DatabaseFact]
    public async Task Template_SecretaryEditsIt_NextMeetingGetsIt_MemberIs403_OtherOrganisationIs404()
    {
        using var secretary = await app.CreateApiClientAsync(DemoUsers.Secretary);
        var committee = await secretary.CreateCommitteeAsync();
        var url = $"/api/committees/{committee.Id}/agenda-template";
        var initial = await secretary.GetJsonAsync<AgendaTemplateDto>(url);
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);
        using var northfield = await app.CreateApiClientAsync(DemoUsers.NorthfieldSecretary);
        var entries = new[] { new { part = StandingItem.Opening, title = "Apologies", purpose = ItemPurpose.Information }, new { part = StandingItem.Closing, title = "Any other business", purpose = ItemPurpose.Discussion } };

        using var byMember = await member.PutJsonAsync(url, new { entries, version = (Guid?)null });
        using var byOther = await northfield.PutJsonAsync(url, new { entries, version = (Guid?)null });
        using var saved = await secretary.PutJsonAsync(url, new { entries, version = (Guid?)null });
        var template = await saved.ReadJsonAsync<AgendaTemplateDto>(HttpStatusCode.OK);
        using var stale = await secretary.PutJsonAsync(url, new { entries, version = (Guid?)null });
        using var blank = await secretary.PutJsonAsync(url, new { entries = new[] { new { part = StandingItem.Opening, title = " ", purpose = ItemPurpose.Information } }, version = template.Version });
        using var scheduled = await secretary.PostJsonAsync($"/api/committees/{committee.Id}/meetings", new { title = ApiScenario.UniqueName("Template meeting"), startsAt = Later });
        var meeting = await scheduled.ReadJsonAsync<MeetingDto>(HttpStatusCode.Created);

        initial.IsDefault.Should().BeTrue();
        initial.Entries.Should().HaveCount(AgendaTemplate.Default.Count);
        (byMember.StatusCode, byOther.StatusCode, stale.StatusCode).Should().Be((HttpStatusCode.Forbidden, HttpStatusCode.NotFound, HttpStatusCode.Conflict));
        (await blank.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("entries[0].title").Should().ContainSingle();
        template.IsDefault.Should().BeFalse();
        meeting.Items.Select(i => $"{i.Number} {i.Title}").Should().Equal("1 Apologies", "2 Any other business");
    }

    private static DateTimeOffset Later => DateTimeOffset.UtcNow.AddDays(14);

    private static async Task PutAsync(MeetingScenario meeting, string path, object body)
    {
        using var response = await meeting.Secretary.PutJsonAsync($"{meeting.Url}/{path}", body);
        meeting.Meeting = await response.ReadJsonAsync<MeetingDto>(HttpStatusCode.OK);
    }

    private static Task<HttpResponseMessage> UploadAsync(MeetingScenario meeting, string fileName, byte[] bytes)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", fileName);
        form.Add(new StringContent("false"), "isPublic");
        return meeting.Secretary.PostAsync($"{meeting.Url}/items/{meeting.ItemId}/papers", form);
    }

    private static Task<HttpResponseMessage> ReplaceAsync(MeetingScenario meeting, Guid paperId, string fileName, byte[] bytes, Guid version)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", fileName);
        form.Add(new StringContent(version.ToString()), "version");
        return meeting.Secretary.PostAsync($"{meeting.Url}/papers/{paperId}/versions", form);
    }
}

public sealed class PostgresAgendaEditingTests(PostgresAppFixture app) : AgendaEditingTests(app), IClassFixture<PostgresAppFixture>;

public sealed class SqliteAgendaEditingTests(SqliteAppFixture app) : AgendaEditingTests(app), IClassFixture<SqliteAppFixture>;
