using CoCommissioning.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoCommissioning.Web.Features.PublicSite;

/// <summary>The public search as data, for anyone (the search page's JSON twin).</summary>
public sealed class PublicSiteEndpoints : IApiEndpoints
{
    public void Map(IEndpointRouteBuilder api)
    {
        var search = api.MapGroup("").WithTags("Public meetings and decisions");

        search.MapGet("/public/organisations/{slug}/search", SearchAsync)
            .AllowAnonymous()
            .WithSummary("Search an organisation's public committees, meetings, agenda items, decisions and register entries (published data only)");
    }

    private static async Task<Results<Ok<PublicSearchDto>, NotFoundProblem>> SearchAsync(string slug, string? q, PublicSearchService service, CancellationToken ct) =>
        await service.SearchAsync(slug, q, ct) is { } found ? TypedResults.Ok(found) : new NotFoundProblem("No organisation publishes that at this address.");
}
