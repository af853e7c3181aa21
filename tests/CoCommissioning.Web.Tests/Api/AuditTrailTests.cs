using System.Net;
using System.Text.Json;
using CoCommissioning.Data.Audit;
using CoCommissioning.Domain.Committees;
using CoCommissioning.Web.Features.Account;
using CoCommissioning.Web.Features.Audit;
using CoCommissioning.Web.Features.Committees;
using CoCommissioning.Web.Tests.Infrastructure;

namespace CoCommissioning.Web.Tests.Api;

/// <summary>Every governance change leaves one audit entry naming who made it; failed changes leave none.</summary>
public abstract class AuditTrailTests(AppFixture app)
{
    [DatabaseFact]
    public async Task CreateCommittee_WritesInsertEntryNamingTheActor()
    {
        using var secretary = await app.CreateApiClientAsync(DemoUsers.Secretary);
        using var governance = await app.CreateApiClientAsync(DemoUsers.Governance);
        var me = await secretary.GetJsonAsync<MeDto>("/api/me");
        var started = DateTimeOffset.UtcNow.AddMinutes(-1);

        var committee = await secretary.CreateCommitteeAsync();

        var audit = await governance.AuditOfAsync(committee.Id);
        audit.Entries.Should().ContainSingle(e => e.RecordType == nameof(CommitteeSecretary) && e.Action == AuditAction.Insert,
            "the creator of a committee becomes its secretary, and that is audited too");
        var entry = audit.WithoutSecretaryAssignments().Should().ContainSingle().Subject;
        entry.Action.Should().Be(AuditAction.Insert);
        entry.RecordType.Should().Be(nameof(Committee));
        entry.RecordId.Should().Be(committee.Id.ToString());
        entry.AggregateId.Should().BeNull();
        entry.ActorName.Should().Be(DemoUsers.SecretaryName);
        entry.UserId.Should().Be(me.UserId);
        entry.OccurredAt.Should().BeAfter(started).And.BeBefore(DateTimeOffset.UtcNow.AddMinutes(1));
        using var changes = JsonDocument.Parse(entry.Changes);
        changes.RootElement.GetProperty("Name").GetProperty("new").GetString().Should().Be(committee.Name);
        changes.RootElement.TryGetProperty("Version", out _).Should().BeFalse("the concurrency token is not worth recording");
    }

    [DatabaseFact]
    public async Task UpdateCommittee_WritesUpdateEntryWithOldAndNewValues()
    {
        using var secretary = await app.CreateApiClientAsync(DemoUsers.Secretary);
        using var governance = await app.CreateApiClientAsync(DemoUsers.Governance);
        var committee = await secretary.CreateCommitteeAsync();

        using var response = await secretary.PutJsonAsync($"/api/committees/{committee.Id}", new { name = committee.Name, type = committee.Type, level = committee.Level, purpose = "A new purpose", version = committee.Version });
        await response.ReadJsonAsync<CommitteeDto>(HttpStatusCode.OK);

        var update = (await governance.AuditOfAsync(committee.Id)).Entries.Should().ContainSingle(e => e.Action == AuditAction.Update).Subject;
        update.ActorName.Should().Be(DemoUsers.SecretaryName);
        using var changes = JsonDocument.Parse(update.Changes);
        changes.RootElement.EnumerateObject().Select(p => p.Name).Should().Equal("Purpose");
        changes.RootElement.GetProperty("Purpose").GetProperty("old").GetString().Should().Be(committee.Purpose);
        changes.RootElement.GetProperty("Purpose").GetProperty("new").GetString().Should().Be("A new purpose");
    }

