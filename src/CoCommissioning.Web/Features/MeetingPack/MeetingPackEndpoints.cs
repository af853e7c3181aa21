using System.Security.Claims;
using CoCommissioning.Domain.Meetings;
using CoCommissioning.Web.Infrastructure;
using Microsoft.Net.Http.Headers;

namespace CoCommissioning.Web.Features.MeetingPack;

/// <summary>
/// The meeting pack as a PDF: both parts for anyone signed in to the meeting's organisation (members, secretaries,
/// governance leads, administrators: the same people who may download each paper), and the public part for anyone
/// once the agenda is published. The ETag is the pack's fingerprint, so a client asking again with If-None-Match gets
/// 304 until a paper or item changes.
/// </summary>
public static class MeetingPackEndpoints
{
    public const string PdfType = "application/pdf";

    /// <summary>The signed-in download of one part: /api/meetings/{meetingId}/pack/public or /pack/private.</summary>
    public static string PackUrl(Guid meetingId, PackPart part) => $"/api/meetings/{meetingId}/pack/{(part == PackPart.Private ? "private" : "public")}";

    /// <summary>The public download of the public part, beside the public meeting page.</summary>
    public static string PublicPackUrl(string slug, Guid meetingId) => $"/public/{slug}/meetings/{meetingId}/pack.pdf";

    public static void MapMeetingPackEndpoints(this IEndpointRouteBuilder api)
    {
        var pack = api.MapGroup("/meetings/{meetingId:guid}/pack").WithTags("Meetings");
        foreach (var part in new[] { PackPart.Public, PackPart.Private })
        {
            pack.MapGet($"/{(part == PackPart.Private ? "private" : "public")}", async (Guid meetingId, HttpContext http, ClaimsPrincipal principal, MeetingPackService service, CancellationToken ct) =>
                    await service.ForOrganisationAsync(CurrentUser.Require(principal), meetingId, part, ct) is { } file
                        ? File(http, file, "private, no-cache")
                        : ApiResults.NotFoundProblem("The meeting"))
                .RequireAuthorization(Policies.SignedIn)
                .Produces(StatusCodes.Status200OK, responseType: null, contentType: PdfType)
                .Produces(StatusCodes.Status304NotModified)
                .ProducesProblem(StatusCodes.Status404NotFound)
                .WithSummary(part == PackPart.Private
                    ? "The meeting pack's private part as one PDF: cover, agenda of the private items, and their papers (and confidential papers of public items), marked confidential on every page; anyone signed in to the organisation"
                    : "The meeting pack's public part as one PDF: cover, agenda of the public items, and their public papers in order, with bookmarks and page numbers; anyone signed in to the organisation, before or after publication");
        }
    }

    /// <summary>/public/{slug}/meetings/{meetingId}/pack.pdf: 404 until the agenda is published.</summary>
    public static void MapMeetingPackDownloads(this IEndpointRouteBuilder app) =>
        app.MapGet("/public/{slug}/meetings/{meetingId:guid}/pack.pdf", async (string slug, Guid meetingId, HttpContext http, MeetingPackService service, CancellationToken ct) =>
                await service.ForPublicAsync(slug, meetingId, ct) is { } file
                    ? File(http, file, "public, no-cache")
                    : Results.Problem("No organisation publishes that at this address.", statusCode: StatusCodes.Status404NotFound))
            .AllowAnonymous()
            .ExcludeFromDescription();

    private static IResult File(HttpContext http, PackFile file, string cacheControl)
    {
        // The type is ours, never sniffed; "no-cache" lets a browser keep it but ask (by ETag) before using it again.
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = cacheControl;
        return Results.File(file.Bytes, PdfType, file.FileName, entityTag: new EntityTagHeaderValue($"\"{file.Fingerprint}\""));
    }
}
