using CoCommissioning.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoCommissioning.Web.Features.Breaches;

public sealed class BreachEndpoints : IApiEndpoints
{
    public void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/breaches").WithTags("Breaches").RequireAuthorization(Policies.GovernanceLead);

        group.MapGet("/", ListAsync)
            .WithSummary("Your organisation's breaches register (internal: descriptions and people included)");

        group.MapGet("/{id:guid}", GetAsync)
            .WithSummary("One breach");

        group.MapPost("/", RecordAsync)
            .WithSummary("Record a breach; the public summary must not name the person concerned");
    }

    private static async Task<Ok<IReadOnlyList<BreachDto>>> ListAsync(CurrentUser user, BreachService service, CancellationToken ct) =>
        TypedResults.Ok(await service.ListAsync(user, ct));

    private static async Task<Results<Ok<BreachDto>, NotFoundProblem>> GetAsync(Guid id, CurrentUser user, BreachService service, CancellationToken ct) =>
        await service.GetAsync(user, id, ct) is { } breach ? TypedResults.Ok(breach) : ApiResults.NotFound("The breach");

    // The same breach recorded twice the same day is a 409 naming the one already recorded.
    private static async Task<Results<Created<BreachDto>, ValidationProblem, ConflictProblem>> RecordAsync(
        BreachRequest request, CurrentUser user, BreachService service, CancellationToken ct) =>
        (await service.RecordAsync(user, request, ct)).TryGetValue(out var breach, out var failure)
            ? TypedResults.Created($"/api/breaches/{breach.Id}", breach)
            : ApiResults.Problem<Results<Created<BreachDto>, ValidationProblem, ConflictProblem>>(failure);
}
