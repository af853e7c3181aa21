using System.Net;
using CoCommissioning.Domain.Interests;
using CoCommissioning.Web.Features.People;
using CoCommissioning.Web.Features.RegisterSettings;
using CoCommissioning.Web.Tests.Infrastructure;

namespace CoCommissioning.Web.Tests.Api;

/// <summary>
/// Register settings through HTTP on PostgreSQL. Only <see cref="Settings_FirstSaveThenChange_AdviceFollowsTheThresholds"/>
/// saves settings (this class has its own database), so the others see the defaults or fail before saving.
/// </summary>
public sealed class RegisterSettingsTests(PostgresAppFixture app) : IClassFixture<PostgresAppFixture>
{
    [Fact]
    public async Task Settings_FirstSaveThenChange_AdviceFollowsTheThresholds()
    {
        using var governance = await app.CreateApiClientAsync(DemoUsers.Governance);
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);
        var guardian = await governance.PersonNamedAsync("Helen Carter");
        var dinner = GiftTests.Offer(ApiScenario.UniqueName("Dinner"), 30m, OfferKind.Hospitality);

        // Reading the defaults twice writes nothing: the version stays null until the first save.
        var defaults = await governance.GetJsonAsync<RegisterSettingsDto>("/api/register-settings");
        (await governance.GetJsonAsync<RegisterSettingsDto>("/api/register-settings")).Should().Be(defaults);
        defaults.IsDefault.Should().BeTrue();
        defaults.Version.Should().BeNull();
        defaults.GiftDeclarationLimit.Should().Be(50m);
        (await GiftTests.AdviceAsync(member, dinner)).Advice.Should().Be(OfferAdvice.MayAcceptAndDeclare);

        using var first = await governance.PutJsonAsync("/api/register-settings", Request(hospitalityFrom: 40m, guardian: guardian.Id, version: null));
        var saved = await first.ReadJsonAsync<RegisterSettingsDto>(HttpStatusCode.OK);
        saved.IsDefault.Should().BeFalse();
        saved.Version.Should().NotBeNull();
        saved.GuardianName.Should().Be("Helen Carter");
        (await member.GetJsonAsync<ThresholdsDto>("/api/register-settings/thresholds")).HospitalityDeclarationFrom.Should().Be(40m);
        (await GiftTests.AdviceAsync(member, dinner)).Advice.Should().Be(OfferAdvice.MayAcceptWithoutDeclaring);
        (await GiftTests.DeclareAsync(member, dinner)).Advice.Should().Be(OfferAdvice.MayAcceptWithoutDeclaring);

        // A second first-save (someone else's stale form) and a stale version are both refused.
        using var again = await governance.PutJsonAsync("/api/register-settings", Request(hospitalityFrom: 20m, version: null));
        await again.ReadProblemAsync(HttpStatusCode.Conflict);
        using var stale = await governance.PutJsonAsync("/api/register-settings", Request(hospitalityFrom: 20m, version: Guid.NewGuid()));
        await stale.ReadProblemAsync(HttpStatusCode.Conflict);

        using var second = await governance.PutJsonAsync("/api/register-settings", Request(hospitalityFrom: 20m, version: saved.Version));
        var changed = await second.ReadJsonAsync<RegisterSettingsDto>(HttpStatusCode.OK);
        changed.HospitalityDeclarationFrom.Should().Be(20m);
        changed.GuardianPersonId.Should().BeNull();
        (await GiftTests.AdviceAsync(member, dinner)).Advice.Should().Be(OfferAdvice.MayAcceptAndDeclare);

        // Settings are per organisation: Northfield keeps the guidance figures.
        using var northfield = await app.CreateApiClientAsync(DemoUsers.NorthfieldSecretary);
        (await northfield.GetJsonAsync<ThresholdsDto>("/api/register-settings/thresholds")).Should().Be(ThresholdsDto.From(GiftThresholds.Guidance2017));
    }

    [Fact]
    public async Task Save_GuardianOfAnotherOrganisation_Returns400GuardianPersonId()
    {
        using var governance = await app.CreateApiClientAsync(DemoUsers.Governance);
        using var northfield = await app.CreateApiClientAsync(DemoUsers.NorthfieldSecretary);
        var outsider = (await northfield.GetJsonAsync<List<PersonDto>>("/api/people")).First();
        var current = await governance.GetJsonAsync<RegisterSettingsDto>("/api/register-settings");

        using var response = await governance.PutJsonAsync("/api/register-settings", Request(guardian: outsider.Id, version: current.Version));

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("guardianPersonId").Should().NotBeEmpty();
    }

    [Theory]
    [InlineData("approvalBelowDeclaration", "hospitalityApprovalAbove")]
    [InlineData("negative", "brandedItemLimit")]
    [InlineData("months", "aggregationMonths")]
    [InlineData("missing", "giftDeclarationLimit")]
    public async Task Save_BadThresholds_Returns400NamingTheField(string problem, string field)
    {
        using var governance = await app.CreateApiClientAsync(DemoUsers.Governance);
        var current = await governance.GetJsonAsync<RegisterSettingsDto>("/api/register-settings");
        var request = Request(version: current.Version) with
        {
            HospitalityApprovalAbove = problem == "approvalBelowDeclaration" ? 10m : 75m,
            BrandedItemLimit = problem == "negative" ? -1m : 6m,
            AggregationMonths = problem == "months" ? 0 : 12,
            GiftDeclarationLimit = problem == "missing" ? null : 50m,
        };

        using var response = await governance.PutJsonAsync("/api/register-settings", request);

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor(field).Should().NotBeEmpty();
    }

    [Fact]
    public async Task Member_ReadsThresholdsButNotSettings()
    {
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);

        using var settings = await member.GetAsync("/api/register-settings");
        using var save = await member.PutJsonAsync("/api/register-settings", Request());
        using var thresholds = await member.GetAsync("/api/register-settings/thresholds");

        settings.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        save.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        thresholds.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private static RegisterSettingsRequest Request(decimal hospitalityFrom = 25m, Guid? guardian = null, Guid? version = null) =>
        new(6m, 50m, hospitalityFrom, 75m, 12, guardian, version);
}
