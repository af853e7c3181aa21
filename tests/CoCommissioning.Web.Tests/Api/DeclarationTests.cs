using System.Net;
using CoCommissioning.Data;
using CoCommissioning.Data.Audit;
using CoCommissioning.Domain.Interests;
using CoCommissioning.Domain.Organisations;
using CoCommissioning.Web.Features.Bodies;
using CoCommissioning.Web.Features.Declarations;
using CoCommissioning.Web.Features.People;
using CoCommissioning.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoCommissioning.Web.Tests.Api;

/// <summary>
/// The register of interests through the API: members declare for themselves only, governance leads review, bad
/// input names its field, corrections keep every version, stale changes are refused.
/// </summary>
public abstract class DeclarationTests(AppFixture app)
{
    private static readonly string[] MemberRoleOnly = ["Member"];

    private static DateOnly Today => ApiScenario.Today;

    [DatabaseFact]
    public async Task Declare_ForYourself_IsListedAsYoursAwaitingReviewWithOneVersion()
    {
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);
        var nature = ApiScenario.UniqueName("Partner at a practice");

        var declared = await member.DeclareAsync(new { category = InterestCategory.Financial, isDirect = true, nature, from = Today.AddDays(-3), newBodyName = ApiScenario.UniqueName("Riverside Surgery"), newBodyKind = BodyKind.GpPractice });

