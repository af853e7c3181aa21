using CoCommissioning.Domain.Common;
using CoCommissioning.Domain.Interests;
using CoCommissioning.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoCommissioning.Web.Features.Declarations;

public sealed class DeclarationEndpoints : IApiEndpoints
{
    public void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/declarations").WithTags("Declarations").RequireAuthorization(Policies.SignedIn);
        MapMemberEndpoints(group);
        MapReviewEndpoints(group);
    }

    /// <summary>Members declare for themselves only: the person their account is linked to.</summary>
    private static void MapMemberEndpoints(RouteGroupBuilder group)
    {
        group.MapGet("/mine", ListMineAsync)
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("Your own declarations, with every version and the review");

        group.MapPost("/", DeclareAsync)
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("Declare an interest (flagged late when declared more than 28 days after it began)");

        group.MapPost("/nil-return", NilReturnAsync)
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("Make a nil return: you have no interests to declare");

        group.MapPut("/{declarationId:guid}", CorrectAsync)
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("Correct or change one of your declarations: a new version; earlier versions are kept");

        group.MapPost("/{declarationId:guid}/end", EndAsync)
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("End one of your interests on its last day: a new version; the entry stays in the register");

        group.MapGet("/{declarationId:guid}", GetAsync)
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("One declaration with every version: your own, or any of your organisation's for a governance lead");
    }

    private static void MapReviewEndpoints(RouteGroupBuilder group)
    {
        group.MapGet("/", ListRegisterAsync)
            .RequireAuthorization(Policies.GovernanceLead)
            .WithSummary("The register of interests: filter by review status, person, late flag; q searches person, position, body and nature");

        group.MapPost("/{declarationId:guid}/accept", AcceptAsync)
            .RequireAuthorization(Policies.GovernanceLead)
            .WithSummary("Accept a declaration, recording the agreed mitigation");

        group.MapPost("/{declarationId:guid}/request-changes", RequestChangesAsync)
            .RequireAuthorization(Policies.GovernanceLead)
            .WithSummary("Ask the declarer for changes, with a comment they will see");

        group.MapPost("/{declarationId:guid}/withhold", WithholdAsync)
            .RequireAuthorization(Policies.GovernanceLead)
            .WithSummary("Withhold a declaration from the public register (risk of harm, legal bar); needs the guardian's approval where one is named");

        group.MapPost("/{declarationId:guid}/publish", PublishAsync)
            .RequireAuthorization(Policies.GovernanceLead)
            .WithSummary("Put a withheld declaration back on the public register");
    }

    // ---- A member's own declarations ----

    // 422 when the account is not linked to a person in the register.
    private static async Task<Results<Ok<IReadOnlyList<DeclarationDto>>, RuleProblem>> ListMineAsync(
        CurrentUser user, DeclarationService service, CancellationToken ct) =>
        (await service.ListMineAsync(user, ct)).TryGetValue(out var declarations, out var failure)
            ? TypedResults.Ok(declarations)
            : ApiResults.Problem<Results<Ok<IReadOnlyList<DeclarationDto>>, RuleProblem>>(failure);

    // The same interest declared twice the same day is a 409 naming the declaration already made.
    private static async Task<Results<Created<DeclarationDto>, ValidationProblem, ForbiddenProblem, ConflictProblem, RuleProblem>> DeclareAsync(
        DeclareInterestRequest request, CurrentUser user, DeclarationService service, CancellationToken ct) =>
        (await service.DeclareAsync(user, request, ct)).TryGetValue(out var declaration, out var failure)
            ? TypedResults.Created($"/api/declarations/{declaration.Id}", declaration)
            : ApiResults.Problem<Results<Created<DeclarationDto>, ValidationProblem, ForbiddenProblem, ConflictProblem, RuleProblem>>(failure);

    private static async Task<Results<Created<DeclarationDto>, ForbiddenProblem, ConflictProblem, RuleProblem>> NilReturnAsync(
        NilReturnRequest request, CurrentUser user, DeclarationService service, CancellationToken ct) =>
        (await service.NilReturnAsync(user, request, ct)).TryGetValue(out var declaration, out var failure)
            ? TypedResults.Created($"/api/declarations/{declaration.Id}", declaration)
            : ApiResults.Problem<Results<Created<DeclarationDto>, ForbiddenProblem, ConflictProblem, RuleProblem>>(failure);

    private static async Task<Results<Ok<DeclarationDto>, ValidationProblem, NotFoundProblem, ConflictProblem, RuleProblem>> CorrectAsync(
        Guid declarationId, CorrectDeclarationRequest request, CurrentUser user, DeclarationService service, CancellationToken ct) =>
        Changed(await service.CorrectAsync(user, declarationId, request, ct));

    private static async Task<Results<Ok<DeclarationDto>, ValidationProblem, NotFoundProblem, ConflictProblem, RuleProblem>> EndAsync(
        Guid declarationId, EndDeclarationRequest request, CurrentUser user, DeclarationService service, CancellationToken ct) =>
        Changed(await service.EndAsync(user, declarationId, request, ct));

    private static async Task<Results<Ok<DeclarationDto>, NotFoundProblem>> GetAsync(
        Guid declarationId, CurrentUser user, DeclarationService service, CancellationToken ct) =>
        await service.GetAsync(user, declarationId, ct) is { } declaration ? TypedResults.Ok(declaration) : ApiResults.NotFound("The declaration");

    private static Results<Ok<DeclarationDto>, ValidationProblem, NotFoundProblem, ConflictProblem, RuleProblem> Changed(CommandResult<DeclarationDto> result) =>
        result.TryGetValue(out var declaration, out var failure)
            ? TypedResults.Ok(declaration)
            : ApiResults.Problem<Results<Ok<DeclarationDto>, ValidationProblem, NotFoundProblem, ConflictProblem, RuleProblem>>(failure);

    // ---- The governance lead's review ----

    private static async Task<Ok<IReadOnlyList<RegisterEntryDto>>> ListRegisterAsync(
        ReviewStatus? status, Guid? personId, bool? late, string? q, CurrentUser user, DeclarationService service, CancellationToken ct) =>
        TypedResults.Ok(await service.ListRegisterAsync(user, new RegisterQuery(status, personId, late, q), ct));

    private static async Task<Results<Ok<DeclarationDto>, ValidationProblem, NotFoundProblem, ConflictProblem>> AcceptAsync(
        Guid declarationId, AcceptDeclarationRequest request, CurrentUser user, DeclarationService service, CancellationToken ct) =>
        Reviewed(await service.AcceptAsync(user, declarationId, request, ct));

    private static async Task<Results<Ok<DeclarationDto>, ValidationProblem, NotFoundProblem, ConflictProblem>> RequestChangesAsync(
        Guid declarationId, RequestChangesRequest request, CurrentUser user, DeclarationService service, CancellationToken ct) =>
        Reviewed(await service.RequestChangesAsync(user, declarationId, request, ct));

    private static async Task<Results<Ok<DeclarationDto>, ValidationProblem, NotFoundProblem, ConflictProblem>> WithholdAsync(
        Guid declarationId, WithholdDeclarationRequest request, CurrentUser user, DeclarationService service, CancellationToken ct) =>
        Reviewed(await service.WithholdAsync(user, declarationId, request, ct));

    // Publishing an entry that is not withheld is refused by a rule (422).
    private static async Task<Results<Ok<DeclarationDto>, NotFoundProblem, ConflictProblem, RuleProblem>> PublishAsync(
        Guid declarationId, PublishDeclarationRequest request, CurrentUser user, DeclarationService service, CancellationToken ct) =>
        (await service.PublishAsync(user, declarationId, request, ct)).TryGetValue(out var declaration, out var failure)
            ? TypedResults.Ok(declaration)
            : ApiResults.Problem<Results<Ok<DeclarationDto>, NotFoundProblem, ConflictProblem, RuleProblem>>(failure);

    private static Results<Ok<DeclarationDto>, ValidationProblem, NotFoundProblem, ConflictProblem> Reviewed(CommandResult<DeclarationDto> result) =>
        result.TryGetValue(out var declaration, out var failure)
            ? TypedResults.Ok(declaration)
            : ApiResults.Problem<Results<Ok<DeclarationDto>, ValidationProblem, NotFoundProblem, ConflictProblem>>(failure);
}
