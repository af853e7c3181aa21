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

/// <summary>The meeting's details and life: date, place, cancelling, re-scheduling, closing (ADR-0019).</summary>
public sealed class MeetingLifecycleEndpoints : IApiEndpoints
{
    public void Map(IEndpointRouteBuilder api)
    {
        var meetings = api.MapGroup("/meetings/{meetingId:guid}").WithTags("Meetings");

        meetings.MapGet("/permissions", PermissionsAsync)
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("What the caller may do with the meeting: arrange it (details, agenda, papers), and run its console (its committee's secretaries and administrators)");

        meetings.MapPut("/details", ChangeDetailsAsync)
            .RequireAuthorization(Policies.Secretary)
            .WithSummary("Change the date, time, venue (name, address) and online joining details (link, instructions; both for hybrid). A new date after the agenda is published needs shortNoticeReason with less than three clear days' notice from now");

        meetings.MapPost("/cancel", CancelAsync)
            .RequireAuthorization(Policies.Secretary)
            .WithSummary("Cancel the meeting with a reason, shown publicly; a meeting that has begun cannot be cancelled (422)");

        meetings.MapPost("/reschedule", RescheduleAsync)
            .RequireAuthorization(Policies.Secretary)
            .WithSummary("Re-schedule the meeting to a new date and time; a cancelled meeting goes ahead again");

        meetings.MapPost("/close", CloseAsync)
            .RequireAuthorization(Policies.MeetingSecretary)
            .WithSummary("Close the meeting: the time is recorded; afterwards attendance, declarations, votes and outcomes are refused (422) and the minutes can be drafted");
    }

    private static async Task<Results<Ok<MeetingPermissionsDto>, NotFoundProblem>> PermissionsAsync(Guid meetingId, CurrentUser user, MeetingLifecycleService service, CancellationToken ct) =>
        await service.PermissionsAsync(user, meetingId, ct) is { } permissions ? TypedResults.Ok(permissions) : ApiResults.NotFound("The meeting");

    private static async Task<MeetingChange> ChangeDetailsAsync(Guid meetingId, MeetingDetailsRequest request, CurrentUser user, MeetingLifecycleService service, CancellationToken ct) =>
        MeetingResults.Change(await service.ChangeDetailsAsync(user, meetingId, request, ct));

    private static async Task<MeetingChange> CancelAsync(Guid meetingId, CancelMeetingRequest request, CurrentUser user, MeetingLifecycleService service, CancellationToken ct) =>
        MeetingResults.Change(await service.CancelAsync(user, meetingId, request, ct));

    private static async Task<MeetingChange> RescheduleAsync(Guid meetingId, RescheduleMeetingRequest request, CurrentUser user, MeetingLifecycleService service, CancellationToken ct) =>
        MeetingResults.Change(await service.RescheduleAsync(user, meetingId, request, ct));

    private static async Task<MeetingChange> CloseAsync(Guid meetingId, CloseMeetingRequest request, CurrentUser user, MeetingLifecycleService service, CancellationToken ct) =>
        MeetingResults.Change(await service.CloseAsync(user, meetingId, request, ct));
}
