using System.Net;
using CoCommissioning.Domain.Interests;
using CoCommissioning.Web.Features.GiftsAndHospitality;
using CoCommissioning.Web.Tests.Infrastructure;

namespace CoCommissioning.Web.Tests.Api;

/// <summary>
/// Gifts and hospitality through HTTP on PostgreSQL: the guidance's advice on entry (each threshold on both sides,
/// and gifts from one source adding up), bad input, and who may declare and review. Each test names its own
/// offeror, so no test's gifts add up with another's.
/// </summary>
public abstract class GiftTests(AppFixture app)
{
    private static DateOnly Today => ApiScenario.Today;

    [DatabaseTheory]
    [InlineData("24.99", OfferAdvice.MayAcceptWithoutDeclaring)]
    [InlineData("25", OfferAdvice.MayAcceptAndDeclare)]
    [InlineData("75", OfferAdvice.MayAcceptAndDeclare)]
    [InlineData("75.01", OfferAdvice.RefuseUnlessSeniorApproval)]
    public async Task Hospitality_EachSideOfTheThresholds_AdviceOnEntryAndStored(string value, OfferAdvice expected)
    {
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);
        var offer = Offer(ApiScenario.UniqueName("Dinner host"), decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), OfferKind.Hospitality, approvedBy: "Rachel Adams");

        var advice = await AdviceAsync(member, offer);
        var gift = await DeclareAsync(member, offer);

        advice.Advice.Should().Be(expected);
        advice.Summary.Should().NotBeNullOrWhiteSpace();
        gift.Advice.Should().Be(expected);
        gift.AdviceReason.Should().Be(advice.Reason);
        gift.Status.Should().Be(ReviewStatus.Submitted);
    }

    [DatabaseTheory]
    [InlineData("6", OfferAdvice.MayAcceptWithoutDeclaring)]
    [InlineData("6.01", OfferAdvice.Decline)]
    public async Task SupplierBrandedItem_EachSideOfSixPounds_Advice(string value, OfferAdvice expected)
    {
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);
        var offer = Offer(ApiScenario.UniqueName("Pharma Ltd"), decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), offerorKind: OfferorKind.SupplierOrContractor, branded: true, outcome: OfferOutcome.Declined);

        (await AdviceAsync(member, offer)).Advice.Should().Be(expected);
        (await DeclareAsync(member, offer)).Advice.Should().Be(expected);
    }

    [DatabaseFact]
    public async Task TwoGiftsFromOneSource_WithinTwelveMonths_AddUpToMustDeclare()
    {
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);
        var source = ApiScenario.UniqueName("Riverside Pharmacy");
        var first = await DeclareAsync(member, Offer(source, 30m, offeredOn: Today.AddMonths(-11)));
        first.Advice.Should().Be(OfferAdvice.MayAcceptWithoutDeclaring);

        // Same source typed in other capitals: still the same source.
        var second = Offer(source.ToUpperInvariant(), 30m, offeredOn: Today.AddDays(-1));
        var advice = await AdviceAsync(member, second);
        var declared = await DeclareAsync(member, second);

        advice.Advice.Should().Be(OfferAdvice.AcceptOnBehalfOfOrganisationAndDeclare);
        advice.ValueCounted.Should().Be(60m);
        advice.EarlierGiftsCounted.Should().Be(1);
        declared.Advice.Should().Be(OfferAdvice.AcceptOnBehalfOfOrganisationAndDeclare);
        declared.ValueCounted.Should().Be(60m);
    }

    [DatabaseFact]
    public async Task TwoGiftsFromOneSource_ThirteenMonthsApart_DoNotAddUp()
    {
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);
        var source = ApiScenario.UniqueName("Hillside Care");
        await DeclareAsync(member, Offer(source, 30m, offeredOn: Today.AddMonths(-13).AddDays(-1)));

        var declared = await DeclareAsync(member, Offer(source, 30m, offeredOn: Today.AddDays(-1)));

        declared.Advice.Should().Be(OfferAdvice.MayAcceptWithoutDeclaring);
        declared.ValueCounted.Should().Be(30m);
    }

    [DatabaseFact]
    public async Task GiftsFromOneSource_AnotherPersonsGifts_DoNotAddUp()
    {
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);
        using var governance = await app.CreateApiClientAsync(DemoUsers.Governance);
        var source = ApiScenario.UniqueName("Shared Source");
        await DeclareAsync(governance, Offer(source, 40m));

        (await AdviceAsync(member, Offer(source, 30m))).Advice.Should().Be(OfferAdvice.MayAcceptWithoutDeclaring);
    }

    [DatabaseTheory]
    [InlineData("negative", "estimatedValue")]
    [InlineData("future", "offeredOn")]
    [InlineData("receivedBeforeOffered", "receivedOn")]
    [InlineData("farFutureReceived", "receivedOn")]
    [InlineData("noDescription", "description")]
    [InlineData("noKind", "kind")]
    public async Task Declare_BadInput_Returns400NamingTheFieldAndSavesNothing(string problem, string field)
    {
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);
        var before = (await member.GetJsonAsync<List<GiftDto>>("/api/gifts/mine")).Count;
        var offeror = ApiScenario.UniqueName("Bad input");
        object body = problem switch
        {
            "negative" => Offer(offeror, -5m),
            "future" => Offer(offeror, 10m, offeredOn: Today.AddYears(5)),
            "receivedBeforeOffered" => Offer(offeror, 10m, offeredOn: Today.AddDays(-3), receivedOn: Today.AddDays(-10)),
            "farFutureReceived" => Offer(offeror, 10m, offeredOn: Today.AddDays(-3), receivedOn: Today.AddYears(50)),
            "noDescription" => Offer(offeror, 10m, description: "  "),
            _ => new { description = "No kind", offerorName = offeror, offerorKind = OfferorKind.Other, estimatedValue = 10m, offeredOn = Today, outcome = OfferOutcome.Accepted },
        };

        using var response = await member.PostJsonAsync("/api/gifts", body);

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor(field).Should().NotBeEmpty();
        (await member.GetJsonAsync<List<GiftDto>>("/api/gifts/mine")).Should().HaveCount(before);
    }

    [DatabaseFact]
    public async Task Declare_SeveralMistakes_ReportsEveryFieldAtOnce()
    {
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);

        using var response = await member.PostJsonAsync("/api/gifts", new { kind = OfferKind.Gift, offerorKind = OfferorKind.Other, estimatedValue = 10m, offeredOn = Today, receivedOn = Today });

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        problem.ErrorsFor("outcome").Should().NotBeEmpty();
        problem.ErrorsFor("description").Should().ContainSingle().Which.Should().Be("Enter the description.");
        problem.ErrorsFor("offerorName").Should().NotBeEmpty();
        problem.GetProperty("errors").TryGetProperty("receivedOn", out _).Should().BeFalse("the date received is not wrong, only the outcome is missing");
    }

    [DatabaseFact]
    public async Task Advice_NegativeValue_Returns400NotA500()
    {
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);

        using var response = await member.PostJsonAsync("/api/gifts/advice", Offer("Anyone", -1m));

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("estimatedValue").Should().NotBeEmpty();
    }

    [DatabaseFact]
    public async Task Declare_AcceptedOverApprovalThresholdWithoutApprover_Returns400ApprovedBy()
    {
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);

        using var response = await member.PostJsonAsync("/api/gifts", Offer(ApiScenario.UniqueName("Gala"), 120m, OfferKind.Hospitality));

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("approvedBy").Should().NotBeEmpty();
    }

    [DatabaseFact]
    public async Task Declare_TextWithMarkup_IsStoredAndReturnedAsText()
    {
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);
        const string markup = "<script>alert('x')</script><b>Hamper</b>";

        var gift = await DeclareAsync(member, Offer(ApiScenario.UniqueName("<i>Offeror</i>"), 10m, description: markup));

        var mine = await member.GetJsonAsync<List<GiftDto>>("/api/gifts/mine");
        mine.Single(g => g.Id == gift.Id).Description.Should().Be(markup);
    }

    [DatabaseFact]
    public async Task Member_DeclaresOrAsksAdviceForSomeoneElse_Returns403AndSavesNothing()
    {
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);
        using var secretary = await app.CreateApiClientAsync(DemoUsers.Secretary);
        var someoneElse = await secretary.PersonNamedAsync("Sophie Turner");
        var before = (await member.GetJsonAsync<List<GiftDto>>("/api/gifts/mine")).Count;
        var offer = Offer(ApiScenario.UniqueName("For another"), 10m) with { PersonId = someoneElse.Id };

        using var declared = await member.PostJsonAsync("/api/gifts", offer);
        using var advice = await member.PostJsonAsync("/api/gifts/advice", offer);

        await declared.ReadProblemAsync(HttpStatusCode.Forbidden);
        await advice.ReadProblemAsync(HttpStatusCode.Forbidden);
        (await member.GetJsonAsync<List<GiftDto>>("/api/gifts/mine")).Should().HaveCount(before);
    }

    [DatabaseFact]
    public async Task Member_NamesThemselves_IsAccepted()
    {
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);
        using var secretary = await app.CreateApiClientAsync(DemoUsers.Secretary);
        var self = await secretary.PersonNamedAsync("Dr Aisha Rahman");

        var gift = await DeclareAsync(member, Offer(ApiScenario.UniqueName("Self"), 10m) with { PersonId = self.Id });

        gift.PersonId.Should().Be(self.Id);
        gift.PersonName.Should().Be("Dr Aisha Rahman");
    }

    [DatabaseTheory]
    [InlineData("accept")]
    [InlineData("request-changes")]
    [InlineData("withhold")]
    public async Task Member_Reviews_Returns403AndChangesNothing(string action)
    {
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);
        var gift = await DeclareAsync(member, Offer(ApiScenario.UniqueName("Review"), 10m));

        using var response = await member.PostJsonAsync($"/api/gifts/{gift.Id}/{action}", new { version = gift.Version, comment = "x", reason = "x" });
        using var register = await member.GetAsync("/api/gifts");

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        register.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await member.GetJsonAsync<GiftDto>($"/api/gifts/{gift.Id}")).Status.Should().Be(ReviewStatus.Submitted);
    }

    [DatabaseFact]
    public async Task GovernanceLead_ReviewsFromTheRegister_AcceptsRequestsChangesAndWithholds()
    {
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);
        using var governance = await app.CreateApiClientAsync(DemoUsers.Governance);
        var offeror = ApiScenario.UniqueName("Register search");
        var gift = await DeclareAsync(member, Offer(offeror, 55m));

        var found = await governance.GetJsonAsync<List<GiftDto>>($"/api/gifts?status=Submitted&q={Uri.EscapeDataString(offeror.ToUpperInvariant())}");
        found.Should().ContainSingle().Which.Id.Should().Be(gift.Id);
        (await governance.GetJsonAsync<List<GiftDto>>($"/api/gifts?status=Accepted&q={Uri.EscapeDataString(offeror)}")).Should().BeEmpty();
        (await governance.GetJsonAsync<List<GiftDto>>("/api/gifts?q=rahman")).Should().Contain(g => g.Id == gift.Id);

        using var noComment = await governance.PostJsonAsync($"/api/gifts/{gift.Id}/request-changes", new { comment = " ", version = gift.Version });
        (await noComment.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("reviewComment").Should().NotBeEmpty();

        using var changes = await governance.PostJsonAsync($"/api/gifts/{gift.Id}/request-changes", new { comment = "Give the date received.", version = gift.Version });
        var changed = await changes.ReadJsonAsync<GiftDto>(HttpStatusCode.OK);
        changed.Status.Should().Be(ReviewStatus.ChangesRequested);
        changed.ReviewComment.Should().Be("Give the date received.");

        using var accept = await governance.PostJsonAsync($"/api/gifts/{gift.Id}/accept", new { version = changed.Version });
        var accepted = await accept.ReadJsonAsync<GiftDto>(HttpStatusCode.OK);
        accepted.Status.Should().Be(ReviewStatus.Accepted);
        accepted.ReviewedOn.Should().Be(Today);
        accepted.ReviewedByName.Should().Be("Sophie Turner");

        using var withhold = await governance.PostJsonAsync($"/api/gifts/{gift.Id}/withhold", new { reason = "Risk of harm", version = accepted.Version });
        var withheld = await withhold.ReadJsonAsync<GiftDto>(HttpStatusCode.OK);
        withheld.Withheld.Should().BeTrue();
        withheld.WithheldReason.Should().Be("Risk of harm");
    }

    [DatabaseFact]
    public async Task Review_StaleVersion_Returns409AndChangesNothing()
    {
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);
        using var governance = await app.CreateApiClientAsync(DemoUsers.Governance);
        var gift = await DeclareAsync(member, Offer(ApiScenario.UniqueName("Stale"), 10m));
        using (var first = await governance.PostJsonAsync($"/api/gifts/{gift.Id}/request-changes", new { comment = "First look", version = gift.Version }))
        {
            first.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        using var stale = await governance.PostJsonAsync($"/api/gifts/{gift.Id}/accept", new { version = gift.Version });

        await stale.ReadProblemAsync(HttpStatusCode.Conflict);
        (await governance.GetJsonAsync<GiftDto>($"/api/gifts/{gift.Id}")).Status.Should().Be(ReviewStatus.ChangesRequested);
    }

    [DatabaseFact]
    public async Task OtherOrganisation_CannotSeeOrReview_Returns404()
    {
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);
        using var governance = await app.CreateApiClientAsync(DemoUsers.Governance);
        using var northfield = await app.CreateApiClientAsync(DemoUsers.NorthfieldSecretary);
        var exampleGift = await DeclareAsync(member, Offer(ApiScenario.UniqueName("Example"), 10m));
        var northfieldGift = await DeclareAsync(northfield, Offer(ApiScenario.UniqueName("Northfield"), 10m));

        using var seeOther = await northfield.GetAsync($"/api/gifts/{exampleGift.Id}");
        using var acceptOther = await governance.PostJsonAsync($"/api/gifts/{northfieldGift.Id}/accept", new { version = northfieldGift.Version });
        using var getOther = await governance.GetAsync($"/api/gifts/{northfieldGift.Id}");

        await seeOther.ReadProblemAsync(HttpStatusCode.NotFound);
        await acceptOther.ReadProblemAsync(HttpStatusCode.NotFound);
        await getOther.ReadProblemAsync(HttpStatusCode.NotFound);
        (await governance.GetJsonAsync<List<GiftDto>>("/api/gifts")).Should().NotContain(g => g.Id == northfieldGift.Id);
        (await northfield.GetJsonAsync<GiftDto>($"/api/gifts/{northfieldGift.Id}")).Status.Should().Be(ReviewStatus.Submitted);
    }

    [DatabaseFact]
    public async Task Member_CannotSeeSomeoneElsesEntry_Returns404()
    {
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);
        using var chair = await app.CreateApiClientAsync(DemoUsers.Chair);
        var gift = await DeclareAsync(chair, Offer(ApiScenario.UniqueName("Chair's"), 10m));

        using var response = await member.GetAsync($"/api/gifts/{gift.Id}");

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [DatabaseFact]
    public async Task Thresholds_AnySignedInUser_GetsTheGuidanceDefaults()
    {
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);

        var thresholds = await member.GetJsonAsync<Features.RegisterSettings.ThresholdsDto>("/api/register-settings/thresholds");

        thresholds.Should().Be(Features.RegisterSettings.ThresholdsDto.From(GiftThresholds.Guidance2017));
    }

    [DatabaseFact]
    public async Task Pages_RenderTheEntriesWithMarkupAsText()
    {
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);
        var gift = await DeclareAsync(member, Offer(ApiScenario.UniqueName("Page test"), 12m, description: "<script>alert('page')</script>"));
        using var memberBrowser = await app.CreateSignedInBrowserAsync(DemoUsers.Member);
        using var governanceBrowser = await app.CreateSignedInBrowserAsync(DemoUsers.Governance);

        var mine = await memberBrowser.GetStringAsync("/gifts");
        var register = await governanceBrowser.GetStringAsync("/registers/gifts");

        foreach (var html in new[] { mine, register })
        {
            html.Should().Contain("&lt;script&gt;alert(").And.NotContain("<script>alert('page')");
            html.Should().Contain(gift.OfferorName).And.Contain("May accept: no declaration needed");
        }

        foreach (var path in new[] { "/registers/settings", "/registers/procurement", "/registers/breaches" })
        {
            using var response = await governanceBrowser.GetAsync(path);
            response.StatusCode.Should().Be(HttpStatusCode.OK, "{0} should render for a governance lead", path);
        }

        using var denied = await memberBrowser.GetAsync("/registers/gifts");
        denied.RedirectTarget().Should().StartWith("/account/access-denied");
    }

    internal static OfferRequest Offer(
        string offeror,
        decimal value,
        OfferKind kind = OfferKind.Gift,
        OfferorKind offerorKind = OfferorKind.Other,
        bool branded = false,
        DateOnly? offeredOn = null,
        DateOnly? receivedOn = null,
        OfferOutcome outcome = OfferOutcome.Accepted,
        string description = "A bottle of wine",
        string? approvedBy = null) =>
        new(null, kind, description, offeror, "Local business", offerorKind, null, value, false, branded, offeredOn ?? Today.AddDays(-1), receivedOn, outcome,
            outcome == OfferOutcome.Accepted && offerorKind == OfferorKind.SupplierOrContractor ? "Accepted in error" : null, approvedBy);

    internal static async Task<AdviceDto> AdviceAsync(HttpClient client, OfferRequest offer)
    {
        using var response = await client.PostJsonAsync("/api/gifts/advice", offer);
        return await response.ReadJsonAsync<AdviceDto>(HttpStatusCode.OK);
    }

    internal static async Task<GiftDto> DeclareAsync(HttpClient client, OfferRequest offer)
    {
        using var response = await client.PostJsonAsync("/api/gifts", offer);
        return await response.ReadJsonAsync<GiftDto>(HttpStatusCode.Created);
    }
}

public sealed class PostgresGiftTests(PostgresAppFixture app) : GiftTests(app), IClassFixture<PostgresAppFixture>;

public sealed class SqliteGiftTests(SqliteAppFixture app) : GiftTests(app), IClassFixture<SqliteAppFixture>;
