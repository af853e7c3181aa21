using System.Security.Claims;
using CoCommissioning.Web.Infrastructure;

namespace CoCommissioning.Web.Features.Retention;

public static class RetentionEndpoints
{
    public static void MapRetentionEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/retention").WithTags("Retention").RequireAuthorization(Policies.GovernanceLead);

        group.MapPost("/run", async (ClaimsPrincipal principal, RetentionService service, CancellationToken ct) =>
            {
                var user = CurrentUser.Require(principal);
                // Waits for a run under way rather than skipping, so the answer always says what this run purged.
                return TypedResults.Ok((await service.PurgeAsync(user.AsAuditActor(), user.OrganisationId, ct: ct))!);
            })
            .WithSummary("Run the retention purge now for your organisation (it also runs daily): entries ended more than six years ago are purged and the purge audited. Runs never overlap: a run asked for during another waits for it and then purges what is left (usually nothing)");
    }
}