        declared.PersonName.Should().Be("Dr Aisha Rahman");
        declared.Status.Should().Be(ReviewStatus.Submitted);
        declared.IsLate.Should().BeFalse();
        declared.Details!.ConcernsBodyName.Should().StartWith("Riverside Surgery");
        var mine = await member.GetJsonAsync<List<DeclarationDto>>("/api/declarations/mine");
        mine.Should().ContainSingle(d => d.Id == declared.Id).Which.Versions.Should().ContainSingle().Which.Details!.Nature.Should().Be(nature);
    }

    [DatabaseFact]
    public async Task Declare_ForSomeoneElse_Returns403AndSavesNothing()
    {
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);
        using var secretary = await app.CreateApiClientAsync(DemoUsers.Secretary);
        var someoneElse = await secretary.PersonNamedAsync("Sophie Turner");
        var nature = ApiScenario.UniqueName("Not mine");

        using var response = await member.PostJsonAsync("/api/declarations", new { personId = someoneElse.Id, category = InterestCategory.Financial, isDirect = true, nature, from = Today });
        using var nil = await member.PostJsonAsync("/api/declarations/nil-return", new { personId = someoneElse.Id });

        await response.ReadProblemAsync(HttpStatusCode.Forbidden);
        await nil.ReadProblemAsync(HttpStatusCode.Forbidden);
        using var governance = await app.CreateApiClientAsync(DemoUsers.Governance);
        var register = await governance.GetJsonAsync<List<RegisterEntryDto>>($"/api/declarations?q={Uri.EscapeDataString(nature)}");
        register.Should().BeEmpty();
    }

    [DatabaseFact]
    public async Task Declare_NamingYourOwnPersonId_IsAccepted()
    {
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);
        using var secretary = await app.CreateApiClientAsync(DemoUsers.Secretary);
        var self = await secretary.PersonNamedAsync("Dr Aisha Rahman");

        var declared = await member.DeclareAsync(new { personId = self.Id, category = InterestCategory.NonFinancialProfessional, isDirect = true, nature = "Trustee of a charity", from = Today });

        declared.PersonId.Should().Be(self.Id);
    }

    [DatabaseFact]
    public async Task Declare_WithAnAccountLinkedToNoPerson_Returns422WithAMessage()
    {
        using var admin = await app.CreateApiClientAsync(DemoUsers.Admin);
        var email = $"no-person-{Guid.NewGuid():N}@example-ccg.nhs.uk";
        const string password = "No-Person-Password-2026";
        using var created = await admin.PostJsonAsync("/api/admin/users", new { email, displayName = "No Person", password, personId = (Guid?)null, roles = MemberRoleOnly });
        created.IsSuccessStatusCode.Should().BeTrue(await created.Content.ReadAsStringAsync());
        using var unlinked = app.CreateBearerClient(await app.CreateTokenAsync(email, password));

        using var response = await unlinked.PostJsonAsync("/api/declarations", Interest("Anything"));
        using var mine = await unlinked.GetAsync("/api/declarations/mine");

        (await response.ReadProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString().Should().Contain("not linked to a person");
        await mine.ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [DatabaseTheory]
    [InlineData("GET", "/api/declarations")]
    [InlineData("POST", "/api/declarations/{id}/accept")]
    [InlineData("POST", "/api/declarations/{id}/request-changes")]
    [InlineData("POST", "/api/declarations/{id}/withhold")]
    [InlineData("POST", "/api/declarations/{id}/publish")]
    public async Task Member_CannotReviewOrListTheRegister_Returns403(string method, string path)
    {
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);
        var declared = await member.DeclareAsync(Interest(ApiScenario.UniqueName("Own interest")));

        using var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{id}", declared.Id.ToString(), StringComparison.Ordinal));
        if (method == "POST")
        {
            request.Content = System.Net.Http.Json.JsonContent.Create(
                new { agreedMitigation = "None", comment = "x", ground = WithholdingGround.RiskOfHarm, reason = "x", guardianApproved = true, version = declared.Version }, options: Json.Options);
        }

        using var response = await member.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await member.GetJsonAsync<DeclarationDto>($"/api/declarations/{declared.Id}")).Status.Should().Be(ReviewStatus.Submitted);
    }

    [DatabaseFact]
    public async Task OtherOrganisation_GetsNotFound_ForReadingOrChangingADeclaration()
    {
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);
        using var northfield = await app.CreateApiClientAsync(DemoUsers.NorthfieldSecretary);
        var declared = await member.DeclareAsync(Interest(ApiScenario.UniqueName("Example CCG only")));

        using var get = await northfield.GetAsync($"/api/declarations/{declared.Id}");
        using var put = await northfield.PutJsonAsync($"/api/declarations/{declared.Id}", Correction(declared, "Taken over"));
        using var end = await northfield.PostJsonAsync($"/api/declarations/{declared.Id}/end", new { lastDay = Today, version = declared.Version });

        await get.ReadProblemAsync(HttpStatusCode.NotFound);
        await put.ReadProblemAsync(HttpStatusCode.NotFound);
        await end.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [DatabaseFact]
    public async Task AnotherMember_CannotReadOrCorrectYourDeclaration_Returns404()
    {
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);
        using var chair = await app.CreateApiClientAsync(DemoUsers.Chair);
        var declared = await member.DeclareAsync(Interest(ApiScenario.UniqueName("Private to me")));

        using var get = await chair.GetAsync($"/api/declarations/{declared.Id}");
        using var put = await chair.PutJsonAsync($"/api/declarations/{declared.Id}", Correction(declared, "Changed by the chair"));

        await get.ReadProblemAsync(HttpStatusCode.NotFound);
        await put.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [DatabaseFact]
    public async Task Declare_ToBeforeFrom_FromFarInFuture_NatureMissing_ReportsEveryFieldAndSavesNothing()
    {
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);
        var before = (await member.GetJsonAsync<List<DeclarationDto>>("/api/declarations/mine")).Count;

        using var toBeforeFrom = await member.PostJsonAsync("/api/declarations", new { category = InterestCategory.Financial, isDirect = true, nature = "Shares", from = Today, to = Today.AddDays(-1) });
        using var farFuture = await member.PostJsonAsync("/api/declarations", new { category = InterestCategory.Financial, isDirect = true, nature = "Shares", from = Today.AddYears(3) });
        using var noNature = await member.PostJsonAsync("/api/declarations", new { category = InterestCategory.Financial, isDirect = false, nature = "  ", from = Today });
        using var noFrom = await member.PostJsonAsync("/api/declarations", new { category = InterestCategory.Financial, isDirect = true, nature = "Shares" });

        (await toBeforeFrom.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("to").Should().ContainSingle();
        (await farFuture.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("from").Should().ContainSingle();
        var both = await noNature.ReadProblemAsync(HttpStatusCode.BadRequest);
        both.ErrorsFor("nature").Should().ContainSingle().Which.Should().Be("Enter the nature.");
        both.ErrorsFor("relationship").Should().ContainSingle("an indirect interest names the close associate");
        (await noFrom.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("from").Should().ContainSingle();
        (await member.GetJsonAsync<List<DeclarationDto>>("/api/declarations/mine")).Should().HaveCount(before);
    }

    [DatabaseFact]
    public async Task Declare_BodyOfAnotherOrganisation_ReportsConcernsBodyId()
    {
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);
        using var northfield = await app.CreateApiClientAsync(DemoUsers.NorthfieldSecretary);
        using var created = await northfield.PostJsonAsync("/api/bodies", new { name = ApiScenario.UniqueName("Northfield practice"), kind = BodyKind.GpPractice });
        var theirs = await created.ReadJsonAsync<BodyDto>(HttpStatusCode.Created);

        using var response = await member.PostJsonAsync("/api/declarations", new { category = InterestCategory.Financial, isDirect = true, nature = "Partner", from = Today, concernsBodyId = theirs.Id });

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("concernsBodyId").Should().ContainSingle();
    }

    [DatabaseFact]
    public async Task Declare_MarkupInText_IsStoredAndReturnedVerbatim()
    {
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);
        const string markup = "<script>alert(1)</script>";

        var declared = await member.DeclareAsync(new { category = InterestCategory.Financial, isDirect = true, nature = markup, mitigation = markup, from = Today });

        // Kept as text: Blazor escapes it on the page (no MarkupString on user text), and JSON carries it as a string.
        declared.Details!.Nature.Should().Be(markup);
        var read = await member.GetJsonAsync<DeclarationDto>($"/api/declarations/{declared.Id}");
        read.Details!.Nature.Should().Be(markup);
        read.Details.Mitigation.Should().Be(markup);
    }

    [DatabaseFact]
    public async Task MyDeclarationsPage_ShowsMarkupAsEscapedText()
    {
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);
        var marker = Guid.NewGuid().ToString("N")[..8];
        var markup = $"<script>alert('{marker}')</script>";
        await member.DeclareAsync(new { category = InterestCategory.Financial, isDirect = true, nature = markup, from = Today });
        using var browser = await app.CreateSignedInBrowserAsync(DemoUsers.Member);

        var html = await browser.GetStringAsync("/declarations");

        html.Should().Contain($"&lt;script&gt;alert(&#x27;{marker}&#x27;)&lt;/script&gt;").And.NotContain(markup);
    }

    [DatabaseFact]
    public async Task Correct_KeepsBothVersions_AndTheRegisterShowsTheNewOne()
    {
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);
        using var governance = await app.CreateApiClientAsync(DemoUsers.Governance);
        var declared = await member.DeclareAsync(Interest(ApiScenario.UniqueName("Shareholding")));

        using var response = await member.PutJsonAsync($"/api/declarations/{declared.Id}", Correction(declared, "Shareholding sold down to 1%"));

        var corrected = await response.ReadJsonAsync<DeclarationDto>(HttpStatusCode.OK);
        corrected.Versions.Select(v => v.Number).Should().Equal(2, 1);
        corrected.Versions[1].Details!.Nature.Should().Be(declared.Details!.Nature);
        corrected.Details!.Nature.Should().Be("Shareholding sold down to 1%");
        var full = await governance.GetJsonAsync<DeclarationDto>($"/api/declarations/{declared.Id}");
        full.Versions.Should().HaveCount(2);
        var row = (await governance.GetJsonAsync<List<RegisterEntryDto>>($"/api/declarations?personId={declared.PersonId}")).Single(e => e.Id == declared.Id);
        row.VersionCount.Should().Be(2);
        row.Nature.Should().Be("Shareholding sold down to 1%");
    }

    [DatabaseFact]
    public async Task End_SetsTheEndDateAsANewVersion()
    {
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);
        var declared = await member.DeclareAsync(Interest(ApiScenario.UniqueName("Directorship"), from: Today.AddDays(-10)));

        using var response = await member.PostJsonAsync($"/api/declarations/{declared.Id}/end", new { lastDay = Today, version = declared.Version });
        using var beforeStart = await member.PostJsonAsync($"/api/declarations/{declared.Id}/end", new { lastDay = Today.AddDays(-20), version = (await member.GetJsonAsync<DeclarationDto>($"/api/declarations/{declared.Id}")).Version });

        var ended = await response.ReadJsonAsync<DeclarationDto>(HttpStatusCode.OK);
        ended.Details!.To.Should().Be(Today);
        ended.Versions.Should().HaveCount(2);
        (await beforeStart.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("lastDay").Should().NotBeEmpty();
    }

    [DatabaseFact]
    public async Task StaleVersion_Returns409_ForACorrectionAndForAReview()
    {
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);
        using var governance = await app.CreateApiClientAsync(DemoUsers.Governance);
        var declared = await member.DeclareAsync(Interest(ApiScenario.UniqueName("Stale")));
        using var first = await member.PutJsonAsync($"/api/declarations/{declared.Id}", Correction(declared, "First correction"));
        first.StatusCode.Should().Be(HttpStatusCode.OK);

        using var second = await member.PutJsonAsync($"/api/declarations/{declared.Id}", Correction(declared, "Second, from a stale page"));
        using var accept = await governance.PostJsonAsync($"/api/declarations/{declared.Id}/accept", new { agreedMitigation = "None", version = declared.Version });

        await second.ReadProblemAsync(HttpStatusCode.Conflict);
        await accept.ReadProblemAsync(HttpStatusCode.Conflict);
        (await member.GetJsonAsync<DeclarationDto>($"/api/declarations/{declared.Id}")).Versions.Should().HaveCount(2);
    }

    [DatabaseTheory]
    [InlineData(29, true)]
    [InlineData(28, false)]
    [InlineData(0, false)]
    public async Task Declare_MoreThan28DaysAfterTheInterestBegan_IsFlaggedLate(int daysAgo, bool late)
    {
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);
        using var governance = await app.CreateApiClientAsync(DemoUsers.Governance);

        var declared = await member.DeclareAsync(Interest(ApiScenario.UniqueName("Late check"), from: Today.AddDays(-daysAgo)));

        declared.IsLate.Should().Be(late);
        var lateOnes = await governance.GetJsonAsync<List<RegisterEntryDto>>("/api/declarations?late=true");
        lateOnes.Any(e => e.Id == declared.Id).Should().Be(late);
    }

    [DatabaseFact]
    public async Task Review_AcceptWithMitigation_RequestChangesWithComment_ShownToTheMember()
    {
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);
        using var governance = await app.CreateApiClientAsync(DemoUsers.Governance);
        var declared = await member.DeclareAsync(Interest(ApiScenario.UniqueName("Review me")));

        using var noComment = await governance.PostJsonAsync($"/api/declarations/{declared.Id}/request-changes", new { comment = " ", version = declared.Version });
        using var changes = await governance.PostJsonAsync($"/api/declarations/{declared.Id}/request-changes", new { comment = "Please name the practice.", version = declared.Version });
        var asked = await changes.ReadJsonAsync<DeclarationDto>(HttpStatusCode.OK);
        using var accept = await governance.PostJsonAsync($"/api/declarations/{declared.Id}/accept", new { agreedMitigation = "Leaves the room for items about the practice.", version = asked.Version });

        (await noComment.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("comment").Should().ContainSingle();
        asked.Status.Should().Be(ReviewStatus.ChangesRequested);
        var mineWhileAsked = asked.ReviewComment;
        mineWhileAsked.Should().Be("Please name the practice.");
        var accepted = await accept.ReadJsonAsync<DeclarationDto>(HttpStatusCode.OK);
        accepted.Status.Should().Be(ReviewStatus.Accepted);
        accepted.ReviewedByName.Should().Be("Sophie Turner");
        var mine = (await member.GetJsonAsync<List<DeclarationDto>>("/api/declarations/mine")).Single(d => d.Id == declared.Id);
        mine.AgreedMitigation.Should().Be("Leaves the room for items about the practice.");
    }

    [DatabaseFact]
    public async Task Register_ShowsPersonPositionsAndBody_AndFiltersByStatusAndSearch()
    {
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);
        using var governance = await app.CreateApiClientAsync(DemoUsers.Governance);
        var body = ApiScenario.UniqueName("Oak PCN");
        var declared = await member.DeclareAsync(Interest("Clinical director", newBodyName: body, newBodyKind: BodyKind.PrimaryCareNetwork));

        var found = await governance.GetJsonAsync<List<RegisterEntryDto>>($"/api/declarations?status=Submitted&q={Uri.EscapeDataString(body)}");
        var accepted = await governance.GetJsonAsync<List<RegisterEntryDto>>($"/api/declarations?status=Accepted&q={Uri.EscapeDataString(body)}");

        var row = found.Should().ContainSingle().Which;
        row.Id.Should().Be(declared.Id);
        row.PersonName.Should().Be("Dr Aisha Rahman");
        row.BodyName.Should().Be(body);
        row.Positions.Should().Contain("GP, Riverside Surgery").And.Contain(p => p.Contains("Primary Care Commissioning Committee", StringComparison.Ordinal));
        accepted.Should().BeEmpty();
    }

    [DatabaseFact]
    public async Task WithholdAndPublish_WithTheGuardiansApproval_NeedsAReasonKeptInternal()
    {
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);
        using var governance = await app.CreateApiClientAsync(DemoUsers.Governance);
        var declared = await member.DeclareAsync(Interest(ApiScenario.UniqueName("Sensitive")));

        using var noReason = await governance.PostJsonAsync($"/api/declarations/{declared.Id}/withhold", new { ground = WithholdingGround.RiskOfHarm, reason = "", guardianApproved = true, version = declared.Version });

        // The demo organisation names David Okafor as its Conflicts of Interest Guardian.
        using var withhold = await governance.PostJsonAsync($"/api/declarations/{declared.Id}/withhold", new { ground = WithholdingGround.LegalBar, reason = "Court order", guardianApproved = true, version = declared.Version });

        (await noReason.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("reason").Should().ContainSingle();
        var withheld = await withhold.ReadJsonAsync<DeclarationDto>(HttpStatusCode.OK);
        withheld.Withheld.Should().BeTrue();
        withheld.WithholdingGround.Should().Be(WithholdingGround.LegalBar);
        withheld.WithheldReason.Should().Be("Court order");
        var mine = await member.GetJsonAsync<DeclarationDto>($"/api/declarations/{declared.Id}");
        mine.Withheld.Should().BeTrue();
        mine.WithheldReason.Should().BeNull("the reason stays with the governance team");

        using var publish = await governance.PostJsonAsync($"/api/declarations/{declared.Id}/publish", new { version = withheld.Version });
        (await publish.ReadJsonAsync<DeclarationDto>(HttpStatusCode.OK)).Withheld.Should().BeFalse();
    }

    [DatabaseFact]
    public async Task Declare_AddingAnOrganisationWithNoName_FieldMessageAndNothingSaved()
    {
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);
        var nature = ApiScenario.UniqueName("No organisation named");

        using var response = await member.PostJsonAsync("/api/declarations", new { category = InterestCategory.Financial, isDirect = true, nature, from = Today, newBodyName = " ", newBodyKind = BodyKind.GpPractice });

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("newBodyName").Should().Equal("Enter the name of the organisation, or pick one from the list.");
        (await member.GetJsonAsync<List<DeclarationDto>>("/api/declarations/mine")).Should().NotContain(d => d.Details != null && d.Details.Nature == nature);
    }

    [DatabaseFact]
    public async Task NilReturn_IsADeclarationWithNoDetails()
    {
        // The secretary has no interests in the register (the member has: a nil return would contradict them).
        using var secretary = await app.CreateApiClientAsync(DemoUsers.Secretary);
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);

        using var response = await secretary.PostJsonAsync("/api/declarations/nil-return", new { });
        using var contradicted = await member.PostJsonAsync("/api/declarations/nil-return", new { });

        var nil = await response.ReadJsonAsync<DeclarationDto>(HttpStatusCode.Created);
        nil.Kind.Should().Be(DeclarationKind.NilReturn);
        nil.Details.Should().BeNull();
        nil.Versions.Should().ContainSingle();
        (await contradicted.ReadProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString().Should().Contain("not ended");
    }

    private static object Interest(string nature, DateOnly? from = null, string? newBodyName = null, BodyKind? newBodyKind = null) =>
        new { category = InterestCategory.Financial, isDirect = true, nature, from = from ?? Today, newBodyName, newBodyKind };

    private static object Correction(DeclarationDto declared, string nature) => new
    {
        category = declared.Details!.Category,
        isDirect = declared.Details.IsDirect,
        relationship = declared.Details.Relationship,
        concernsBodyId = declared.Details.ConcernsBodyId,
        nature,
        from = declared.Details.From,
        to = declared.Details.To,
        mitigation = declared.Details.Mitigation,
        changedOn = Today,
        version = declared.Version,
    };
}

