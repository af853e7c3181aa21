using System.Security.Claims;
using CoCommissioning.Web.Infrastructure;

namespace CoCommissioning.Web.Features.LocalRules;

public static class LocalRulesEndpoints
{
    public static void MapLocalRulesEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/local-rules").WithTags("Local rules").RequireAuthorization(Policies.GovernanceLead);

        group.MapGet("/", async (ClaimsPrincipal principal, LocalRulesService service, CancellationToken ct) =>
                TypedResults.Ok(await service.CurrentAsync(CurrentUser.Require(principal), ct)))
            .WithSummary("Your organisation's local rules in force today, and a change scheduled for a later date (governance lead or administrator)");

        group.MapPut("/", async (LocalRulesRequest request, ClaimsPrincipal principal, LocalRulesService service, CancellationToken ct) =>
                ApiResults.From(await service.SaveAsync(CurrentUser.Require(principal), request, ct), Results.Ok))
            .Produces<CurrentLocalRulesDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Change the local rules from a date (today or later); send the version you read (null while only the defaults exist)");

        group.MapGet("/history", async (ClaimsPrincipal principal, LocalRulesService service, CancellationToken ct) =>
                TypedResults.Ok(await service.HistoryAsync(CurrentUser.Require(principal), ct)))
            .WithSummary("Every dated version of the local rules, oldest first");

        group.MapGet("/on/{date}", async (DateOnly date, ClaimsPrincipal principal, LocalRulesService service, CancellationToken ct) =>
                TypedResults.Ok(await service.OnDateAsync(CurrentUser.Require(principal), date, ct)))
            .WithSummary("The local rules in force on a date (yyyy-MM-dd)");
    }
}
