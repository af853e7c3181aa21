using System.Security.Claims;
using CoCommissioning.Web.Features.Decisions;
using CoCommissioning.Web.Infrastructure;

namespace CoCommissioning.Web.Features.Meetings;

public static class MeetingEndpoints
{
    public static void MapMeetingEndpoints(this IEndpointRouteBuilder api)
    {
        // ?standingItems=false leaves out the committee's standing items (its agenda template), which are added by default.
        api.MapPost("/committees/{committeeId:guid}/meetings", async (Guid committeeId, ScheduleMeetingRequest request, bool? standingItems, ClaimsPrincipal principal, MeetingService service, CancellationToken ct) =>
                ApiResults.From(await service.ScheduleAsync(CurrentUser.Require(principal), committeeId, request, standingItems ?? true, ct), m => Results.Created($"/api/meetings/{m.Id}", m)))
            .RequireAuthorization(Policies.Secretary)
            .WithTags("Meetings")
            .Produces<MeetingDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Schedule a meeting of a committee");

        var meetings = api.MapGroup("/meetings/{meetingId:guid}").WithTags("Meetings");

        meetings.MapGet("/", async (Guid meetingId, ClaimsPrincipal principal, MeetingService service, CancellationToken ct) =>
                await service.GetAsync(CurrentUser.Require(principal), meetingId, ct) is { } meeting ? Results.Ok(meeting) : ApiResults.NotFoundProblem("The meeting"))
            .RequireAuthorization(Policies.SignedIn)
            .Produces<MeetingDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A meeting: agenda, apologies, attendance and conflict rulings");

        MapChange(meetings.MapPost("/items", async (Guid meetingId, AddItemRequest request, ClaimsPrincipal principal, MeetingService service, CancellationToken ct) =>
            ApiResults.From(await service.AddItemAsync(CurrentUser.Require(principal), meetingId, request, ct), Results.Ok)), Policies.Secretary, "Add an agenda item");

        MapChange(meetings.MapPut("/items/{itemId:guid}", async (Guid meetingId, Guid itemId, EditItemRequest request, ClaimsPrincipal principal, MeetingService service, CancellationToken ct) =>
            ApiResults.From(await service.EditItemAsync(CurrentUser.Require(principal), meetingId, itemId, request, ct), Results.Ok)), Policies.Secretary, "Edit an agenda item's title, purpose, presenter or part (after publication with a reason, published as a supplementary agenda entry)");

        MapChange(meetings.MapPut("/items/{itemId:guid}/position", async (Guid meetingId, Guid itemId, MoveItemRequest request, ClaimsPrincipal principal, MeetingService service, CancellationToken ct) =>
            ApiResults.From(await service.MoveItemAsync(CurrentUser.Require(principal), meetingId, itemId, request, ct), Results.Ok)), Policies.Secretary, "Move an agenda item to a place (0-based) among its siblings; numbers follow before publication and stay after it");

        MapChange(meetings.MapPost("/items/{itemId:guid}/removal", async (Guid meetingId, Guid itemId, RemoveItemRequest request, ClaimsPrincipal principal, MeetingService service, CancellationToken ct) =>
            ApiResults.From(await service.RemoveItemAsync(CurrentUser.Require(principal), meetingId, itemId, request, ct), Results.Ok)), Policies.Secretary, "Remove an agenda item (after publication it is withdrawn with the reason and keeps its number); an item with a record is refused (422)");

        MapChange(meetings.MapPut("/items/{itemId:guid}/affected-bodies", async (Guid meetingId, Guid itemId, AffectedBodiesRequest request, ClaimsPrincipal principal, MeetingService service, CancellationToken ct) =>
            ApiResults.From(await service.ChangeAffectedBodiesAsync(CurrentUser.Require(principal), meetingId, itemId, request, ct), Results.Ok)), Policies.Secretary, "Replace the bodies (practices, PCNs, federations, suppliers) an agenda item affects");

        // The meeting pack's conflicts section: the secretary prepares it, so it lists every member's flags.
        meetings.MapGet("/pre-flags", async (Guid meetingId, ClaimsPrincipal principal, PreFlagService service, CancellationToken ct) =>
                await service.ForMeetingAsync(CurrentUser.Require(principal), meetingId, ct) is { } flags ? Results.Ok(flags) : ApiResults.NotFoundProblem("The meeting"))
            .RequireAuthorization(Policies.Secretary)
            .WithTags("Pre-flags")
            .Produces<IReadOnlyList<PreFlagDto>>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Likely conflicts per item before the meeting: members (and named deputies) whose register interests concern a body the item affects, with their answers");

        // A member sees only their own: other members' interests reach them through the public register, not here.
        meetings.MapGet("/pre-flags/mine", async (Guid meetingId, ClaimsPrincipal principal, PreFlagService service, CancellationToken ct) =>
                await service.MineAsync(CurrentUser.Require(principal), meetingId, ct) is { } flags ? Results.Ok(flags) : ApiResults.NotFoundProblem("The meeting"))
            .RequireAuthorization(Policies.SignedIn)
            .WithTags("Pre-flags")
            .Produces<IReadOnlyList<PreFlagDto>>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The caller's own pre-flags for a meeting");

        meetings.MapPost("/pre-flags/respond", async (Guid meetingId, PreFlagRespondRequest request, ClaimsPrincipal principal, PreFlagService service, CancellationToken ct) =>
                ApiResults.From(await service.RespondAsync(CurrentUser.Require(principal), meetingId, request, ct), Results.Ok))
            .RequireAuthorization(Policies.SignedIn)
            .WithTags("Pre-flags")
            .Produces<PreFlagDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Confirm or dismiss one of your own pre-flags (someone else's is refused with 403)");

        MapChange(meetings.MapPost("/apologies", async (Guid meetingId, ApologiesRequest request, ClaimsPrincipal principal, MeetingService service, CancellationToken ct) =>
            ApiResults.From(await service.SendApologiesAsync(CurrentUser.Require(principal), meetingId, request, ct), Results.Ok)), Policies.Secretary, "Record a member's apologies");

        MapChange(meetings.MapPost("/arrivals", async (Guid meetingId, AttendanceRequest request, ClaimsPrincipal principal, MeetingService service, CancellationToken ct) =>
            ApiResults.From(await service.ArriveAsync(CurrentUser.Require(principal), meetingId, request, ct), Results.Ok)), Policies.MeetingSecretary, "Record an arrival (a member, or their named deputy in their place)");

        MapChange(meetings.MapPost("/departures", async (Guid meetingId, AttendanceRequest request, ClaimsPrincipal principal, MeetingService service, CancellationToken ct) =>
            ApiResults.From(await service.LeaveAsync(CurrentUser.Require(principal), meetingId, request, ct), Results.Ok)), Policies.MeetingSecretary, "Record a departure");

        meetings.MapGet("/items/{itemId:guid}/status", async (Guid meetingId, Guid itemId, ClaimsPrincipal principal, DecisionService service, CancellationToken ct) =>
                ApiResults.From(await service.StatusAsync(CurrentUser.Require(principal), meetingId, itemId, ct), Results.Ok))
            .RequireAuthorization(Policies.SignedIn)
            .WithTags("Decisions")
            .Produces<ItemStatusDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Quorum with its explanation, who may vote and who presides, for an item now; and the options when inquorate");

        meetings.MapPost("/items/{itemId:guid}/votes", async (Guid meetingId, Guid itemId, RecordVoteRequest request, ClaimsPrincipal principal, DecisionService service, CancellationToken ct) =>
                ApiResults.From(await service.RecordVoteAsync(CurrentUser.Require(principal), meetingId, itemId, request, ct), d => Results.Created($"/api/meetings/{meetingId}/decisions", d)))
            .RequireAuthorization(Policies.MeetingSecretary)
            .WithTags("Decisions")
            .Produces<DecisionDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Record a vote, accepted only if the item is quorate and every voter eligible at this moment; a refusal saves nothing and says why");

        meetings.MapPost("/items/{itemId:guid}/consensus", async (Guid meetingId, Guid itemId, RecordConsensusRequest request, ClaimsPrincipal principal, DecisionService service, CancellationToken ct) =>
                ApiResults.From(await service.RecordConsensusAsync(CurrentUser.Require(principal), meetingId, itemId, request, ct), d => Results.Created($"/api/meetings/{meetingId}/decisions", d)))
            .RequireAuthorization(Policies.MeetingSecretary)
            .WithTags("Decisions")
            .Produces<DecisionDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Record a decision by consensus, after the same quorum check as a vote");

        meetings.MapPost("/items/{itemId:guid}/inquorate", async (Guid meetingId, Guid itemId, InquorateResolutionRequest request, ClaimsPrincipal principal, DecisionService service, CancellationToken ct) =>
                ApiResults.From(await service.ResolveInquorateAsync(CurrentUser.Require(principal), meetingId, itemId, request, ct), Results.Ok))
            .RequireAuthorization(Policies.MeetingSecretary)
            .WithTags("Decisions")
            .Produces<InquorateResolutionDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Record the chair's choice for an inquorate item: defer, refer, or co-opt where the terms of reference allow");

        meetings.MapGet("/forecast", async (Guid meetingId, ClaimsPrincipal principal, DecisionService service, CancellationToken ct) =>
                ApiResults.From(await service.ForecastAsync(CurrentUser.Require(principal), meetingId, ct), Results.Ok))
            .RequireAuthorization(Policies.SignedIn)
            .WithTags("Decisions")
            .Produces<MeetingForecastDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Forecast: whether each item will be quorate, from apologies received and conflicts already ruled on");

        meetings.MapGet("/decisions", async (Guid meetingId, ClaimsPrincipal principal, DecisionService service, CancellationToken ct) =>
                await service.ForMeetingAsync(CurrentUser.Require(principal), meetingId, ct) is { } decisions ? Results.Ok(decisions) : ApiResults.NotFoundProblem("The meeting"))
            .RequireAuthorization(Policies.SignedIn)
            .WithTags("Decisions")
            .Produces<IReadOnlyList<DecisionDto>>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The decisions of a meeting with their quorum evidence and tallies");
    }

    /// <summary>A change to the meeting record: answers with the whole meeting, or the problem (stale version 409).</summary>
    internal static void MapChange(RouteHandlerBuilder builder, string policy, string summary) =>
        builder.RequireAuthorization(policy)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .Produces<MeetingDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary(summary);
}
