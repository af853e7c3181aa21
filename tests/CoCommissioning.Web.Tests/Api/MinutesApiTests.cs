using System.Data.Common;
using System.Net;
using CoCommissioning.Data;
using CoCommissioning.Data.Audit;
using CoCommissioning.Domain.Decisions;
using CoCommissioning.Domain.Meetings;
using CoCommissioning.Domain.Minutes;
using CoCommissioning.Domain.Quorum;
using CoCommissioning.Web.Features.Audit;
using CoCommissioning.Web.Features.Meetings;
using CoCommissioning.Web.Features.Minutes;
using CoCommissioning.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CoCommissioning.Web.Tests.Infrastructure.MeetingScenario;

namespace CoCommissioning.Web.Tests.Api;

/// <summary>Minutes (issue 6) through HTTP on PostgreSQL.</summary>
public sealed class MinutesApiTests(PostgresAppFixture app) : MinutesApiTestsBase(app), IClassFixture<PostgresAppFixture>;

/// <summary>The same on the embedded SQLite default (narratives and the stored document are text on both providers).</summary>
public sealed class MinutesApiOnSqliteTests(SqliteAppFixture app) : MinutesApiTestsBase(app), IClassFixture<SqliteAppFixture>;

/// <summary>
/// Minutes through HTTP: the draft is the record in words, the approved version is fixed and hashed, a correction is
/// a new version, and only the secretary of the organisation changes them.
/// </summary>
public abstract class MinutesApiTestsBase(AppFixture app)
{
    private const string Interest = "Spouse is a partner at Riverside Surgery";

    [DatabaseFact]
    public async Task Draft_MatchesTheRecord_AttendanceRulingWithEvidenceQuorumAndTally()
    {
        using var meeting = await MeetingScenario.StartAsync(app, DateTimeOffset.UtcNow.AddHours(-3));
        await meeting.ArriveAsync(Chair, ViceChair, Nurse, Gp, ChiefOfficer);
        await meeting.DeputyArrivesForAsync(ChiefFinanceOfficer);
        var absent = meeting.Members.Keys.Except([Chair, ViceChair, Nurse, Gp, ChiefOfficer, ChiefFinanceOfficer]).First();
        await meeting.ChangeAsync("apologies", new { membershipId = meeting.Id(absent), version = meeting.Meeting.Version });
        await meeting.ChangeAsync("in-attendance", new { name = "Tom Reed", capacity = "Head of Primary Care", version = meeting.Meeting.Version });
        await meeting.TakeItemAsync();
        await meeting.DeclareAsync(ChiefOfficer, Interest);
        await meeting.RuleAsync(ChiefOfficer, ConflictRuling.LeavesRoom);
        using (var chair = await app.CreateApiClientAsync(DemoUsers.Chair))
        using (var confirmed = await chair.PostJsonAsync($"{meeting.ItemUrl}/quorum-confirmations", new { version = meeting.ItemVersion() }))
        {
            await confirmed.ReadJsonAsync<MeetingDto>(HttpStatusCode.OK);
        }

        using (var vote = await meeting.PostVoteAsync(meeting.Votes((Chair, VoteChoice.For), (Nurse, VoteChoice.For), (Gp, VoteChoice.Against), (ChiefFinanceOfficer, VoteChoice.For))))
        {
            await vote.ReadJsonAsync<DecisionDto>(HttpStatusCode.Created);
        }

        await meeting.RefreshAsync();
        await meeting.ArriveAsync(ChiefOfficer);
        var record = meeting.Meeting;
        var decision = (await meeting.DecisionsAsync()).Single();
        await StartAsync(meeting);

        var draft = await DocumentAsync(meeting, 1, MinutesPart.Public);

        var document = draft.Document;
        document.Status.Should().Be("Draft");
        document.Present.Select(p => p.Name).Should().BeEquivalentTo([Chair, ViceChair, Nurse, Gp, ChiefOfficer, Deputy]);
        document.Present.Single(p => p.Name == Deputy).Capacity.Should().StartWith($"Deputy for {ChiefFinanceOfficer} (");
        var stretches = record.Attendance.Where(a => a.MembershipId == meeting.Id(ChiefOfficer)).OrderBy(a => a.ArrivedAt).ToList();
        var left = MinutesGenerator.Clock(stretches[0].LeftAt!.Value);
        var returned = MinutesGenerator.Clock(stretches[1].ArrivedAt);
        document.Present.Single(p => p.Name == ChiefOfficer).Times.Should().Be($"Arrived at {MinutesGenerator.Clock(stretches[0].ArrivedAt)}, left at {left}, returned at {returned}");
        document.Apologies.Should().Equal(absent);
        document.InAttendance.Should().Equal(new AttendeeLine("Tom Reed", "Head of Primary Care", null));
        document.Declarations.Should().ContainSingle().Which.Should().BeEquivalentTo(new DeclarationLine(
            ChiefOfficer, Interest, null,
            [$"Item 1 ({record.Items[0].Title}): {Chair} ruled that {ChiefOfficer} leaves the room for the item. Left the room at {left} for item 1 and returned at {returned}."]));
        var item = document.Items.Should().ContainSingle().Subject;
        item.Quorum.Should().StartWith($"Quorum confirmed by {Chair} at {MinutesGenerator.Clock(record.QuorumConfirmations.Single().ConfirmedAt)}. ");
        item.Outcome.Should().Be($"RESOLVED (by vote): {Resolution} {decision.Explanation} {Chair} presided.");
        decision.Explanation.Should().StartWith("Carried: 3 for, 1 against, 0 abstaining");
        draft.StoredHash.Should().BeNull();
    }

