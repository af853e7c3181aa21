using CoCommissioning.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoCommissioning.Web.Features.TermsOfReference;

public sealed class TermsOfReferenceEndpoints : IApiEndpoints
{
    public void Map(IEndpointRouteBuilder api)
    {
        var tor = api.MapGroup("/committees/{committeeId:guid}/terms-of-reference").WithTags("Terms of reference");

        tor.MapGet("/", GetAsync)
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("The terms of reference in force today and every version, with the quorum clause in plain English");

        tor.MapPost("/", AdoptAsync)
            .RequireAuthorization(Policies.GovernanceLead)
            .WithSummary("Adopt a new version from its effective date (versions are never edited). To import, send a document exported here or by another organisation.");

        tor.MapPost("/preview", PreviewAsync)
            .RequireAuthorization(Policies.GovernanceLead)
            .WithSummary("Read a draft's quorum clause back in plain English and list its problems, saving nothing");

        // A JSON result with a set status says nothing to OpenAPI by its type: the document's type is declared here.
        tor.MapGet("/export", ExportAsync)
            .RequireAuthorization(Policies.SignedIn)
            .Produces<TermsOfReferenceDocument>()
            .WithSummary("Export the version in force on a date (default today) as a JSON document to share or compare");
    }

    private static async Task<Results<Ok<TermsOfReferenceDto>, NotFoundProblem>> GetAsync(
        Guid committeeId, CurrentUser user, TermsOfReferenceService service, CancellationToken ct) =>
        await service.GetAsync(user, committeeId, ct) is { } dto ? TypedResults.Ok(dto) : ApiResults.NotFound("The committee");

    private static async Task<Results<Ok<TermsOfReferenceDto>, ValidationProblem, NotFoundProblem, ConflictProblem>> AdoptAsync(
        Guid committeeId, AdoptTermsOfReferenceRequest request, CurrentUser user, TermsOfReferenceService service, CancellationToken ct) =>
        (await service.AdoptAsync(user, committeeId, request, ct)).TryGetValue(out var dto, out var failure)
            ? TypedResults.Ok(dto)
            : ApiResults.Problem<Results<Ok<TermsOfReferenceDto>, ValidationProblem, NotFoundProblem, ConflictProblem>>(failure);

    // A draft's problems are the answer, not a failure: only a missing committee is refused.
    private static async Task<Results<Ok<TermsOfReferencePreviewDto>, NotFoundProblem>> PreviewAsync(
        Guid committeeId, TermsOfReferenceDocument document, CurrentUser user, TermsOfReferenceService service, CancellationToken ct) =>
        (await service.PreviewAsync(user, committeeId, document, ct)).TryGetValue(out var preview, out var failure)
            ? TypedResults.Ok(preview)
            : ApiResults.Problem<Results<Ok<TermsOfReferencePreviewDto>, NotFoundProblem>>(failure);

    private static async Task<Results<JsonHttpResult<TermsOfReferenceDocument>, NotFoundProblem>> ExportAsync(
        Guid committeeId, DateOnly? on, CurrentUser user, TermsOfReferenceService service, CancellationToken ct) =>
        await service.ExportAsync(user, committeeId, on, ct) is { } document
            ? TypedResults.Json(document, contentType: "application/json", statusCode: 200)
            : ApiResults.NotFound("Terms of reference for that committee and date");
}
