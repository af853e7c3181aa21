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

/// <summary>The meeting as it runs: what the console, the chair's view and members' views read and do.</summary>
public sealed class MeetingConsoleEndpoints : IApiEndpoints
{
    public void Map(IEndpointRouteBuilder api)
    {
        var meetings = api.MapGroup("/meetings/{meetingId:guid}").WithTags("Meeting console");

        meetings.MapGet("/console", GetAsync)
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("The meeting now: each seat's presence, the current item with quorum and its explanation, declarations to rule on, and what the caller may do");

        meetings.MapPost("/current-item", TakeItemAsync)
            .RequireAuthorization(Policies.MeetingSecretary)
            .WithSummary("Move the meeting to an item (a private item only after the resolution excluding the public)");

        meetings.MapPost("/exclusion", ExcludePublicAsync)
            .RequireAuthorization(Policies.MeetingSecretary)
            .WithSummary("Record the resolution excluding the public before the private part, in the words of the Public Bodies (Admission to Meetings) Act 1960");

        meetings.MapPost("/agenda/publish", PublishAgendaAsync)
            .RequireAuthorization(Policies.Secretary)
            .WithSummary("Publish the agenda; with less than three clear days' notice a reason for the short notice is required (400 naming shortNoticeReason otherwise)");

        meetings.MapPost("/in-attendance", AddPersonInAttendanceAsync)
            .RequireAuthorization(Policies.MeetingSecretary)
            .WithSummary("Record someone in attendance who is not a member");

        meetings.MapPost("/items/{itemId:guid}/outcome", RecordOutcomeAsync)
            .RequireAuthorization(Policies.MeetingSecretary)
            .WithSummary("Record that an item was noted, deferred or referred (a vote or consensus is recorded as a decision instead)");

        meetings.MapPost("/declarations", DeclareAsync)
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("Declare an interest at the meeting (at the start, or on an item): a member for themselves; the secretary for any member, noting who raised it");

        meetings.MapPost("/items/{itemId:guid}/rulings", RuleAsync)
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("Rule on a member's conflict for an item: by the person presiding (never on their own conflict), or by the secretary on their behalf and attributed to them");

        meetings.MapPost("/items/{itemId:guid}/quorum-confirmations", ConfirmQuorumAsync)
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("Confirm the item is quorate, recorded with the time and explanation: only the person presiding over the item");

        meetings.MapPost("/items/{itemId:guid}/likely-conflicts/declare", DeclareFlagAsync)
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("Turn a likely conflict from the register into a declaration at the item, worded from the register entry, for the person presiding to rule on: the secretary, or the person whose interest it is");

        meetings.MapPost("/items/{itemId:guid}/likely-conflicts/dismiss", DismissFlagAsync)
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("Dismiss a likely conflict as not relevant to the item, with the reason: by the person presiding, or by the secretary on their behalf and attributed to them");
    }

    private static async Task<Results<Ok<MeetingConsoleDto>, NotFoundProblem>> GetAsync(Guid meetingId, CurrentUser user, MeetingConsoleService service, CancellationToken ct) =>
        await service.GetAsync(user, meetingId, ct) is { } view ? TypedResults.Ok(view) : ApiResults.NotFound("The meeting");

    private static async Task<MeetingChange> TakeItemAsync(Guid meetingId, CurrentItemRequest request, CurrentUser user, MeetingConsoleService service, CancellationToken ct) =>
        MeetingResults.Change(await service.TakeItemAsync(user, meetingId, request, ct));

    private static async Task<MeetingChange> ExcludePublicAsync(Guid meetingId, ExcludePublicRequest request, CurrentUser user, MeetingConsoleService service, CancellationToken ct) =>
        MeetingResults.Change(await service.ExcludePublicAsync(user, meetingId, request, ct));

    private static async Task<MeetingChange> PublishAgendaAsync(Guid meetingId, PublishAgendaRequest request, CurrentUser user, MeetingConsoleService service, CancellationToken ct) =>
        MeetingResults.Change(await service.PublishAgendaAsync(user, meetingId, request, ct));

    private static async Task<MeetingChange> AddPersonInAttendanceAsync(Guid meetingId, PersonInAttendanceRequest request, CurrentUser user, MeetingConsoleService service, CancellationToken ct) =>
        MeetingResults.Change(await service.AddPersonInAttendanceAsync(user, meetingId, request, ct));

    private static async Task<MeetingChange> RecordOutcomeAsync(Guid meetingId, Guid itemId, ItemOutcomeRequest request, CurrentUser user, MeetingConsoleService service, CancellationToken ct) =>
        MeetingResults.Change(await service.RecordOutcomeAsync(user, meetingId, itemId, request, ct));

    private static async Task<MeetingChange> DeclareAsync(Guid meetingId, DeclareRequest request, CurrentUser user, MeetingConsoleService service, CancellationToken ct) =>
        MeetingResults.Change(await service.DeclareAsync(user, meetingId, request, ct));

    private static async Task<MeetingChange> RuleAsync(Guid meetingId, Guid itemId, RulingRequest request, CurrentUser user, MeetingConsoleService service, CancellationToken ct) =>
        MeetingResults.Change(await service.RuleAsync(user, meetingId, itemId, request, ct));

    private static async Task<MeetingChange> ConfirmQuorumAsync(Guid meetingId, Guid itemId, ConfirmQuorumRequest request, CurrentUser user, MeetingConsoleService service, CancellationToken ct) =>
        MeetingResults.Change(await service.ConfirmQuorumAsync(user, meetingId, itemId, request, ct));

    private static async Task<MeetingChange> DeclareFlagAsync(Guid meetingId, Guid itemId, DeclareFlagRequest request, CurrentUser user, MeetingConsoleService service, CancellationToken ct) =>
        MeetingResults.Change(await service.DeclareFlagAsync(user, meetingId, itemId, request, ct));

    private static async Task<MeetingChange> DismissFlagAsync(Guid meetingId, Guid itemId, DismissFlagRequest request, CurrentUser user, MeetingConsoleService service, CancellationToken ct) =>
        MeetingResults.Change(await service.DismissFlagAsync(user, meetingId, itemId, request, ct));
}
