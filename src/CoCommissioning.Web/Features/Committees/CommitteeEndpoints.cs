using System.Security.Claims;
using CoCommissioning.Web.Infrastructure;

namespace CoCommissioning.Web.Features.Committees;

public static class CommitteeEndpoints
{
    public static void MapCommitteeEndpoints(this IEndpointRouteBuilder api)
    {
        var committees = api.MapGroup("/committees").WithTags("Committees");

        committees.MapGet("/", async (ClaimsPrincipal principal, CommitteeService service, CancellationToken ct) =>
                TypedResults.Ok(await service.ListAsync(CurrentUser.Require(principal), ct)))
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("List the committees of your organisation");

        committees.MapGet("/{committeeId:guid}", async (Guid committeeId, ClaimsPrincipal principal, CommitteeService service, CancellationToken ct) =>
                await service.GetAsync(CurrentUser.Require(principal), committeeId, ct) is { } committee
                    ? Results.Ok(committee)
                    : ApiResults.NotFoundProblem("The committee"))
            .RequireAuthorization(Policies.SignedIn)
            .Produces<CommitteeDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A committee with its memberships");

        committees.MapPost("/", async (CreateCommitteeRequest request, ClaimsPrincipal principal, CommitteeService service, CancellationToken ct) =>
                ApiResults.From(await service.CreateAsync(CurrentUser.Require(principal), request, ct), c => Results.Created($"/api/committees/{c.Id}", c)))
            .RequireAuthorization(Policies.Secretary)
            .Produces<CommitteeDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .WithSummary("Create a committee");

        committees.MapPut("/{committeeId:guid}", async (Guid committeeId, UpdateCommitteeRequest request, ClaimsPrincipal principal, CommitteeService service, CancellationToken ct) =>
                ApiResults.From(await service.UpdateAsync(CurrentUser.Require(principal), committeeId, request, ct), Results.Ok))
            .RequireAuthorization(Policies.Secretary)
            .WithCommitteeChangeResponses()
            .WithSummary("Change a committee's name, type, level or purpose");

        committees.MapPost("/{committeeId:guid}/memberships", async (Guid committeeId, AddMembershipRequest request, ClaimsPrincipal principal, CommitteeService service, CancellationToken ct) =>
                ApiResults.From(await service.AddMembershipAsync(CurrentUser.Require(principal), committeeId, request, ct), Results.Ok))
            .RequireAuthorization(Policies.Secretary)
            .WithCommitteeChangeResponses()
            .WithSummary("Add a member for a term, with roles, voting rights and an optional deputy");

        committees.MapPut("/{committeeId:guid}/memberships/{membershipId:guid}", async (Guid committeeId, Guid membershipId, ChangeMembershipRequest request, ClaimsPrincipal principal, CommitteeService service, CancellationToken ct) =>
                ApiResults.From(await service.ChangeMembershipAsync(CurrentUser.Require(principal), committeeId, membershipId, request, ct), Results.Ok))
            .RequireAuthorization(Policies.Secretary)
            .WithCommitteeChangeResponses()
            .WithSummary("Change a membership's roles, voting rights, term or deputy");

        committees.MapPost("/{committeeId:guid}/memberships/{membershipId:guid}/end", async (Guid committeeId, Guid membershipId, EndMembershipRequest request, ClaimsPrincipal principal, CommitteeService service, CancellationToken ct) =>
                ApiResults.From(await service.EndMembershipAsync(CurrentUser.Require(principal), committeeId, membershipId, request, ct), Results.Ok))
            .RequireAuthorization(Policies.Secretary)
            .WithCommitteeChangeResponses()
            .WithSummary("End a membership on its last day (memberships are never deleted)");

        committees.MapPost("/{committeeId:guid}/offices", async (Guid committeeId, AppointOfficeRequest request, ClaimsPrincipal principal, CommitteeService service, CancellationToken ct) =>
                ApiResults.From(await service.AppointAsync(CurrentUser.Require(principal), committeeId, request, ct), Results.Ok))
            .RequireAuthorization(Policies.Secretary)
            .WithCommitteeChangeResponses()
            .WithSummary("Appoint a current member as chair or vice chair");

        committees.MapPost("/{committeeId:guid}/offices/vacate", async (Guid committeeId, VacateOfficeRequest request, ClaimsPrincipal principal, CommitteeService service, CancellationToken ct) =>
                ApiResults.From(await service.VacateAsync(CurrentUser.Require(principal), committeeId, request, ct), Results.Ok))
            .RequireAuthorization(Policies.Secretary)
            .WithCommitteeChangeResponses()
            .WithSummary("Leave the chair or vice chair office empty");

        var roles = api.MapGroup("/member-roles").WithTags("Committees");

        roles.MapGet("/", async (ClaimsPrincipal principal, CommitteeService service, CancellationToken ct) =>
                TypedResults.Ok(await service.ListRolesAsync(CurrentUser.Require(principal), ct)))
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("The roles members can hold in your organisation");

        roles.MapPost("/", async (CreateRoleRequest request, ClaimsPrincipal principal, CommitteeService service, CancellationToken ct) =>
                ApiResults.From(await service.CreateRoleAsync(CurrentUser.Require(principal), request, ct), r => Results.Created($"/api/member-roles/{r.Id}", r)))
            .RequireAuthorization(Policies.GovernanceLead)
            .Produces<RoleDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .WithSummary("Add a role to your organisation's catalogue");
    }

    private static RouteHandlerBuilder WithCommitteeChangeResponses(this RouteHandlerBuilder builder) =>
        builder.Produces<CommitteeDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
