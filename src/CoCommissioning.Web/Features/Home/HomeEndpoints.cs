using CoCommissioning.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoCommissioning.Web.Features.Home;

public sealed class HomeEndpoints : IApiEndpoints
{
    public void Map(IEndpointRouteBuilder api)
    {
        var home = api.MapGroup("").WithTags("Home");

        home.MapGet("/home", SummaryAsync)
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("Today's and the next meeting of each of your committees, with the one-tap link for your part: the console for its secretaries, the chair's view for the chair and vice chair, the live view for members");
    }

    private static async Task<Ok<HomeSummaryDto>> SummaryAsync(CurrentUser user, HomeService service, CancellationToken ct) =>
        TypedResults.Ok(await service.SummaryAsync(user, ct));
}
