using System.Net;
using CoCommissioning.Domain.Committees;
using CoCommissioning.Web.Features.Audit;
using CoCommissioning.Web.Features.Committees;
using CoCommissioning.Web.Features.People;

namespace CoCommissioning.Web.Tests.Infrastructure;

/// <summary>Common steps of the API tests, each acting as a demo user through HTTP.</summary>
public static class ApiScenario
{
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>A committee name no other test uses.</summary>
    public static string UniqueName(string what) => $"{what} {Guid.NewGuid().ToString("N")[..8]}";

    public static async Task<CommitteeDto> CreateCommitteeAsync(this HttpClient secretary, string? name = null)
    {
        using var response = await secretary.PostJsonAsync("/api/committees", new
        {
            name = name ?? UniqueName("Test committee"),
            type = CommitteeType.Audit,
            level = CoCommissioningLevel.Joint,
            purpose = "Created by a test.",
        });
        return await response.ReadJsonAsync<CommitteeDto>(HttpStatusCode.Created);
    }

    public static async Task<CommitteeSummaryDto> TheOnlySeededCommitteeAsync(this HttpClient client)
    {
        var committees = await client.GetJsonAsync<List<CommitteeSummaryDto>>("/api/committees");
        return committees.Single(c => c.Name == "Primary Care Commissioning Committee");
    }

    public static async Task<PersonDto> PersonNamedAsync(this HttpClient secretary, string fullName)
    {
        var people = await secretary.GetJsonAsync<List<PersonDto>>("/api/people");
        return people.Single(p => p.FullName == fullName);
    }

    public static async Task<RoleDto> RoleNamedAsync(this HttpClient client, string name)
    {
        var roles = await client.GetJsonAsync<List<RoleDto>>("/api/member-roles");
        return roles.Single(r => r.Name == name);
    }

    public static Task<AuditPageDto> AuditOfAsync(this HttpClient governance, Guid recordId) =>
        governance.GetJsonAsync<AuditPageDto>($"/api/audit?recordId={recordId}&pageSize=200");

    /// <summary>
    /// A committee's trail without the entry that makes its creator its secretary (ADR-0019), for tests about the
    /// committee's own changes.
    /// </summary>
    public static IReadOnlyList<AuditEntryDto> WithoutSecretaryAssignments(this AuditPageDto audit) =>
        audit.Entries.Where(e => e.RecordType != nameof(CoCommissioning.Domain.Committees.CommitteeSecretary)).ToList();
}
