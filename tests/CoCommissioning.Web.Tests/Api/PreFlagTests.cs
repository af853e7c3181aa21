using System.Net;
using CoCommissioning.Domain.Interests;
using CoCommissioning.Domain.Meetings;
using CoCommissioning.Domain.Organisations;
using CoCommissioning.Web.Features.Bodies;
using CoCommissioning.Web.Features.Meetings;
using CoCommissioning.Web.Tests.Infrastructure;

namespace CoCommissioning.Web.Tests.Api;

/// <summary>
/// Register-driven pre-flags through HTTP on PostgreSQL, on the demo registers: Dr Aisha Rahman (the demo member)
/// holds accepted interests in Riverside Surgery and its PCN; Dr Tom Gallagher in Northgate Medical Practice, Acme
/// Digital Health (indirect) and the GP federation (ended three months ago); Dr James Morton a withheld interest in
/// Riverside Surgery; Priya Shah an unreviewed one in Riverside Carers' Trust.
/// </summary>
public abstract class PreFlagTests(AppFixture app)
{
    private const string Rahman = "Dr Aisha Rahman";
    private const string Gallagher = "Dr Tom Gallagher";

    [DatabaseFact]
    public async Task Pack_ItemAffectingRiversideSurgery_FlagsRahmanNotGallagher()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        var bodies = await BodiesAsync(meeting.Secretary);
        var itemId = await meeting.AddItemAffectingAsync("Riverside Surgery list closure", bodies["Riverside Surgery"]);

        var flags = await meeting.Secretary.GetJsonAsync<List<PreFlagDto>>($"{meeting.Url}/pre-flags");

        var onItem = flags.Where(f => f.ItemId == itemId).ToList();
        onItem.Select(f => f.PersonName).Should().Contain(Rahman).And.NotContain(Gallagher);
        var rahman = onItem.Single(f => f.PersonName == Rahman);
        rahman.Should().BeEquivalentTo(new
        {
            ItemTitle = "Riverside Surgery list closure",
            MembershipId = meeting.Id(Rahman),
            AsDeputy = false,
            Category = InterestCategory.Financial,
            Nature = "GP partner, holds a share of the practice's profits.",
            BodyName = "Riverside Surgery",
            ReviewStatus = ReviewStatus.Accepted,
            NotYetReviewed = false,
            Withheld = false,
            Response = (PreFlagResponseDto?)null,
        });

