using CoCommissioning.Web.Features.Meetings;
using CoCommissioning.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoCommissioning.Web.Features.Decisions;

/// <summary>Votes and decisions at a meeting's items, recorded only through <see cref="DecisionService"/>.</summary>
public sealed class DecisionEndpoints : IApiEndpoints
{
    public void Map(IEndpointRouteBuilder api)
    {
        var meetings = api.MapGroup("/meetings/{meetingId:guid}").WithTags("Decisions");

        meetings.MapGet("/items/{itemId:guid}/status", StatusAsync)
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("Quorum with its explanation, who may vote and who presides, for an item now; and the options when inquorate");

        meetings.MapPost("/items/{itemId:guid}/votes", RecordVoteAsync)
            .RequireAuthorization(Policies.MeetingSecretary)
            .WithSummary("Record a vote, accepted only if the item is quorate and every voter eligible at this moment; a refusal saves nothing and says why");

        meetings.MapPost("/items/{itemId:guid}/consensus", RecordConsensusAsync)
            .RequireAuthorization(Policies.MeetingSecretary)
            .WithSummary("Record a decision by consensus, after the same quorum check as a vote");

        meetings.MapPost("/items/{itemId:guid}/inquorate", ResolveInquorateAsync)
            .RequireAuthorization(Policies.MeetingSecretary)
            .WithSummary("Record the chair's choice for an inquorate item: defer, refer, or co-opt where the terms of reference allow");

        meetings.MapGet("/forecast", ForecastAsync)
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("Forecast: whether each item will be quorate, from apologies received and conflicts already ruled on");

        meetings.MapGet("/decisions", ListAsync)
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("The decisions of a meeting with their quorum evidence and tallies");
    }

    private static async Task<Results<Ok<ItemStatusDto>, NotFoundProblem, RuleProblem>> StatusAsync(
        Guid meetingId, Guid itemId, CurrentUser user, DecisionService service, CancellationToken ct) =>
        (await service.StatusAsync(user, meetingId, itemId, ct)).TryGetValue(out var status, out var failure)
            ? TypedResults.Ok(status)
            : ApiResults.Problem<Results<Ok<ItemStatusDto>, NotFoundProblem, RuleProblem>>(failure);

    // A decision is written through the meeting record: refused for invalid fields, a caller who does not run this
    // committee's meetings, no such meeting or item, a stale item version, or a governance rule (not quorate, closed).
    private static async Task<Results<Created<DecisionDto>, ValidationProblem, ForbiddenProblem, NotFoundProblem, ConflictProblem, RuleProblem>> RecordVoteAsync(
        Guid meetingId, Guid itemId, RecordVoteRequest request, CurrentUser user, DecisionService service, CancellationToken ct) =>
        (await service.RecordVoteAsync(user, meetingId, itemId, request, ct)).TryGetValue(out var decision, out var failure)
            ? TypedResults.Created($"/api/meetings/{meetingId}/decisions", decision)
            : ApiResults.Problem<Results<Created<DecisionDto>, ValidationProblem, ForbiddenProblem, NotFoundProblem, ConflictProblem, RuleProblem>>(failure);

    private static async Task<Results<Created<DecisionDto>, ValidationProblem, ForbiddenProblem, NotFoundProblem, ConflictProblem, RuleProblem>> RecordConsensusAsync(
        Guid meetingId, Guid itemId, RecordConsensusRequest request, CurrentUser user, DecisionService service, CancellationToken ct) =>
        (await service.RecordConsensusAsync(user, meetingId, itemId, request, ct)).TryGetValue(out var decision, out var failure)
            ? TypedResults.Created($"/api/meetings/{meetingId}/decisions", decision)
            : ApiResults.Problem<Results<Created<DecisionDto>, ValidationProblem, ForbiddenProblem, NotFoundProblem, ConflictProblem, RuleProblem>>(failure);

    private static async Task<Results<Ok<InquorateResolutionDto>, ValidationProblem, ForbiddenProblem, NotFoundProblem, ConflictProblem, RuleProblem>> ResolveInquorateAsync(
        Guid meetingId, Guid itemId, InquorateResolutionRequest request, CurrentUser user, DecisionService service, CancellationToken ct) =>
        (await service.ResolveInquorateAsync(user, meetingId, itemId, request, ct)).TryGetValue(out var resolution, out var failure)
            ? TypedResults.Ok(resolution)
            : ApiResults.Problem<Results<Ok<InquorateResolutionDto>, ValidationProblem, ForbiddenProblem, NotFoundProblem, ConflictProblem, RuleProblem>>(failure);

    private static async Task<Results<Ok<MeetingForecastDto>, NotFoundProblem, RuleProblem>> ForecastAsync(
        Guid meetingId, CurrentUser user, DecisionService service, CancellationToken ct) =>
        (await service.ForecastAsync(user, meetingId, ct)).TryGetValue(out var forecast, out var failure)
            ? TypedResults.Ok(forecast)
            : ApiResults.Problem<Results<Ok<MeetingForecastDto>, NotFoundProblem, RuleProblem>>(failure);

    private static async Task<Results<Ok<IReadOnlyList<DecisionDto>>, NotFoundProblem>> ListAsync(
        Guid meetingId, CurrentUser user, DecisionService service, CancellationToken ct) =>
        await service.ForMeetingAsync(user, meetingId, ct) is { } decisions ? TypedResults.Ok(decisions) : ApiResults.NotFound("The meeting");
}
