using System.Security.Claims;
using CoCommissioning.Web.Infrastructure;

namespace CoCommissioning.Web.Features.Quorum;

public static class QuorumEndpoints
{
    public static void MapQuorumEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapPost("/committees/{committeeId:guid}/what-if", async (Guid committeeId, WhatIfRequest request, ClaimsPrincipal principal, WhatIfService service, CancellationToken ct) =>
                ApiResults.From(await service.EvaluateAsync(CurrentUser.Require(principal), committeeId, request, ct), Results.Ok))
            .RequireAuthorization(Policies.Secretary)
            .WithTags("Quorum")
            .Produces<WhatIfResultDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("What if: the quorum verdict with its explanation, who may vote and who presides, for an attendance you describe (nothing is saved)");
    }
}
