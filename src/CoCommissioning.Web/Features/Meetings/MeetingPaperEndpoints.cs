using System.Security.Claims;
using CoCommissioning.Domain.Common;
using CoCommissioning.Domain.Meetings;
using CoCommissioning.Web.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;

namespace CoCommissioning.Web.Features.Meetings;

public static class MeetingPaperEndpoints
{
    /// <summary>
    /// The most a paper upload request may carry: the largest paper plus a megabyte for the form's other fields and
    /// multipart framing. Set on the upload endpoint only; every other request keeps Kestrel's default.
    /// </summary>
    public const long UploadRequestLimitBytes = MeetingPaper.MaxSizeBytes + (1024 * 1024);

    public static void MapMeetingPaperEndpoints(this IEndpointRouteBuilder api)
    {
        var meetings = api.MapGroup("/meetings/{meetingId:guid}").WithTags("Meetings");

        // Antiforgery: minimal APIs validate it automatically only for parameters bound from a form, and API callers
        // authenticate with a bearer token, which a cross-site page cannot send. So the automatic check is off and a
        // caller signed in with the cookie (a multipart form is one a cross-site page can post) must send the token.
        meetings.MapPost("/items/{itemId:guid}/papers", async (Guid meetingId, Guid itemId, HttpContext http, ClaimsPrincipal principal, MeetingPaperService service, IAntiforgery antiforgery, CancellationToken ct) =>
            {
                // Too large is refused while reading, before the rest is buffered: Kestrel's request limit or the form's body limit.
                if (await ReadUploadFormAsync(http, antiforgery, ct) is not { } form)
                {
                    return http.Items[FormProblemKey] as IResult ?? Results.BadRequest();
                }

                var file = form.Files.GetFile("file");
                var isPublic = bool.TryParse(form["isPublic"], out var parsed) && parsed;
                await using var content = file?.OpenReadStream() ?? Stream.Null;
                var upload = new PaperUpload(form["title"], file?.FileName, isPublic, file?.Length ?? 0);
                return ApiResults.From(
                    await service.UploadAsync(CurrentUser.Require(principal), meetingId, itemId, upload, content, ct),
                    paper => Results.Created($"/api/meetings/{meetingId}/papers/{paper.Id}", paper));
            })
            .RequireAuthorization(Policies.Secretary)
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(UploadRequestLimitBytes))
            .WithFormOptions(multipartBodyLengthLimit: UploadRequestLimitBytes)
            .Accepts<PaperUploadForm>("multipart/form-data")
            .Produces<PaperDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Upload a paper for an agenda item (multipart form: file, title, isPublic); PDF, Word, Excel, PowerPoint, OpenDocument, CSV, PNG or JPEG up to 20 MB");