    [DatabaseFact]
    public async Task PublicAndPrivateParts_ExportSeparately()
    {
        using var meeting = await MeetingScenario.StartAsync(app, DateTimeOffset.UtcNow.AddHours(-3));
        var privateItem = await meeting.AddPrivateItemAsync("Contract award to Northgate Health");
        await meeting.ArriveAsync(Chair, Nurse);
        await meeting.ChangeAsync("exclusion", new { reason = (string?)null, version = meeting.Meeting.Version });
        await meeting.DeclareAsync(Nurse, "Director of the bidding supplier", privateItem);
        await StartAsync(meeting);

        var publicPart = (await DocumentAsync(meeting, 1, MinutesPart.Public)).Document;
        var privatePart = (await DocumentAsync(meeting, 1, MinutesPart.Private)).Document;

        publicPart.Items.Select(i => i.ItemId).Should().Equal(meeting.ItemId);
        publicPart.Declarations.Should().BeEmpty();
        publicPart.ExclusionResolution.Should().EndWith("the committee resolved that the public be excluded from the remainder of the meeting.");
        publicPart.ExclusionAfterItems.Should().Be(1, "the public leave after the public item");
        privatePart.Items.Select(i => i.ItemId).Should().Equal(privateItem);
        privatePart.Declarations.Should().ContainSingle().Which.Interest.Should().Be("Director of the bidding supplier");
        privatePart.ExclusionResolution.Should().StartWith("RESOLVED that representatives of the press");
        privatePart.ExclusionAfterItems.Should().Be(0, "the resolution is passed before the first private item");
    }

    [DatabaseFact]
    public async Task Approve_AtTheNextMeetingsMinutesItem_StoresAHashThatReReadingGivesAgain()
    {
        using var meeting = await MeetingScenario.StartAsync(app, DateTimeOffset.UtcNow.AddHours(-3));
        var minutes = await StartAsync(meeting);
        minutes = await EditAsync(meeting, 1, "The committee **discussed** access for patients.", minutes.Version);
        var (nextMeeting, minutesItem) = await NextMeetingAsync(meeting, "Minutes of the previous meeting");

        using var response = await meeting.Secretary.PostJsonAsync($"{Url(meeting)}/versions/1/approval", new { meetingId = nextMeeting, itemId = minutesItem, version = minutes.Version });

        var approved = (await response.ReadJsonAsync<MinutesDto>(HttpStatusCode.OK)).Versions.Should().ContainSingle().Subject;
        approved.Status.Should().Be(MinutesStatus.Approved);
        approved.ApprovedAtMeetingId.Should().Be(nextMeeting);
        approved.ApprovedAtItemId.Should().Be(minutesItem);
        approved.ContentHash.Should().MatchRegex("^[0-9a-f]{64}$");
        var reread = await DocumentAsync(meeting, 1, MinutesPart.Public);
        reread.Hash.Should().Be(approved.ContentHash);
        reread.StoredHash.Should().Be(approved.ContentHash);
        reread.HashVerified.Should().BeTrue();
        reread.MatchesRecord.Should().BeTrue();
        reread.Document.Status.Should().Be("Approved");
        reread.Document.Items[0].Narrative.Should().Be("The committee **discussed** access for patients.");
        (await DocumentAsync(meeting, 1, MinutesPart.Private)).Hash.Should().Be(approved.ContentHash);
    }

