using CoCommissioning.Data.Identity;
using Microsoft.AspNetCore.Authorization;
using System.Security.Claims;

namespace CoCommissioning.Web.Infrastructure;

/// <summary>
/// The named policies every page and endpoint states. Roles are per organisation, so each policy also needs the
/// organisation claim. Chair and vice chair rights are checked against the committee office, not here.
/// </summary>
public static class Policies
{
    /// <summary>Any signed-in user of an organisation: members declare, read their committees.</summary>
    public const string SignedIn = nameof(SignedIn);

    /// <summary>Committee secretaries keep committee records; governance leads and administrators may too.</summary>
    public const string Secretary = nameof(Secretary);

    /// <summary>
    /// The committee secretary (or an administrator) records what happens at a meeting: attendance, votes,
    /// decisions. Narrower than <see cref="Secretary"/>: a governance lead prepares records but does not minute.
    /// </summary>
    public const string MeetingSecretary = nameof(MeetingSecretary);

    /// <summary>Governance leads keep registers and read the audit trail; administrators may too.</summary>
    public const string GovernanceLead = nameof(GovernanceLead);

    /// <summary>Administrators manage user accounts and their roles.</summary>
    public const string Administrator = nameof(Administrator);

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser().RequireClaim(CoClaimTypes.Organisation));
        options.AddPolicy(Secretary, p => RequireAny(p, AppRole.CommitteeSecretary, AppRole.GovernanceLead, AppRole.Administrator));
        options.AddPolicy(MeetingSecretary, p => RequireAny(p, AppRole.CommitteeSecretary, AppRole.Administrator));
        options.AddPolicy(GovernanceLead, p => RequireAny(p, AppRole.GovernanceLead, AppRole.Administrator));
        options.AddPolicy(Administrator, p => RequireAny(p, AppRole.Administrator));

        // No fallback policy: it would also guard Blazor's own hub and break public pages for anonymous visitors.
        // Instead every page and endpoint states its policy, and a test fails any that does not.
    }

    private static void RequireAny(AuthorizationPolicyBuilder policy, params AppRole[] roles) =>
        policy.RequireAuthenticatedUser()
            .RequireClaim(CoClaimTypes.Organisation)
            .RequireClaim(ClaimTypes.Role, roles.Select(r => r.ToString()));
}
