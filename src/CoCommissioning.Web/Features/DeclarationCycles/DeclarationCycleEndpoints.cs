using System.Security.Claims;
using CoCommissioning.Web.Infrastructure;

namespace CoCommissioning.Web.Features.DeclarationCycles;

public static class DeclarationCycleEndpoints
{
    public static void MapDeclarationCycleEndpoints(this IEndpointRouteBuilder api)
    {
        var cycles = api.MapGroup("/declaration-cycles").WithTags("Annual declarations");

        cycles.MapGet("/mine", async (ClaimsPrincipal principal, DeclarationCycleService service, CancellationToken ct) =>
                await service.MineAsync(CurrentUser.Require(principal), ct) is { } mine ? Results.Ok(mine) : Results.NoContent())
            .RequireAuthorization(Policies.SignedIn)
            .Produces<MyCycleDto>()
            .Produces(StatusCodes.Status204NoContent)
            .WithSummary("Your part in the open declaration cycle (204 when no cycle is open)");

        cycles.MapPost("/{cycleId:guid}/returns", async (Guid cycleId, SubmitReturnRequest request, ClaimsPrincipal principal, DeclarationCycleService service, CancellationToken ct) =>
                ApiResults.From(await service.SubmitReturnAsync(CurrentUser.Require(principal), cycleId, request, ct), Results.Ok))
            .RequireAuthorization(Policies.SignedIn)
            .Produces<MyCycleDto>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Submit your own annual return: DeclarationsConfirmed or NilReturn");

        var lead = cycles.MapGroup("").RequireAuthorization(Policies.GovernanceLead);

        lead.MapGet("/", async (ClaimsPrincipal principal, DeclarationCycleService service, CancellationToken ct) =>
                TypedResults.Ok(await service.ListAsync(CurrentUser.Require(principal), ct)))
            .WithSummary("Your organisation's declaration cycles, newest first");

        lead.MapGet("/not-declared", async (ClaimsPrincipal principal, DeclarationCycleService service, CancellationToken ct) =>
                TypedResults.Ok(await service.NotDeclaredAsync(CurrentUser.Require(principal), ct)))
            .WithSummary("Decision-makers (voting members, decision-making staff) whose return in the current cycle is outstanding after its due date: names and roles only");

        lead.MapGet("/{cycleId:guid}", async (Guid cycleId, ClaimsPrincipal principal, DeclarationCycleService service, CancellationToken ct) =>
                await service.GetAsync(CurrentUser.Require(principal), cycleId, ct) is { } dashboard ? Results.Ok(dashboard) : ApiResults.NotFoundProblem("The declaration cycle"))
            .Produces<CycleDashboardDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The cycle's dashboard: everyone in scope, submitted or outstanding, and reminders sent");

        lead.MapPost("/", async (OpenCycleRequest request, ClaimsPrincipal principal, DeclarationCycleService service, CancellationToken ct) =>
                ApiResults.From(await service.OpenAsync(CurrentUser.Require(principal), request, ct), d => Results.Created($"/api/declaration-cycles/{d.Cycle.Id}", d)))
            .Produces<CycleDashboardDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Open a declaration cycle (one open at a time)");

        lead.MapPost("/{cycleId:guid}/reminders", async (Guid cycleId, HttpRequest http, ClaimsPrincipal principal, DeclarationCycleService service, CancellationToken ct) =>
                ApiResults.From(await service.SendRemindersAsync(CurrentUser.Require(principal), cycleId, $"{http.Scheme}://{http.Host}/declarations", ct), Results.Ok))
            .Produces<RemindersSentDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Email a reminder to everyone outstanding (recorded on the dashboard)");

        lead.MapPost("/{cycleId:guid}/close", async (Guid cycleId, CloseCycleRequest request, ClaimsPrincipal principal, DeclarationCycleService service, CancellationToken ct) =>
                ApiResults.From(await service.CloseAsync(CurrentUser.Require(principal), cycleId, request, ct), Results.Ok))
            .Produces<CycleSummaryDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Close the cycle");
    }
}
