using System.Security.Claims;
using CoCommissioning.Domain.Interests;
using CoCommissioning.Web.Infrastructure;

namespace CoCommissioning.Web.Features.GiftsAndHospitality;

public static class GiftEndpoints
{
    public static void MapGiftEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/gifts").WithTags("Gifts and hospitality").RequireAuthorization(Policies.SignedIn);

        group.MapGet("/mine", async (ClaimsPrincipal principal, GiftService service, CancellationToken ct) =>
                ApiResults.From(await service.ListMineAsync(CurrentUser.Require(principal), ct), Results.Ok))
            .Produces<IReadOnlyList<GiftDto>>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("The gifts and hospitality you have declared");

        group.MapPost("/advice", async (OfferRequest request, ClaimsPrincipal principal, GiftService service, CancellationToken ct) =>
                ApiResults.From(await service.AdviseAsync(CurrentUser.Require(principal), request, ct), Results.Ok))
            .Produces<AdviceDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("The guidance's advice for an offer as typed, counting your earlier gifts from the same source; nothing is saved");

        group.MapPost("/", async (OfferRequest request, ClaimsPrincipal principal, GiftService service, CancellationToken ct) =>
                ApiResults.From(await service.DeclareAsync(CurrentUser.Require(principal), request, ct), g => Results.Created($"/api/gifts/{g.Id}", g)))
            .Produces<GiftDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("Declare a gift or hospitality offered to you (accepted or declined); the advice is worked out and kept with it");

        group.MapGet("/{giftId:guid}", async (Guid giftId, ClaimsPrincipal principal, GiftService service, CancellationToken ct) =>
                await service.GetAsync(CurrentUser.Require(principal), giftId, ct) is { } gift ? Results.Ok(gift) : ApiResults.NotFoundProblem("The gift or hospitality entry"))
            .Produces<GiftDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One entry: your own, or any of your organisation's for a governance lead");

        group.MapGet("/", async (ReviewStatus? status, string? q, ClaimsPrincipal principal, GiftService service, CancellationToken ct) =>
                TypedResults.Ok(await service.ListAsync(CurrentUser.Require(principal), status, q, ct)))
            .RequireAuthorization(Policies.GovernanceLead)
            .WithSummary("The register: every entry of your organisation, optionally by review status and matching text");

        group.MapPost("/{giftId:guid}/accept", async (Guid giftId, VersionRequest request, ClaimsPrincipal principal, GiftService service, CancellationToken ct) =>
                ApiResults.From(await service.AcceptAsync(CurrentUser.Require(principal), giftId, request, ct), Results.Ok))
            .RequireAuthorization(Policies.GovernanceLead)
            .Produces<GiftDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Accept an entry after review (it becomes public unless withheld)");

        group.MapPost("/{giftId:guid}/request-changes", async (Guid giftId, RequestChangesRequest request, ClaimsPrincipal principal, GiftService service, CancellationToken ct) =>
                ApiResults.From(await service.RequestChangesAsync(CurrentUser.Require(principal), giftId, request, ct), Results.Ok))
            .RequireAuthorization(Policies.GovernanceLead)
            .Produces<GiftDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Ask the recipient for changes, with a comment");

        group.MapPost("/{giftId:guid}/withhold", async (Guid giftId, WithholdRequest request, ClaimsPrincipal principal, GiftService service, CancellationToken ct) =>
                ApiResults.From(await service.WithholdAsync(CurrentUser.Require(principal), giftId, request, ct), Results.Ok))
            .RequireAuthorization(Policies.GovernanceLead)
            .Produces<GiftDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Keep an entry off the public register, with the reason (kept internally)");
    }
}
