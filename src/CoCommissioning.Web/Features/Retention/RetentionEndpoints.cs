using CoCommissioning.Web.Infrastructure;

namespace CoCommissioning.Web.Features.Retention;

public static class RetentionEndpoints
{
    public static void MapRetentionEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/retention").WithTags("Retention").RequireAuthorization(Policies.Administrator);
        _ = group;
    }
}
