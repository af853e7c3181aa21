using CoCommissioning.Web.Infrastructure;

namespace CoCommissioning.Web.Features.Procurement;

public static class ProcurementEndpoints
{
    public static void MapProcurementEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/procurement-decisions").WithTags("Procurement decisions").RequireAuthorization(Policies.GovernanceLead);
        _ = group;
    }
}
