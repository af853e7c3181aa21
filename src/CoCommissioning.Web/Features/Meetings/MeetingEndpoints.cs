using CoCommissioning.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using MeetingChange = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.Ok<CoCommissioning.Web.Features.Meetings.MeetingDto>,
    Microsoft.AspNetCore.Http.HttpResults.ValidationProblem,
    CoCommissioning.Web.Infrastructure.ForbiddenProblem,
    CoCommissioning.Web.Infrastructure.NotFoundProblem,
    CoCommissioning.Web.Infrastructure.ConflictProblem,
    CoCommissioning.Web.Infrastructure.RuleProblem>;

namespace CoCommissioning.Web.Features.Meetings;

public sealed class MeetingEndpoints : IApiEndpoints
{
    public void Map(IEndpointRouteBuilder api)
    {
        // ?standingItems=false leaves out the committee's standing items (its agenda template), which are added by default.
        api.MapGroup("").WithTags("Meetings").MapPost("/committees/{committeeId:guid}/meetings", ScheduleAsync)
            .RequireAuthorization(Policies.Secretary)
            .WithSummary("Schedule a meeting of a committee");

        var meetings = api.MapGroup("/meetings/{meetingId:guid}").WithTags("Meetings");

        meetings.MapGet("/", GetAsync)
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("A meeting: agenda, apologies, attendance and conflict rulings");

        meetings.MapPost("/items", AddItemAsync)
            .RequireAuthorization(Policies.Secretary)
            .WithSummary("Add an agenda item");

        meetings.MapPut("/items/{itemId:guid}", EditItemAsync)
            .RequireAuthorization(Policies.Secretary)
            .WithSummary("Edit an agenda item's title, purpose, presenter or part (after publication with a reason, published as a supplementary agenda entry)");

        meetings.MapPut("/items/{itemId:guid}/position", MoveItemAsync)
            .RequireAuthorization(Policies.Secretary)
            .WithSummary("Move an agenda item to a place (0-based) among its siblings; numbers follow before publication and stay after it");

        meetings.MapPost("/items/{itemId:guid}/removal", RemoveItemAsync)
            .RequireAuthorization(Policies.Secretary)
            .WithSummary("Remove an agenda item (after publication it is withdrawn with the reason and keeps its number); an item with a record is refused (422)");

        meetings.MapPut("/items/{itemId:guid}/affected-bodies", ChangeAffectedBodiesAsync)
            .RequireAuthorization(Policies.Secretary)
            .WithSummary("Replace the bodies (practices, PCNs, federations, suppliers) an agenda item affects");

        var preFlags = api.MapGroup("/meetings/{meetingId:guid}").WithTags("Pre-flags");

        // The meeting pack's conflicts section: the secretary prepares it, so it lists every member's flags.
        preFlags.MapGet("/pre-flags", PreFlagsAsync)
            .RequireAuthorization(Policies.Secretary)
            .WithSummary("Likely conflicts per item before the meeting: members (and named deputies) whose register interests concern a body the item affects, with their answers");

        // A member sees only their own: other members' interests reach them through the public register, not here.
        preFlags.MapGet("/pre-flags/mine", MyPreFlagsAsync)
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("The caller's own pre-flags for a meeting");

        preFlags.MapPost("/pre-flags/respond", RespondToPreFlagAsync)
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("Confirm or dismiss one of your own pre-flags (someone else's is refused with 403)");

        meetings.MapPost("/apologies", SendApologiesAsync)
            .RequireAuthorization(Policies.Secretary)
            .WithSummary("Record a member's apologies");

        meetings.MapPost("/arrivals", ArriveAsync)
            .RequireAuthorization(Policies.MeetingSecretary)
            .WithSummary("Record an arrival (a member, or their named deputy in their place)");

        meetings.MapPost("/departures", LeaveAsync)
            .RequireAuthorization(Policies.MeetingSecretary)
            .WithSummary("Record a departure");
    }

    private static async Task<Results<Created<MeetingDto>, ValidationProblem, ForbiddenProblem, NotFoundProblem, ConflictProblem>> ScheduleAsync(
        Guid committeeId, ScheduleMeetingRequest request, bool? standingItems, CurrentUser user, MeetingService service, CancellationToken ct) =>
        (await service.ScheduleAsync(user, committeeId, request, standingItems ?? true, ct)).TryGetValue(out var meeting, out var failure)
            ? TypedResults.Created($"/api/meetings/{meeting.Id}", meeting)
            : ApiResults.Problem<Results<Created<MeetingDto>, ValidationProblem, ForbiddenProblem, NotFoundProblem, ConflictProblem>>(failure);

