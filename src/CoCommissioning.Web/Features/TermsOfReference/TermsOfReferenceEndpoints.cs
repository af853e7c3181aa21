using System.Security.Claims;
using CoCommissioning.Web.Infrastructure;

namespace CoCommissioning.Web.Features.TermsOfReference;

public static class TermsOfReferenceEndpoints
{
    public static void MapTermsOfReferenceEndpoints(this IEndpointRouteBuilder api)
    {
        var tor = api.MapGroup("/committees/{committeeId:guid}/terms-of-reference").WithTags("Terms of reference");

        tor.MapGet("/", async (Guid committeeId, ClaimsPrincipal principal, TermsOfReferenceService service, CancellationToken ct) =>
                await service.GetAsync(CurrentUser.Require(principal), committeeId, ct) is { } dto ? Results.Ok(dto) : ApiResults.NotFoundProblem("The committee"))
            .RequireAuthorization(Policies.SignedIn)
            .Produces<TermsOfReferenceDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The terms of reference in force today and every version, with the quorum clause in plain English");

        tor.MapPost("/", async (Guid committeeId, AdoptTermsOfReferenceRequest request, ClaimsPrincipal principal, TermsOfReferenceService service, CancellationToken ct) =>
                ApiResults.From(await service.AdoptAsync(CurrentUser.Require(principal), committeeId, request, ct), Results.Ok))
            .RequireAuthorization(Policies.GovernanceLead)
            .Produces<TermsOfReferenceDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Adopt a new version from its effective date (versions are never edited). To import, send a document exported here or by another organisation.");

        tor.MapPost("/preview", async (Guid committeeId, TermsOfReferenceDocument document, ClaimsPrincipal principal, TermsOfReferenceService service, CancellationToken ct) =>
                ApiResults.From(await service.PreviewAsync(CurrentUser.Require(principal), committeeId, document, ct), Results.Ok))
            .RequireAuthorization(Policies.GovernanceLead)
            .Produces<TermsOfReferencePreviewDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Read a draft's quorum clause back in plain English and list its problems, saving nothing");

        tor.MapGet("/export", async (Guid committeeId, DateOnly? on, ClaimsPrincipal principal, TermsOfReferenceService service, CancellationToken ct) =>
                await service.ExportAsync(CurrentUser.Require(principal), committeeId, on, ct) is { } document
                    ? Results.Json(document, contentType: "application/json", statusCode: 200)
                    : ApiResults.NotFoundProblem("Terms of reference for that committee and date"))
            .RequireAuthorization(Policies.SignedIn)
            .Produces<TermsOfReferenceDocument>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Export the version in force on a date (default today) as a JSON document to share or compare");
    }
}
