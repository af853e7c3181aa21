using System.Security.Claims;
using CoCommissioning.Web.Infrastructure;

namespace CoCommissioning.Web.Features.Administration;

public static class AdministrationEndpoints
{
    public static void MapAdministrationEndpoints(this IEndpointRouteBuilder api)
    {
        var users = api.MapGroup("/admin/users").WithTags("Administration").RequireAuthorization(Policies.Administrator);

        users.MapGet("/", async (ClaimsPrincipal principal, UserAdminService service, CancellationToken ct) =>
                TypedResults.Ok(await service.ListAsync(CurrentUser.Require(principal), ct)))
            .WithSummary("User accounts of your organisation with their roles");

        users.MapPost("/", async (CreateUserRequest request, ClaimsPrincipal principal, UserAdminService service, CancellationToken ct) =>
                ApiResults.From(await service.CreateAsync(CurrentUser.Require(principal), request, ct), u => Results.Created($"/api/admin/users/{u.Id}", u)))
            .Produces<UserDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .WithSummary("Create a user account in your organisation");

        users.MapPut("/{userId:guid}/roles", async (Guid userId, SetRolesRequest request, ClaimsPrincipal principal, UserAdminService service, CancellationToken ct) =>
                ApiResults.From(await service.SetRolesAsync(CurrentUser.Require(principal), userId, request, ct), Results.Ok))
            .Produces<UserDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Set the roles a user holds in your organisation");

        users.MapPut("/{userId:guid}/lock", async (Guid userId, SetLockedRequest request, ClaimsPrincipal principal, UserAdminService service, CancellationToken ct) =>
                ApiResults.From(await service.SetLockedAsync(CurrentUser.Require(principal), userId, request, ct), Results.Ok))
            .Produces<UserDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Lock a user's account (no sign-in, tokens refused, sessions end within a minute) or unlock it");
    }
}
