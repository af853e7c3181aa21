using System.Security.Claims;
using CoCommissioning.Web.Infrastructure;

namespace CoCommissioning.Web.Features.Committees;

public static class CommitteeSecretaryEndpoints
{
    public static void MapCommitteeSecretaryEndpoints(this IEndpointRouteBuilder api)
    {
        var secretaries = api.MapGroup("/committees/{committeeId:guid}/secretaries").WithTags("Committees");

        secretaries.MapGet("/", async (Guid committeeId, ClaimsPrincipal principal, CommitteeSecretaryService service, CancellationToken ct) =>
                await service.ListAsync(CurrentUser.Require(principal), committeeId, ct) is { } list ? Results.Ok(list) : ApiResults.NotFoundProblem("The committee"))
            .RequireAuthorization(Policies.SignedIn)
            .Produces<CommitteeSecretariesDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The committee's secretaries: who runs its meetings' consoles and changes its meetings and agendas");

        secretaries.MapPost("/", async (Guid committeeId, AddCommitteeSecretaryRequest request, ClaimsPrincipal principal, CommitteeSecretaryService service, CancellationToken ct) =>
                ApiResults.From(await service.AddAsync(CurrentUser.Require(principal), committeeId, request, ct), Results.Ok))
            .RequireAuthorization(Policies.GovernanceLead)
            .Produces<CommitteeSecretariesDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Make a user with the committee secretary role one of the committee's secretaries (administrators and governance leads)");

        secretaries.MapDelete("/{userId:guid}", async (Guid committeeId, Guid userId, ClaimsPrincipal principal, CommitteeSecretaryService service, CancellationToken ct) =>
                ApiResults.From(await service.RemoveAsync(CurrentUser.Require(principal), committeeId, userId, ct), Results.Ok))
            .RequireAuthorization(Policies.GovernanceLead)
            .Produces<CommitteeSecretariesDto>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Stop a user being one of the committee's secretaries (administrators and governance leads)");
    }
}