/// <summary>
/// Withholding where the organisation names a Conflicts of Interest Guardian: a class (and database) of its own,
/// because naming a guardian changes what withholding needs for every other test.
/// </summary>
public abstract class DeclarationGuardianTests(AppFixture app)
{
    [DatabaseFact]
    public async Task Withhold_WhenAGuardianIsNamed_NeedsTheirApproval()
    {
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);
        using var governance = await app.CreateApiClientAsync(DemoUsers.Governance);
        using var secretary = await app.CreateApiClientAsync(DemoUsers.Secretary);
        var guardian = await secretary.PersonNamedAsync("Helen Carter");
        await NameGuardianAsync(guardian);
        var declared = await member.DeclareAsync(new { category = InterestCategory.Financial, isDirect = true, nature = "Sensitive shareholding", from = ApiScenario.Today });

        using var unapproved = await governance.PostJsonAsync($"/api/declarations/{declared.Id}/withhold", new { ground = WithholdingGround.RiskOfHarm, reason = "Risk of harm", guardianApproved = false, version = declared.Version });
        (await unapproved.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("guardianApproved").Should().ContainSingle();
        using var approved = await governance.PostJsonAsync($"/api/declarations/{declared.Id}/withhold", new { ground = WithholdingGround.RiskOfHarm, reason = "Risk of harm", guardianApproved = true, version = declared.Version });

        var withheld = await approved.ReadJsonAsync<DeclarationDto>(HttpStatusCode.OK);
        withheld.Withheld.Should().BeTrue();
        withheld.WithholdingApprovedByGuardian.Should().BeTrue();
    }

