using CoCommissioning.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoCommissioning.Web.Features.RegisterSettings;

public sealed class RegisterSettingsEndpoints : IApiEndpoints
{
    public void Map(IEndpointRouteBuilder api)
    {
        // No policy on the group: a group policy adds to each endpoint's, and the thresholds are for every member.
        var group = api.MapGroup("/register-settings").WithTags("Register settings");

        group.MapGet("/", GetAsync)
            .RequireAuthorization(Policies.GovernanceLead)
            .WithSummary("Your organisation's register settings (the 2017 guidance figures until you save your own)");

        group.MapPut("/", SaveAsync)
            .RequireAuthorization(Policies.GovernanceLead)
            .WithSummary("Change the gifts and hospitality thresholds and the Conflicts of Interest Guardian (version null on the first save)");

        group.MapGet("/thresholds", GetThresholdsAsync)
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("The gifts and hospitality thresholds in force, for anyone declaring an offer");
    }

    private static async Task<Ok<RegisterSettingsDto>> GetAsync(CurrentUser user, RegisterSettingsService service, CancellationToken ct) =>
        TypedResults.Ok(await service.GetAsync(user, ct));

    private static async Task<Results<Ok<RegisterSettingsDto>, ValidationProblem, ConflictProblem>> SaveAsync(
        RegisterSettingsRequest request, CurrentUser user, RegisterSettingsService service, CancellationToken ct) =>
        (await service.SaveAsync(user, request, ct)).TryGetValue(out var settings, out var failure)
            ? TypedResults.Ok(settings)
            : ApiResults.Problem<Results<Ok<RegisterSettingsDto>, ValidationProblem, ConflictProblem>>(failure);

    private static async Task<Ok<ThresholdsDto>> GetThresholdsAsync(CurrentUser user, RegisterSettingsService service, CancellationToken ct) =>
        TypedResults.Ok(await service.GetThresholdsAsync(user, ct));
}
