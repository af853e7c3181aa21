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

        group.MapGet("/annual-summary", async (int? year, ClaimsPrincipal principal, ProcurementService service, TimeProvider clock, CancellationToken ct) =>
                year is null or < 2000 or > 2100
                    ? Results.ValidationProblem(new Dictionary<string, string[]> { ["year"] = ["Give the year as four digits, for example 2025."] })
                    : Results.Ok(await service.AnnualSummaryAsync(CurrentUser.Require(principal), year.Value, ct)))
            .Produces<PsrAnnualSummaryDto>()
            .ProducesValidationProblem()
            .WithSummary("The PSR annual summary for a calendar year: contracts per process, total value, representations received and upheld (rule book 8.8)");

        group.MapGet("/{id:guid}/notice-of-intention", async (Guid id, ClaimsPrincipal principal, ProcurementService service, CancellationToken ct) =>
                ApiResults.From(await service.NoticeOfIntentionAsync(CurrentUser.Require(principal), id, ct), Results.Ok))
            .Produces<PsrNoticeDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("The drafted notice of intention to award (direct award C, most suitable provider, competitive process; rule book 8.7)");

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
