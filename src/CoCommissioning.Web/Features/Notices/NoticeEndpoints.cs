using System.Security.Claims;
using CoCommissioning.Domain.Notices;
using CoCommissioning.Web.Infrastructure;

namespace CoCommissioning.Web.Features.Notices;

public static class NoticeEndpoints
{
    public static void MapNoticeEndpoints(this IEndpointRouteBuilder api)
    {
        var notices = api.MapGroup("/notices").WithTags("Notices");

        notices.MapGet("/preferences", async (ClaimsPrincipal principal, NoticeService service, CancellationToken ct) =>
                ApiResults.From(await service.PreferencesAsync(CurrentUser.Require(principal), ct), Results.Ok))
            .RequireAuthorization(Policies.SignedIn)
            .Produces<NoticePreferencesDto>()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Your notice settings: each kind on or off, or all off (422 when your account is linked to no person)");

        notices.MapPut("/preferences", async (SaveNoticePreferencesRequest request, ClaimsPrincipal principal, NoticeService service, CancellationToken ct) =>
                ApiResults.From(await service.SavePreferencesAsync(CurrentUser.Require(principal), request, ct), Results.Ok))
            .RequireAuthorization(Policies.SignedIn)
            .Produces<NoticePreferencesDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Save your notice settings: allOff, the kinds off, and the version you read (null for the first save); every notice honours them");

        notices.MapGet("/mine", async (int? page, ClaimsPrincipal principal, NoticeService service, CancellationToken ct) =>
                Results.Ok(await service.MineAsync(CurrentUser.Require(principal), page ?? 1, ct)))
            .RequireAuthorization(Policies.SignedIn)
            .Produces<NoticePageDto>()
            .WithSummary("The messages sent (or waiting to be sent) to you, newest first, 50 a page");

        notices.MapGet("/", async (NoticeStatus? status, Guid? relatedRecordId, int? page, ClaimsPrincipal principal, NoticeService service, CancellationToken ct) =>
                ApiResults.From(await service.AllAsync(CurrentUser.Require(principal), status, relatedRecordId, page ?? 1, ct), Results.Ok))
            .RequireAuthorization(Policies.GovernanceLead)
            .Produces<NoticePageDto>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("Every message of your organisation with its status (Waiting, Sent, Failed), newest first; filter by status and by the record it is about (governance lead, administrator)");

        notices.MapPost("/{id:guid}/resend", async (Guid id, ResendNoticeRequest request, ClaimsPrincipal principal, NoticeService service, CancellationToken ct) =>
                ApiResults.From(await service.ResendAsync(CurrentUser.Require(principal), id, request, ct), Results.Ok))
            .RequireAuthorization(Policies.GovernanceLead)
            .Produces<NoticeDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Send a failed notice again (governance lead, administrator); 422 when it is not failed, 409 when the version is stale");

        api.MapPost("/meetings/{meetingId:guid}/minutes/ready-for-chair", async (Guid meetingId, ClaimsPrincipal principal, MinutesNotices service, CancellationToken ct) =>
                ApiResults.From(await service.ReadyForChairAsync(CurrentUser.Require(principal), meetingId, ct), Results.Ok))
            .RequireAuthorization(Policies.Secretary)
            .WithTags("Notices")
            .Produces<NoticesQueuedDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Tell the committee's chair the draft minutes are ready to read (secretary); 422 when there is no draft or no chair with an email address");
    }
}