        // A withheld entry is off the public register but still a conflict: the pack shows it, marked.
        onItem.Single(f => f.PersonName == "Dr James Morton").Withheld.Should().BeTrue();
        flags.Should().NotContain(f => f.ItemId == meeting.ItemId, "the scenario's first item names no body");
    }

    [DatabaseFact]
    public async Task Pack_InterestEndedThreeMonthsAgo_DoesNotFlag_ButCurrentOnesDo()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        var bodies = await BodiesAsync(meeting.Secretary);
        var federationItem = await meeting.AddItemAffectingAsync("Federation contract variation", bodies["Example GP Federation Ltd"]);
        var supplierItem = await meeting.AddItemAffectingAsync("Online consultation system", bodies["Acme Digital Health Ltd"]);

        var flags = await meeting.Secretary.GetJsonAsync<List<PreFlagDto>>($"{meeting.Url}/pre-flags");

        flags.Should().NotContain(f => f.ItemId == federationItem);
        var indirect = flags.Should().ContainSingle(f => f.ItemId == supplierItem).Subject;
        indirect.PersonName.Should().Be(Gallagher);
        indirect.Category.Should().Be(InterestCategory.Indirect);
    }

    [DatabaseFact]
    public async Task Pack_UnreviewedInterest_FlaggedAsNotYetReviewed()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        var bodies = await BodiesAsync(meeting.Secretary);
        var itemId = await meeting.AddItemAffectingAsync("Carers' support grant", bodies["Riverside Carers' Trust"]);

        var flags = await meeting.Secretary.GetJsonAsync<List<PreFlagDto>>($"{meeting.Url}/pre-flags");

        var flag = flags.Should().ContainSingle(f => f.ItemId == itemId).Subject;
        flag.PersonName.Should().Be("Priya Shah");
        flag.ReviewStatus.Should().Be(ReviewStatus.Submitted);
        flag.NotYetReviewed.Should().BeTrue();
    }

    [DatabaseFact]
    public async Task Mine_Member_SeesOnlyHerOwn_ConfirmsThenChangesHerAnswer()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        var bodies = await BodiesAsync(meeting.Secretary);
        var itemId = await meeting.AddItemAffectingAsync("Riverside and Northgate merger", bodies["Riverside Surgery"], bodies["Northgate Medical Practice"]);
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);

        var mine = await member.GetJsonAsync<List<PreFlagDto>>($"{meeting.Url}/pre-flags/mine");
        var own = mine.Should().ContainSingle().Subject;
        own.PersonName.Should().Be(Rahman);
        own.BodyName.Should().Be("Riverside Surgery");

        using var confirmed = await member.PostJsonAsync($"{meeting.Url}/pre-flags/respond", new { itemId, declarationId = own.DeclarationId, response = PreFlagAnswer.Confirmed, note = "I am a partner there." });
        (await confirmed.ReadJsonAsync<PreFlagDto>(HttpStatusCode.OK)).Response.Should().BeEquivalentTo(new { Response = PreFlagAnswer.Confirmed, Note = "I am a partner there." });
        using var dismissed = await member.PostJsonAsync($"{meeting.Url}/pre-flags/respond", new { itemId, declarationId = own.DeclarationId, response = PreFlagAnswer.Dismissed });
        (await dismissed.ReadJsonAsync<PreFlagDto>(HttpStatusCode.OK)).Response!.Response.Should().Be(PreFlagAnswer.Dismissed);

        // The pack shows her (one) answer beside her flag, and nobody else's changed.
        var pack = await meeting.Secretary.GetJsonAsync<List<PreFlagDto>>($"{meeting.Url}/pre-flags");
        pack.Single(f => f.ItemId == itemId && f.DeclarationId == own.DeclarationId).Response.Should().BeEquivalentTo(new { Response = PreFlagAnswer.Dismissed, Note = (string?)null });
        pack.Where(f => f.DeclarationId != own.DeclarationId).Should().OnlyContain(f => f.Response == null);
    }

    [DatabaseFact]
    public async Task Respond_ForAnotherMembersFlag_Returns403AndRecordsNothing()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        var bodies = await BodiesAsync(meeting.Secretary);
        var itemId = await meeting.AddItemAffectingAsync("Northgate premises", bodies["Northgate Medical Practice"]);
        var gallaghers = (await meeting.Secretary.GetJsonAsync<List<PreFlagDto>>($"{meeting.Url}/pre-flags")).Single(f => f.PersonName == Gallagher);
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);

        using var response = await member.PostJsonAsync($"{meeting.Url}/pre-flags/respond", new { itemId, declarationId = gallaghers.DeclarationId, response = PreFlagAnswer.Dismissed });

        await response.ReadProblemAsync(HttpStatusCode.Forbidden);
        (await meeting.Secretary.GetJsonAsync<List<PreFlagDto>>($"{meeting.Url}/pre-flags")).Should().OnlyContain(f => f.Response == null);
    }

    [DatabaseFact]
    public async Task Respond_WithoutAnAnswer_Returns400OnResponse_AndUnflaggedDeclarationIs404()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        var bodies = await BodiesAsync(meeting.Secretary);
        var itemId = await meeting.AddItemAffectingAsync("Riverside list closure", bodies["Riverside Surgery"]);
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);
        var own = (await member.GetJsonAsync<List<PreFlagDto>>($"{meeting.Url}/pre-flags/mine")).Single();

        using var noAnswer = await member.PostJsonAsync($"{meeting.Url}/pre-flags/respond", new { itemId, declarationId = own.DeclarationId });
        (await noAnswer.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("response").Should().NotBeEmpty();

        using var notFlagged = await member.PostJsonAsync($"{meeting.Url}/pre-flags/respond", new { itemId = meeting.ItemId, declarationId = own.DeclarationId, response = PreFlagAnswer.Confirmed });
        await notFlagged.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [DatabaseFact]
    public async Task OtherOrganisation_GetsNotFound_AndMemberCannotReadThePack()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        var bodies = await BodiesAsync(meeting.Secretary);
        var itemId = await meeting.AddItemAffectingAsync("Riverside list closure", bodies["Riverside Surgery"]);
        var flag = (await meeting.Secretary.GetJsonAsync<List<PreFlagDto>>($"{meeting.Url}/pre-flags")).First();
        using var northfield = await app.CreateApiClientAsync(DemoUsers.NorthfieldSecretary);
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);

        using (var pack = await northfield.GetAsync($"{meeting.Url}/pre-flags"))
        {
            await pack.ReadProblemAsync(HttpStatusCode.NotFound);
        }

        using (var mine = await northfield.GetAsync($"{meeting.Url}/pre-flags/mine"))
        {
            await mine.ReadProblemAsync(HttpStatusCode.NotFound);
        }

        using (var respond = await northfield.PostJsonAsync($"{meeting.Url}/pre-flags/respond", new { itemId, declarationId = flag.DeclarationId, response = PreFlagAnswer.Confirmed }))
        {
            await respond.ReadProblemAsync(HttpStatusCode.NotFound);
        }

        using var memberPack = await member.GetAsync($"{meeting.Url}/pre-flags");
        memberPack.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [DatabaseFact]
    public async Task AffectedBodies_BodyOfAnotherOrganisation_IsAFieldMessage()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        using var northfield = await app.CreateApiClientAsync(DemoUsers.NorthfieldSecretary);
        using var created = await northfield.PostJsonAsync("/api/bodies", new { name = ApiScenario.UniqueName("Northfield practice"), kind = BodyKind.GpPractice });
        var foreign = await created.ReadJsonAsync<BodyDto>(HttpStatusCode.Created);
        var version = meeting.Meeting.Version;

        using var added = await meeting.Secretary.PostJsonAsync($"{meeting.Url}/items", new { title = "Foreign item", purpose = ItemPurpose.Decision, isPrivate = false, version, affectedBodyIds = new[] { foreign.Id } });
        (await added.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("affectedBodyIds").Should().NotBeEmpty();

        using var changed = await meeting.Secretary.PutJsonAsync($"{meeting.ItemUrl}/affected-bodies", new { bodyIds = new[] { foreign.Id }, version });
        (await changed.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("bodyIds").Should().NotBeEmpty();

        var stored = await meeting.Secretary.GetJsonAsync<MeetingDto>(meeting.Url);
        stored.Version.Should().Be(version);
        stored.Items.Should().ContainSingle().Which.AffectedBodyIds.Should().BeEmpty();
    }

    [DatabaseFact]
    public async Task AffectedBodies_Changed_ReflagsTheItem_AndAStaleVersionIs409()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        var bodies = await BodiesAsync(meeting.Secretary);
        var stale = meeting.Meeting.Version;

        using var changed = await meeting.Secretary.PutJsonAsync($"{meeting.ItemUrl}/affected-bodies", new { bodyIds = new[] { bodies["Riverside Primary Care Network"] }, version = stale });
        var after = await changed.ReadJsonAsync<MeetingDto>(HttpStatusCode.OK);
        after.Items.Single().AffectedBodyIds.Should().Equal(bodies["Riverside Primary Care Network"]);
        var flags = await meeting.Secretary.GetJsonAsync<List<PreFlagDto>>($"{meeting.Url}/pre-flags");
        flags.Should().ContainSingle().Which.Should().BeEquivalentTo(new { PersonName = Rahman, Category = InterestCategory.NonFinancialProfessional, BodyName = "Riverside Primary Care Network" });

        using var again = await meeting.Secretary.PutJsonAsync($"{meeting.ItemUrl}/affected-bodies", new { bodyIds = Array.Empty<Guid>(), version = stale });
        await again.ReadProblemAsync(HttpStatusCode.Conflict);
        (await meeting.Secretary.GetJsonAsync<MeetingDto>(meeting.Url)).Items.Single().AffectedBodyIds.Should().Equal(bodies["Riverside Primary Care Network"]);
    }

    private static async Task<Dictionary<string, Guid>> BodiesAsync(HttpClient client) =>
        (await client.GetJsonAsync<List<BodyDto>>("/api/bodies")).ToDictionary(b => b.Name, b => b.Id);
}

public sealed class PostgresPreFlagTests(PostgresAppFixture app) : PreFlagTests(app), IClassFixture<PostgresAppFixture>;

public sealed class SqlitePreFlagTests(SqliteAppFixture app) : PreFlagTests(app), IClassFixture<SqliteAppFixture>;
