using System.Security.Claims;
using CoCommissioning.Web.Infrastructure;

namespace CoCommissioning.Web.Features.Meetings;

/// <summary>The meeting's details and life: date, place, cancelling, re-scheduling, closing (ADR-0019).</summary>
public static class MeetingLifecycleEndpoints
{
    public static void MapMeetingLifecycleEndpoints(this IEndpointRouteBuilder api)
    {
        var meetings = api.MapGroup("/meetings/{meetingId:guid}").WithTags("Meetings");

        meetings.MapGet("/permissions", async (Guid meetingId, ClaimsPrincipal principal, MeetingLifecycleService service, CancellationToken ct) =>
                await service.PermissionsAsync(CurrentUser.Require(principal), meetingId, ct) is { } permissions ? Results.Ok(permissions) : ApiResults.NotFoundProblem("The meeting"))
            .RequireAuthorization(Policies.SignedIn)
            .Produces<MeetingPermissionsDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("What the caller may do with the meeting: arrange it (details, agenda, papers), and run its console (its committee's secretaries and administrators)");

        MeetingEndpoints.MapChange(meetings.MapPut("/details", async (Guid meetingId, MeetingDetailsRequest request, ClaimsPrincipal principal, MeetingLifecycleService service, CancellationToken ct) =>
            ApiResults.From(await service.ChangeDetailsAsync(CurrentUser.Require(principal), meetingId, request, ct), Results.Ok)), Policies.Secretary,
            "Change the date, time, venue (name, address) and online joining details (link, instructions; both for hybrid). A new date after the agenda is published needs shortNoticeReason with less than three clear days' notice from now");

        MeetingEndpoints.MapChange(meetings.MapPost("/cancel", async (Guid meetingId, CancelMeetingRequest request, ClaimsPrincipal principal, MeetingLifecycleService service, CancellationToken ct) =>
            ApiResults.From(await service.CancelAsync(CurrentUser.Require(principal), meetingId, request, ct), Results.Ok)), Policies.Secretary,
            "Cancel the meeting with a reason, shown publicly; a meeting that has begun cannot be cancelled (422)");

        MeetingEndpoints.MapChange(meetings.MapPost("/reschedule", async (Guid meetingId, RescheduleMeetingRequest request, ClaimsPrincipal principal, MeetingLifecycleService service, CancellationToken ct) =>
            ApiResults.From(await service.RescheduleAsync(CurrentUser.Require(principal), meetingId, request, ct), Results.Ok)), Policies.Secretary,
            "Re-schedule the meeting to a new date and time; a cancelled meeting goes ahead again");

        MeetingEndpoints.MapChange(meetings.MapPost("/close", async (Guid meetingId, CloseMeetingRequest request, ClaimsPrincipal principal, MeetingLifecycleService service, CancellationToken ct) =>
            ApiResults.From(await service.CloseAsync(CurrentUser.Require(principal), meetingId, request, ct), Results.Ok)), Policies.MeetingSecretary,
            "Close the meeting: the time is recorded; afterwards attendance, declarations, votes and outcomes are refused (422) and the minutes can be drafted");
    }
}
