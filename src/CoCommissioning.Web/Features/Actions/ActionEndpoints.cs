using System.Security.Claims;
using CoCommissioning.Domain.Meetings;
using CoCommissioning.Web.Infrastructure;

namespace CoCommissioning.Web.Features.Actions;

public static class ActionEndpoints
{
    public static void MapActionEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapPost("/meetings/{meetingId:guid}/actions", async (Guid meetingId, RaiseActionRequest request, ClaimsPrincipal principal, ActionService service, CancellationToken ct) =>
                ApiResults.From(await service.RaiseAsync(CurrentUser.Require(principal), meetingId, request, ct), a => Results.Created($"/api/actions/{a.Id}", a)))
            .RequireAuthorization(Policies.Secretary)
            .WithTags("Actions")
            .Produces<ActionDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Raise an action at a meeting: description, owner (a person of your organisation), due date, optionally the agenda item");

        api.MapGet("/meetings/{meetingId:guid}/actions/carried", async (Guid meetingId, ClaimsPrincipal principal, ActionService service, CancellationToken ct) =>
                await service.CarriedAsync(CurrentUser.Require(principal), meetingId, ct) is { } actions ? Results.Ok(actions) : ApiResults.NotFoundProblem("The meeting"))
            .RequireAuthorization(Policies.SignedIn)
            .WithTags("Actions")
            .Produces<IReadOnlyList<ActionDto>>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The actions a meeting carries: the committee's open actions raised at earlier meetings, and those raised at this one");

        api.MapGet("/committees/{committeeId:guid}/actions", async (Guid committeeId, ActionStatus? status, Guid? owner, ClaimsPrincipal principal, ActionService service, CancellationToken ct) =>
                await service.ListAsync(CurrentUser.Require(principal), committeeId, status, owner, ct) is { } actions ? Results.Ok(actions) : ApiResults.NotFoundProblem("The committee"))
            .RequireAuthorization(Policies.SignedIn)
            .WithTags("Actions")
            .Produces<IReadOnlyList<ActionDto>>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A committee's action log, open and in-progress first; filter by status and owner (a person id)");

        api.MapGet("/actions/{id:guid}", async (Guid id, ClaimsPrincipal principal, ActionService service, CancellationToken ct) =>
                await service.GetAsync(CurrentUser.Require(principal), id, ct) is { } action ? Results.Ok(action) : ApiResults.NotFoundProblem("The action"))
            .RequireAuthorization(Policies.SignedIn)
            .WithTags("Actions")
            .Produces<ActionDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One action");

        api.MapPut("/actions/{id:guid}", async (Guid id, UpdateActionRequest request, ClaimsPrincipal principal, ActionService service, CancellationToken ct) =>
                ApiResults.From(await service.UpdateAsync(CurrentUser.Require(principal), id, request, ct), Results.Ok))
            .RequireAuthorization(Policies.SignedIn)
            .WithTags("Actions")
            .Produces<ActionDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Update an action's status, note and due date (the secretary, or the owner themself; others are refused with 403)");
    }
}
