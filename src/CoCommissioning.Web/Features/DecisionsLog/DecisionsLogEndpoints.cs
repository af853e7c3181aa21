using CoCommissioning.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoCommissioning.Web.Features.DecisionsLog;

public sealed class DecisionsLogEndpoints : IApiEndpoints
{
    public void Map(IEndpointRouteBuilder api)
    {
        // Members and staff read every decision of their organisation, private items included (marked private):
        // publication to the public is a separate matter (minutes and the public registers).
        var log = api.MapGroup("/decisions-log").WithTags("Decisions log").RequireAuthorization(Policies.SignedIn);

        log.MapGet("/", SearchAsync)
            .WithSummary("Your organisation's committee decisions with their evidence, newest first, 25 a page, filtered by committee, meeting date, body affected and text");

        log.MapGet("/{decisionId:guid}", GetAsync)
            .WithSummary("One decision with its evidence");
    }

    private static async Task<Results<Ok<DecisionsLogPageDto>, ValidationProblem>> SearchAsync(
        Guid? committeeId, DateOnly? from, DateOnly? to, Guid? bodyId, string? q, int? page, CurrentUser user, DecisionsLogService service, CancellationToken ct) =>
        (await service.SearchAsync(user, new DecisionsLogQuery(committeeId, from, to, bodyId, q, page ?? 1), ct)).TryGetValue(out var found, out var failure)
            ? TypedResults.Ok(found)
            : ApiResults.Problem<Results<Ok<DecisionsLogPageDto>, ValidationProblem>>(failure);

    private static async Task<Results<Ok<DecisionLogEntryDto>, NotFoundProblem>> GetAsync(Guid decisionId, CurrentUser user, DecisionsLogService service, CancellationToken ct) =>
        await service.GetAsync(user, decisionId, ct) is { } entry ? TypedResults.Ok(entry) : ApiResults.NotFound("The decision");
}
