using CoCommissioning.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoCommissioning.Web.Features.LocalRules;

public sealed class LocalRulesEndpoints : IApiEndpoints
{
    public void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/local-rules").WithTags("Local rules").RequireAuthorization(Policies.GovernanceLead);

        group.MapGet("/", CurrentAsync)
            .WithSummary("Your organisation's local rules in force today, and a change scheduled for a later date (governance lead or administrator)");

        group.MapPut("/", SaveAsync)
            .WithSummary("Change the local rules from a date (today or later); send the version you read (null while only the defaults exist)");

        group.MapGet("/history", HistoryAsync)
            .WithSummary("Every dated version of the local rules, oldest first");

        group.MapGet("/on/{date}", OnDateAsync)
            .WithSummary("The local rules in force on a date (yyyy-MM-dd)");
    }

    private static async Task<Ok<CurrentLocalRulesDto>> CurrentAsync(CurrentUser user, LocalRulesService service, CancellationToken ct) =>
        TypedResults.Ok(await service.CurrentAsync(user, ct));

    // Correcting a version that was in force before today is refused by a rule (422).
    private static async Task<Results<Ok<CurrentLocalRulesDto>, ValidationProblem, ConflictProblem, RuleProblem>> SaveAsync(
        LocalRulesRequest request, CurrentUser user, LocalRulesService service, CancellationToken ct) =>
        (await service.SaveAsync(user, request, ct)).TryGetValue(out var rules, out var failure)
            ? TypedResults.Ok(rules)
            : ApiResults.Problem<Results<Ok<CurrentLocalRulesDto>, ValidationProblem, ConflictProblem, RuleProblem>>(failure);

    private static async Task<Ok<IReadOnlyList<LocalRulesVersionDto>>> HistoryAsync(CurrentUser user, LocalRulesService service, CancellationToken ct) =>
        TypedResults.Ok(await service.HistoryAsync(user, ct));

    private static async Task<Ok<LocalRulesOnDateDto>> OnDateAsync(DateOnly date, CurrentUser user, LocalRulesService service, CancellationToken ct) =>
        TypedResults.Ok(await service.OnDateAsync(user, date, ct));
}