        // A new version of a paper: the same multipart form as an upload, with the meeting's version (and after
        // publication the reason). The earlier version is kept and listed; the paper's link serves the new one.
        meetings.MapPost("/papers/{paperId:guid}/versions", async (Guid meetingId, Guid paperId, HttpContext http, ClaimsPrincipal principal, MeetingPaperService service, IAntiforgery antiforgery, CancellationToken ct) =>
            {
                if (await ReadUploadFormAsync(http, antiforgery, ct) is not { } form)
                {
                    return http.Items[FormProblemKey] as IResult ?? Results.BadRequest();
                }

                if (!Guid.TryParse(form["version"], out var version))
                {
                    return ApiResults.Problem(Failure.Validation("version", "Send the meeting's version."));
                }

                var file = form.Files.GetFile("file");
                await using var content = file?.OpenReadStream() ?? Stream.Null;
                var replacement = new PaperReplacement(string.IsNullOrWhiteSpace(form["title"]) ? null : form["title"].ToString(), file?.FileName, file?.Length ?? 0, version, form["reason"]);
                return ApiResults.From(await service.ReplaceAsync(CurrentUser.Require(principal), meetingId, paperId, replacement, content, ct), Results.Ok);
            })
            .RequireAuthorization(Policies.Secretary)
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(UploadRequestLimitBytes))
            .WithFormOptions(multipartBodyLengthLimit: UploadRequestLimitBytes)
            .Accepts<PaperVersionForm>("multipart/form-data")
            .Produces<MeetingDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Replace a paper with a new version (multipart form: file, title, version, reason); earlier versions are kept");

        MeetingEndpoints.MapChange(meetings.MapPut("/papers/{paperId:guid}/item", async (Guid meetingId, Guid paperId, MovePaperRequest request, ClaimsPrincipal principal, MeetingPaperService service, CancellationToken ct) =>
            ApiResults.From(await service.MoveAsync(CurrentUser.Require(principal), meetingId, paperId, request, ct), Results.Ok)), Policies.Secretary, "Move a paper (every version) to another agenda item");

        MeetingEndpoints.MapChange(meetings.MapPut("/papers/{paperId:guid}/visibility", async (Guid meetingId, Guid paperId, PaperVisibilityRequest request, ClaimsPrincipal principal, MeetingPaperService service, CancellationToken ct) =>
            ApiResults.From(await service.ChangeVisibilityAsync(CurrentUser.Require(principal), meetingId, paperId, request, ct), Results.Ok)), Policies.Secretary, "Make a paper public or private (a paper of a private item stays private)");

        MeetingEndpoints.MapChange(meetings.MapPost("/papers/{paperId:guid}/removal", async (Guid meetingId, Guid paperId, RemovePaperRequest request, ClaimsPrincipal principal, MeetingPaperService service, CancellationToken ct) =>
            ApiResults.From(await service.RemoveAsync(CurrentUser.Require(principal), meetingId, paperId, request, ct), Results.Ok)), Policies.Secretary, "Remove a paper (after publication it stays listed as removed, with the reason)");

        meetings.MapGet("/papers/{paperId:guid}/versions/{versionNumber:int}", async (Guid meetingId, Guid paperId, int versionNumber, HttpContext http, ClaimsPrincipal principal, MeetingPaperService service, CancellationToken ct) =>
                await service.DownloadAsync(CurrentUser.Require(principal), meetingId, paperId, versionNumber, ct) is { } paper ? File(http, paper) : ApiResults.NotFoundProblem("The paper version"))
            .RequireAuthorization(Policies.SignedIn)
            .Produces(StatusCodes.Status200OK, responseType: null, contentType: "application/pdf", additionalContentTypes: [.. MeetingPaper.AllowedTypes.Values.Distinct().Where(t => t != "application/pdf")])
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Download one version of a paper (earlier versions are kept)");

        meetings.MapGet("/papers/{paperId:guid}", async (Guid meetingId, Guid paperId, HttpContext http, ClaimsPrincipal principal, MeetingPaperService service, CancellationToken ct) =>
            {
                return await service.DownloadAsync(CurrentUser.Require(principal), meetingId, paperId, ct) is { } paper
                    ? File(http, paper)
                    : ApiResults.NotFoundProblem("The paper");
            })
            .RequireAuthorization(Policies.SignedIn)
            .Produces(StatusCodes.Status200OK, responseType: null, contentType: "application/pdf", additionalContentTypes: [.. MeetingPaper.AllowedTypes.Values.Distinct().Where(t => t != "application/pdf")])
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Download a paper (as an attachment); a paper of another organisation's meeting is not found");
    }

    private const string FormProblemKey = "paper-form-problem";

    /// <summary>
    /// Reads a multipart paper form, refusing (into <see cref="HttpContext.Items"/>) one that is not multipart, too large,
    /// or sent with the cookie but without the antiforgery token.
    /// </summary>
    private static async Task<IFormCollection?> ReadUploadFormAsync(HttpContext http, IAntiforgery antiforgery, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType)
        {
            http.Items[FormProblemKey] = ApiResults.Problem(Failure.Validation("file", "Send the paper as multipart/form-data, with the file in a field named \"file\"."));
            return null;
        }

        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is InvalidDataException || e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            http.Items[FormProblemKey] = ApiResults.Problem(Failure.Validation("file", $"The file is too large; papers must be {MeetingPaper.MaxSizeBytes / (1024 * 1024)} MB or smaller."));
            return null;
        }

        if (!ApiTokenAuthenticationHandler.HasBearerToken(http.Request) && !await antiforgery.IsRequestValidAsync(http))
        {
            http.Items[FormProblemKey] = Results.Problem("Upload with an API token (Authorization: Bearer), or from the meeting page.", statusCode: StatusCodes.Status400BadRequest, title: "Antiforgery token missing or invalid");
            return null;
        }

        return form;
    }

    private static IResult File(HttpContext http, PaperFile paper)
    {
        // The type comes from the extension allowed at upload, never from what the uploader's browser claimed;
        // nosniff stops a browser guessing another, and the attachment disposition keeps it out of the page.
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "private, no-store";
        return Results.File(paper.Bytes, paper.ContentType, paper.FileName);
    }

    /// <summary>The multipart form a new version reads, for the OpenAPI document.</summary>
    public sealed record PaperVersionForm(IFormFile File, string? Title, Guid Version, string? Reason);

    /// <summary>The multipart form the upload reads, for the OpenAPI document.</summary>
    public sealed record PaperUploadForm(IFormFile File, string? Title, bool IsPublic);
}
