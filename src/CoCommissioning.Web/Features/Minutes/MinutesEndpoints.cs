using CoCommissioning.Domain.Common;
using CoCommissioning.Domain.Minutes;
using CoCommissioning.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoCommissioning.Web.Features.Minutes;

/// <summary>Minutes of a meeting: versions, each part as a document, narratives, approval and corrections.</summary>
public sealed class MinutesEndpoints : IApiEndpoints
{
    public void Map(IEndpointRouteBuilder api)
    {
        var minutes = api.MapGroup("/meetings/{meetingId:guid}/minutes").WithTags("Minutes");

        minutes.MapPost("/", StartAsync)
            .RequireAuthorization(Policies.Secretary)
            .WithSummary("Start the minutes of a meeting (version 1, a draft generated from the record), or return them if already started");

        minutes.MapGet("/", GetAsync)
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("The minutes of a meeting with every version, and the version token changes send");

        minutes.MapGet("/versions", VersionsAsync)
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("Every version of the minutes: drafts, approved versions with their hash, corrections with the reason");

        minutes.MapGet("/versions/{number:int}/{part}", DocumentAsync)
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("One part (public or private) of one version as a document, with narratives rendered to sanitised HTML and the content hash");

        minutes.MapPut("/versions/{number:int}/narratives/{itemId:guid}", EditNarrativeAsync)
            .RequireAuthorization(Policies.Secretary)
            .WithSummary("Set an item's narrative (Markdown; blank clears it) on the latest draft; an approved version answers 422, a stale version 409");

        minutes.MapPost("/versions/{number:int}/approval", ApproveAsync)
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("Approve a draft at the \"Minutes of the previous meeting\" item of a later meeting of the same committee: the document is stored with its SHA-256 hash. "
                + "The secretary, or the person presiding over that item now (the chair, usually), approves; anyone else gets 403");

        minutes.MapPost("/versions/{number:int}/corrections", CorrectAsync)
            .RequireAuthorization(Policies.Secretary)
            .WithSummary("Correct approved minutes: a new draft version copying the narratives, with the reason; the approved version is kept unchanged");
    }

    // Two secretaries starting them at once: the second gets the first's (a 409 only if those cannot then be read).
    private static async Task<Results<Ok<MinutesDto>, NotFoundProblem, ConflictProblem>> StartAsync(Guid meetingId, CurrentUser user, MinutesService service, CancellationToken ct) =>
        (await service.StartAsync(user, meetingId, ct)).TryGetValue(out var minutes, out var failure)
            ? TypedResults.Ok(minutes)
            : ApiResults.Problem<Results<Ok<MinutesDto>, NotFoundProblem, ConflictProblem>>(failure);

    private static async Task<Results<Ok<MinutesDto>, NotFoundProblem>> GetAsync(Guid meetingId, CurrentUser user, MinutesService service, CancellationToken ct) =>
        await service.GetAsync(user, meetingId, ct) is { } found ? TypedResults.Ok(found) : ApiResults.NotFound("The record of minutes");

    private static async Task<Results<Ok<IReadOnlyList<MinutesVersionDto>>, NotFoundProblem>> VersionsAsync(Guid meetingId, CurrentUser user, MinutesService service, CancellationToken ct) =>
        await service.GetAsync(user, meetingId, ct) is { } found ? TypedResults.Ok(found.Versions) : ApiResults.NotFound("The record of minutes");

    private static async Task<Results<Ok<MinutesDocumentDto>, NotFoundProblem>> DocumentAsync(Guid meetingId, int number, string part, CurrentUser user, MinutesService service, CancellationToken ct)
    {
        if (!Enum.TryParse<MinutesPart>(part, ignoreCase: true, out var which) || !Enum.IsDefined(which))
        {
            return ApiResults.NotFound("The part of the minutes (public or private)");
        }

        return (await service.GetDocumentAsync(user, meetingId, number, which, ct)).TryGetValue(out var document, out var failure)
            ? TypedResults.Ok(document)
            : ApiResults.Problem<Results<Ok<MinutesDocumentDto>, NotFoundProblem>>(failure);
    }

    private static async Task<Results<Ok<MinutesDto>, ValidationProblem, ForbiddenProblem, NotFoundProblem, ConflictProblem, RuleProblem>> EditNarrativeAsync(
        Guid meetingId, int number, Guid itemId, NarrativeRequest request, CurrentUser user, MinutesService service, CancellationToken ct) =>
        Change(await service.EditNarrativeAsync(user, meetingId, number, itemId, request, ct));

    private static async Task<Results<Ok<MinutesDto>, ValidationProblem, ForbiddenProblem, NotFoundProblem, ConflictProblem, RuleProblem>> ApproveAsync(
        Guid meetingId, int number, ApproveMinutesRequest request, CurrentUser user, MinutesService service, CancellationToken ct) =>
        Change(await service.ApproveAsync(user, meetingId, number, request, ct));

    private static async Task<Results<Created<MinutesDto>, ValidationProblem, ForbiddenProblem, NotFoundProblem, ConflictProblem, RuleProblem>> CorrectAsync(
        Guid meetingId, int number, CorrectMinutesRequest request, CurrentUser user, MinutesService service, CancellationToken ct) =>
        (await service.CorrectAsync(user, meetingId, number, request, ct)).TryGetValue(out var minutes, out var failure)
            ? TypedResults.Created($"/api/meetings/{meetingId}/minutes/versions/{minutes.Versions[^1].Number}/public", minutes)
            : ApiResults.Problem<Results<Created<MinutesDto>, ValidationProblem, ForbiddenProblem, NotFoundProblem, ConflictProblem, RuleProblem>>(failure);

    /// <summary>A change to the minutes: the whole record, or why not (a stale version is 409, an approved version 422).</summary>
    private static Results<Ok<MinutesDto>, ValidationProblem, ForbiddenProblem, NotFoundProblem, ConflictProblem, RuleProblem> Change(CommandResult<MinutesDto> result) =>
        result.TryGetValue(out var minutes, out var failure)
            ? TypedResults.Ok(minutes)
            : ApiResults.Problem<Results<Ok<MinutesDto>, ValidationProblem, ForbiddenProblem, NotFoundProblem, ConflictProblem, RuleProblem>>(failure);
}
