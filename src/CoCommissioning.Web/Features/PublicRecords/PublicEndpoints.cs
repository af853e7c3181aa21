using CoCommissioning.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoCommissioning.Web.Features.PublicRecords;

public sealed class PublicEndpoints : IApiEndpoints
{
    public void Map(IEndpointRouteBuilder api)
    {
        var open = api.MapGroup("/public").WithTags("Public").AllowAnonymous();

        open.MapGet("/organisations", OrganisationsAsync)
            .WithSummary("Organisations that publish their committees here");

        open.MapGet("/organisations/{slug}", OrganisationAsync)
            .WithSummary("An organisation's published committees");
    }

    private static async Task<Ok<IReadOnlyList<PublicOrganisationDto>>> OrganisationsAsync(PublicService service, CancellationToken ct) =>
        TypedResults.Ok(await service.OrganisationsAsync(ct));

    private static async Task<Results<Ok<PublicOrganisationPageDto>, NotFoundProblem>> OrganisationAsync(string slug, PublicService service, CancellationToken ct) =>
        await service.OrganisationAsync(slug, ct) is { } page ? TypedResults.Ok(page) : new NotFoundProblem("No organisation has that address.");
}
