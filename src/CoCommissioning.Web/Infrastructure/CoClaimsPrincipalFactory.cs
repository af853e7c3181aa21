using System.Security.Claims;
using CoCommissioning.Data;
using CoCommissioning.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoCommissioning.Web.Infrastructure;

/// <summary>
/// Puts the user's organisation and that organisation's roles into the principal, for cookie sign-in and bearer
/// tokens alike. Roles in other organisations are not carried: a user acts in one organisation at a time.
/// </summary>
public sealed class CoClaimsPrincipalFactory(UserManager<ApplicationUser> users, IOptions<IdentityOptions> options, IDbContextFactory<AppDbContext> contexts)
    : UserClaimsPrincipalFactory<ApplicationUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        await using var db = await contexts.CreateDbContextAsync();
        var organisationName = await db.Organisations.Where(o => o.Id == user.DefaultOrganisationId).Select(o => o.Name).SingleAsync();
        var roles = await db.RoleAssignments
            .Where(a => a.UserId == user.Id && a.OrganisationId == user.DefaultOrganisationId)
            .Select(a => a.Role)
            .ToListAsync();

        identity.AddClaim(new Claim(CoClaimTypes.Organisation, user.DefaultOrganisationId.ToString()));
        identity.AddClaim(new Claim(CoClaimTypes.OrganisationName, organisationName));
        identity.AddClaim(new Claim(CoClaimTypes.DisplayName, user.DisplayName));
        if (user.PersonId is { } personId)
        {
            identity.AddClaim(new Claim(CoClaimTypes.Person, personId.ToString()));
        }

        foreach (var role in roles.Distinct())
        {
            identity.AddClaim(new Claim(ClaimTypes.Role, role.ToString()));
        }

        return identity;
    }
}
