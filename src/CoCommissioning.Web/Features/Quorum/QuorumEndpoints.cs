using CoCommissioning.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoCommissioning.Web.Features.Quorum;

public sealed class QuorumEndpoints : IApiEndpoints
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapGroup("").WithTags("Quorum").MapPost("/committees/{committeeId:guid}/what-if", WhatIfAsync)
            .RequireAuthorization(Policies.Secretary)
            .WithSummary("What if: the quorum verdict with its explanation, who may vote and who presides, for an attendance you describe (nothing is saved)");

    private static async Task<Results<Ok<WhatIfResultDto>, ValidationProblem, NotFoundProblem, RuleProblem>> WhatIfAsync(
        Guid committeeId, WhatIfRequest request, CurrentUser user, WhatIfService service, CancellationToken ct) =>
        (await service.EvaluateAsync(user, committeeId, request, ct)).TryGetValue(out var result, out var failure)
            ? TypedResults.Ok(result)
            : ApiResults.Problem<Results<Ok<WhatIfResultDto>, ValidationProblem, NotFoundProblem, RuleProblem>>(failure);
}
