using System.Security.Claims;
using CoCommissioning.Web.Infrastructure;

namespace CoCommissioning.Web.Features.RegisterSettings;

public static class RegisterSettingsEndpoints
{
    public static void MapRegisterSettingsEndpoints(this IEndpointRouteBuilder api)
    {
        // No policy on the group: a group policy adds to each endpoint's, and the thresholds are for every member.
        var group = api.MapGroup("/register-settings").WithTags("Register settings");

        group.MapGet("/", async (ClaimsPrincipal principal, RegisterSettingsService service, CancellationToken ct) =>
                TypedResults.Ok(await service.GetAsync(CurrentUser.Require(principal), ct)))
            .RequireAuthorization(Policies.GovernanceLead)
            .WithSummary("Your organisation's register settings (the 2017 guidance figures until you save your own)");

        group.MapPut("/", async (RegisterSettingsRequest request, ClaimsPrincipal principal, RegisterSettingsService service, CancellationToken ct) =>
                ApiResults.From(await service.SaveAsync(CurrentUser.Require(principal), request, ct), Results.Ok))
            .RequireAuthorization(Policies.GovernanceLead)
            .Produces<RegisterSettingsDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Change the gifts and hospitality thresholds and the Conflicts of Interest Guardian (version null on the first save)");

        group.MapGet("/thresholds", async (ClaimsPrincipal principal, RegisterSettingsService service, CancellationToken ct) =>
                TypedResults.Ok(await service.GetThresholdsAsync(CurrentUser.Require(principal), ct)))
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("The gifts and hospitality thresholds in force, for anyone declaring an offer");
    }
}
