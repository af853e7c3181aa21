using CoCommissioning.Web.Infrastructure;

namespace CoCommissioning.Web.Features.Declarations;

public static class DeclarationEndpoints
{
    public static void MapDeclarationEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/declarations").WithTags("Declarations").RequireAuthorization(Policies.SignedIn);
        _ = group;
    }
}
