using CoCommissioning.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoCommissioning.Web.Features.Administration;

public sealed class AdministrationEndpoints : IApiEndpoints
{
    public void Map(IEndpointRouteBuilder api)
    {
        var users = api.MapGroup("/admin/users").WithTags("Administration").RequireAuthorization(Policies.Administrator);

        users.MapGet("/", ListAsync)
            .WithSummary("User accounts of your organisation with their roles");

        users.MapPost("/", CreateAsync)
            .WithSummary("Create a user account in your organisation");

        users.MapPut("/{userId:guid}/roles", SetRolesAsync)
            .WithSummary("Set the roles a user holds in your organisation");

        users.MapPut("/{userId:guid}/lock", SetLockedAsync)
            .WithSummary("Lock a user's account (no sign-in, tokens refused, sessions end within a minute) or unlock it");
    }

    private static async Task<Ok<IReadOnlyList<UserDto>>> ListAsync(CurrentUser user, UserAdminService service, CancellationToken ct) =>
        TypedResults.Ok(await service.ListAsync(user, ct));

    // Forbidden: an administrator demoted or locked since the cookie was issued (read from the database).
    private static async Task<Results<Created<UserDto>, ValidationProblem, ForbiddenProblem>> CreateAsync(
        CreateUserRequest request, CurrentUser user, UserAdminService service, CancellationToken ct) =>
        (await service.CreateAsync(user, request, ct)).TryGetValue(out var created, out var failure)
            ? TypedResults.Created($"/api/admin/users/{created.Id}", created)
            : ApiResults.Problem<Results<Created<UserDto>, ValidationProblem, ForbiddenProblem>>(failure);

    private static async Task<Results<Ok<UserDto>, ForbiddenProblem, NotFoundProblem, RuleProblem>> SetRolesAsync(
        Guid userId, SetRolesRequest request, CurrentUser user, UserAdminService service, CancellationToken ct) =>
        (await service.SetRolesAsync(user, userId, request, ct)).TryGetValue(out var changed, out var failure)
            ? TypedResults.Ok(changed)
            : ApiResults.Problem<Results<Ok<UserDto>, ForbiddenProblem, NotFoundProblem, RuleProblem>>(failure);

    private static async Task<Results<Ok<UserDto>, ForbiddenProblem, NotFoundProblem, RuleProblem>> SetLockedAsync(
        Guid userId, SetLockedRequest request, CurrentUser user, UserAdminService service, CancellationToken ct) =>
        (await service.SetLockedAsync(user, userId, request, ct)).TryGetValue(out var changed, out var failure)
            ? TypedResults.Ok(changed)
            : ApiResults.Problem<Results<Ok<UserDto>, ForbiddenProblem, NotFoundProblem, RuleProblem>>(failure);
}
