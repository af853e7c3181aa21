using CoCommissioning.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoCommissioning.Web.Features.DeclarationCycles;

public sealed class DeclarationCycleEndpoints : IApiEndpoints
{
    public void Map(IEndpointRouteBuilder api)
    {
        var cycles = api.MapGroup("/declaration-cycles").WithTags("Annual declarations");

        cycles.MapGet("/mine", MineAsync)
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("Your part in the open declaration cycle (204 when no cycle is open)");

        cycles.MapPost("/{cycleId:guid}/returns", SubmitReturnAsync)
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("Submit your own annual return: DeclarationsConfirmed or NilReturn");

        var lead = cycles.MapGroup("").RequireAuthorization(Policies.GovernanceLead);

        lead.MapGet("/", ListAsync)
            .WithSummary("Your organisation's declaration cycles, newest first");

        lead.MapGet("/not-declared", NotDeclaredAsync)
            .WithSummary("Decision-makers (voting members, decision-making staff) whose return in the current cycle is outstanding after its due date: names and roles only");

        lead.MapGet("/{cycleId:guid}", GetAsync)
            .WithSummary("The cycle's dashboard: everyone in scope, submitted or outstanding, and reminders sent");

        lead.MapPost("/", OpenAsync)
            .WithSummary("Open a declaration cycle (one open at a time)");

        lead.MapPost("/{cycleId:guid}/reminders", SendRemindersAsync)
            .WithSummary("Email a reminder to everyone outstanding (recorded on the dashboard)");

        lead.MapPost("/{cycleId:guid}/close", CloseAsync)
            .WithSummary("Close the cycle");
    }

    private static async Task<Results<Ok<MyCycleDto>, NoContent>> MineAsync(CurrentUser user, DeclarationCycleService service, CancellationToken ct) =>
        await service.MineAsync(user, ct) is { } mine ? TypedResults.Ok(mine) : TypedResults.NoContent();

    // A return for someone else is 403; a closed cycle, a second return or one that contradicts the register is 422.
    private static async Task<Results<Ok<MyCycleDto>, ForbiddenProblem, NotFoundProblem, RuleProblem>> SubmitReturnAsync(
        Guid cycleId, SubmitReturnRequest request, CurrentUser user, DeclarationCycleService service, CancellationToken ct) =>
        (await service.SubmitReturnAsync(user, cycleId, request, ct)).TryGetValue(out var mine, out var failure)
            ? TypedResults.Ok(mine)
            : ApiResults.Problem<Results<Ok<MyCycleDto>, ForbiddenProblem, NotFoundProblem, RuleProblem>>(failure);

    private static async Task<Ok<IReadOnlyList<CycleSummaryDto>>> ListAsync(CurrentUser user, DeclarationCycleService service, CancellationToken ct) =>
        TypedResults.Ok(await service.ListAsync(user, ct));

    private static async Task<Ok<NotDeclaredDto>> NotDeclaredAsync(CurrentUser user, DeclarationCycleService service, CancellationToken ct) =>
        TypedResults.Ok(await service.NotDeclaredAsync(user, ct));

    private static async Task<Results<Ok<CycleDashboardDto>, NotFoundProblem>> GetAsync(
        Guid cycleId, CurrentUser user, DeclarationCycleService service, CancellationToken ct) =>
        await service.GetAsync(user, cycleId, ct) is { } dashboard ? TypedResults.Ok(dashboard) : ApiResults.NotFound("The declaration cycle");

    private static async Task<Results<Created<CycleDashboardDto>, ValidationProblem, RuleProblem>> OpenAsync(
        OpenCycleRequest request, CurrentUser user, DeclarationCycleService service, CancellationToken ct) =>
        (await service.OpenAsync(user, request, ct)).TryGetValue(out var dashboard, out var failure)
            ? TypedResults.Created($"/api/declaration-cycles/{dashboard.Cycle.Id}", dashboard)
            : ApiResults.Problem<Results<Created<CycleDashboardDto>, ValidationProblem, RuleProblem>>(failure);

    private static async Task<Results<Ok<RemindersSentDto>, NotFoundProblem, RuleProblem>> SendRemindersAsync(
        Guid cycleId, HttpRequest http, CurrentUser user, DeclarationCycleService service, CancellationToken ct) =>
        (await service.SendRemindersAsync(user, cycleId, $"{http.Scheme}://{http.Host}/declarations", ct)).TryGetValue(out var sent, out var failure)
            ? TypedResults.Ok(sent)
            : ApiResults.Problem<Results<Ok<RemindersSentDto>, NotFoundProblem, RuleProblem>>(failure);

    // Closing a cycle that is already closed is refused by a rule (422).
    private static async Task<Results<Ok<CycleSummaryDto>, NotFoundProblem, ConflictProblem, RuleProblem>> CloseAsync(
        Guid cycleId, CloseCycleRequest request, CurrentUser user, DeclarationCycleService service, CancellationToken ct) =>
        (await service.CloseAsync(user, cycleId, request, ct)).TryGetValue(out var summary, out var failure)
            ? TypedResults.Ok(summary)
            : ApiResults.Problem<Results<Ok<CycleSummaryDto>, NotFoundProblem, ConflictProblem, RuleProblem>>(failure);
}