    private static async Task<Results<Ok<MeetingDto>, NotFoundProblem>> GetAsync(Guid meetingId, CurrentUser user, MeetingService service, CancellationToken ct) =>
        await service.GetAsync(user, meetingId, ct) is { } meeting ? TypedResults.Ok(meeting) : ApiResults.NotFound("The meeting");

    private static async Task<MeetingChange> AddItemAsync(Guid meetingId, AddItemRequest request, CurrentUser user, MeetingService service, CancellationToken ct) =>
        MeetingResults.Change(await service.AddItemAsync(user, meetingId, request, ct));

    private static async Task<MeetingChange> EditItemAsync(Guid meetingId, Guid itemId, EditItemRequest request, CurrentUser user, MeetingService service, CancellationToken ct) =>
        MeetingResults.Change(await service.EditItemAsync(user, meetingId, itemId, request, ct));

    private static async Task<MeetingChange> MoveItemAsync(Guid meetingId, Guid itemId, MoveItemRequest request, CurrentUser user, MeetingService service, CancellationToken ct) =>
        MeetingResults.Change(await service.MoveItemAsync(user, meetingId, itemId, request, ct));

    private static async Task<MeetingChange> RemoveItemAsync(Guid meetingId, Guid itemId, RemoveItemRequest request, CurrentUser user, MeetingService service, CancellationToken ct) =>
        MeetingResults.Change(await service.RemoveItemAsync(user, meetingId, itemId, request, ct));

    private static async Task<MeetingChange> ChangeAffectedBodiesAsync(Guid meetingId, Guid itemId, AffectedBodiesRequest request, CurrentUser user, MeetingService service, CancellationToken ct) =>
        MeetingResults.Change(await service.ChangeAffectedBodiesAsync(user, meetingId, itemId, request, ct));

    private static async Task<Results<Ok<IReadOnlyList<PreFlagDto>>, NotFoundProblem>> PreFlagsAsync(Guid meetingId, CurrentUser user, PreFlagService service, CancellationToken ct) =>
        await service.ForMeetingAsync(user, meetingId, ct) is { } flags ? TypedResults.Ok(flags) : ApiResults.NotFound("The meeting");

    private static async Task<Results<Ok<IReadOnlyList<PreFlagDto>>, NotFoundProblem>> MyPreFlagsAsync(Guid meetingId, CurrentUser user, PreFlagService service, CancellationToken ct) =>
        await service.MineAsync(user, meetingId, ct) is { } flags ? TypedResults.Ok(flags) : ApiResults.NotFound("The meeting");

    private static async Task<Results<Ok<PreFlagDto>, ValidationProblem, ForbiddenProblem, NotFoundProblem, ConflictProblem>> RespondToPreFlagAsync(
        Guid meetingId, PreFlagRespondRequest request, CurrentUser user, PreFlagService service, CancellationToken ct) =>
        (await service.RespondAsync(user, meetingId, request, ct)).TryGetValue(out var flag, out var failure)
            ? TypedResults.Ok(flag)
            : ApiResults.Problem<Results<Ok<PreFlagDto>, ValidationProblem, ForbiddenProblem, NotFoundProblem, ConflictProblem>>(failure);

    private static async Task<MeetingChange> SendApologiesAsync(Guid meetingId, ApologiesRequest request, CurrentUser user, MeetingService service, CancellationToken ct) =>
        MeetingResults.Change(await service.SendApologiesAsync(user, meetingId, request, ct));

    private static async Task<MeetingChange> ArriveAsync(Guid meetingId, AttendanceRequest request, CurrentUser user, MeetingService service, CancellationToken ct) =>
        MeetingResults.Change(await service.ArriveAsync(user, meetingId, request, ct));

    private static async Task<MeetingChange> LeaveAsync(Guid meetingId, AttendanceRequest request, CurrentUser user, MeetingService service, CancellationToken ct) =>
        MeetingResults.Change(await service.LeaveAsync(user, meetingId, request, ct));
}
