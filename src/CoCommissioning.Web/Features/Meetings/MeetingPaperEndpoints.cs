using CoCommissioning.Domain.Common;
using CoCommissioning.Domain.Meetings;
using CoCommissioning.Web.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using MeetingChange = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.Ok<CoCommissioning.Web.Features.Meetings.MeetingDto>,
    Microsoft.AspNetCore.Http.HttpResults.ValidationProblem,
    CoCommissioning.Web.Infrastructure.ForbiddenProblem,
    CoCommissioning.Web.Infrastructure.NotFoundProblem,
    CoCommissioning.Web.Infrastructure.ConflictProblem,
    CoCommissioning.Web.Infrastructure.RuleProblem>;

namespace CoCommissioning.Web.Features.Meetings;

public sealed class MeetingPaperEndpoints : IApiEndpoints
{
    /// <summary>
    /// The most a paper upload request may carry: the largest paper plus a megabyte for the form's other fields and
    /// multipart framing. Set on the upload endpoint only; every other request keeps Kestrel's default.
    /// </summary>
    public const long UploadRequestLimitBytes = MeetingPaper.MaxSizeBytes + (1024 * 1024);

    private static readonly string[] OtherPaperTypes = [.. MeetingPaper.AllowedTypes.Values.Distinct().Where(t => t != "application/pdf")];

    public void Map(IEndpointRouteBuilder api)
    {
        var meetings = api.MapGroup("/meetings/{meetingId:guid}").WithTags("Meetings");

        // Antiforgery: minimal APIs validate it automatically only for parameters bound from a form, and API callers
        // authenticate with a bearer token, which a cross-site page cannot send. So the automatic check is off and a
        // caller signed in with the cookie (a multipart form is one a cross-site page can post) must send the token.
        meetings.MapPost("/items/{itemId:guid}/papers", UploadAsync)
            .RequireAuthorization(Policies.Secretary)
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(UploadRequestLimitBytes))
            .WithFormOptions(multipartBodyLengthLimit: UploadRequestLimitBytes)
            .Accepts<PaperUploadForm>("multipart/form-data")
            .WithSummary("Upload a paper for an agenda item (multipart form: file, title, isPublic); PDF, Word, Excel, PowerPoint, OpenDocument, CSV, PNG or JPEG up to 20 MB");

