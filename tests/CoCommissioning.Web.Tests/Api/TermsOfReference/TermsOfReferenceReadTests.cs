using System.Net;
using System.Text.Json;
using CoCommissioning.Web.Features.TermsOfReference;
using CoCommissioning.Web.Tests.Infrastructure;
using static CoCommissioning.Web.Tests.Api.TermsOfReference.RuleBookDocuments;

namespace CoCommissioning.Web.Tests.Api.TermsOfReference;

/// <summary>Reading, exporting and previewing terms of reference, and who may do what; nothing here saves a version.</summary>
public abstract class TermsOfReferenceReadTests(AppFixture app)
{
    [DatabaseFact]
    public async Task GetTermsOfReference_DemoCommittee_ReturnsSite4ClauseInWords()
    {
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);
        var pccc = await member.TheOnlySeededCommitteeAsync();

        var tor = await member.TermsOfReferenceAsync(pccc.Id);

        tor.CommitteeId.Should().Be(pccc.Id);
        tor.CommitteeName.Should().Be("Primary Care Commissioning Committee");
        var version = tor.Versions.Should().ContainSingle().Subject;
        version.EffectiveFrom.Should().Be(new DateOnly(ApiScenario.Today.Year - 1, 4, 1));
        version.InForceToday.Should().BeTrue();
        version.QuorumInWords.Should().Be(Site4InWords);
        tor.InForce.Should().BeEquivalentTo(version);
    }

    [DatabaseFact]
    public async Task ExportTermsOfReference_DemoCommittee_ReturnsV1DocumentWithRoleNames()
    {
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);
        var pccc = await member.TheOnlySeededCommitteeAsync();

        using var response = await member.GetAsync(TorUrl(pccc.Id) + "/export");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        root.GetProperty("format").GetString().Should().Be("cocommissioning/terms-of-reference/v1");
        root.GetProperty("effectiveFrom").GetString().Should().Be($"{ApiScenario.Today.Year - 1}-04-01");
        root.GetProperty("level").GetString().Should().Be("Delegated");
        var quorum = root.GetProperty("quorum");
        quorum.GetProperty("minimumPresent").GetInt32().Should().Be(4);
        quorum.GetProperty("countBasis").GetString().Should().Be("VotingMembers");
        var requirements = quorum.GetProperty("requirements").EnumerateArray().ToList();
        requirements.Select(r => r.GetProperty("atLeast").GetInt32()).Should().Equal(1, 2);
        requirements[0].GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Should().Equal("Chief Officer", "Chief Finance Officer");
        requirements[1].GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Should()
            .Equal(LayAudit, LayPpi, "Registered Nurse", "Secondary Care Consultant");

        // It is the site-4 example of docs/terms-of-reference.md, field for field.
        var document = JsonSerializer.Deserialize<TermsOfReferenceDocument>(json.RootElement.GetRawText(), Json.Options)!;
        document.Should().BeEquivalentTo(Site4(new DateOnly(ApiScenario.Today.Year - 1, 4, 1)));
    }

    [DatabaseFact]
    public async Task ExportTermsOfReference_DateBeforeFirstVersion_Returns404()
    {
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);
        var pccc = await member.TheOnlySeededCommitteeAsync();

        using var response = await member.GetAsync($"{TorUrl(pccc.Id)}/export?on={ApiScenario.Today.Year - 1}-03-31");

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [DatabaseFact]
    public async Task PreviewDraft_AsGovernanceLead_ReturnsWordsAndNoProblems_AndSavesNothing()
    {
        using var governance = await app.CreateApiClientAsync(DemoUsers.Governance);
        var pccc = await governance.TheOnlySeededCommitteeAsync();
        var before = await governance.TermsOfReferenceAsync(pccc.Id);
        var audit = await governance.AuditCountAsync(pccc.Id);
        var draft = Site4(ApiScenario.Today.AddDays(5));
        draft = draft with { Quorum = draft.Quorum with { MinimumPresent = 5 } };

        using var response = await governance.PostJsonAsync(TorUrl(pccc.Id) + "/preview", draft);

        var preview = await response.ReadJsonAsync<TermsOfReferencePreviewDto>(HttpStatusCode.OK);
        preview.QuorumInWords.Should().StartWith("At least 5 voting members must be present, including at least 1 Chief Officer or Chief Finance Officer");
        preview.Problems.Should().BeEmpty();
        await AssertNothingSavedAsync(governance, pccc.Id, before, audit);
    }

    [DatabaseFact]
    public async Task PreviewDraft_WithProblems_ListsThemByField_AndSavesNothing()
    {
        using var governance = await app.CreateApiClientAsync(DemoUsers.Governance);
        var pccc = await governance.TheOnlySeededCommitteeAsync();
        var before = await governance.TermsOfReferenceAsync(pccc.Id);
        var audit = await governance.AuditCountAsync(pccc.Id);
        var draft = Site4(ApiScenario.Today.AddDays(5));
        draft = draft with { Quorum = draft.Quorum with { MinimumPresent = -1, Requirements = [draft.Quorum.Requirements[0] with { AtLeast = 0 }, draft.Quorum.Requirements[1]] } };

        using var response = await governance.PostJsonAsync(TorUrl(pccc.Id) + "/preview", draft);

        var preview = await response.ReadJsonAsync<TermsOfReferencePreviewDto>(HttpStatusCode.OK);
        preview.QuorumInWords.Should().NotBeEmpty("a draft with problems is still read back");
        preview.Problems.Keys.Should().BeEquivalentTo(["quorum.minimumPresent", "quorum.requirements[0].atLeast"]);
        await AssertNothingSavedAsync(governance, pccc.Id, before, audit);
    }

    [DatabaseFact]
    public async Task PreviewDraft_UnknownRole_ListsTheRoleProblem()
    {
        using var governance = await app.CreateApiClientAsync(DemoUsers.Governance);
        var pccc = await governance.TheOnlySeededCommitteeAsync();

        using var response = await governance.PostJsonAsync(TorUrl(pccc.Id) + "/preview", Site2(ApiScenario.Today.AddDays(5)));

        var preview = await response.ReadJsonAsync<TermsOfReferencePreviewDto>(HttpStatusCode.OK);
        preview.Problems.Keys.Should().Equal("quorum.requirements[2].roles[1]");
        preview.Problems["quorum.requirements[2].roles[1]"].Should().ContainSingle().Which.Should().Contain("\"Chief Operating Officer\"");
    }

    [DatabaseFact]
    public async Task AdoptTermsOfReference_AsMember_Returns403()
    {
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);
        var pccc = await member.TheOnlySeededCommitteeAsync();
        var tor = await member.TermsOfReferenceAsync(pccc.Id);

        using var response = await member.AdoptAsync(pccc.Id, Site4(ApiScenario.Today.AddDays(7)), tor.CommitteeVersion);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await member.TermsOfReferenceAsync(pccc.Id)).Versions.Should().HaveCount(tor.Versions.Count);
    }

    [DatabaseFact]
    public async Task AdoptTermsOfReference_AsSecretary_Returns403()
    {
        using var secretary = await app.CreateApiClientAsync(DemoUsers.Secretary);
        var pccc = await secretary.TheOnlySeededCommitteeAsync();
        var tor = await secretary.TermsOfReferenceAsync(pccc.Id);

        using var response = await secretary.AdoptAsync(pccc.Id, Site4(ApiScenario.Today.AddDays(7)), tor.CommitteeVersion);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await secretary.TermsOfReferenceAsync(pccc.Id)).Versions.Should().HaveCount(tor.Versions.Count);
    }

    [DatabaseTheory]
    [InlineData(DemoUsers.Member)]
    [InlineData(DemoUsers.Secretary)]
    public async Task PreviewDraft_BelowGovernanceLead_Returns403(string email)
    {
        using var client = await app.CreateApiClientAsync(email);
        var pccc = await client.TheOnlySeededCommitteeAsync();

        using var response = await client.PostJsonAsync(TorUrl(pccc.Id) + "/preview", Site4(ApiScenario.Today.AddDays(7)));

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [DatabaseFact]
    public async Task WhatIf_AsMember_Returns403()
    {
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);
        var pccc = await member.TheOnlySeededCommitteeAsync();

        using var response = await member.PostJsonAsync($"/api/committees/{pccc.Id}/what-if", new { attendance = Array.Empty<object>() });

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [DatabaseFact]
    public async Task WhatIf_AsSecretary_Returns200()
    {
        using var secretary = await app.CreateApiClientAsync(DemoUsers.Secretary);
        var pccc = await secretary.TheOnlySeededCommitteeAsync();

        using var response = await secretary.PostJsonAsync($"/api/committees/{pccc.Id}/what-if", new { attendance = Array.Empty<object>() });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [DatabaseTheory]
    [InlineData("GET", "")]
    [InlineData("GET", "/export")]
    [InlineData("POST", "/preview")]
    [InlineData("POST", "")]
    [InlineData("POST", "/what-if")]
    public async Task OtherOrganisationsCommittee_AsNorthfieldSecretary_Returns404(string method, string path)
    {
        using var example = await app.CreateApiClientAsync(DemoUsers.Governance);
        var pccc = await example.TheOnlySeededCommitteeAsync();
        var version = (await example.TermsOfReferenceAsync(pccc.Id)).CommitteeVersion;
        using var northfield = await app.CreateApiClientAsync(DemoUsers.NorthfieldSecretary);
        var url = path == "/what-if" ? $"/api/committees/{pccc.Id}/what-if" : TorUrl(pccc.Id) + path;

        using var response = (method, path) switch
        {
            ("GET", _) => await northfield.GetAsync(url),
            ("POST", "/what-if") => await northfield.PostJsonAsync(url, new { attendance = Array.Empty<object>() }),
            ("POST", "/preview") => await northfield.PostJsonAsync(url, Site4(ApiScenario.Today.AddDays(7))),
            _ => await northfield.AdoptAsync(pccc.Id, Site4(ApiScenario.Today.AddDays(7)), version),
        };

        // The secretary may not preview or adopt at all (403 before the committee is looked up); reads and what-if
        // find no such committee in Northfield.
        var expected = path is "/preview" || (method == "POST" && path == "") ? HttpStatusCode.Forbidden : HttpStatusCode.NotFound;
        response.StatusCode.Should().Be(expected);
    }

    private static async Task AssertNothingSavedAsync(HttpClient governance, Guid committeeId, TermsOfReferenceDto before, int auditBefore)
    {
        var after = await governance.TermsOfReferenceAsync(committeeId);
        after.Versions.Should().HaveCount(before.Versions.Count);
        after.CommitteeVersion.Should().Be(before.CommitteeVersion);
        (await governance.AuditCountAsync(committeeId)).Should().Be(auditBefore);
    }
}

public sealed class PostgresTermsOfReferenceReadTests(PostgresAppFixture app) : TermsOfReferenceReadTests(app), IClassFixture<PostgresAppFixture>;

public sealed class SqliteTermsOfReferenceReadTests(SqliteAppFixture app) : TermsOfReferenceReadTests(app), IClassFixture<SqliteAppFixture>;
