using CoCommissioning.Domain.Meetings;
using CoCommissioning.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace CoCommissioning.Web.Features.MeetingPack;

/// <summary>
/// The meeting pack as a PDF: both parts for anyone signed in to the meeting's organisation (members, secretaries,
/// governance leads, administrators: the same people who may download each paper), and the public part for anyone
/// once the agenda is published (<see cref="MeetingPackDownloads"/>). The ETag is the pack's fingerprint, so a client
/// asking again with If-None-Match gets 304 until a paper or item changes.
/// </summary>
public sealed class MeetingPackEndpoints : IApiEndpoints
{
    public const string PdfType = "application/pdf";

    /// <summary>The signed-in download of one part: /api/meetings/{meetingId}/pack/public or /pack/private.</summary>
    public static string PackUrl(Guid meetingId, PackPart part) => $"/api/meetings/{meetingId}/pack/{(part == PackPart.Private ? "private" : "public")}";

    /// <summary>The public download of the public part, beside the public meeting page.</summary>
    public static string PublicPackUrl(string slug, Guid meetingId) => $"/public/{slug}/meetings/{meetingId}/pack.pdf";

    public void Map(IEndpointRouteBuilder api)
    {
        var pack = api.MapGroup("/meetings/{meetingId:guid}/pack").WithTags("Meetings");

        pack.MapGet("/public", PublicPartAsync)
            .RequireAuthorization(Policies.SignedIn)
            .Produces(StatusCodes.Status200OK, responseType: null, contentType: PdfType)
            .Produces(StatusCodes.Status304NotModified)
            .WithSummary("The meeting pack's public part as one PDF: cover, agenda of the public items, and their public papers in order, with bookmarks and page numbers; anyone signed in to the organisation, before or after publication");

        pack.MapGet("/private", PrivatePartAsync)
            .RequireAuthorization(Policies.SignedIn)
            .Produces(StatusCodes.Status200OK, responseType: null, contentType: PdfType)
            .Produces(StatusCodes.Status304NotModified)
            .WithSummary("The meeting pack's private part as one PDF: cover, agenda of the private items, and their papers (and confidential papers of public items), marked confidential on every page; anyone signed in to the organisation");
    }

    private static Task<Results<FileContentHttpResult, NotFoundProblem>> PublicPartAsync(
        Guid meetingId, HttpContext http, CurrentUser user, MeetingPackService service, CancellationToken ct) =>
        PartAsync(meetingId, PackPart.Public, http, user, service, ct);

    private static Task<Results<FileContentHttpResult, NotFoundProblem>> PrivatePartAsync(
        Guid meetingId, HttpContext http, CurrentUser user, MeetingPackService service, CancellationToken ct) =>
        PartAsync(meetingId, PackPart.Private, http, user, service, ct);

    private static async Task<Results<FileContentHttpResult, NotFoundProblem>> PartAsync(
        Guid meetingId, PackPart part, HttpContext http, CurrentUser user, MeetingPackService service, CancellationToken ct) =>
        await service.ForOrganisationAsync(user, meetingId, part, ct) is { } file
            ? File(http, file, "private, no-cache")
            : ApiResults.NotFound("The meeting");

    internal static FileContentHttpResult File(HttpContext http, PackFile file, string cacheControl)
    {
        // The type is ours, never sniffed; "no-cache" lets a browser keep it but ask (by ETag) before using it again.
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = cacheControl;
        return TypedResults.File(file.Bytes, PdfType, file.FileName, entityTag: new EntityTagHeaderValue($"\"{file.Fingerprint}\""));
    }
}

/// <summary>/public/{slug}/meetings/{meetingId}/pack.pdf: the public part for anyone, 404 until the agenda is published.</summary>
public sealed class MeetingPackDownloads : ISiteEndpoints
{
    public void Map(IEndpointRouteBuilder site) =>
        site.MapGet("/public/{slug}/meetings/{meetingId:guid}/pack.pdf", PublicPackAsync)
            .AllowAnonymous()
            .ExcludeFromDescription();

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> PublicPackAsync(
        string slug, Guid meetingId, HttpContext http, MeetingPackService service, CancellationToken ct) =>
        await service.ForPublicAsync(slug, meetingId, ct) is { } file
            ? MeetingPackEndpoints.File(http, file, "public, no-cache")
            : TypedResults.Problem("No organisation publishes that at this address.", statusCode: StatusCodes.Status404NotFound);
}
