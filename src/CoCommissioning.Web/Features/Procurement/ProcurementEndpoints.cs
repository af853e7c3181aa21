using System.Security.Claims;
using CoCommissioning.Web.Infrastructure;

namespace CoCommissioning.Web.Features.Procurement;

public static class ProcurementEndpoints
{
    public static void MapProcurementEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/procurement-decisions").WithTags("Procurement decisions").RequireAuthorization(Policies.GovernanceLead);

        group.MapGet("/", async (ClaimsPrincipal principal, ProcurementService service, CancellationToken ct) =>
                TypedResults.Ok(await service.ListAsync(CurrentUser.Require(principal), ct)))
            .WithSummary("Your organisation's procurement decisions, latest first");

        group.MapGet("/options", async (ClaimsPrincipal principal, ProcurementService service, CancellationToken ct) =>
                TypedResults.Ok(await service.OptionsAsync(CurrentUser.Require(principal), ct)))
            .WithSummary("The committees, suppliers (bodies) and committee decisions a procurement decision may name");

        group.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal principal, ProcurementService service, CancellationToken ct) =>
                await service.GetAsync(CurrentUser.Require(principal), id, ct) is { } decision ? Results.Ok(decision) : ApiResults.NotFoundProblem("The procurement decision"))
            .Produces<ProcurementDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One procurement decision");

        group.MapPost("/", async (ProcurementRequest request, ClaimsPrincipal principal, ProcurementService service, CancellationToken ct) =>
                ApiResults.From(await service.RecordAsync(CurrentUser.Require(principal), request, ct), p => Results.Created($"/api/procurement-decisions/{p.Id}", p)))
            .Produces<ProcurementDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .WithSummary("Record a procurement decision (public from when it is recorded)");

        group.MapPut("/{id:guid}", async (Guid id, ProcurementRequest request, ClaimsPrincipal principal, ProcurementService service, CancellationToken ct) =>
                ApiResults.From(await service.CorrectAsync(CurrentUser.Require(principal), id, request, ct), Results.Ok))
            .Produces<ProcurementDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Correct a procurement decision (send the version you read)");

        group.MapPost("/{id:guid}/link-decision", async (Guid id, LinkDecisionRequest request, ClaimsPrincipal principal, ProcurementService service, CancellationToken ct) =>
                ApiResults.From(await service.LinkDecisionAsync(CurrentUser.Require(principal), id, request, ct), Results.Ok))
            .Produces<ProcurementDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Link a procurement decision to the committee decision that made the award");
    }
}
