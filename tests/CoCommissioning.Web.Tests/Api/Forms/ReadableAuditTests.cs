using System.Diagnostics;
using System.Net;
using CoCommissioning.Data;
using CoCommissioning.Data.Audit;
using CoCommissioning.Data.Identity;
using CoCommissioning.Web.Features.Account;
using CoCommissioning.Web.Features.Audit;
using CoCommissioning.Web.Features.Committees;
using CoCommissioning.Web.Infrastructure;
using CoCommissioning.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CoCommissioning.Web.Tests.Api.Forms;

/// <summary>
/// Issue 13: the audit trail a governance lead can read. Entries in words with names, filters by who, whose record,
/// kind, UK date range and text, paged in the database, and the same set as CSV. On both providers.
/// </summary>
public abstract class ReadableAuditTests(AppFixture app, ITestOutputHelper output)
{
    private const string Person = "Lucy Price";

    protected AppFixture App { get; } = app;

    private sealed record Story(CommitteeDto Committee, MembershipDto Membership, HttpClient Governance, HttpClient Secretary) : IDisposable
    {
        public void Dispose()
        {
            Governance.Dispose();
            Secretary.Dispose();
        }
    }

    /// <summary>The secretary makes a committee, adds Lucy Price, then sets the end of her term to 31 March 2027.</summary>
    private async Task<Story> StoryAsync()
    {
        var secretary = await App.CreateApiClientAsync(DemoUsers.Secretary);
        var governance = await App.CreateApiClientAsync(DemoUsers.Governance);
        var committee = await secretary.CreateCommitteeAsync();
        var person = await secretary.PersonNamedAsync(Person);
        var role = await secretary.RoleNamedAsync("Chief Finance Officer");
        var url = $"/api/committees/{committee.Id}";
        using var added = await secretary.PostJsonAsync($"{url}/memberships", new { personId = person.Id, roleIds = new[] { role.Id }, isVoting = true, termStart = ApiScenario.Today, version = committee.Version });
        var withMember = await added.ReadJsonAsync<CommitteeDto>(HttpStatusCode.OK);
        var membership = withMember.Memberships.Single();
        using var changed = await secretary.PutJsonAsync($"{url}/memberships/{membership.Id}", new { roleIds = new[] { role.Id }, isVoting = true, termStart = ApiScenario.Today, termEnd = new DateOnly(2027, 3, 31), deputyPersonId = (Guid?)null, version = withMember.Version });
        await changed.ReadJsonAsync<CommitteeDto>(HttpStatusCode.OK);
        return new Story(committee, membership, governance, secretary);
    }

    [DatabaseFact]
    public async Task Entries_ReadInWords_WithNamesNotIds()
    {
        using var story = await StoryAsync();

        var page = await story.Governance.GetJsonAsync<AuditPageDto>($"/api/audit?recordId={story.Committee.Id}&pageSize=200");

        var change = page.Entries.Single(e => e.RecordType == "Membership" && e.Action == AuditAction.Update);
        change.Summary.Should().Be($"{DemoUsers.SecretaryName} changed the committee membership of {Person}: term end from — to 31 March 2027");
        change.Kind.Should().Be("Committee membership");
        change.Fields.Should().Equal(new AuditFieldWords("term end", "—", "31 March 2027"));
        var added = page.Entries.Single(e => e.RecordType == "Membership" && e.Action == AuditAction.Insert);
        added.Summary.Should().Be($"{DemoUsers.SecretaryName} added the committee membership of {Person}");
        added.Fields.Should().Contain(new AuditFieldWords("person", "—", Person))
            .And.Contain(new AuditFieldWords("committee", "—", story.Committee.Name))
            .And.Contain(new AuditFieldWords("voting member", "—", "yes"));
        page.Entries.Should().NotContain(e => e.Summary.Contains(story.Membership.Id.ToString(), StringComparison.Ordinal), "names, not ids");
        page.Entries.Single(e => e.RecordType == "Committee").Summary.Should().Be($"{DemoUsers.SecretaryName} added the committee {story.Committee.Name}");
    }

    [DatabaseFact]
    public async Task Filters_WhoseRecordKindDatesAndText_NarrowInTheDatabase()
    {
        using var story = await StoryAsync();
        var me = await story.Secretary.GetJsonAsync<MeDto>("/api/me");
        var person = await story.Secretary.PersonNamedAsync(Person);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var scope = $"recordId={story.Committee.Id}&pageSize=200";

        var theirs = await story.Governance.GetJsonAsync<AuditPageDto>($"/api/audit?{scope}&personId={person.Id}&userId={me.UserId}");
        var kind = await story.Governance.GetJsonAsync<AuditPageDto>($"/api/audit?{scope}&recordType=Committee");
        var around = await story.Governance.GetJsonAsync<AuditPageDto>($"/api/audit?{scope}&from={today.AddDays(-1):yyyy-MM-dd}&to={today.AddDays(1):yyyy-MM-dd}");
        var later = await story.Governance.GetJsonAsync<AuditPageDto>($"/api/audit?{scope}&from={today.AddDays(2):yyyy-MM-dd}");
        var byName = await story.Governance.GetJsonAsync<AuditPageDto>($"/api/audit?pageSize=200&q={Uri.EscapeDataString(story.Committee.Name.ToUpperInvariant())}");
        var byPersonName = await story.Governance.GetJsonAsync<AuditPageDto>($"/api/audit?{scope}&q=lucy%20price");

        theirs.Entries.Should().HaveCount(2).And.OnlyContain(e => e.RecordType == "Membership");
        kind.Entries.Should().ContainSingle().Which.RecordType.Should().Be("Committee");
        around.Total.Should().Be(4, "the committee, its creator as its secretary, the membership added and changed");
        later.Total.Should().Be(0);
        byName.Entries.Should().Contain(e => e.RecordId == story.Committee.Id.ToString());
        byPersonName.Entries.Should().HaveCount(2).And.OnlyContain(e => e.RecordType == "Membership");
    }