    [DatabaseFact]
    public async Task Approve_ByTheChairPresidingAtTheApprovingItem_Returns200()
    {
        using var meeting = await MeetingScenario.StartAsync(app, DateTimeOffset.UtcNow.AddHours(-3));
        var minutes = await StartAsync(meeting);
        minutes = await EditAsync(meeting, 1, "The chair approves these.", minutes.Version);
        var (nextMeeting, minutesItem) = await NextMeetingAsync(meeting, "Minutes of the previous meeting");
        await ArriveAtAsync(meeting, nextMeeting, Chair);

        using var chair = await app.CreateApiClientAsync(DemoUsers.Chair);
        using var response = await chair.PostJsonAsync($"{Url(meeting)}/versions/1/approval", new { meetingId = nextMeeting, itemId = minutesItem, version = minutes.Version });

        var approved = (await response.ReadJsonAsync<MinutesDto>(HttpStatusCode.OK)).Versions.Should().ContainSingle().Subject;
        approved.Status.Should().Be(MinutesStatus.Approved);
        approved.ApprovedAtMeetingId.Should().Be(nextMeeting);
        approved.ApprovedBy.Should().Be(Chair);
    }

    [DatabaseFact]
    public async Task Approve_ByAMemberNotPresiding_Returns403AndNothingChanges()
    {
        using var meeting = await MeetingScenario.StartAsync(app, DateTimeOffset.UtcNow.AddHours(-3));
        var minutes = await StartAsync(meeting);
        minutes = await EditAsync(meeting, 1, "A member may not approve these.", minutes.Version);
        var (nextMeeting, minutesItem) = await NextMeetingAsync(meeting, "Minutes of the previous meeting");
        await ArriveAtAsync(meeting, nextMeeting, Chair);

        using var member = await app.CreateApiClientAsync(DemoUsers.Member);
        using var response = await member.PostJsonAsync($"{Url(meeting)}/versions/1/approval", new { meetingId = nextMeeting, itemId = minutesItem, version = minutes.Version });

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).Should().Contain(MinutesService.NotAllowedToApprove);
        using var after = await meeting.Secretary.GetAsync(Url(meeting));
        var unchanged = await after.ReadJsonAsync<MinutesDto>(HttpStatusCode.OK);
        unchanged.Version.Should().Be(minutes.Version);
        unchanged.Versions.Should().ContainSingle().Which.Status.Should().Be(MinutesStatus.Draft);
    }

    [DatabaseTheory]
    [InlineData("Finance report", 1, "Minutes are approved at the agenda item \"Minutes of the previous meeting\"; \"Finance report\" is not that item.")]
    [InlineData("Minutes of the previous meeting", -5, "Minutes are approved at a later meeting of the same committee: choose that meeting's \"Minutes of the previous meeting\" item.")]
    public async Task Approve_NotAtALaterMeetingsMinutesItem_Returns422AndStaysADraft(string title, int hoursAfter, string message)
    {
        using var meeting = await MeetingScenario.StartAsync(app, DateTimeOffset.UtcNow.AddHours(-3));
        var minutes = await StartAsync(meeting);
        var (otherMeeting, item) = await NextMeetingAsync(meeting, title, hoursAfter);

        using var response = await meeting.Secretary.PostJsonAsync($"{Url(meeting)}/versions/1/approval", new { meetingId = otherMeeting, itemId = item, version = minutes.Version });

        (await response.ReadProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString().Should().Be(message);
        (await meeting.Secretary.GetJsonAsync<MinutesDto>(Url(meeting))).Versions.Single().Status.Should().Be(MinutesStatus.Draft);
    }

    [DatabaseFact]
    public async Task EditNarrative_ApprovedVersion_Returns422AndTheApprovedTextIsUnchanged()
    {
        using var meeting = await MeetingScenario.StartAsync(app, DateTimeOffset.UtcNow.AddHours(-3));
        var minutes = await ApprovedAsync(meeting, "As approved.");
        var before = await DocumentAsync(meeting, 1, MinutesPart.Public);

        using var response = await meeting.Secretary.PutJsonAsync($"{Url(meeting)}/versions/1/narratives/{meeting.ItemId}", new { markdown = "Rewritten after approval.", version = minutes.Version });

        (await response.ReadProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString()
            .Should().Be("Version 1 of the minutes was approved and is fixed. To change it, make a correction: that creates a new version with the reason.");
        var after = await DocumentAsync(meeting, 1, MinutesPart.Public);
        after.Document.Items[0].Narrative.Should().Be("As approved.");
        after.Hash.Should().Be(before.Hash);
    }

    [DatabaseFact]
    public async Task ApprovedVersion_ChangedOrDeletedInTheDatabase_IsRefusedByTheDatabase()
    {
        using var meeting = await MeetingScenario.StartAsync(app, DateTimeOffset.UtcNow.AddHours(-3));
        var minutes = await ApprovedAsync(meeting, "As approved.");
        var before = await DocumentAsync(meeting, 1, MinutesPart.Public);
        var dbs = app.Factory.Services.GetRequiredService<GovernanceDbFactory>();
        await using var db = await dbs.CreateAsync(AuditActor.System("test"));
        var approved = db.Set<MinutesVersion>().Where(v => v.MinutesId == minutes.Id && v.Number == 1);

        var update = () => approved.ExecuteUpdateAsync(s => s.SetProperty(v => v.CreatedBy, "Tampered"));
        var delete = () => approved.ExecuteDeleteAsync();

        (await update.Should().ThrowAsync<DbException>()).Which.Message.Should().Contain("approved minutes are fixed");
        (await delete.Should().ThrowAsync<DbException>()).Which.Message.Should().Contain("approved minutes are fixed");
        (await DocumentAsync(meeting, 1, MinutesPart.Public)).Hash.Should().Be(before.Hash);
    }

    [DatabaseFact]
    public async Task EditApproveAndCorrect_AreInTheAuditTrailWithTheSecretaryAndTheOldAndNewText()
    {
        using var meeting = await MeetingScenario.StartAsync(app, DateTimeOffset.UtcNow.AddHours(-3));
        var minutes = await ApprovedAsync(meeting, "As approved.");
        using (var corrected = await meeting.Secretary.PostJsonAsync($"{Url(meeting)}/versions/1/corrections", new { reason = "Typo in item 1.", version = minutes.Version }))
        {
            minutes = await corrected.ReadJsonAsync<MinutesDto>(HttpStatusCode.Created);
        }

        await EditAsync(meeting, 2, "As corrected.", minutes.Version);
        using var governance = await app.CreateApiClientAsync(DemoUsers.Governance);

        var trail = await governance.GetJsonAsync<AuditPageDto>($"/api/audit?recordId={minutes.Id}&pageSize=50");

        trail.Entries.Should().OnlyContain(e => e.ActorName == DemoUsers.SecretaryName);
        // Started, version 1 edited and approved, version 2 made by the correction and edited (a change of the
        // minutes' concurrency token alone is not an audited change).
        trail.Entries.Select(e => (e.RecordType, e.Action)).Should().BeEquivalentTo(new[]
        {
            (nameof(Domain.Minutes.Minutes), AuditAction.Insert), (nameof(MinutesVersion), AuditAction.Insert),
            (nameof(MinutesVersion), AuditAction.Update), (nameof(MinutesVersion), AuditAction.Update),
            (nameof(MinutesVersion), AuditAction.Insert), (nameof(MinutesVersion), AuditAction.Update),
        });
        trail.Entries.Should().Contain(e => e.RecordType == nameof(MinutesVersion) && e.Changes.Contains("As approved.") && e.Changes.Contains("As corrected."));
    }

    [DatabaseFact]
    public async Task EditNarrative_StaleVersion_Returns409AndKeepsTheOtherEdit()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        var minutes = await StartAsync(meeting);
        await EditAsync(meeting, 1, "First secretary's text.", minutes.Version);

        using var response = await meeting.Secretary.PutJsonAsync($"{Url(meeting)}/versions/1/narratives/{meeting.ItemId}", new { markdown = "Second secretary's text.", version = minutes.Version });

        (await response.ReadProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString()
            .Should().Be("Someone else changed this record of minutes after you opened it. Refresh to see their changes, then try again.");
        (await DocumentAsync(meeting, 1, MinutesPart.Public)).Document.Items[0].Narrative.Should().Be("First secretary's text.");
    }

    [DatabaseFact]
    public async Task Correct_ApprovedVersion_CreatesVersion2WithTheReasonAndVersion1IsUnchanged()
    {
        using var meeting = await MeetingScenario.StartAsync(app, DateTimeOffset.UtcNow.AddHours(-3));
        var minutes = await ApprovedAsync(meeting, "As approved.");
        var approved = await DocumentAsync(meeting, 1, MinutesPart.Public);

        using var response = await meeting.Secretary.PostJsonAsync($"{Url(meeting)}/versions/1/corrections", new { reason = "The presenter's name was misspelt.", version = minutes.Version });

        var corrected = await response.ReadJsonAsync<MinutesDto>(HttpStatusCode.Created);
        corrected.Versions.Select(v => v.Number).Should().Equal(1, 2);
        corrected.Versions[1].Should().BeEquivalentTo(new { Status = MinutesStatus.Draft, CorrectionReason = "The presenter's name was misspelt.", CorrectsVersion = 1 });
        corrected.Versions[1].Narratives[meeting.ItemId].Should().Be("As approved.");
        await EditAsync(meeting, 2, "Corrected text.", corrected.Version);
        var version1 = await DocumentAsync(meeting, 1, MinutesPart.Public);
        version1.Hash.Should().Be(approved.Hash);
        version1.Document.Items[0].Narrative.Should().Be("As approved.");
        (await DocumentAsync(meeting, 2, MinutesPart.Public)).Document.Items[0].Narrative.Should().Be("Corrected text.");
    }

    [DatabaseFact]
    public async Task Correct_WithoutAReason_Returns400NamingReason()
    {
        using var meeting = await MeetingScenario.StartAsync(app, DateTimeOffset.UtcNow.AddHours(-3));
        var minutes = await ApprovedAsync(meeting, "As approved.");

        using var response = await meeting.Secretary.PostJsonAsync($"{Url(meeting)}/versions/1/corrections", new { reason = " ", version = minutes.Version });

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("reason").Should().Equal("Enter the reason.");
    }

    [DatabaseFact]
    public async Task Member_ReadsButCannotEdit_403()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        var minutes = await StartAsync(meeting);
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);

        using var edit = await member.PutJsonAsync($"{Url(meeting)}/versions/1/narratives/{meeting.ItemId}", new { markdown = "Member's text", version = minutes.Version });
        using var correct = await member.PostJsonAsync($"{Url(meeting)}/versions/1/corrections", new { reason = "Because", version = minutes.Version });

        edit.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        correct.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await member.GetJsonAsync<MinutesDocumentDto>($"{Url(meeting)}/versions/1/public")).Document.Items[0].Narrative.Should().BeEmpty();
    }

    [DatabaseFact]
    public async Task AnotherOrganisation_Gets404()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        var minutes = await StartAsync(meeting);
        using var other = await app.CreateApiClientAsync(DemoUsers.NorthfieldSecretary);

        using var read = await other.GetAsync($"{Url(meeting)}/versions/1/public");
        using var list = await other.GetAsync(Url(meeting));
        using var edit = await other.PutJsonAsync($"{Url(meeting)}/versions/1/narratives/{meeting.ItemId}", new { markdown = "Theirs", version = minutes.Version });
        using var start = await other.PostJsonAsync(Url(meeting), new { });

        (await read.ReadProblemAsync(HttpStatusCode.NotFound)).GetProperty("detail").GetString().Should().Be("The record of minutes was not found.");
        list.StatusCode.Should().Be(HttpStatusCode.NotFound);
        edit.StatusCode.Should().Be(HttpStatusCode.NotFound);
        start.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await DocumentAsync(meeting, 1, MinutesPart.Public)).Document.Items[0].Narrative.Should().BeEmpty();
    }

    [DatabaseFact]
    public async Task Narrative_WithAScript_IsStoredAsTypedAndRenderedSanitised()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        var minutes = await StartAsync(meeting);
        const string markdown = "The committee **agreed**.<script>alert('x')</script> <a href=\"javascript:alert(1)\" onclick=\"steal()\">link</a>";
        await EditAsync(meeting, 1, markdown, minutes.Version);

        var document = await DocumentAsync(meeting, 1, MinutesPart.Public);

        document.Document.Items[0].Narrative.Should().Be(markdown);
        var html = document.NarrativeHtml[meeting.ItemId];
        html.Should().Contain("<strong>agreed</strong>");
        html.Should().NotContainAny("<script", "javascript:", "onclick");
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    private static string Url(MeetingScenario meeting) => $"{meeting.Url}/minutes";

    private static async Task<MinutesDto> StartAsync(MeetingScenario meeting)
    {
        using var response = await meeting.Secretary.PostJsonAsync(Url(meeting), new { });
        return await response.ReadJsonAsync<MinutesDto>(HttpStatusCode.OK);
    }

    private static Task<MinutesDocumentDto> DocumentAsync(MeetingScenario meeting, int number, MinutesPart part) =>
        meeting.Secretary.GetJsonAsync<MinutesDocumentDto>($"{Url(meeting)}/versions/{number}/{part.ToString().ToLowerInvariant()}");

    private static async Task<MinutesDto> EditAsync(MeetingScenario meeting, int number, string markdown, Guid version)
    {
        using var response = await meeting.Secretary.PutJsonAsync($"{Url(meeting)}/versions/{number}/narratives/{meeting.ItemId}", new { markdown, version });
        return await response.ReadJsonAsync<MinutesDto>(HttpStatusCode.OK);
    }

    /// <summary>Schedules another meeting of the committee <paramref name="hoursAfter"/> hours after this one, with an item titled <paramref name="title"/>.</summary>
    private static async Task<(Guid MeetingId, Guid ItemId)> NextMeetingAsync(MeetingScenario meeting, string title, int hoursAfter = 2)
    {
        using var scheduled = await meeting.Secretary.PostJsonAsync($"/api/committees/{meeting.CommitteeId}/meetings?standingItems=false", new { title = ApiScenario.UniqueName("PCCC next meeting"), startsAt = meeting.Meeting.StartsAt.AddHours(hoursAfter) });
        var next = await scheduled.ReadJsonAsync<MeetingDto>(HttpStatusCode.Created);
        using var added = await meeting.Secretary.PostJsonAsync($"/api/meetings/{next.Id}/items", new { title, purpose = ItemPurpose.Decision, isPrivate = false, version = next.Version });
        var withItem = await added.ReadJsonAsync<MeetingDto>(HttpStatusCode.OK);
        return (next.Id, withItem.Items.Single().Id);
    }

    /// <summary>Records the arrival of the named members at another meeting of the committee (so the chair presides there).</summary>
    private static async Task ArriveAtAsync(MeetingScenario meeting, Guid meetingId, params string[] names)
    {
        using var read = await meeting.Secretary.GetAsync($"/api/meetings/{meetingId}");
        var version = (await read.ReadJsonAsync<MeetingDto>(HttpStatusCode.OK)).Version;
        foreach (var name in names)
        {
            using var arrived = await meeting.Secretary.PostJsonAsync($"/api/meetings/{meetingId}/arrivals", new { membershipId = meeting.Id(name), deputy = false, version });
            version = (await arrived.ReadJsonAsync<MeetingDto>(HttpStatusCode.OK)).Version;
        }
    }

    private static async Task<MinutesDto> ApprovedAsync(MeetingScenario meeting, string narrative)
    {
        var minutes = await StartAsync(meeting);
        minutes = await EditAsync(meeting, 1, narrative, minutes.Version);
        var (next, item) = await NextMeetingAsync(meeting, "Minutes of the previous meeting");
        using var response = await meeting.Secretary.PostJsonAsync($"{Url(meeting)}/versions/1/approval", new { meetingId = next, itemId = item, version = minutes.Version });
        return await response.ReadJsonAsync<MinutesDto>(HttpStatusCode.OK);
    }
}
