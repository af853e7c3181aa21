using CoCommissioning.Web.Infrastructure;

namespace CoCommissioning.Web.Features.RegisterSettings;

public static class RegisterSettingsEndpoints
{
    public static void MapRegisterSettingsEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/register-settings").WithTags("Register settings").RequireAuthorization(Policies.GovernanceLead);
        _ = group;
    }
}