    [DatabaseFact]
    public async Task Paging_IsStableAndCountsTheWholeSet()
    {
        using var story = await StoryAsync();
        var url = $"/api/audit?recordId={story.Committee.Id}&pageSize=1";

        var pages = new List<AuditPageDto>();
        for (var page = 1; page <= 4; page++)
        {
            pages.Add(await story.Governance.GetJsonAsync<AuditPageDto>($"{url}&page={page}"));
        }

        pages.Should().OnlyContain(p => p.Total == 4 && p.Entries.Count == 1);
        pages.Select(p => p.Entries[0].Id).Should().OnlyHaveUniqueItems();
        pages.Select(p => p.Entries[0].OccurredAt).Should().BeInDescendingOrder();
    }

    [DatabaseFact]
    public async Task Csv_HoldsTheFilteredSetInWords()
    {
        using var story = await StoryAsync();

        using var response = await story.Governance.GetAsync($"/api/audit/export.csv?recordId={story.Committee.Id}&recordType=Membership");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].TrimEnd('\r').Should().Be("when_uk,who,action,kind,summary,record_id,changes_json");
        lines.Should().HaveCount(3);
        lines.Should().Contain(l => l.Contains("term end from — to 31 March 2027", StringComparison.Ordinal));
    }

    [DatabaseFact]
    public async Task Member_IsRefused_AndAnotherOrganisationSeesNone()
    {
        using var story = await StoryAsync();
        using var member = await App.CreateApiClientAsync(DemoUsers.Member);
        using var northfield = await App.CreateApiClientAsync(DemoUsers.NorthfieldSecretary);
        var other = await northfield.GetJsonAsync<MeDto>("/api/me");

        using var list = await member.GetAsync("/api/audit");
        using var csv = await member.GetAsync("/api/audit/export.csv");
        using var secretaryElsewhere = await northfield.GetAsync("/api/audit");
        var service = App.Factory.Services.GetRequiredService<AuditService>();
        var theirLead = new CurrentUser(other.UserId, other.DisplayName, other.OrganisationId, other.OrganisationName, null, new HashSet<AppRole> { AppRole.GovernanceLead });
        var seen = await service.QueryAsync(theirLead, new AuditQuery(story.Committee.Id.ToString(), null, null, Text: story.Committee.Name));

        list.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        csv.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        secretaryElsewhere.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        seen.Total.Should().Be(0);
    }

    [DatabaseFact]
    public async Task DateRangeBackwards_Is400NamingTo()
    {
        using var governance = await App.CreateApiClientAsync(DemoUsers.Governance);

        using var response = await governance.GetAsync("/api/audit?from=2026-12-31&to=2026-12-01");

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("to").Should().ContainSingle();
    }

    /// <summary>40,000 entries in one organisation: a filtered page and its count come from the database, quickly.</summary>
    [DatabaseFact]
    public async Task ManyEntries_APageIsReadInTheDatabase()
    {
        var organisationId = Guid.NewGuid();
        var dbs = App.Factory.Services.GetRequiredService<GovernanceDbFactory>();
        var start = new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);
        await using (var db = await dbs.CreateForReadingAsync())
        {
            for (var i = 0; i < 40_000; i++)
            {
                db.AuditEntries.Add(new AuditEntry(organisationId, start.AddMinutes(i), null, i % 2 == 0 ? "Emma Clarke" : "Sophie Turner", i % 3 == 0 ? "Committee" : "Person", Guid.NewGuid().ToString(), null, AuditAction.Update,
                    $$$"""{"Purpose":{"old":"Old purpose {{{i}}}","new":"New purpose {{{i}}}"}}"""));
            }

            await db.SaveChangesAsync();
        }

        var service = App.Factory.Services.GetRequiredService<AuditService>();
        var lead = new CurrentUser(Guid.NewGuid(), "Lead", organisationId, "Load test", null, new HashSet<AppRole> { AppRole.GovernanceLead });
        await service.QueryAsync(lead, new AuditQuery(null, null, null));
        var clock = Stopwatch.StartNew();
        var page = await service.QueryAsync(lead, new AuditQuery(null, null, "Committee", Page: 40, PageSize: 50, From: new DateOnly(2026, 1, 2), To: new DateOnly(2026, 2, 28), Text: "purpose"));
        clock.Stop();
        output.WriteLine($"{App.Provider}: page 40 of a filtered 40,000-entry trail in {clock.ElapsedMilliseconds} ms ({page.Total} matching)");

        page.Entries.Should().HaveCount(50);
        page.Total.Should().BeGreaterThan(2_000);
        page.Entries.Should().OnlyContain(e => e.Summary.StartsWith("Emma Clarke changed the committee", StringComparison.Ordinal) || e.Summary.StartsWith("Sophie Turner changed the committee", StringComparison.Ordinal));
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10), "a page is read with OFFSET/LIMIT in SQL, not by loading the trail");
    }
}

public sealed class PostgresReadableAuditTests(PostgresAppFixture app, ITestOutputHelper output) : ReadableAuditTests(app, output), IClassFixture<PostgresAppFixture>;

public sealed class SqliteReadableAuditTests(SqliteAppFixture app, ITestOutputHelper output) : ReadableAuditTests(app, output), IClassFixture<SqliteAppFixture>;
