using System.Security.Claims;
using CoCommissioning.Web.Infrastructure;

namespace CoCommissioning.Web.Features.Audit;

public static class AuditEndpoints
{
    public static void MapAuditEndpoints(this IEndpointRouteBuilder api)
    {
        var audit = api.MapGroup("/audit").WithTags("Audit trail").RequireAuthorization(Policies.GovernanceLead);

        audit.MapGet("/", async (string? recordId, Guid? userId, string? recordType, int? page, int? pageSize, ClaimsPrincipal principal, AuditService service, CancellationToken ct) =>
                TypedResults.Ok(await service.QueryAsync(CurrentUser.Require(principal), new AuditQuery(recordId, userId, recordType, page ?? 1, pageSize ?? 50), ct)))
            .WithSummary("The audit trail of your organisation, newest first, filtered by record (and its parts) and by person");

        audit.MapGet("/actors", async (ClaimsPrincipal principal, AuditService service, CancellationToken ct) =>
                TypedResults.Ok(await service.ActorsAsync(CurrentUser.Require(principal), ct)))
            .WithSummary("The people who have changed records, for filtering");
    }
}
