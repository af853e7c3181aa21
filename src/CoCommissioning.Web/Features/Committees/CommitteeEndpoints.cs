using CoCommissioning.Domain.Common;
using CoCommissioning.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoCommissioning.Web.Features.Committees;

public sealed class CommitteeEndpoints : IApiEndpoints
{
    public void Map(IEndpointRouteBuilder api)
    {
        var committees = api.MapGroup("/committees").WithTags("Committees");

        committees.MapGet("/", ListAsync)
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("List the committees of your organisation");

        committees.MapGet("/{committeeId:guid}", GetAsync)
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("A committee with its memberships");

        committees.MapPost("/", CreateAsync)
            .RequireAuthorization(Policies.Secretary)
            .WithSummary("Create a committee");

        committees.MapPut("/{committeeId:guid}", UpdateAsync)
            .RequireAuthorization(Policies.Secretary)
            .WithSummary("Change a committee's name, type, level or purpose");

        committees.MapPost("/{committeeId:guid}/memberships", AddMembershipAsync)
            .RequireAuthorization(Policies.Secretary)
            .WithSummary("Add a member for a term, with roles, voting rights and an optional deputy");

        committees.MapPut("/{committeeId:guid}/memberships/{membershipId:guid}", ChangeMembershipAsync)
            .RequireAuthorization(Policies.Secretary)
            .WithSummary("Change a membership's roles, voting rights, term or deputy");

        committees.MapPost("/{committeeId:guid}/memberships/{membershipId:guid}/end", EndMembershipAsync)
            .RequireAuthorization(Policies.Secretary)
            .WithSummary("End a membership on its last day (memberships are never deleted)");

        committees.MapPost("/{committeeId:guid}/offices", AppointAsync)
            .RequireAuthorization(Policies.Secretary)
            .WithSummary("Appoint a current member as chair or vice chair");

        committees.MapPost("/{committeeId:guid}/offices/vacate", VacateAsync)
            .RequireAuthorization(Policies.Secretary)
            .WithSummary("Leave the chair or vice chair office empty");

        var roles = api.MapGroup("/member-roles").WithTags("Committees");

        roles.MapGet("/", ListRolesAsync)
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("The roles members can hold in your organisation");

        roles.MapPost("/", CreateRoleAsync)
            .RequireAuthorization(Policies.GovernanceLead)
            .WithSummary("Add a role to your organisation's catalogue");
    }

    private static async Task<Ok<IReadOnlyList<CommitteeSummaryDto>>> ListAsync(CurrentUser user, CommitteeService service, CancellationToken ct) =>
        TypedResults.Ok(await service.ListAsync(user, ct));

    private static async Task<Results<Ok<CommitteeDto>, NotFoundProblem>> GetAsync(Guid committeeId, CurrentUser user, CommitteeService service, CancellationToken ct) =>
        await service.GetAsync(user, committeeId, ct) is { } committee ? TypedResults.Ok(committee) : ApiResults.NotFound("The committee");

    private static async Task<Results<Created<CommitteeDto>, ValidationProblem>> CreateAsync(
        CreateCommitteeRequest request, CurrentUser user, CommitteeService service, CancellationToken ct) =>
        (await service.CreateAsync(user, request, ct)).TryGetValue(out var committee, out var failure)
            ? TypedResults.Created($"/api/committees/{committee.Id}", committee)
            : ApiResults.Problem<Results<Created<CommitteeDto>, ValidationProblem>>(failure);

    private static async Task<Results<Ok<CommitteeDto>, ValidationProblem, NotFoundProblem, ConflictProblem, RuleProblem>> UpdateAsync(
        Guid committeeId, UpdateCommitteeRequest request, CurrentUser user, CommitteeService service, CancellationToken ct) =>
        Changed(await service.UpdateAsync(user, committeeId, request, ct));

    private static async Task<Results<Ok<CommitteeDto>, ValidationProblem, NotFoundProblem, ConflictProblem, RuleProblem>> AddMembershipAsync(
        Guid committeeId, AddMembershipRequest request, CurrentUser user, CommitteeService service, CancellationToken ct) =>
        Changed(await service.AddMembershipAsync(user, committeeId, request, ct));

    private static async Task<Results<Ok<CommitteeDto>, ValidationProblem, NotFoundProblem, ConflictProblem, RuleProblem>> ChangeMembershipAsync(
        Guid committeeId, Guid membershipId, ChangeMembershipRequest request, CurrentUser user, CommitteeService service, CancellationToken ct) =>
        Changed(await service.ChangeMembershipAsync(user, committeeId, membershipId, request, ct));

    private static async Task<Results<Ok<CommitteeDto>, ValidationProblem, NotFoundProblem, ConflictProblem, RuleProblem>> EndMembershipAsync(
        Guid committeeId, Guid membershipId, EndMembershipRequest request, CurrentUser user, CommitteeService service, CancellationToken ct) =>
        Changed(await service.EndMembershipAsync(user, committeeId, membershipId, request, ct));

    private static async Task<Results<Ok<CommitteeDto>, ValidationProblem, NotFoundProblem, ConflictProblem, RuleProblem>> AppointAsync(
        Guid committeeId, AppointOfficeRequest request, CurrentUser user, CommitteeService service, CancellationToken ct) =>
        Changed(await service.AppointAsync(user, committeeId, request, ct));

    private static async Task<Results<Ok<CommitteeDto>, ValidationProblem, NotFoundProblem, ConflictProblem, RuleProblem>> VacateAsync(
        Guid committeeId, VacateOfficeRequest request, CurrentUser user, CommitteeService service, CancellationToken ct) =>
        Changed(await service.VacateAsync(user, committeeId, request, ct));

    private static async Task<Ok<IReadOnlyList<RoleDto>>> ListRolesAsync(CurrentUser user, CommitteeService service, CancellationToken ct) =>
        TypedResults.Ok(await service.ListRolesAsync(user, ct));

    private static async Task<Results<Created<RoleDto>, ValidationProblem>> CreateRoleAsync(
        CreateRoleRequest request, CurrentUser user, CommitteeService service, CancellationToken ct) =>
        (await service.CreateRoleAsync(user, request, ct)).TryGetValue(out var role, out var failure)
            ? TypedResults.Created($"/api/member-roles/{role.Id}", role)
            : ApiResults.Problem<Results<Created<RoleDto>, ValidationProblem>>(failure);

    // Every change to a committee answers the committee, or why it was refused (input, missing, stale version, a rule).
    private static Results<Ok<CommitteeDto>, ValidationProblem, NotFoundProblem, ConflictProblem, RuleProblem> Changed(CommandResult<CommitteeDto> result) =>
        result.TryGetValue(out var committee, out var failure)
            ? TypedResults.Ok(committee)
            : ApiResults.Problem<Results<Ok<CommitteeDto>, ValidationProblem, NotFoundProblem, ConflictProblem, RuleProblem>>(failure);
}
