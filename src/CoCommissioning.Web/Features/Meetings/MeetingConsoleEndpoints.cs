using System.Security.Claims;
using CoCommissioning.Web.Infrastructure;

namespace CoCommissioning.Web.Features.Meetings;

/// <summary>The meeting as it runs: what the console, the chair's view and members' views read and do.</summary>
public static class MeetingConsoleEndpoints
{
    public static void MapMeetingConsoleEndpoints(this IEndpointRouteBuilder api)
    {
        var meetings = api.MapGroup("/meetings/{meetingId:guid}").WithTags("Meeting console");

        meetings.MapGet("/console", async (Guid meetingId, ClaimsPrincipal principal, MeetingConsoleService service, CancellationToken ct) =>
                await service.GetAsync(CurrentUser.Require(principal), meetingId, ct) is { } view ? Results.Ok(view) : ApiResults.NotFoundProblem("The meeting"))
            .RequireAuthorization(Policies.SignedIn)
            .Produces<MeetingConsoleDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The meeting now: each seat's presence, the current item with quorum and its explanation, declarations to rule on, and what the caller may do");

        MapChange(meetings.MapPost("/current-item", async (Guid meetingId, CurrentItemRequest request, ClaimsPrincipal principal, MeetingConsoleService service, CancellationToken ct) =>
            ApiResults.From(await service.TakeItemAsync(CurrentUser.Require(principal), meetingId, request, ct), Results.Ok)), Policies.MeetingSecretary,
            "Move the meeting to an item (a private item only after the resolution excluding the public)");

        MapChange(meetings.MapPost("/exclusion", async (Guid meetingId, ExcludePublicRequest request, ClaimsPrincipal principal, MeetingConsoleService service, CancellationToken ct) =>
            ApiResults.From(await service.ExcludePublicAsync(CurrentUser.Require(principal), meetingId, request, ct), Results.Ok)), Policies.MeetingSecretary,
            "Record the resolution excluding the public before the private part, in the words of the Public Bodies (Admission to Meetings) Act 1960");

        MapChange(meetings.MapPost("/agenda/publish", async (Guid meetingId, PublishAgendaRequest request, ClaimsPrincipal principal, MeetingConsoleService service, CancellationToken ct) =>
            ApiResults.From(await service.PublishAgendaAsync(CurrentUser.Require(principal), meetingId, request, ct), Results.Ok)), Policies.Secretary,
            "Publish the agenda; with less than three clear days' notice a reason for the short notice is required (400 naming shortNoticeReason otherwise)");

        MapChange(meetings.MapPost("/in-attendance", async (Guid meetingId, PersonInAttendanceRequest request, ClaimsPrincipal principal, MeetingConsoleService service, CancellationToken ct) =>
            ApiResults.From(await service.AddPersonInAttendanceAsync(CurrentUser.Require(principal), meetingId, request, ct), Results.Ok)), Policies.MeetingSecretary,
            "Record someone in attendance who is not a member");

        MapChange(meetings.MapPost("/items/{itemId:guid}/outcome", async (Guid meetingId, Guid itemId, ItemOutcomeRequest request, ClaimsPrincipal principal, MeetingConsoleService service, CancellationToken ct) =>
            ApiResults.From(await service.RecordOutcomeAsync(CurrentUser.Require(principal), meetingId, itemId, request, ct), Results.Ok)), Policies.MeetingSecretary,
            "Record that an item was noted, deferred or referred (a vote or consensus is recorded as a decision instead)");

        MapChange(meetings.MapPost("/declarations", async (Guid meetingId, DeclareRequest request, ClaimsPrincipal principal, MeetingConsoleService service, CancellationToken ct) =>
            ApiResults.From(await service.DeclareAsync(CurrentUser.Require(principal), meetingId, request, ct), Results.Ok)), Policies.SignedIn,
            "Declare an interest at the meeting (at the start, or on an item): a member for themselves; the secretary for any member, noting who raised it");

        MapChange(meetings.MapPost("/items/{itemId:guid}/rulings", async (Guid meetingId, Guid itemId, RulingRequest request, ClaimsPrincipal principal, MeetingConsoleService service, CancellationToken ct) =>
            ApiResults.From(await service.RuleAsync(CurrentUser.Require(principal), meetingId, itemId, request, ct), Results.Ok)), Policies.SignedIn,
            "Rule on a member's conflict for an item: by the person presiding (never on their own conflict), or by the secretary on their behalf and attributed to them");

        MapChange(meetings.MapPost("/items/{itemId:guid}/quorum-confirmations", async (Guid meetingId, Guid itemId, ConfirmQuorumRequest request, ClaimsPrincipal principal, MeetingConsoleService service, CancellationToken ct) =>
            ApiResults.From(await service.ConfirmQuorumAsync(CurrentUser.Require(principal), meetingId, itemId, request, ct), Results.Ok)), Policies.SignedIn,
            "Confirm the item is quorate, recorded with the time and explanation: only the person presiding over the item");

        MapChange(meetings.MapPost("/items/{itemId:guid}/likely-conflicts/declare", async (Guid meetingId, Guid itemId, DeclareFlagRequest request, ClaimsPrincipal principal, MeetingConsoleService service, CancellationToken ct) =>
            ApiResults.From(await service.DeclareFlagAsync(CurrentUser.Require(principal), meetingId, itemId, request, ct), Results.Ok)), Policies.SignedIn,
            "Turn a likely conflict from the register into a declaration at the item, worded from the register entry, for the person presiding to rule on: the secretary, or the person whose interest it is");

        MapChange(meetings.MapPost("/items/{itemId:guid}/likely-conflicts/dismiss", async (Guid meetingId, Guid itemId, DismissFlagRequest request, ClaimsPrincipal principal, MeetingConsoleService service, CancellationToken ct) =>
            ApiResults.From(await service.DismissFlagAsync(CurrentUser.Require(principal), meetingId, itemId, request, ct), Results.Ok)), Policies.SignedIn,
            "Dismiss a likely conflict as not relevant to the item, with the reason: by the person presiding, or by the secretary on their behalf and attributed to them");
    }

    private static void MapChange(RouteHandlerBuilder builder, string policy, string summary) => MeetingEndpoints.MapChange(builder, policy, summary);
}
