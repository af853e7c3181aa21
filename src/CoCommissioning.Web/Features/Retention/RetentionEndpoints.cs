using CoCommissioning.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoCommissioning.Web.Features.Retention;

public sealed class RetentionEndpoints : IApiEndpoints
{
    public void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/retention").WithTags("Retention").RequireAuthorization(Policies.GovernanceLead);

        group.MapPost("/run", RunAsync)
            .WithSummary("Run the retention purge now for your organisation (it also runs daily): entries ended more than six years ago are purged and the purge audited. Runs never overlap: a run asked for during another waits for it and then purges what is left (usually nothing)");
    }

    // Waits for a run under way rather than skipping, so the answer always says what this run purged.
    private static async Task<Ok<RetentionRunDto>> RunAsync(CurrentUser user, RetentionService service, CancellationToken ct) =>
        TypedResults.Ok((await service.PurgeAsync(user.AsAuditActor(), user.OrganisationId, ct: ct))!);
}