    [DatabaseFact]
    public async Task FailedChanges_ValidationOrStaleVersion_WriteNoEntry()
    {
        using var secretary = await app.CreateApiClientAsync(DemoUsers.Secretary);
        using var governance = await app.CreateApiClientAsync(DemoUsers.Governance);
        var committee = await secretary.CreateCommitteeAsync();
        var url = $"/api/committees/{committee.Id}";
        var totalBefore = (await governance.GetJsonAsync<AuditPageDto>("/api/audit?pageSize=1")).Total;

        using var invalid = await secretary.PutJsonAsync(url, new { name = " ", type = committee.Type, level = committee.Level, version = committee.Version });
        using var stale = await secretary.PutJsonAsync(url, new { name = "Stale", type = committee.Type, level = committee.Level, version = Guid.NewGuid() });
        using var badMembership = await secretary.PostJsonAsync($"{url}/memberships", new { personId = Guid.NewGuid(), roleIds = Array.Empty<Guid>(), isVoting = true, version = committee.Version });
        using var invalidCreate = await secretary.PostJsonAsync("/api/committees", new { name = "", type = CommitteeType.Audit, level = CoCommissioningLevel.Joint });

        invalid.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        stale.StatusCode.Should().Be(HttpStatusCode.Conflict);
        badMembership.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        invalidCreate.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await governance.AuditOfAsync(committee.Id)).WithoutSecretaryAssignments().Should().ContainSingle().Which.Action.Should().Be(AuditAction.Insert);
        (await governance.GetJsonAsync<AuditPageDto>("/api/audit?pageSize=1")).Total.Should().Be(totalBefore);
    }

    [DatabaseFact]
    public async Task MembershipChanges_AppearUnderTheCommitteesRecordId()
    {
        using var secretary = await app.CreateApiClientAsync(DemoUsers.Secretary);
        using var governance = await app.CreateApiClientAsync(DemoUsers.Governance);
        var committee = await secretary.CreateCommitteeAsync();
        var person = await secretary.PersonNamedAsync("Lucy Price");
        var deputy = await secretary.PersonNamedAsync("Mark Benson");
        var role = await secretary.RoleNamedAsync("Chief Finance Officer");
        var url = $"/api/committees/{committee.Id}";

        using var added = await secretary.PostJsonAsync($"{url}/memberships", new { personId = person.Id, roleIds = new[] { role.Id }, isVoting = true, termStart = ApiScenario.Today, deputyPersonId = deputy.Id, version = committee.Version });
        var withMember = await added.ReadJsonAsync<CommitteeDto>(HttpStatusCode.OK);
        var membership = withMember.Memberships.Should().ContainSingle().Subject;
        membership.DeputyName.Should().Be("Mark Benson");
        using var appointed = await secretary.PostJsonAsync($"{url}/offices", new { membershipId = membership.Id, office = CommitteeOffice.Chair, version = withMember.Version });
        var withChair = await appointed.ReadJsonAsync<CommitteeDto>(HttpStatusCode.OK);

        var audit = await governance.AuditOfAsync(committee.Id);
        var membershipEntries = audit.Entries.Where(e => e.RecordType == nameof(Membership)).ToList();
        membershipEntries.Should().HaveCount(2);
        membershipEntries.Should().OnlyContain(e => e.RecordId == membership.Id.ToString() && e.AggregateId == committee.Id.ToString() && e.ActorName == DemoUsers.SecretaryName);
        membershipEntries.Select(e => e.Action).Should().BeEquivalentTo([AuditAction.Insert, AuditAction.Update]);
        var officeChange = membershipEntries.Single(e => e.Action == AuditAction.Update);
        using var changes = JsonDocument.Parse(officeChange.Changes);
        changes.RootElement.EnumerateObject().Select(p => p.Name).Should().Equal("Office");
        withChair.Memberships.Single().Office.Should().Be(CommitteeOffice.Chair);

        // The membership's own id finds its history too.
        (await governance.AuditOfAsync(membership.Id)).Entries.Should().HaveCount(2);
    }

    /// <summary>Auditors read the changes: an office is "Chair", as the database stores it, not its enum number.</summary>
    [DatabaseFact]
    public async Task MembershipOfficeChange_RecordsTheOfficeByName()
    {
        using var secretary = await app.CreateApiClientAsync(DemoUsers.Secretary);
        using var governance = await app.CreateApiClientAsync(DemoUsers.Governance);
        var committee = await secretary.CreateCommitteeAsync();
        var person = await secretary.PersonNamedAsync("Lucy Price");
        var role = await secretary.RoleNamedAsync("Chief Finance Officer");
        var url = $"/api/committees/{committee.Id}";
        using var added = await secretary.PostJsonAsync($"{url}/memberships", new { personId = person.Id, roleIds = new[] { role.Id }, isVoting = true, termStart = ApiScenario.Today, version = committee.Version });
        var withMember = await added.ReadJsonAsync<CommitteeDto>(HttpStatusCode.OK);

        using var appointed = await secretary.PostJsonAsync($"{url}/offices", new { membershipId = withMember.Memberships.Single().Id, office = CommitteeOffice.ViceChair, version = withMember.Version });
        await appointed.ReadJsonAsync<CommitteeDto>(HttpStatusCode.OK);

        var entry = (await governance.AuditOfAsync(committee.Id)).Entries.Single(e => e.RecordType == nameof(Membership) && e.Action == AuditAction.Update);
        using var changes = JsonDocument.Parse(entry.Changes);
        var office = changes.RootElement.GetProperty("Office");
        office.GetProperty("old").ToString().Should().Be("None");
        office.GetProperty("new").ToString().Should().Be("ViceChair");
    }

    [DatabaseFact]
    public async Task AuditFilters_ByUserAndRecordType_ReturnOnlyMatchingEntries()
    {
        using var secretary = await app.CreateApiClientAsync(DemoUsers.Secretary);
        using var governance = await app.CreateApiClientAsync(DemoUsers.Governance);
        var me = await secretary.GetJsonAsync<MeDto>("/api/me");
        await secretary.CreateCommitteeAsync();

        var byUser = await governance.GetJsonAsync<AuditPageDto>($"/api/audit?userId={me.UserId}&recordType=Committee&pageSize=200");
        var actors = await governance.GetJsonAsync<List<AuditActorDto>>("/api/audit/actors");

        byUser.Entries.Should().NotBeEmpty().And.OnlyContain(e => e.UserId == me.UserId && e.RecordType == nameof(Committee));
        actors.Should().Contain(new AuditActorDto(me.UserId, DemoUsers.SecretaryName));
    }

    [DatabaseFact]
    public async Task Seed_IsAuditedAsTheSystem()
    {
        using var governance = await app.CreateApiClientAsync(DemoUsers.Governance);

        var seeded = await governance.GetJsonAsync<AuditPageDto>("/api/audit?recordType=Person&pageSize=200");

        seeded.Entries.Should().Contain(e => e.Action == AuditAction.Insert && e.UserId == null && e.ActorName == "System (demo seed)");
    }

    [DatabaseFact]
    public async Task GetAudit_PageFarBeyondTheEnd_Returns200WithNoEntries()
    {
        using var governance = await app.CreateApiClientAsync(DemoUsers.Governance);

        // (page - 1) * pageSize is past int.MaxValue here.
        var page = await governance.GetJsonAsync<AuditPageDto>("/api/audit?page=10737420&pageSize=200");

        page.Entries.Should().BeEmpty();
        page.Total.Should().BePositive();
    }
}

public sealed class PostgresAuditTrailTests(PostgresAppFixture app) : AuditTrailTests(app), IClassFixture<PostgresAppFixture>;

public sealed class SqliteAuditTrailTests(SqliteAppFixture app) : AuditTrailTests(app), IClassFixture<SqliteAppFixture>;
