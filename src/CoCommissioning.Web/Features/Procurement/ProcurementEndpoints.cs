using CoCommissioning.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoCommissioning.Web.Features.Procurement;

public sealed class ProcurementEndpoints : IApiEndpoints
{
    public void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/procurement-decisions").WithTags("Procurement decisions").RequireAuthorization(Policies.GovernanceLead);

        group.MapGet("/", ListAsync)
            .WithSummary("Your organisation's procurement decisions, latest first");

        group.MapGet("/options", OptionsAsync)
            .WithSummary("The committees, suppliers (bodies) and committee decisions a procurement decision may name");

        group.MapGet("/annual-summary", AnnualSummaryAsync)
            .WithSummary("The PSR annual summary for a calendar year: contracts per process, total value, representations received and upheld (rule book 8.8)");

        group.MapGet("/{id:guid}/notice-of-intention", NoticeOfIntentionAsync)
            .WithSummary("The drafted notice of intention to award (direct award C, most suitable provider, competitive process; rule book 8.7)");

        group.MapGet("/{id:guid}", GetAsync)
            .WithSummary("One procurement decision");

        group.MapPost("/", RecordAsync)
            .WithSummary("Record a procurement decision (public from when it is recorded)");

        group.MapPut("/{id:guid}", CorrectAsync)
            .WithSummary("Correct a procurement decision (send the version you read)");

        group.MapPost("/{id:guid}/link-decision", LinkDecisionAsync)
            .WithSummary("Link a procurement decision to the committee decision that made the award");
    }

    private static async Task<Ok<IReadOnlyList<ProcurementDto>>> ListAsync(CurrentUser user, ProcurementService service, CancellationToken ct) =>
        TypedResults.Ok(await service.ListAsync(user, ct));

    private static async Task<Ok<ProcurementOptionsDto>> OptionsAsync(CurrentUser user, ProcurementService service, CancellationToken ct) =>
        TypedResults.Ok(await service.OptionsAsync(user, ct));

    private static async Task<Results<Ok<PsrAnnualSummaryDto>, ValidationProblem>> AnnualSummaryAsync(
        int? year, CurrentUser user, ProcurementService service, CancellationToken ct) =>
        year is null or < 2000 or > 2100
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["year"] = ["Give the year as four digits, for example 2025."] })
            : TypedResults.Ok(await service.AnnualSummaryAsync(user, year.Value, ct));

    // A notice is drafted only for the processes that have one (422 for the others).
    private static async Task<Results<Ok<PsrNoticeDto>, NotFoundProblem, RuleProblem>> NoticeOfIntentionAsync(
        Guid id, CurrentUser user, ProcurementService service, CancellationToken ct) =>
        (await service.NoticeOfIntentionAsync(user, id, ct)).TryGetValue(out var notice, out var failure)
            ? TypedResults.Ok(notice)
            : ApiResults.Problem<Results<Ok<PsrNoticeDto>, NotFoundProblem, RuleProblem>>(failure);

    private static async Task<Results<Ok<ProcurementDto>, NotFoundProblem>> GetAsync(Guid id, CurrentUser user, ProcurementService service, CancellationToken ct) =>
        await service.GetAsync(user, id, ct) is { } decision ? TypedResults.Ok(decision) : ApiResults.NotFound("The procurement decision");

    // The same decision recorded twice the same day is a 409 naming the one already recorded.
    private static async Task<Results<Created<ProcurementDto>, ValidationProblem, ConflictProblem>> RecordAsync(
        ProcurementRequest request, CurrentUser user, ProcurementService service, CancellationToken ct) =>
        (await service.RecordAsync(user, request, ct)).TryGetValue(out var decision, out var failure)
            ? TypedResults.Created($"/api/procurement-decisions/{decision.Id}", decision)
            : ApiResults.Problem<Results<Created<ProcurementDto>, ValidationProblem, ConflictProblem>>(failure);

    private static async Task<Results<Ok<ProcurementDto>, ValidationProblem, NotFoundProblem, ConflictProblem>> CorrectAsync(
        Guid id, ProcurementRequest request, CurrentUser user, ProcurementService service, CancellationToken ct) =>
        (await service.CorrectAsync(user, id, request, ct)).TryGetValue(out var decision, out var failure)
            ? TypedResults.Ok(decision)
            : ApiResults.Problem<Results<Ok<ProcurementDto>, ValidationProblem, NotFoundProblem, ConflictProblem>>(failure);

    private static async Task<Results<Ok<ProcurementDto>, ValidationProblem, NotFoundProblem, ConflictProblem>> LinkDecisionAsync(
        Guid id, LinkDecisionRequest request, CurrentUser user, ProcurementService service, CancellationToken ct) =>
        (await service.LinkDecisionAsync(user, id, request, ct)).TryGetValue(out var decision, out var failure)
            ? TypedResults.Ok(decision)
            : ApiResults.Problem<Results<Ok<ProcurementDto>, ValidationProblem, NotFoundProblem, ConflictProblem>>(failure);
}
