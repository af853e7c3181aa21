using CoCommissioning.Domain.Common;
using CoCommissioning.Domain.Interests;
using CoCommissioning.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoCommissioning.Web.Features.GiftsAndHospitality;

public sealed class GiftEndpoints : IApiEndpoints
{
    public void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/gifts").WithTags("Gifts and hospitality").RequireAuthorization(Policies.SignedIn);

        group.MapGet("/mine", ListMineAsync)
            .WithSummary("The gifts and hospitality you have declared");

        group.MapPost("/advice", AdviseAsync)
            .WithSummary("The guidance's advice for an offer as typed, counting your earlier gifts from the same source; nothing is saved");

        group.MapPost("/", DeclareAsync)
            .WithSummary("Declare a gift or hospitality offered to you (accepted or declined); the advice is worked out and kept with it");

        group.MapGet("/{giftId:guid}", GetAsync)
            .WithSummary("One entry: your own, or any of your organisation's for a governance lead");

        group.MapGet("/", ListAsync)
            .RequireAuthorization(Policies.GovernanceLead)
            .WithSummary("The register: every entry of your organisation, optionally by review status and matching text");

        group.MapPost("/{giftId:guid}/accept", AcceptAsync)
            .RequireAuthorization(Policies.GovernanceLead)
            .WithSummary("Accept an entry after review (it becomes public unless withheld)");

        group.MapPost("/{giftId:guid}/request-changes", RequestChangesAsync)
            .RequireAuthorization(Policies.GovernanceLead)
            .WithSummary("Ask the recipient for changes, with a comment");

        group.MapPost("/{giftId:guid}/withhold", WithholdAsync)
            .RequireAuthorization(Policies.GovernanceLead)
            .WithSummary("Keep an entry off the public register, with the reason (kept internally)");
    }

    // 403 when the sign-in is not linked to a person.
    private static async Task<Results<Ok<IReadOnlyList<GiftDto>>, ForbiddenProblem>> ListMineAsync(CurrentUser user, GiftService service, CancellationToken ct) =>
        (await service.ListMineAsync(user, ct)).TryGetValue(out var gifts, out var failure)
            ? TypedResults.Ok(gifts)
            : ApiResults.Problem<Results<Ok<IReadOnlyList<GiftDto>>, ForbiddenProblem>>(failure);

    private static async Task<Results<Ok<AdviceDto>, ValidationProblem, ForbiddenProblem>> AdviseAsync(
        OfferRequest request, CurrentUser user, GiftService service, CancellationToken ct) =>
        (await service.AdviseAsync(user, request, ct)).TryGetValue(out var advice, out var failure)
            ? TypedResults.Ok(advice)
            : ApiResults.Problem<Results<Ok<AdviceDto>, ValidationProblem, ForbiddenProblem>>(failure);

    // The same offer declared twice the same day is a 409 naming the entry already made.
    private static async Task<Results<Created<GiftDto>, ValidationProblem, ForbiddenProblem, ConflictProblem>> DeclareAsync(
        OfferRequest request, CurrentUser user, GiftService service, CancellationToken ct) =>
        (await service.DeclareAsync(user, request, ct)).TryGetValue(out var gift, out var failure)
            ? TypedResults.Created($"/api/gifts/{gift.Id}", gift)
            : ApiResults.Problem<Results<Created<GiftDto>, ValidationProblem, ForbiddenProblem, ConflictProblem>>(failure);

    private static async Task<Results<Ok<GiftDto>, NotFoundProblem>> GetAsync(Guid giftId, CurrentUser user, GiftService service, CancellationToken ct) =>
        await service.GetAsync(user, giftId, ct) is { } gift ? TypedResults.Ok(gift) : ApiResults.NotFound("The gift or hospitality entry");

    private static async Task<Ok<IReadOnlyList<GiftDto>>> ListAsync(ReviewStatus? status, string? q, CurrentUser user, GiftService service, CancellationToken ct) =>
        TypedResults.Ok(await service.ListAsync(user, status, q, ct));

    private static async Task<Results<Ok<GiftDto>, NotFoundProblem, ConflictProblem>> AcceptAsync(
        Guid giftId, VersionRequest request, CurrentUser user, GiftService service, CancellationToken ct) =>
        (await service.AcceptAsync(user, giftId, request, ct)).TryGetValue(out var gift, out var failure)
            ? TypedResults.Ok(gift)
            : ApiResults.Problem<Results<Ok<GiftDto>, NotFoundProblem, ConflictProblem>>(failure);

    private static async Task<Results<Ok<GiftDto>, ValidationProblem, NotFoundProblem, ConflictProblem>> RequestChangesAsync(
        Guid giftId, RequestChangesRequest request, CurrentUser user, GiftService service, CancellationToken ct) =>
        Reviewed(await service.RequestChangesAsync(user, giftId, request, ct));

    private static async Task<Results<Ok<GiftDto>, ValidationProblem, NotFoundProblem, ConflictProblem>> WithholdAsync(
        Guid giftId, WithholdRequest request, CurrentUser user, GiftService service, CancellationToken ct) =>
        Reviewed(await service.WithholdAsync(user, giftId, request, ct));

    private static Results<Ok<GiftDto>, ValidationProblem, NotFoundProblem, ConflictProblem> Reviewed(CommandResult<GiftDto> result) =>
        result.TryGetValue(out var gift, out var failure)
            ? TypedResults.Ok(gift)
            : ApiResults.Problem<Results<Ok<GiftDto>, ValidationProblem, NotFoundProblem, ConflictProblem>>(failure);
}
