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
                if (!http.Request.HasFormContentType)
                {
                    return ApiResults.Problem(Failure.Validation("file", "Send the paper as multipart/form-data, with the file in a field named \"file\"."));
                }

                IFormCollection form;
                try
                {
                    form = await http.Request.ReadFormAsync(ct);
                }
                catch (Exception e) when (e is InvalidDataException || e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
                {
                    // Refused while reading, before the rest is buffered: Kestrel's request limit or the form's body limit.
                    return ApiResults.Problem(Failure.Validation("file", $"The file is too large; papers must be {MeetingPaper.MaxSizeBytes / (1024 * 1024)} MB or smaller."));
                }

                if (!ApiTokenAuthenticationHandler.HasBearerToken(http.Request) && !await antiforgery.IsRequestValidAsync(http))
                {
                    return Results.Problem("Upload with an API token (Authorization: Bearer), or from the meeting page.", statusCode: StatusCodes.Status400BadRequest, title: "Antiforgery token missing or invalid");
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

        meetings.MapGet("/papers/{paperId:guid}", async (Guid meetingId, Guid paperId, HttpContext http, ClaimsPrincipal principal, MeetingPaperService service, CancellationToken ct) =>
            {
                if (await service.DownloadAsync(CurrentUser.Require(principal), meetingId, paperId, ct) is not { } paper)
                {
                    return ApiResults.NotFoundProblem("The paper");
                }

                // The type comes from the extension allowed at upload, never from what the uploader's browser claimed;
                // nosniff stops a browser guessing another, and the attachment disposition keeps it out of the page.
                http.Response.Headers.XContentTypeOptions = "nosniff";
                http.Response.Headers.CacheControl = "private, no-store";
                return Results.File(paper.Bytes, paper.ContentType, paper.FileName);
            })
            .RequireAuthorization(Policies.SignedIn)
            .Produces(StatusCodes.Status200OK, responseType: null, contentType: "application/pdf", additionalContentTypes: [.. MeetingPaper.AllowedTypes.Values.Distinct().Where(t => t != "application/pdf")])
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Download a paper (as an attachment); a paper of another organisation's meeting is not found");
    }

    /// <summary>The multipart form the upload reads, for the OpenAPI document.</summary>
    public sealed record PaperUploadForm(IFormFile File, string? Title, bool IsPublic);
}