        // A new version of a paper: the same multipart form as an upload, with the meeting's version (and after
        // publication the reason). The earlier version is kept and listed; the paper's link serves the new one.
        meetings.MapPost("/papers/{paperId:guid}/versions", ReplaceAsync)
            .RequireAuthorization(Policies.Secretary)
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(UploadRequestLimitBytes))
            .WithFormOptions(multipartBodyLengthLimit: UploadRequestLimitBytes)
            .Accepts<PaperVersionForm>("multipart/form-data")
            .WithSummary("Replace a paper with a new version (multipart form: file, title, version, reason); earlier versions are kept");

        meetings.MapPut("/papers/{paperId:guid}/item", MoveAsync)
            .RequireAuthorization(Policies.Secretary)
            .WithSummary("Move a paper (every version) to another agenda item");

        meetings.MapPut("/papers/{paperId:guid}/visibility", ChangeVisibilityAsync)
            .RequireAuthorization(Policies.Secretary)
            .WithSummary("Make a paper public or private (a paper of a private item stays private)");

        meetings.MapPost("/papers/{paperId:guid}/removal", RemoveAsync)
            .RequireAuthorization(Policies.Secretary)
            .WithSummary("Remove a paper (after publication it stays listed as removed, with the reason)");

        meetings.MapGet("/papers/{paperId:guid}/versions/{versionNumber:int}", DownloadVersionAsync)
            .RequireAuthorization(Policies.SignedIn)
            .Produces(StatusCodes.Status200OK, responseType: null, contentType: "application/pdf", additionalContentTypes: OtherPaperTypes)
            .WithSummary("Download one version of a paper (earlier versions are kept)");

        meetings.MapGet("/papers/{paperId:guid}", DownloadAsync)
            .RequireAuthorization(Policies.SignedIn)
            .Produces(StatusCodes.Status200OK, responseType: null, contentType: "application/pdf", additionalContentTypes: OtherPaperTypes)
            .WithSummary("Download a paper (as an attachment); a paper of another organisation's meeting is not found");
    }

    // Too large is refused while reading, before the rest is buffered: Kestrel's request limit or the form's body limit.
    private static async Task<Results<Created<PaperDto>, ValidationProblem, ProblemHttpResult, ForbiddenProblem, NotFoundProblem, RuleProblem>> UploadAsync(
        Guid meetingId, Guid itemId, HttpContext http, CurrentUser user, MeetingPaperService service, IAntiforgery antiforgery, CancellationToken ct)
    {
        var read = await ReadUploadFormAsync(http, antiforgery, ct);
        if (read.Invalid is { } invalid)
        {
            return invalid;
        }

        if (read.Refused is { } refused)
        {
            return refused;
        }

        var form = read.Form!;
        var file = form.Files.GetFile("file");
        var isPublic = bool.TryParse(form["isPublic"], out var parsed) && parsed;
        await using var content = file?.OpenReadStream() ?? Stream.Null;
        var upload = new PaperUpload(form["title"], file?.FileName, isPublic, file?.Length ?? 0);
        return (await service.UploadAsync(user, meetingId, itemId, upload, content, ct)).TryGetValue(out var paper, out var failure)
            ? TypedResults.Created($"/api/meetings/{meetingId}/papers/{paper.Id}", paper)
            : ApiResults.Problem<Results<Created<PaperDto>, ValidationProblem, ProblemHttpResult, ForbiddenProblem, NotFoundProblem, RuleProblem>>(failure);
    }

    private static async Task<Results<MeetingChange, ProblemHttpResult>> ReplaceAsync(
        Guid meetingId, Guid paperId, HttpContext http, CurrentUser user, MeetingPaperService service, IAntiforgery antiforgery, CancellationToken ct)
    {
        var read = await ReadUploadFormAsync(http, antiforgery, ct);
        if (read.Invalid is { } invalid)
        {
            return (MeetingChange)invalid;
        }

        if (read.Refused is { } refused)
        {
            return refused;
        }

        var form = read.Form!;
        if (!Guid.TryParse(form["version"], out var version))
        {
            return (MeetingChange)ApiResults.Validation(Failure.Validation("version", "Send the meeting's version."));
        }

        var file = form.Files.GetFile("file");
        await using var content = file?.OpenReadStream() ?? Stream.Null;
        var replacement = new PaperReplacement(string.IsNullOrWhiteSpace(form["title"]) ? null : form["title"].ToString(), file?.FileName, file?.Length ?? 0, version, form["reason"]);
        return MeetingResults.Change(await service.ReplaceAsync(user, meetingId, paperId, replacement, content, ct));
    }

    private static async Task<MeetingChange> MoveAsync(Guid meetingId, Guid paperId, MovePaperRequest request, CurrentUser user, MeetingPaperService service, CancellationToken ct) =>
        MeetingResults.Change(await service.MoveAsync(user, meetingId, paperId, request, ct));

    private static async Task<MeetingChange> ChangeVisibilityAsync(Guid meetingId, Guid paperId, PaperVisibilityRequest request, CurrentUser user, MeetingPaperService service, CancellationToken ct) =>
        MeetingResults.Change(await service.ChangeVisibilityAsync(user, meetingId, paperId, request, ct));

    private static async Task<MeetingChange> RemoveAsync(Guid meetingId, Guid paperId, RemovePaperRequest request, CurrentUser user, MeetingPaperService service, CancellationToken ct) =>
        MeetingResults.Change(await service.RemoveAsync(user, meetingId, paperId, request, ct));

    private static async Task<Results<FileContentHttpResult, NotFoundProblem>> DownloadVersionAsync(
        Guid meetingId, Guid paperId, int versionNumber, HttpContext http, CurrentUser user, MeetingPaperService service, CancellationToken ct) =>
        await service.DownloadAsync(user, meetingId, paperId, versionNumber, ct) is { } paper ? File(http, paper) : ApiResults.NotFound("The paper version");

    private static async Task<Results<FileContentHttpResult, NotFoundProblem>> DownloadAsync(
        Guid meetingId, Guid paperId, HttpContext http, CurrentUser user, MeetingPaperService service, CancellationToken ct) =>
        await service.DownloadAsync(user, meetingId, paperId, ct) is { } paper ? File(http, paper) : ApiResults.NotFound("The paper");

    /// <summary>A paper form as read: the form, or why it is refused (invalid, or sent with the cookie but no antiforgery token).</summary>
    private sealed record UploadForm(IFormCollection? Form, ValidationProblem? Invalid = null, ProblemHttpResult? Refused = null);

    /// <summary>
    /// Reads a multipart paper form, refusing one that is not multipart, too large, or sent with the cookie but without
    /// the antiforgery token.
    /// </summary>
    private static async Task<UploadForm> ReadUploadFormAsync(HttpContext http, IAntiforgery antiforgery, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType)
        {
            return new(null, Invalid: ApiResults.Validation(Failure.Validation("file", "Send the paper as multipart/form-data, with the file in a field named \"file\".")));
        }

        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is InvalidDataException || e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            return new(null, Invalid: ApiResults.Validation(Failure.Validation("file", $"The file is too large; papers must be {MeetingPaper.MaxSizeBytes / (1024 * 1024)} MB or smaller.")));
        }

        if (!ApiTokenAuthenticationHandler.HasBearerToken(http.Request) && !await antiforgery.IsRequestValidAsync(http))
        {
            return new(null, Refused: TypedResults.Problem("Upload with an API token (Authorization: Bearer), or from the meeting page.", statusCode: StatusCodes.Status400BadRequest, title: "Antiforgery token missing or invalid"));
        }

        return new(form);
    }

    private static FileContentHttpResult File(HttpContext http, PaperFile paper)
    {
        // The type comes from the extension allowed at upload, never from what the uploader's browser claimed;
        // nosniff stops a browser guessing another, and the attachment disposition keeps it out of the page.
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.File(paper.Bytes, paper.ContentType, paper.FileName);
    }

    /// <summary>The multipart form a new version reads, for the OpenAPI document.</summary>
    public sealed record PaperVersionForm(IFormFile File, string? Title, Guid Version, string? Reason);

    /// <summary>The multipart form the upload reads, for the OpenAPI document.</summary>
    public sealed record PaperUploadForm(IFormFile File, string? Title, bool IsPublic);
}
