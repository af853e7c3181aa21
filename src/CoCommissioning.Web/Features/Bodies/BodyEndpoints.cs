using CoCommissioning.Web.Infrastructure;

namespace CoCommissioning.Web.Features.Bodies;

public static class BodyEndpoints
{
    public static void MapBodyEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/bodies").WithTags("Bodies").RequireAuthorization(Policies.SignedIn);
        _ = group;
    }
}
