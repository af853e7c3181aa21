using CoCommissioning.Domain.Meetings;
using CoCommissioning.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoCommissioning.Web.Features.Actions;

public sealed class ActionEndpoints : IApiEndpoints
{
    public void Map(IEndpointRouteBuilder api)
    {
        var actions = api.MapGroup("").WithTags("Actions");

        actions.MapPost("/meetings/{meetingId:guid}/actions", RaiseAsync)
            .RequireAuthorization(Policies.Secretary)
            .WithSummary("Raise an action at a meeting: description, owner (a person of your organisation), due date, optionally the agenda item");

        actions.MapGet("/meetings/{meetingId:guid}/actions/carried", CarriedAsync)
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("The actions a meeting carries: the committee's open actions raised at earlier meetings, and those raised at this one");

        actions.MapGet("/committees/{committeeId:guid}/actions", ListAsync)
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("A committee's action log, open and in-progress first; filter by status and owner (a person id)");

        actions.MapGet("/actions/{id:guid}", GetAsync)
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("One action");

        actions.MapPut("/actions/{id:guid}", UpdateAsync)
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("Update an action's status, note and due date (the secretary, or the owner themself; others are refused with 403)");
    }

    private static async Task<Results<Created<ActionDto>, ValidationProblem, NotFoundProblem, ConflictProblem>> RaiseAsync(
        Guid meetingId, RaiseActionRequest request, CurrentUser user, ActionService service, CancellationToken ct) =>
        (await service.RaiseAsync(user, meetingId, request, ct)).TryGetValue(out var action, out var failure)
            ? TypedResults.Created($"/api/actions/{action.Id}", action)
            : ApiResults.Problem<Results<Created<ActionDto>, ValidationProblem, NotFoundProblem, ConflictProblem>>(failure);

    private static async Task<Results<Ok<IReadOnlyList<ActionDto>>, NotFoundProblem>> CarriedAsync(
        Guid meetingId, CurrentUser user, ActionService service, CancellationToken ct) =>
        await service.CarriedAsync(user, meetingId, ct) is { } actions ? TypedResults.Ok(actions) : ApiResults.NotFound("The meeting");

    private static async Task<Results<Ok<IReadOnlyList<ActionDto>>, NotFoundProblem>> ListAsync(
        Guid committeeId, ActionStatus? status, Guid? owner, CurrentUser user, ActionService service, CancellationToken ct) =>
        await service.ListAsync(user, committeeId, status, owner, ct) is { } actions ? TypedResults.Ok(actions) : ApiResults.NotFound("The committee");

    private static async Task<Results<Ok<ActionDto>, NotFoundProblem>> GetAsync(Guid id, CurrentUser user, ActionService service, CancellationToken ct) =>
        await service.GetAsync(user, id, ct) is { } action ? TypedResults.Ok(action) : ApiResults.NotFound("The action");

    private static async Task<Results<Ok<ActionDto>, ValidationProblem, ForbiddenProblem, NotFoundProblem, ConflictProblem>> UpdateAsync(
        Guid id, UpdateActionRequest request, CurrentUser user, ActionService service, CancellationToken ct) =>
        (await service.UpdateAsync(user, id, request, ct)).TryGetValue(out var action, out var failure)
            ? TypedResults.Ok(action)
            : ApiResults.Problem<Results<Ok<ActionDto>, ValidationProblem, ForbiddenProblem, NotFoundProblem, ConflictProblem>>(failure);
}
