using System.Security.Claims;
using CoCommissioning.Web.Infrastructure;

namespace CoCommissioning.Web.Features.Bodies;

public static class BodyEndpoints
{
    public static void MapBodyEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/bodies").WithTags("Bodies").RequireAuthorization(Policies.SignedIn);

        // Members pick the body an interest concerns from this list, so any signed-in user may read it.
        group.MapGet("/", async (ClaimsPrincipal principal, ExternalBodyService service, CancellationToken ct) =>
                TypedResults.Ok(await service.ListAsync(CurrentUser.Require(principal), ct)))
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("Your organisation's practices, PCNs, federations, suppliers and other bodies");

        group.MapGet("/{bodyId:guid}", async (Guid bodyId, ClaimsPrincipal principal, ExternalBodyService service, CancellationToken ct) =>
                await service.GetAsync(CurrentUser.Require(principal), bodyId, ct) is { } body
                    ? Results.Ok(body)
                    : ApiResults.NotFoundProblem("The body"))
            .RequireAuthorization(Policies.SignedIn)
            .Produces<BodyDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One body");

        // A member declaring an interest may add the body it concerns when it is not yet listed.
        group.MapPost("/", async (BodyRequest request, ClaimsPrincipal principal, ExternalBodyService service, CancellationToken ct) =>
                ApiResults.From(await service.CreateAsync(CurrentUser.Require(principal), request, ct), b => Results.Created($"/api/bodies/{b.Id}", b)))
            .RequireAuthorization(Policies.SignedIn)
            .Produces<BodyDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .WithSummary("Add a body to your organisation's list (a duplicate of kind and name is refused)");

        group.MapPut("/{bodyId:guid}", async (Guid bodyId, UpdateBodyRequest request, ClaimsPrincipal principal, ExternalBodyService service, CancellationToken ct) =>
                ApiResults.From(await service.UpdateAsync(CurrentUser.Require(principal), bodyId, request, ct), Results.Ok))
            .RequireAuthorization(Policies.Secretary)
            .Produces<BodyDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Change a body's name, kind or code");
    }
}
