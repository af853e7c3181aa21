using System.Net;
using CoCommissioning.Domain.Interests;
using CoCommissioning.Data;
using CoCommissioning.Data.Identity;
using CoCommissioning.Domain.Common;
using CoCommissioning.Web.Features.Account;
using CoCommissioning.Web.Features.People;
using CoCommissioning.Web.Features.RegisterSettings;
using CoCommissioning.Web.Infrastructure;
using CoCommissioning.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoCommissioning.Web.Tests.Api;

/// <summary>
/// Register settings through HTTP on PostgreSQL. Example CCG's demo data saves settings (naming a Guardian);
/// Northfield's has none. Only two tests save (one per organisation); the rest fail before saving.
/// </summary>
public abstract class RegisterSettingsTests(AppFixture app)
{
    [DatabaseFact]
    public async Task Settings_Change_AdviceFollowsTheThresholdsAndStaleSavesAreRefused()
    {
        using var governance = await app.CreateApiClientAsync(DemoUsers.Governance);
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);
        var guardian = await governance.PersonNamedAsync("Helen Carter");
        // Offered today: a threshold change takes effect from today, and an offer is judged by the limits on its date (ADR-0025).
        var dinner = GiftTests.Offer(ApiScenario.UniqueName("Dinner"), 30m, OfferKind.Hospitality, offeredOn: ApiScenario.Today);
        var current = await governance.GetJsonAsync<RegisterSettingsDto>("/api/register-settings");

        using var first = await governance.PutJsonAsync("/api/register-settings", Request(hospitalityFrom: 40m, guardian: guardian.Id, version: current.Version));
        var saved = await first.ReadJsonAsync<RegisterSettingsDto>(HttpStatusCode.OK);
        saved.IsDefault.Should().BeFalse();
        saved.Version.Should().NotBeNull();
        (saved.Version == current.Version).Should().BeFalse("a save moves the version");
        saved.GuardianName.Should().Be("Helen Carter");
        (await member.GetJsonAsync<ThresholdsDto>("/api/register-settings/thresholds")).HospitalityDeclarationFrom.Should().Be(40m);
        (await GiftTests.AdviceAsync(member, dinner)).Advice.Should().Be(OfferAdvice.MayAcceptWithoutDeclaring);
        (await GiftTests.DeclareAsync(member, dinner)).Advice.Should().Be(OfferAdvice.MayAcceptWithoutDeclaring);

        // A first save from a form opened on the defaults, and a stale version, are both refused.
        using var again = await governance.PutJsonAsync("/api/register-settings", Request(hospitalityFrom: 20m, version: null));
        await again.ReadProblemAsync(HttpStatusCode.Conflict);
        using var stale = await governance.PutJsonAsync("/api/register-settings", Request(hospitalityFrom: 20m, version: current.Version ?? Guid.NewGuid()));
        await stale.ReadProblemAsync(HttpStatusCode.Conflict);
        (await governance.GetJsonAsync<RegisterSettingsDto>("/api/register-settings")).Should().Be(saved);

        using var second = await governance.PutJsonAsync("/api/register-settings", Request(hospitalityFrom: 20m, version: saved.Version));
        var changed = await second.ReadJsonAsync<RegisterSettingsDto>(HttpStatusCode.OK);
        changed.HospitalityDeclarationFrom.Should().Be(20m);
        changed.GuardianPersonId.Should().BeNull();
        (await GiftTests.AdviceAsync(member, dinner)).Advice.Should().Be(OfferAdvice.MayAcceptAndDeclare);
    }

    /// <summary>
    /// Northfield has saved no settings (and has no governance lead in the demo), so its defaults are read and first
    /// saved through the service the endpoints call, as its secretary.
    /// </summary>
    [DatabaseFact]
    public async Task Settings_NeverSaved_ReadAsTheGuidanceFiguresWithoutWritingThenCreatedOnFirstSave()
    {
        using var northfield = await app.CreateApiClientAsync(DemoUsers.NorthfieldSecretary);
        var me = await northfield.GetJsonAsync<MeDto>("/api/me");
        var user = new CurrentUser(me.UserId, me.DisplayName, me.OrganisationId, me.OrganisationName, me.PersonId, new HashSet<AppRole>(me.Roles));
        var service = app.Factory.Services.GetRequiredService<RegisterSettingsService>();

        var defaults = await service.GetAsync(user);
        (await service.GetAsync(user)).Should().Be(defaults);
        (await northfield.GetJsonAsync<ThresholdsDto>("/api/register-settings/thresholds")).Should().Be(ThresholdsDto.From(GiftThresholds.Guidance2017));

        defaults.IsDefault.Should().BeTrue();
        defaults.Version.Should().BeNull();
        defaults.GuardianPersonId.Should().BeNull();
        new GiftThresholds(defaults.BrandedItemLimit, defaults.GiftDeclarationLimit, defaults.HospitalityDeclarationFrom, defaults.HospitalityApprovalAbove, defaults.AggregationMonths)
            .Should().Be(GiftThresholds.Guidance2017);
        (await SettingsRowsAsync(me.OrganisationId)).Should().Be(0, "reading the defaults must not write them");

        var created = await service.SaveAsync(user, Request(hospitalityFrom: 30m, guardian: me.PersonId));
        created.Succeeded.Should().BeTrue();
        created.Value!.IsDefault.Should().BeFalse();
        created.Value.GuardianName.Should().Be("Owen Price");
        (await SettingsRowsAsync(me.OrganisationId)).Should().Be(1);
        (await northfield.GetJsonAsync<ThresholdsDto>("/api/register-settings/thresholds")).HospitalityDeclarationFrom.Should().Be(30m);

        (await service.SaveAsync(user, Request(version: null))).Failure!.Kind.Should().Be(FailureKind.Conflict);
    }

    [DatabaseFact]
    public async Task Save_GuardianOfAnotherOrganisation_Returns400GuardianPersonId()
    {
        using var governance = await app.CreateApiClientAsync(DemoUsers.Governance);
        using var northfield = await app.CreateApiClientAsync(DemoUsers.NorthfieldSecretary);
        var outsider = (await northfield.GetJsonAsync<List<PersonDto>>("/api/people")).First();
        var current = await governance.GetJsonAsync<RegisterSettingsDto>("/api/register-settings");

        using var response = await governance.PutJsonAsync("/api/register-settings", Request(guardian: outsider.Id, version: current.Version));

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("guardianPersonId").Should().NotBeEmpty();
    }

    [DatabaseTheory]
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

    [DatabaseFact]
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

    private async Task<int> SettingsRowsAsync(Guid organisationId)
    {
        await using var db = await app.Factory.Services.GetRequiredService<GovernanceDbFactory>().CreateForReadingAsync();
        return await db.RegisterSettings.CountAsync(s => s.Id == organisationId);
    }

    private static RegisterSettingsRequest Request(decimal hospitalityFrom = 25m, Guid? guardian = null, Guid? version = null) =>
        new(6m, 50m, hospitalityFrom, 75m, 12, guardian, version);
}

public sealed class PostgresRegisterSettingsTests(PostgresAppFixture app) : RegisterSettingsTests(app), IClassFixture<PostgresAppFixture>;

public sealed class SqliteRegisterSettingsTests(SqliteAppFixture app) : RegisterSettingsTests(app), IClassFixture<SqliteAppFixture>;
