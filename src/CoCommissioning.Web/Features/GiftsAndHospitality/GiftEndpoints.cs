using CoCommissioning.Web.Infrastructure;

namespace CoCommissioning.Web.Features.GiftsAndHospitality;

public static class GiftEndpoints
{
    public static void MapGiftEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/gifts").WithTags("Gifts and hospitality").RequireAuthorization(Policies.SignedIn);
        _ = group;
    }
}
