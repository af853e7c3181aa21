namespace CoCommissioning.Web.Features.PublicSite;

/// <summary>The public search as data, for anyone (the search page's JSON twin).</summary>
public static class PublicSiteEndpoints
{
    public static void MapPublicSiteEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/public/organisations/{slug}/search", async (string slug, string? q, PublicSearchService service, CancellationToken ct) =>
                await service.SearchAsync(slug, q, ct) is { } found
                    ? Results.Ok(found)
                    : Results.Problem("No organisation publishes that at this address.", statusCode: StatusCodes.Status404NotFound))
            .WithTags("Public meetings and decisions")
            .AllowAnonymous()
            .Produces<PublicSearchDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Search an organisation's public committees, meetings, agenda items, decisions and register entries (published data only)");
    }
}
