using CoCommissioning.Domain.Meetings;
using CoCommissioning.Web.Features.Minutes.Export;
using CoCommissioning.Web.Features.PublicRegisters;
using CoCommissioning.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoCommissioning.Web.Features.PublicMeetings;

/// <summary>Committees, meetings and decisions as data, for anyone: JSON under /api (in the OpenAPI document).</summary>
public sealed class PublicMeetingsEndpoints : IApiEndpoints
{
    public void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/public/organisations/{slug}").WithTags("Public meetings and decisions").AllowAnonymous();

        group.MapGet("/committees", CommitteesAsync)
            .WithSummary("An organisation's committees");

        group.MapGet("/committees/{committeeId:guid}", CommitteeAsync)
            .WithSummary("A committee, its terms of reference in force today in plain words, and its meetings");

        group.MapGet("/meetings", MeetingsAsync)
            .WithSummary("The meeting calendar: every meeting of the organisation's committees, past and future, earliest first");

        group.MapGet("/meetings/{meetingId:guid}", MeetingAsync)
            .WithSummary("A meeting's public part: the public items of its published agenda, their public papers and decisions (never a private item)");

        group.MapGet("/meetings/{meetingId:guid}/minutes", MinutesAsync)
            .WithSummary("A meeting's approved public minutes: the public part of the latest approved version (404 while there are only drafts)");

        group.MapGet("/decisions", DecisionsAsync)
            .WithSummary("The decisions log of public items: resolution, date, outcome, tally, and how conflicts were managed (no names)");
    }

    private static async Task<Results<Ok<PublicCommitteesDto>, NotFoundProblem>> CommitteesAsync(string slug, PublicMeetingsService service, CancellationToken ct) =>
        Found(await service.CommitteesAsync(slug, ct));

    private static async Task<Results<Ok<PublicCommitteeDto>, NotFoundProblem>> CommitteeAsync(string slug, Guid committeeId, PublicMeetingsService service, CancellationToken ct) =>
        Found(await service.CommitteeAsync(slug, committeeId, ct));

    private static async Task<Results<Ok<PublicMeetingsDto>, NotFoundProblem>> MeetingsAsync(string slug, PublicMeetingsService service, CancellationToken ct) =>
        Found(await service.MeetingsAsync(slug, ct));

    private static async Task<Results<Ok<PublicMeetingDto>, NotFoundProblem>> MeetingAsync(string slug, Guid meetingId, PublicMeetingsService service, CancellationToken ct) =>
        Found(await service.MeetingAsync(slug, meetingId, ct));

    private static async Task<Results<Ok<PublicMinutesDto>, NotFoundProblem>> MinutesAsync(string slug, Guid meetingId, PublicMeetingsService service, CancellationToken ct) =>
        Found(await service.MinutesAsync(slug, meetingId, ct));

    private static async Task<Results<Ok<PublicDecisionsDto>, NotFoundProblem>> DecisionsAsync(string slug, PublicMeetingsService service, CancellationToken ct) =>
        Found(await service.DecisionsAsync(slug, ct));

    private static Results<Ok<T>, NotFoundProblem> Found<T>(T? value) where T : class =>
        value is null ? PublicMeetingsDownloads.NotFound() : TypedResults.Ok(value);
}

/// <summary>
/// Beside the pages, for anyone: the iCalendar feed /public/{slug}/meetings.ics, the public papers
/// /public/{slug}/papers/{paperId} and the approved public minutes /public/{slug}/meetings/{meetingId}/minutes.pdf.
/// </summary>
public sealed class PublicMeetingsDownloads : ISiteEndpoints
{
    public void Map(IEndpointRouteBuilder site)
    {
        var downloads = site.MapGroup("/public/{slug}").AllowAnonymous().ExcludeFromDescription();

        downloads.MapGet("/meetings.ics", CalendarAsync)
            .CacheOutput(PublicRegisterCaching.PolicyName);

        downloads.MapGet("/papers/{paperId:guid}", PaperAsync)
            .Produces(StatusCodes.Status200OK, responseType: null, contentType: "application/pdf", additionalContentTypes: [.. MeetingPaper.AllowedTypes.Values.Distinct().Where(t => t != "application/pdf")]);

        downloads.MapGet("/meetings/{meetingId:guid}/minutes.pdf", MinutesPdfAsync)
            .CacheOutput(PublicRegisterCaching.PolicyName);
    }

    internal static NotFoundProblem NotFound() => new("No organisation publishes that at this address.");

    private static async Task<Results<ContentHttpResult, NotFoundProblem>> CalendarAsync(
        string slug, HttpContext http, PublicMeetingsService service, TimeProvider clock, CancellationToken ct)
    {
        if (await service.MeetingsAsync(slug, ct) is not { } calendar)
        {
            return NotFound();
        }

        var baseUrl = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
        http.Response.Headers.ContentDisposition = $"inline; filename=\"{calendar.Organisation.Slug}-meetings.ics\"";
        return TypedResults.Text(MeetingCalendar.Write(calendar, baseUrl, clock.GetUtcNow()), MeetingCalendar.ContentType);
    }

    private static async Task<Results<FileContentHttpResult, NotFoundProblem>> PaperAsync(
        string slug, Guid paperId, HttpContext http, PublicMeetingsService service, CancellationToken ct)
    {
        if (await service.PaperAsync(slug, paperId, ct) is not { } paper)
        {
            return NotFound();
        }

        // As the signed-in download: the type comes from the extension allowed at upload, nosniff stops a
        // browser guessing another, and the attachment disposition keeps it out of the page.
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(paper.Bytes, paper.ContentType, paper.FileName);
    }

    private static async Task<Results<FileContentHttpResult, NotFoundProblem>> MinutesPdfAsync(
        string slug, Guid meetingId, HttpContext http, PublicMeetingsService service, CancellationToken ct)
    {
        if (await service.MinutesAsync(slug, meetingId, ct) is not { } minutes)
        {
            return NotFound();
        }

        // The approved public part only, rendered from the document stored at approval.
        var pdf = new MinutesPdfRenderer().Render(minutes.Document);
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(pdf, "application/pdf", $"minutes-{minutes.MeetingId}-v{minutes.Version}-public.pdf");
    }
}
