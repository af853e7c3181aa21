using System.Security.Claims;
using CoCommissioning.Domain.Minutes;
using CoCommissioning.Web.Infrastructure;

namespace CoCommissioning.Web.Features.Minutes;

/// <summary>Minutes of a meeting: versions, each part as a document, narratives, approval and corrections.</summary>
public static class MinutesEndpoints
{
    public static void MapMinutesEndpoints(this IEndpointRouteBuilder api)
    {
        var minutes = api.MapGroup("/meetings/{meetingId:guid}/minutes").WithTags("Minutes");

        minutes.MapPost("/", async (Guid meetingId, ClaimsPrincipal principal, MinutesService service, CancellationToken ct) =>
                ApiResults.From(await service.StartAsync(CurrentUser.Require(principal), meetingId, ct), Results.Ok))
            .RequireAuthorization(Policies.Secretary)
            .Produces<MinutesDto>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Start the minutes of a meeting (version 1, a draft generated from the record), or return them if already started");

        minutes.MapGet("/", async (Guid meetingId, ClaimsPrincipal principal, MinutesService service, CancellationToken ct) =>
                await service.GetAsync(CurrentUser.Require(principal), meetingId, ct) is { } found ? Results.Ok(found) : ApiResults.NotFoundProblem("The record of minutes"))
            .RequireAuthorization(Policies.SignedIn)
            .Produces<MinutesDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The minutes of a meeting with every version, and the version token changes send");

        minutes.MapGet("/versions", async (Guid meetingId, ClaimsPrincipal principal, MinutesService service, CancellationToken ct) =>
                await service.GetAsync(CurrentUser.Require(principal), meetingId, ct) is { } found ? Results.Ok(found.Versions) : ApiResults.NotFoundProblem("The record of minutes"))
            .RequireAuthorization(Policies.SignedIn)
            .Produces<IReadOnlyList<MinutesVersionDto>>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Every version of the minutes: drafts, approved versions with their hash, corrections with the reason");

        minutes.MapGet("/versions/{number:int}/{part}", async (Guid meetingId, int number, string part, ClaimsPrincipal principal, MinutesService service, CancellationToken ct) =>
                Enum.TryParse<MinutesPart>(part, ignoreCase: true, out var which) && Enum.IsDefined(which)
                    ? ApiResults.From(await service.GetDocumentAsync(CurrentUser.Require(principal), meetingId, number, which, ct), Results.Ok)
                    : ApiResults.NotFoundProblem("The part of the minutes (public or private)"))
            .RequireAuthorization(Policies.SignedIn)
            .Produces<MinutesDocumentDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One part (public or private) of one version as a document, with narratives rendered to sanitised HTML and the content hash");

        MapChange(minutes.MapPut("/versions/{number:int}/narratives/{itemId:guid}", async (Guid meetingId, int number, Guid itemId, NarrativeRequest request, ClaimsPrincipal principal, MinutesService service, CancellationToken ct) =>
                ApiResults.From(await service.EditNarrativeAsync(CurrentUser.Require(principal), meetingId, number, itemId, request, ct), Results.Ok)),
            "Set an item's narrative (Markdown; blank clears it) on the latest draft; an approved version answers 422, a stale version 409");

        MapChange(minutes.MapPost("/versions/{number:int}/approval", async (Guid meetingId, int number, ApproveMinutesRequest request, ClaimsPrincipal principal, MinutesService service, CancellationToken ct) =>
                ApiResults.From(await service.ApproveAsync(CurrentUser.Require(principal), meetingId, number, request, ct), Results.Ok)),
            "Approve a draft at the \"Minutes of the previous meeting\" item of a later meeting of the same committee: the document is stored with its SHA-256 hash. "
            + "The secretary, or the person presiding over that item now (the chair, usually), approves; anyone else gets 403",
            Policies.SignedIn);

        MapChange(minutes.MapPost("/versions/{number:int}/corrections", async (Guid meetingId, int number, CorrectMinutesRequest request, ClaimsPrincipal principal, MinutesService service, CancellationToken ct) =>
                ApiResults.From(await service.CorrectAsync(CurrentUser.Require(principal), meetingId, number, request, ct), m => Results.Created($"/api/meetings/{meetingId}/minutes/versions/{m.Versions[^1].Number}/public", m)))
                .Produces<MinutesDto>(StatusCodes.Status201Created),
            "Correct approved minutes: a new draft version copying the narratives, with the reason; the approved version is kept unchanged");
    }

    private static void MapChange(RouteHandlerBuilder builder, string summary, string policy = Policies.Secretary) =>
        builder.RequireAuthorization(policy)
            .Produces<MinutesDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary(summary);
}
