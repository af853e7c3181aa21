using System.Globalization;
using System.Text;
using CoCommissioning.Domain.Minutes;
using CoCommissioning.Web.Features.Minutes.Export;
using CoCommissioning.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoCommissioning.Web.Features.Minutes;

/// <summary>
/// One part of one version of the minutes as a PDF or Word file to download: the same document the page shows (a
/// draft generated from the record now, an approved version as stored at approval).
/// </summary>
public sealed class MinutesExportEndpoints : IApiEndpoints
{
    public const string PdfType = "application/pdf";
    public const string WordType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static readonly TimeZoneInfo UkTime = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly MinutesPdfRenderer Pdf = new();
    private static readonly MinutesWordRenderer Word = new();

    public void Map(IEndpointRouteBuilder api)
    {
        var minutes = api.MapGroup("/meetings/{meetingId:guid}/minutes/versions/{number:int}").WithTags("Minutes");

        minutes.MapGet("/{part}.pdf", PdfAsync)
            .RequireAuthorization(Policies.SignedIn)
            .Produces(StatusCodes.Status200OK, responseType: null, contentType: PdfType)
            .WithSummary("One part (public or private) of one version of the minutes as an A4 PDF, as an attachment");

        minutes.MapGet("/{part}.docx", WordAsync)
            .RequireAuthorization(Policies.SignedIn)
            .Produces(StatusCodes.Status200OK, responseType: null, contentType: WordType)
            .WithSummary("One part (public or private) of one version of the minutes as a Word document, as an attachment");
    }

    /// <summary>"pccc-2026-11-26-minutes-public-v1.pdf": the committee's initials, the meeting's UK date, the part and version.</summary>
    public static string FileName(MinutesDocument document, string extension)
    {
        ArgumentNullException.ThrowIfNull(document);
        var date = TimeZoneInfo.ConvertTime(document.StartsAt, UkTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var part = document.Part == MinutesPart.Private ? "private" : "public";
        return $"{CommitteeSlug(document.CommitteeName)}-{date}-minutes-{part}-v{document.Version}.{extension}";
    }

    /// <summary>The initials of the committee's capitalised words ("Primary Care Commissioning Committee" → "pccc"), ASCII letters and digits only.</summary>
    internal static string CommitteeSlug(string? name)
    {
        var words = (name ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var initials = new StringBuilder();
        foreach (var word in words)
        {
            var first = word.FirstOrDefault(char.IsLetterOrDigit);
            if (char.IsUpper(first) || char.IsDigit(first))
            {
                initials.Append(char.ToLowerInvariant(first));
            }
        }

        var slug = new string([.. initials.ToString().Where(c => c is >= 'a' and <= 'z' or >= '0' and <= '9')]);
        return slug.Length >= 2 ? slug : "committee";
    }

    private static Task<Results<FileContentHttpResult, NotFoundProblem>> PdfAsync(
        Guid meetingId, int number, string part, HttpContext http, CurrentUser user, MinutesService service, CancellationToken ct) =>
        ExportAsync(meetingId, number, part, "pdf", PdfType, Pdf.Render, http, user, service, ct);

    private static Task<Results<FileContentHttpResult, NotFoundProblem>> WordAsync(
        Guid meetingId, int number, string part, HttpContext http, CurrentUser user, MinutesService service, CancellationToken ct) =>
        ExportAsync(meetingId, number, part, "docx", WordType, Word.Render, http, user, service, ct);

    private static async Task<Results<FileContentHttpResult, NotFoundProblem>> ExportAsync(
        Guid meetingId, int number, string part, string extension, string contentType, Func<MinutesDocument, byte[]> render,
        HttpContext http, CurrentUser user, MinutesService service, CancellationToken ct)
    {
        if (!Enum.TryParse<MinutesPart>(part, ignoreCase: true, out var which) || !Enum.IsDefined(which) || int.TryParse(part, out _))
        {
            return ApiResults.NotFound("The part of the minutes (public or private)");
        }

        if (!(await service.GetDocumentAsync(user, meetingId, number, which, ct)).TryGetValue(out var found, out var failure))
        {
            return ApiResults.Problem<Results<FileContentHttpResult, NotFoundProblem>>(failure);
        }

        var document = found.Document;
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.File(render(document), contentType, FileName(document, extension));
    }
}
