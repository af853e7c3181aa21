using CoCommissioning.Domain.Meetings;
using CoCommissioning.Web.Features.Minutes.Export;
using CoCommissioning.Web.Features.PublicRegisters;

namespace CoCommissioning.Web.Features.PublicMeetings;

/// <summary>
/// Committees, meetings and decisions as data, for anyone: JSON under /api (in the OpenAPI document), and beside
/// the pages the iCalendar feed and the public papers' downloads.
/// </summary>
public static class PublicMeetingsEndpoints
{
    public static void MapPublicMeetingsEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/public/organisations/{slug}").WithTags("Public meetings and decisions").AllowAnonymous();

        group.MapGet("/committees", async (string slug, PublicMeetingsService service, CancellationToken ct) =>
                Found(await service.CommitteesAsync(slug, ct)))
            .Produces<PublicCommitteesDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("An organisation's committees");

        group.MapGet("/committees/{committeeId:guid}", async (string slug, Guid committeeId, PublicMeetingsService service, CancellationToken ct) =>
                Found(await service.CommitteeAsync(slug, committeeId, ct)))
            .Produces<PublicCommitteeDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A committee, its terms of reference in force today in plain words, and its meetings");

        group.MapGet("/meetings", async (string slug, PublicMeetingsService service, CancellationToken ct) =>
                Found(await service.MeetingsAsync(slug, ct)))
            .Produces<PublicMeetingsDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The meeting calendar: every meeting of the organisation's committees, past and future, earliest first");

        group.MapGet("/meetings/{meetingId:guid}", async (string slug, Guid meetingId, PublicMeetingsService service, CancellationToken ct) =>
                Found(await service.MeetingAsync(slug, meetingId, ct)))
            .Produces<PublicMeetingDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A meeting's public part: the public items of its published agenda, their public papers and decisions (never a private item)");

        group.MapGet("/meetings/{meetingId:guid}/minutes", async (string slug, Guid meetingId, PublicMeetingsService service, CancellationToken ct) =>
                Found(await service.MinutesAsync(slug, meetingId, ct)))
            .Produces<PublicMinutesDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A meeting's approved public minutes: the public part of the latest approved version (404 while there are only drafts)");

        group.MapGet("/decisions", async (string slug, PublicMeetingsService service, CancellationToken ct) =>
                Found(await service.DecisionsAsync(slug, ct)))
            .Produces<PublicDecisionsDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The decisions log of public items: resolution, date, outcome, tally, and how conflicts were managed (no names)");
    }

    /// <summary>
    /// Beside the pages: /public/{slug}/meetings.ics, /public/{slug}/papers/{paperId} and
    /// /public/{slug}/meetings/{meetingId}/minutes.pdf.
    /// </summary>
    public static void MapPublicMeetingsDownloads(this IEndpointRouteBuilder app)
    {
        var downloads = app.MapGroup("/public/{slug}").AllowAnonymous().ExcludeFromDescription();

        downloads.MapGet("/meetings.ics", async (string slug, HttpContext http, PublicMeetingsService service, TimeProvider clock, CancellationToken ct) =>
            {
                if (await service.MeetingsAsync(slug, ct) is not { } calendar)
                {
                    return NotFound();
                }

                var baseUrl = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
                http.Response.Headers.ContentDisposition = $"inline; filename=\"{calendar.Organisation.Slug}-meetings.ics\"";
                return Results.Text(MeetingCalendar.Write(calendar, baseUrl, clock.GetUtcNow()), MeetingCalendar.ContentType);
            })
            .CacheOutput(PublicRegisterCaching.PolicyName);

        downloads.MapGet("/papers/{paperId:guid}", async (string slug, Guid paperId, HttpContext http, PublicMeetingsService service, CancellationToken ct) =>
            {
                if (await service.PaperAsync(slug, paperId, ct) is not { } paper)
                {
                    return NotFound();
                }

                // As the signed-in download: the type comes from the extension allowed at upload, nosniff stops a
                // browser guessing another, and the attachment disposition keeps it out of the page.
                http.Response.Headers.XContentTypeOptions = "nosniff";
                return Results.File(paper.Bytes, paper.ContentType, paper.FileName);
            })
            .Produces(StatusCodes.Status200OK, responseType: null, contentType: "application/pdf", additionalContentTypes: [.. MeetingPaper.AllowedTypes.Values.Distinct().Where(t => t != "application/pdf")]);

        downloads.MapPublicMinutesDownload();
    }

    private static void MapPublicMinutesDownload(this IEndpointRouteBuilder downloads) =>
        downloads.MapGet("/meetings/{meetingId:guid}/minutes.pdf", async (string slug, Guid meetingId, HttpContext http, PublicMeetingsService service, CancellationToken ct) =>
            {
                if (await service.MinutesAsync(slug, meetingId, ct) is not { } minutes)
                {
                    return NotFound();
                }

                // The approved public part only, rendered from the document stored at approval.
                var pdf = new MinutesPdfRenderer().Render(minutes.Document);
                http.Response.Headers.XContentTypeOptions = "nosniff";
                return Results.File(pdf, "application/pdf", $"minutes-{minutes.MeetingId}-v{minutes.Version}-public.pdf");
            })
            .CacheOutput(PublicRegisterCaching.PolicyName);

    private static IResult Found<T>(T? value) where T : class => value is null ? NotFound() : Results.Ok(value);

    private static IResult NotFound() => Results.Problem("No organisation publishes that at this address.", statusCode: StatusCodes.Status404NotFound);
}