    /// <summary>Names the guardian straight in the database: the settings page is another feature's.</summary>
    private async Task NameGuardianAsync(PersonDto guardian)
    {
        var dbs = app.Factory.Services.GetRequiredService<GovernanceDbFactory>();
        await using var db = await dbs.CreateAsync(new AuditActor(null, "test set-up"));
        var organisationId = await db.People.Where(p => p.Id == guardian.Id).Select(p => p.OrganisationId).SingleAsync();
        var settings = await db.RegisterSettings.SingleOrDefaultAsync(s => s.Id == organisationId);
        if (settings is null)
        {
            settings = RegisterSettings.DefaultsFor(organisationId);
            db.RegisterSettings.Add(settings);
        }

        settings.Update(settings.Thresholds, guardian.Id).Succeeded.Should().BeTrue();
        await db.SaveChangesAsync();
    }
}

internal static class DeclarationSteps
{
    public static async Task<DeclarationDto> DeclareAsync(this HttpClient member, object request)
    {
        using var response = await member.PostJsonAsync("/api/declarations", request);
        return await response.ReadJsonAsync<DeclarationDto>(HttpStatusCode.Created);
    }
}

public sealed class PostgresDeclarationTests(PostgresAppFixture app) : DeclarationTests(app), IClassFixture<PostgresAppFixture>;

public sealed class SqliteDeclarationTests(SqliteAppFixture app) : DeclarationTests(app), IClassFixture<SqliteAppFixture>;

public sealed class PostgresDeclarationGuardianTests(PostgresAppFixture app) : DeclarationGuardianTests(app), IClassFixture<PostgresAppFixture>;

public sealed class SqliteDeclarationGuardianTests(SqliteAppFixture app) : DeclarationGuardianTests(app), IClassFixture<SqliteAppFixture>;
