using System.Security.Claims;
using CoCommissioning.Web.Infrastructure;

namespace CoCommissioning.Web.Features.Breaches;

public static class BreachEndpoints
{
    public static void MapBreachEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/breaches").WithTags("Breaches").RequireAuthorization(Policies.GovernanceLead);

        group.MapGet("/", async (ClaimsPrincipal principal, BreachService service, CancellationToken ct) =>
                TypedResults.Ok(await service.ListAsync(CurrentUser.Require(principal), ct)))
            .WithSummary("Your organisation's breaches register (internal: descriptions and people included)");

        group.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal principal, BreachService service, CancellationToken ct) =>
                await service.GetAsync(CurrentUser.Require(principal), id, ct) is { } breach ? Results.Ok(breach) : ApiResults.NotFoundProblem("The breach"))
            .Produces<BreachDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One breach");

        group.MapPost("/", async (BreachRequest request, ClaimsPrincipal principal, BreachService service, CancellationToken ct) =>
                ApiResults.From(await service.RecordAsync(CurrentUser.Require(principal), request, ct), b => Results.Created($"/api/breaches/{b.Id}", b)))
            .Produces<BreachDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .WithSummary("Record a breach; the public summary must not name the person concerned");
    }
}
