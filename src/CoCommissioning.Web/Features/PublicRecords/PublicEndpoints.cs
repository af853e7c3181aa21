namespace CoCommissioning.Web.Features.PublicRecords;

public static class PublicEndpoints
{
    public static void MapPublicEndpoints(this IEndpointRouteBuilder api)
    {
        var open = api.MapGroup("/public").WithTags("Public").AllowAnonymous();

        open.MapGet("/organisations", async (PublicService service, CancellationToken ct) => TypedResults.Ok(await service.OrganisationsAsync(ct)))
            .WithSummary("Organisations that publish their committees here");

        open.MapGet("/organisations/{slug}", async (string slug, PublicService service, CancellationToken ct) =>
                await service.OrganisationAsync(slug, ct) is { } page ? Results.Ok(page) : Results.Problem("No organisation has that address.", statusCode: StatusCodes.Status404NotFound))
            .Produces<PublicOrganisationPageDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("An organisation's published committees");
    }
}
