using CoCommissioning.Domain.Notices;
using CoCommissioning.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoCommissioning.Web.Features.Notices;

public sealed class NoticeEndpoints : IApiEndpoints
{
    public void Map(IEndpointRouteBuilder api)
    {
        var tagged = api.MapGroup("").WithTags("Notices");
        var notices = tagged.MapGroup("/notices");

        notices.MapGet("/preferences", PreferencesAsync)
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("Your notice settings: each kind on or off, or all off (422 when your account is linked to no person)");

        notices.MapPut("/preferences", SavePreferencesAsync)
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("Save your notice settings: allOff, the kinds off, and the version you read (null for the first save); every notice honours them");

        notices.MapGet("/mine", MineAsync)
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("The messages sent (or waiting to be sent) to you, newest first, 50 a page");

        notices.MapGet("/", AllAsync)
            .RequireAuthorization(Policies.GovernanceLead)
            .WithSummary("Every message of your organisation with its status (Waiting, Sent, Failed), newest first; filter by status and by the record it is about (governance lead, administrator)");

        notices.MapPost("/{id:guid}/resend", ResendAsync)
            .RequireAuthorization(Policies.GovernanceLead)
            .WithSummary("Send a failed notice again (governance lead, administrator); 422 when it is not failed, 409 when the version is stale");

        tagged.MapPost("/meetings/{meetingId:guid}/minutes/ready-for-chair", ReadyForChairAsync)
            .RequireAuthorization(Policies.Secretary)
            .WithSummary("Tell the committee's chair the draft minutes are ready to read (secretary); 422 when there is no draft or no chair with an email address");
    }

    private static async Task<Results<Ok<NoticePreferencesDto>, RuleProblem>> PreferencesAsync(CurrentUser user, NoticeService service, CancellationToken ct) =>
        (await service.PreferencesAsync(user, ct)).TryGetValue(out var preferences, out var failure)
            ? TypedResults.Ok(preferences)
            : ApiResults.Problem<Results<Ok<NoticePreferencesDto>, RuleProblem>>(failure);

    private static async Task<Results<Ok<NoticePreferencesDto>, ValidationProblem, ConflictProblem, RuleProblem>> SavePreferencesAsync(
        SaveNoticePreferencesRequest request, CurrentUser user, NoticeService service, CancellationToken ct) =>
        (await service.SavePreferencesAsync(user, request, ct)).TryGetValue(out var preferences, out var failure)
            ? TypedResults.Ok(preferences)
            : ApiResults.Problem<Results<Ok<NoticePreferencesDto>, ValidationProblem, ConflictProblem, RuleProblem>>(failure);

    private static async Task<Ok<NoticePageDto>> MineAsync(int? page, CurrentUser user, NoticeService service, CancellationToken ct) =>
        TypedResults.Ok(await service.MineAsync(user, page ?? 1, ct));

    private static async Task<Results<Ok<NoticePageDto>, ForbiddenProblem>> AllAsync(
        NoticeStatus? status, Guid? relatedRecordId, int? page, CurrentUser user, NoticeService service, CancellationToken ct) =>
        (await service.AllAsync(user, status, relatedRecordId, page ?? 1, ct)).TryGetValue(out var notices, out var failure)
            ? TypedResults.Ok(notices)
            : ApiResults.Problem<Results<Ok<NoticePageDto>, ForbiddenProblem>>(failure);

    private static async Task<Results<Ok<NoticeDto>, ForbiddenProblem, NotFoundProblem, ConflictProblem, RuleProblem>> ResendAsync(
        Guid id, ResendNoticeRequest request, CurrentUser user, NoticeService service, CancellationToken ct) =>
        (await service.ResendAsync(user, id, request, ct)).TryGetValue(out var notice, out var failure)
            ? TypedResults.Ok(notice)
            : ApiResults.Problem<Results<Ok<NoticeDto>, ForbiddenProblem, NotFoundProblem, ConflictProblem, RuleProblem>>(failure);

    private static async Task<Results<Ok<NoticesQueuedDto>, NotFoundProblem, RuleProblem>> ReadyForChairAsync(
        Guid meetingId, CurrentUser user, MinutesNotices service, CancellationToken ct) =>
        (await service.ReadyForChairAsync(user, meetingId, ct)).TryGetValue(out var queued, out var failure)
            ? TypedResults.Ok(queued)
            : ApiResults.Problem<Results<Ok<NoticesQueuedDto>, NotFoundProblem, RuleProblem>>(failure);
}
