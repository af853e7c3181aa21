using System.Security.Claims;
using CoCommissioning.Domain.Interests;
using CoCommissioning.Web.Infrastructure;

namespace CoCommissioning.Web.Features.Declarations;

public static class DeclarationEndpoints
{
    public static void MapDeclarationEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/declarations").WithTags("Declarations").RequireAuthorization(Policies.SignedIn);
        MapMemberEndpoints(group);
        MapReviewEndpoints(group);
    }

    /// <summary>Members declare for themselves only: the person their account is linked to.</summary>
    private static void MapMemberEndpoints(RouteGroupBuilder group)
    {
        group.MapGet("/mine", async (ClaimsPrincipal principal, DeclarationService service, CancellationToken ct) =>
                ApiResults.From(await service.ListMineAsync(CurrentUser.Require(principal), ct), Results.Ok))
            .RequireAuthorization(Policies.SignedIn)
            .Produces<IReadOnlyList<DeclarationDto>>()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Your own declarations, with every version and the review");

        group.MapPost("/", async (DeclareInterestRequest request, ClaimsPrincipal principal, DeclarationService service, CancellationToken ct) =>
                ApiResults.From(await service.DeclareAsync(CurrentUser.Require(principal), request, ct), d => Results.Created($"/api/declarations/{d.Id}", d)))
            .RequireAuthorization(Policies.SignedIn)
            .Produces<DeclarationDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Declare an interest (flagged late when declared more than 28 days after it began)");

        group.MapPost("/nil-return", async (NilReturnRequest request, ClaimsPrincipal principal, DeclarationService service, CancellationToken ct) =>
                ApiResults.From(await service.NilReturnAsync(CurrentUser.Require(principal), request, ct), d => Results.Created($"/api/declarations/{d.Id}", d)))
            .RequireAuthorization(Policies.SignedIn)
            .Produces<DeclarationDto>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Make a nil return: you have no interests to declare");

        group.MapPut("/{declarationId:guid}", async (Guid declarationId, CorrectDeclarationRequest request, ClaimsPrincipal principal, DeclarationService service, CancellationToken ct) =>
                ApiResults.From(await service.CorrectAsync(CurrentUser.Require(principal), declarationId, request, ct), Results.Ok))
            .RequireAuthorization(Policies.SignedIn)
            .Produces<DeclarationDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Correct or change one of your declarations: a new version; earlier versions are kept");

        group.MapPost("/{declarationId:guid}/end", async (Guid declarationId, EndDeclarationRequest request, ClaimsPrincipal principal, DeclarationService service, CancellationToken ct) =>
                ApiResults.From(await service.EndAsync(CurrentUser.Require(principal), declarationId, request, ct), Results.Ok))
            .RequireAuthorization(Policies.SignedIn)
            .Produces<DeclarationDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("End one of your interests on its last day: a new version; the entry stays in the register");

        group.MapGet("/{declarationId:guid}", async (Guid declarationId, ClaimsPrincipal principal, DeclarationService service, CancellationToken ct) =>
                await service.GetAsync(CurrentUser.Require(principal), declarationId, ct) is { } declaration
                    ? Results.Ok(declaration)
                    : ApiResults.NotFoundProblem("The declaration"))
            .RequireAuthorization(Policies.SignedIn)
            .Produces<DeclarationDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One declaration with every version: your own, or any of your organisation's for a governance lead");
    }

    private static void MapReviewEndpoints(RouteGroupBuilder group)
    {
        group.MapGet("/", async (ReviewStatus? status, Guid? personId, bool? late, string? q, ClaimsPrincipal principal, DeclarationService service, CancellationToken ct) =>
                TypedResults.Ok(await service.ListRegisterAsync(CurrentUser.Require(principal), new RegisterQuery(status, personId, late, q), ct)))
            .RequireAuthorization(Policies.GovernanceLead)
            .WithSummary("The register of interests: filter by review status, person, late flag; q searches person, position, body and nature");

        group.MapPost("/{declarationId:guid}/accept", async (Guid declarationId, AcceptDeclarationRequest request, ClaimsPrincipal principal, DeclarationService service, CancellationToken ct) =>
                ApiResults.From(await service.AcceptAsync(CurrentUser.Require(principal), declarationId, request, ct), Results.Ok))
            .RequireAuthorization(Policies.GovernanceLead)
            .Produces<DeclarationDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Accept a declaration, recording the agreed mitigation");

        group.MapPost("/{declarationId:guid}/request-changes", async (Guid declarationId, RequestChangesRequest request, ClaimsPrincipal principal, DeclarationService service, CancellationToken ct) =>
                ApiResults.From(await service.RequestChangesAsync(CurrentUser.Require(principal), declarationId, request, ct), Results.Ok))
            .RequireAuthorization(Policies.GovernanceLead)
            .Produces<DeclarationDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Ask the declarer for changes, with a comment they will see");

        group.MapPost("/{declarationId:guid}/withhold", async (Guid declarationId, WithholdDeclarationRequest request, ClaimsPrincipal principal, DeclarationService service, CancellationToken ct) =>
                ApiResults.From(await service.WithholdAsync(CurrentUser.Require(principal), declarationId, request, ct), Results.Ok))
            .RequireAuthorization(Policies.GovernanceLead)
            .Produces<DeclarationDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Withhold a declaration from the public register (risk of harm, legal bar); needs the guardian's approval where one is named");

        group.MapPost("/{declarationId:guid}/publish", async (Guid declarationId, PublishDeclarationRequest request, ClaimsPrincipal principal, DeclarationService service, CancellationToken ct) =>
                ApiResults.From(await service.PublishAsync(CurrentUser.Require(principal), declarationId, request, ct), Results.Ok))
            .RequireAuthorization(Policies.GovernanceLead)
            .Produces<DeclarationDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Put a withheld declaration back on the public register");
    }
}
