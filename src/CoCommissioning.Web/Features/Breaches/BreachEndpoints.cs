using CoCommissioning.Web.Infrastructure;

namespace CoCommissioning.Web.Features.Breaches;

public static class BreachEndpoints
{
    public static void MapBreachEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/breaches").WithTags("Breaches").RequireAuthorization(Policies.GovernanceLead);
        _ = group;
    }
}
