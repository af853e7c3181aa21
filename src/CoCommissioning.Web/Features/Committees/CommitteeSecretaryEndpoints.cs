using CoCommissioning.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoCommissioning.Web.Features.Committees;

public sealed class CommitteeSecretaryEndpoints : IApiEndpoints
{
    public void Map(IEndpointRouteBuilder api)
    {
        var secretaries = api.MapGroup("/committees/{committeeId:guid}/secretaries").WithTags("Committees");

        secretaries.MapGet("/", ListAsync)
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("The committee's secretaries: who runs its meetings' consoles and changes its meetings and agendas");

        secretaries.MapPost("/", AddAsync)
            .RequireAuthorization(Policies.GovernanceLead)
            .WithSummary("Make a user with the committee secretary role one of the committee's secretaries (administrators and governance leads)");

        secretaries.MapDelete("/{userId:guid}", RemoveAsync)
            .RequireAuthorization(Policies.GovernanceLead)
            .WithSummary("Stop a user being one of the committee's secretaries (administrators and governance leads)");
    }

    private static async Task<Results<Ok<CommitteeSecretariesDto>, NotFoundProblem>> ListAsync(
        Guid committeeId, CurrentUser user, CommitteeSecretaryService service, CancellationToken ct) =>
        await service.ListAsync(user, committeeId, ct) is { } list ? TypedResults.Ok(list) : ApiResults.NotFound("The committee");

    private static async Task<Results<Ok<CommitteeSecretariesDto>, ValidationProblem, ForbiddenProblem, NotFoundProblem, ConflictProblem>> AddAsync(
        Guid committeeId, AddCommitteeSecretaryRequest request, CurrentUser user, CommitteeSecretaryService service, CancellationToken ct) =>
        (await service.AddAsync(user, committeeId, request, ct)).TryGetValue(out var list, out var failure)
            ? TypedResults.Ok(list)
            : ApiResults.Problem<Results<Ok<CommitteeSecretariesDto>, ValidationProblem, ForbiddenProblem, NotFoundProblem, ConflictProblem>>(failure);

    // A removal that loses a race with another (the row already gone when saved) is a 409.
    private static async Task<Results<Ok<CommitteeSecretariesDto>, ForbiddenProblem, NotFoundProblem, ConflictProblem>> RemoveAsync(
        Guid committeeId, Guid userId, CurrentUser user, CommitteeSecretaryService service, CancellationToken ct) =>
        (await service.RemoveAsync(user, committeeId, userId, ct)).TryGetValue(out var list, out var failure)
            ? TypedResults.Ok(list)
            : ApiResults.Problem<Results<Ok<CommitteeSecretariesDto>, ForbiddenProblem, NotFoundProblem, ConflictProblem>>(failure);
}
