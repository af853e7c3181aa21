using System.Globalization;
using System.Net;
using System.Text.Json;
using CoCommissioning.Data.Audit;
using CoCommissioning.Web.Features.TermsOfReference;
using CoCommissioning.Web.Tests.Infrastructure;
using static CoCommissioning.Web.Tests.Api.TermsOfReference.RuleBookDocuments;

namespace CoCommissioning.Web.Tests.Api.TermsOfReference;

/// <summary>
/// Export, change, import: the one class that changes which version of the demo PCCC's terms of reference is in
/// force today, so it has a database of its own and a single test.
/// </summary>
public abstract class TermsOfReferenceRoundTripTests(AppFixture app)
{
    [DatabaseFact]
    public async Task ExportChangeAndImport_AsGovernanceLead_AddsVersionInForceByDate_AndAuditsTheInsert()
    {
        using var governance = await app.CreateApiClientAsync(DemoUsers.Governance);
        using var member = await app.CreateApiClientAsync(DemoUsers.Member);
        var pccc = await governance.TheOnlySeededCommitteeAsync();
        var seeded = await governance.TermsOfReferenceAsync(pccc.Id);
        seeded.Versions.Should().ContainSingle();
        var seededFrom = seeded.Versions[0].EffectiveFrom;

        // Export (any member may) and change the quorum and the date: from yesterday, so it is in force today.
        var exported = await member.GetJsonAsync<TermsOfReferenceDocument>(TorUrl(pccc.Id) + "/export");
        var yesterday = ApiScenario.Today.AddDays(-1);
        var changed = exported with { EffectiveFrom = yesterday, Quorum = exported.Quorum with { MinimumPresent = 5 } };

        using var response = await governance.PostJsonAsync(TorUrl(pccc.Id), new { document = changed, version = seeded.CommitteeVersion });

        var adopted = await response.ReadJsonAsync<TermsOfReferenceDto>(HttpStatusCode.OK);
        adopted.Versions.Should().HaveCount(2);
        var read = await member.TermsOfReferenceAsync(pccc.Id);
        read.Versions.Select(v => v.EffectiveFrom).Should().Equal([yesterday, seededFrom], "versions are listed newest first");
        read.InForce!.EffectiveFrom.Should().Be(yesterday);
        read.InForce.QuorumInWords.Should().StartWith("At least 5 voting members must be present, including");
        read.Versions.Single(v => v.EffectiveFrom == seededFrom).Should().Match<TermsOfReferenceVersionDto>(v => !v.InForceToday && v.QuorumInWords == Site4InWords);

        // A meeting is judged by the version in force on its date: export by date picks the right one.
        (await member.GetJsonAsync<TermsOfReferenceDocument>($"{TorUrl(pccc.Id)}/export?on={Iso(yesterday.AddDays(-1))}")).Quorum.MinimumPresent.Should().Be(4);
        (await member.GetJsonAsync<TermsOfReferenceDocument>($"{TorUrl(pccc.Id)}/export?on={Iso(yesterday)}")).Should().BeEquivalentTo(changed);
        (await member.GetJsonAsync<TermsOfReferenceDocument>($"{TorUrl(pccc.Id)}/export")).Should().BeEquivalentTo(changed);

        // A later, future version is listed but not yet in force.
        var future = await governance.AdoptOkAsync(pccc.Id, changed with { EffectiveFrom = ApiScenario.Today.AddDays(20), Quorum = changed.Quorum with { MinimumPresent = 6 } });
        future.Versions.Should().HaveCount(3);
        future.InForce!.EffectiveFrom.Should().Be(yesterday);
        future.Versions.Single(v => v.EffectiveFrom == ApiScenario.Today.AddDays(20)).InForceToday.Should().BeFalse();

        // The audit trail names the governance lead for each new version, under the committee's id.
        var inserts = (await governance.AuditOfAsync(pccc.Id)).Entries
            .Where(e => e.RecordType == nameof(Domain.Committees.TermsOfReference) && e.Action == AuditAction.Insert)
            .ToList();
        inserts.Select(e => e.RecordId).Should().BeEquivalentTo(future.Versions.Select(v => v.Id.ToString()), "each version, seeded or adopted, was inserted once");
        inserts.Should().OnlyContain(e => e.AggregateId == pccc.Id.ToString());
        inserts.Where(e => e.RecordId != seeded.Versions[0].Id.ToString()).Should().HaveCount(2).And.OnlyContain(e => e.ActorName == "Sophie Turner");
        var insert = inserts.Single(e => e.RecordId == adopted.Versions.Single(v => v.EffectiveFrom == yesterday).Id.ToString());
        using var changes = JsonDocument.Parse(insert.Changes);
        changes.RootElement.GetProperty("EffectiveFrom").GetProperty("new").ToString().Should().Contain(Iso(yesterday));
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

public sealed class PostgresTermsOfReferenceRoundTripTests(PostgresAppFixture app) : TermsOfReferenceRoundTripTests(app), IClassFixture<PostgresAppFixture>;

public sealed class SqliteTermsOfReferenceRoundTripTests(SqliteAppFixture app) : TermsOfReferenceRoundTripTests(app), IClassFixture<SqliteAppFixture>;
