using System.Net;
using CoCommissioning.Web.Features.TermsOfReference;
using CoCommissioning.Web.Tests.Infrastructure;
using static CoCommissioning.Web.Tests.Api.TermsOfReference.RuleBookDocuments;

namespace CoCommissioning.Web.Tests.Api.TermsOfReference;

/// <summary>
/// Adopting terms of reference on the demo PCCC: the documented examples, and the documents refused field by field.
/// Every version adopted here takes effect in the future on a date no other test uses, so the version in force today
/// (the seeded site-4 one) stays the same whatever order the tests run in.
/// </summary>
public abstract class TermsOfReferenceAdoptTests(AppFixture app)
{
    private static DateOnly InDays(int days) => ApiScenario.Today.AddDays(days);

    public static TheoryData<string, int> AdoptableExamples => new()
    {
        { "site 1", 30 },
        { "site 3", 31 },
        { "site 4", 32 },
        { "lay majority", 33 },
    };

    private static TermsOfReferenceDocument Example(string name, DateOnly effectiveFrom) => name switch
    {
        "site 1" => Site1(effectiveFrom),
        "site 2" => Site2(effectiveFrom),
        "site 3" => Site3(effectiveFrom),
        "site 4" => Site4(effectiveFrom),
        "lay majority" => LayMajority(effectiveFrom),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    [DatabaseTheory]
    [MemberData(nameof(AdoptableExamples))]
    public async Task AdoptDocumentedExample_OnDemoCommittee_IsSavedAsNewVersion(string example, int daysAhead)
    {
        using var governance = await app.CreateApiClientAsync(DemoUsers.Governance);
        var pccc = await governance.TheOnlySeededCommitteeAsync();
        var before = await governance.TermsOfReferenceAsync(pccc.Id);
        var effectiveFrom = InDays(daysAhead);

        using var response = await governance.AdoptAsync(pccc.Id, Example(example, effectiveFrom), before.CommitteeVersion);

        var after = await response.ReadJsonAsync<TermsOfReferenceDto>(HttpStatusCode.OK);
        after.Versions.Should().HaveCount(before.Versions.Count + 1);
        var adopted = after.Versions.Should().ContainSingle(v => v.EffectiveFrom == effectiveFrom).Subject;
        adopted.InForceToday.Should().BeFalse("it takes effect in {0} days", daysAhead);
        adopted.Document.Should().BeEquivalentTo(Example(example, effectiveFrom), "the saved version exports as it was imported");
        after.InForce!.QuorumInWords.Should().Be(Site4InWords, "today is still judged by the seeded version");
        after.CommitteeVersion.Should().NotBe(before.CommitteeVersion);
    }

    [DatabaseFact]
    public async Task AdoptSite1Example_ReadsBackAsTheDocSays()
    {
        using var governance = await app.CreateApiClientAsync(DemoUsers.Governance);
        var pccc = await governance.TheOnlySeededCommitteeAsync();

        var after = await governance.AdoptOkAsync(pccc.Id, Site1(InDays(40)));

        after.Versions.Single(v => v.EffectiveFrom == InDays(40)).QuorumInWords.Should().StartWith(
            "At least 3 voting members must be present, including at least 1 Lay Member (Audit and Governance) or "
            + "Lay Member (Patient and Public Involvement) and at least 1 Chief Officer, Chief Finance Officer or Chief of Service "
            + "Delivery and Quality. Each place is filled by a different person.");
    }

    [DatabaseFact]
    public async Task AdoptSite2Example_OrganisationLacksChiefOperatingOfficer_Returns400NamingTheRole()
    {
        using var governance = await app.CreateApiClientAsync(DemoUsers.Governance);
        var pccc = await governance.TheOnlySeededCommitteeAsync();

        var problem = await AssertRefusedAsync(governance, pccc.Id, Site2(InDays(34)));

        problem.ErrorsFor("quorum.requirements[2].roles[1]").Should().ContainSingle()
            .Which.Should().Contain("Your organisation has no role named \"Chief Operating Officer\"");
    }

    public static TheoryData<string, string> InvalidDocuments => new()
    {
        { "unknown role", "quorum.requirements[0].roles[0]" },
        { "negative minimum present", "quorum.minimumPresent" },
        { "requirement of 0", "quorum.requirements[0].atLeast" },
        { "more than the members can supply", "quorum.requirements[1].atLeast" },
        { "minimum present above the voting members", "quorum.minimumPresent" },
        { "wrong format", "format" },
    };

    [DatabaseTheory]
    [MemberData(nameof(InvalidDocuments))]
    public async Task AdoptInvalidDocument_Returns400NamingTheField_AndSavesNothing(string mistake, string field)
    {
        using var governance = await app.CreateApiClientAsync(DemoUsers.Governance);
        var pccc = await governance.TheOnlySeededCommitteeAsync();
        var valid = Site4(InDays(60));
        var document = mistake switch
        {
            "unknown role" => valid with { Quorum = valid.Quorum with { Requirements = [Roles(1, "Nurse"), valid.Quorum.Requirements[1]] } },
            "negative minimum present" => valid with { Quorum = valid.Quorum with { MinimumPresent = -1 } },
            "requirement of 0" => valid with { Quorum = valid.Quorum with { Requirements = [valid.Quorum.Requirements[0] with { AtLeast = 0 }, valid.Quorum.Requirements[1]] } },
            // Four members hold a lay member, nurse or consultant role: Helen Carter, David Okafor, Sarah Whitfield, Dr James Morton.
            "more than the members can supply" => valid with { Quorum = valid.Quorum with { Requirements = [valid.Quorum.Requirements[0], valid.Quorum.Requirements[1] with { AtLeast = 5 }] } },
            // Nine voting members.
            "minimum present above the voting members" => valid with { Quorum = valid.Quorum with { MinimumPresent = 10 } },
            "wrong format" => valid with { Format = "cocommissioning/terms-of-reference/v0" },
            _ => throw new ArgumentOutOfRangeException(nameof(mistake), mistake, null),
        };

        var problem = await AssertRefusedAsync(governance, pccc.Id, document);

        problem.ErrorsFor(field).Should().NotBeEmpty();
    }

    [DatabaseFact]
    public async Task AdoptUnknownRole_MessageNamesTheRole()
    {
        using var governance = await app.CreateApiClientAsync(DemoUsers.Governance);
        var pccc = await governance.TheOnlySeededCommitteeAsync();
        var valid = Site4(InDays(61));

        var problem = await AssertRefusedAsync(governance, pccc.Id, valid with { Quorum = valid.Quorum with { Requirements = [Roles(1, "Nurse")] } });

        problem.ErrorsFor("quorum.requirements[0].roles[0]").Should().ContainSingle().Which.Should().Contain("\"Nurse\"");
    }

    [DatabaseFact]
    public async Task AdoptRoleNameInOtherCase_IsAccepted()
    {
        using var governance = await app.CreateApiClientAsync(DemoUsers.Governance);
        var pccc = await governance.TheOnlySeededCommitteeAsync();
        var document = Site4(InDays(45));
        document = document with { Quorum = document.Quorum with { Requirements = [Roles(1, "chief officer", "CHIEF FINANCE OFFICER"), document.Quorum.Requirements[1]] } };

        var after = await governance.AdoptOkAsync(pccc.Id, document);

        after.Versions.Single(v => v.EffectiveFrom == InDays(45)).Document.Quorum.Requirements[0].Roles
            .Should().Equal("Chief Officer", "Chief Finance Officer");
    }

    [DatabaseFact]
    public async Task AdoptOnSameDateAsExistingVersion_Returns400NamingEffectiveFrom_AndSavesNothing()
    {
        using var governance = await app.CreateApiClientAsync(DemoUsers.Governance);
        var pccc = await governance.TheOnlySeededCommitteeAsync();
        var seeded = (await governance.TermsOfReferenceAsync(pccc.Id)).Versions.MinBy(v => v.EffectiveFrom)!;

        var problem = await AssertRefusedAsync(governance, pccc.Id, seeded.Document with { Quorum = seeded.Document.Quorum with { MinimumPresent = 5 } });

        problem.ErrorsFor("effectiveFrom").Should().ContainSingle().Which.Should().Contain("A version already takes effect on");
    }

    [DatabaseFact]
    public async Task AdoptWithStaleVersion_Returns409_AndSavesNothing()
    {
        using var governance = await app.CreateApiClientAsync(DemoUsers.Governance);
        var pccc = await governance.TheOnlySeededCommitteeAsync();
        var before = await governance.TermsOfReferenceAsync(pccc.Id);
        var audit = await governance.AuditCountAsync(pccc.Id);

        using var response = await governance.AdoptAsync(pccc.Id, Site4(InDays(62)), Guid.NewGuid());

        await response.ReadProblemAsync(HttpStatusCode.Conflict);
        (await governance.TermsOfReferenceAsync(pccc.Id)).Versions.Should().HaveCount(before.Versions.Count);
        (await governance.AuditCountAsync(pccc.Id)).Should().Be(audit);
    }

    [DatabaseFact]
    public async Task AdoptWithoutDocument_Returns400NamingDocument()
    {
        using var governance = await app.CreateApiClientAsync(DemoUsers.Governance);
        var pccc = await governance.TheOnlySeededCommitteeAsync();
        var before = await governance.TermsOfReferenceAsync(pccc.Id);

        using var response = await governance.PostJsonAsync(TorUrl(pccc.Id), new { version = before.CommitteeVersion });

        // A missing required body member is refused before the service runs, or by the service with the field named.
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await governance.TermsOfReferenceAsync(pccc.Id)).Versions.Should().HaveCount(before.Versions.Count);
    }

    /// <summary>POSTs with the current committee version, expects a ValidationProblem, and checks nothing was saved or audited.</summary>
    private static async Task<System.Text.Json.JsonElement> AssertRefusedAsync(HttpClient governance, Guid committeeId, TermsOfReferenceDocument document)
    {
        var before = await governance.TermsOfReferenceAsync(committeeId);
        var audit = await governance.AuditCountAsync(committeeId);

        using var response = await governance.AdoptAsync(committeeId, document, before.CommitteeVersion);
        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);

        var after = await governance.TermsOfReferenceAsync(committeeId);
        after.Versions.Should().HaveCount(before.Versions.Count, "a refused document is not saved");
        after.CommitteeVersion.Should().Be(before.CommitteeVersion);
        (await governance.AuditCountAsync(committeeId)).Should().Be(audit, "a refused document leaves no audit entry");
        return problem;
    }
}

public sealed class PostgresTermsOfReferenceAdoptTests(PostgresAppFixture app) : TermsOfReferenceAdoptTests(app), IClassFixture<PostgresAppFixture>;

public sealed class SqliteTermsOfReferenceAdoptTests(SqliteAppFixture app) : TermsOfReferenceAdoptTests(app), IClassFixture<SqliteAppFixture>;
