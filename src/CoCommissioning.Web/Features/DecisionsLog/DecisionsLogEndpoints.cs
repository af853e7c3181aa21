using System.Security.Claims;
using CoCommissioning.Web.Infrastructure;

namespace CoCommissioning.Web.Features.DecisionsLog;

public static class DecisionsLogEndpoints
{
    public static void MapDecisionsLogEndpoints(this IEndpointRouteBuilder api)
    {
        // Members and staff read every decision of their organisation, private items included (marked private):
        // publication to the public is a separate matter (minutes and the public registers).
        var log = api.MapGroup("/decisions-log").WithTags("Decisions log").RequireAuthorization(Policies.SignedIn);

        log.MapGet("/", async (Guid? committeeId, DateOnly? from, DateOnly? to, Guid? bodyId, string? q, int? page, ClaimsPrincipal principal, DecisionsLogService service, CancellationToken ct) =>
                ApiResults.From(await service.SearchAsync(CurrentUser.Require(principal), new DecisionsLogQuery(committeeId, from, to, bodyId, q, page ?? 1), ct), Results.Ok))
            .Produces<DecisionsLogPageDto>()
            .ProducesValidationProblem()
            .WithSummary("Your organisation's committee decisions with their evidence, newest first, 25 a page, filtered by committee, meeting date, body affected and text");

        log.MapGet("/{decisionId:guid}", async (Guid decisionId, ClaimsPrincipal principal, DecisionsLogService service, CancellationToken ct) =>
                await service.GetAsync(CurrentUser.Require(principal), decisionId, ct) is { } entry
                    ? Results.Ok(entry)
                    : ApiResults.NotFoundProblem("The decision"))
            .Produces<DecisionLogEntryDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One decision with its evidence");
    }
}
