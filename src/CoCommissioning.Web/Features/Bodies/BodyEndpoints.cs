using CoCommissioning.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoCommissioning.Web.Features.Bodies;

public sealed class BodyEndpoints : IApiEndpoints
{
    public void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/bodies").WithTags("Bodies").RequireAuthorization(Policies.SignedIn);

        // Members pick the body an interest concerns from this list, so any signed-in user may read it.
        group.MapGet("/", ListAsync)
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("Your organisation's practices, PCNs, federations, suppliers and other bodies");

        group.MapGet("/{bodyId:guid}", GetAsync)
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("One body");

        // A member declaring an interest may add the body it concerns when it is not yet listed.
        group.MapPost("/", CreateAsync)
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("Add a body to your organisation's list (a duplicate of kind and name is refused)");

        group.MapPut("/{bodyId:guid}", UpdateAsync)
            .RequireAuthorization(Policies.Secretary)
            .WithSummary("Change a body's name, kind or code");
    }

    private static async Task<Ok<IReadOnlyList<BodyDto>>> ListAsync(CurrentUser user, ExternalBodyService service, CancellationToken ct) =>
        TypedResults.Ok(await service.ListAsync(user, ct));

    private static async Task<Results<Ok<BodyDto>, NotFoundProblem>> GetAsync(Guid bodyId, CurrentUser user, ExternalBodyService service, CancellationToken ct) =>
        await service.GetAsync(user, bodyId, ct) is { } body ? TypedResults.Ok(body) : ApiResults.NotFound("The body");

    // A duplicate name, even one that lost a race at the save, is a validation problem on the name.
    private static async Task<Results<Created<BodyDto>, ValidationProblem>> CreateAsync(
        BodyRequest request, CurrentUser user, ExternalBodyService service, CancellationToken ct) =>
        (await service.CreateAsync(user, request, ct)).TryGetValue(out var body, out var failure)
            ? TypedResults.Created($"/api/bodies/{body.Id}", body)
            : ApiResults.Problem<Results<Created<BodyDto>, ValidationProblem>>(failure);

    private static async Task<Results<Ok<BodyDto>, ValidationProblem, NotFoundProblem, ConflictProblem>> UpdateAsync(
        Guid bodyId, UpdateBodyRequest request, CurrentUser user, ExternalBodyService service, CancellationToken ct) =>
        (await service.UpdateAsync(user, bodyId, request, ct)).TryGetValue(out var body, out var failure)
            ? TypedResults.Ok(body)
            : ApiResults.Problem<Results<Ok<BodyDto>, ValidationProblem, NotFoundProblem, ConflictProblem>>(failure);
}
