namespace CoCommissioning.Web.Features.PublicRegisters;

public static class PublicRegisterEndpoints
{
    public static void MapPublicRegisterEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/public/registers").WithTags("Public registers").AllowAnonymous();
        _ = group;
    }
}
