using System.Security.Claims;
using CoCommissioning.Web.Infrastructure;

namespace CoCommissioning.Web.Features.People;

public static class PeopleEndpoints
{
    public static void MapPeopleEndpoints(this IEndpointRouteBuilder api)
    {
        // People carry contact details: secretaries and governance leads keep them, members do not browse them.
        var people = api.MapGroup("/people").WithTags("People").RequireAuthorization(Policies.Secretary);

        people.MapGet("/", async (ClaimsPrincipal principal, PeopleService service, CancellationToken ct) =>
                TypedResults.Ok(await service.ListAsync(CurrentUser.Require(principal), ct)))
            .WithSummary("The people of your organisation");

        people.MapGet("/{personId:guid}", async (Guid personId, ClaimsPrincipal principal, PeopleService service, CancellationToken ct) =>
                await service.GetAsync(CurrentUser.Require(principal), personId, ct) is { } person
                    ? Results.Ok(person)
                    : ApiResults.NotFoundProblem("The person"))
            .Produces<PersonDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One person");

        people.MapPost("/", async (PersonRequest request, ClaimsPrincipal principal, PeopleService service, CancellationToken ct) =>
                ApiResults.From(await service.CreateAsync(CurrentUser.Require(principal), request, ct), p => Results.Created($"/api/people/{p.Id}", p)))
            .Produces<PersonDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .WithSummary("Add a person");

        people.MapPut("/{personId:guid}", async (Guid personId, UpdatePersonRequest request, ClaimsPrincipal principal, PeopleService service, CancellationToken ct) =>
                ApiResults.From(await service.UpdateAsync(CurrentUser.Require(principal), personId, request, ct), Results.Ok))
            .Produces<PersonDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Change a person's details");
    }
}
