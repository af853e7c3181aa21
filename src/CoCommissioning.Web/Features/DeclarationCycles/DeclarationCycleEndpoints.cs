using CoCommissioning.Web.Infrastructure;

namespace CoCommissioning.Web.Features.DeclarationCycles;

public static class DeclarationCycleEndpoints
{
    public static void MapDeclarationCycleEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/declaration-cycles").WithTags("Annual declarations").RequireAuthorization(Policies.SignedIn);
        _ = group;
    }
}
