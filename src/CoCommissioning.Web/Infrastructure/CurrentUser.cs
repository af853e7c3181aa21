using System.Security.Claims;
using CoCommissioning.Data.Audit;
using CoCommissioning.Data.Identity;

namespace CoCommissioning.Web.Infrastructure;

/// <summary>The signed-in user as feature services see them: who, in which organisation, with which roles.</summary>
public sealed record CurrentUser(Guid UserId, string DisplayName, Guid OrganisationId, string OrganisationName, Guid? PersonId, IReadOnlySet<AppRole> Roles)
{
    public bool IsIn(AppRole role) => Roles.Contains(role);

    public bool IsAnyOf(params AppRole[] roles) => roles.Any(Roles.Contains);

    public AuditActor AsAuditActor() => new(UserId, DisplayName);

    /// <summary>Reads the claims written by <see cref="CoClaimsPrincipalFactory"/>; null for an anonymous visitor.</summary>
    public static CurrentUser? From(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true
            || !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
            || !Guid.TryParse(principal.FindFirstValue(CoClaimTypes.Organisation), out var organisationId))
        {
            return null;
        }

        var roles = principal.FindAll(ClaimTypes.Role)
            .Select(c => Enum.TryParse<AppRole>(c.Value, out var role) ? role : (AppRole?)null)
            .OfType<AppRole>()
            .ToHashSet();
        Guid? personId = Guid.TryParse(principal.FindFirstValue(CoClaimTypes.Person), out var p) ? p : null;
        return new CurrentUser(
            userId,
            principal.FindFirstValue(CoClaimTypes.DisplayName) ?? principal.Identity.Name ?? "Unknown user",
            organisationId,
            principal.FindFirstValue(CoClaimTypes.OrganisationName) ?? "",
            personId,
            roles);
    }

    /// <summary>
    /// Binds a <c>CurrentUser</c> handler parameter from the request's principal. Only endpoints behind a signed-in
    /// policy take one, so a missing user here is a bug, not a visitor's mistake.
    /// </summary>
    public static ValueTask<CurrentUser?> BindAsync(HttpContext context) => ValueTask.FromResult<CurrentUser?>(Require(context.User));

    /// <summary>For endpoints behind a signed-in policy, where a missing user is a bug.</summary>
    public static CurrentUser Require(ClaimsPrincipal principal) =>
        From(principal) ?? throw new InvalidOperationException("An endpoint that needs a signed-in user was reached without one.");
}

public static class CoClaimTypes
{
    public const string Organisation = "coco:org";
    public const string OrganisationName = "coco:org_name";
    public const string Person = "coco:person";
    public const string DisplayName = "coco:display_name";
}
