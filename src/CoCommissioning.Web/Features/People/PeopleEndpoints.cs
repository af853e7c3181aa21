using CoCommissioning.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoCommissioning.Web.Features.People;

public sealed class PeopleEndpoints : IApiEndpoints
{
    public void Map(IEndpointRouteBuilder api)
    {
        // People carry contact details: secretaries and governance leads keep them, members do not browse them.
        var people = api.MapGroup("/people").WithTags("People").RequireAuthorization(Policies.Secretary);

        people.MapGet("/", ListAsync)
            .WithSummary("The people of your organisation");

        people.MapGet("/{personId:guid}", GetAsync)
            .WithSummary("One person");

        people.MapPost("/", CreateAsync)
            .WithSummary("Add a person");

        people.MapPut("/{personId:guid}", UpdateAsync)
            .WithSummary("Change a person's details");
    }

    private static async Task<Ok<IReadOnlyList<PersonDto>>> ListAsync(CurrentUser user, PeopleService service, CancellationToken ct) =>
        TypedResults.Ok(await service.ListAsync(user, ct));

    private static async Task<Results<Ok<PersonDto>, NotFoundProblem>> GetAsync(Guid personId, CurrentUser user, PeopleService service, CancellationToken ct) =>
        await service.GetAsync(user, personId, ct) is { } person ? TypedResults.Ok(person) : ApiResults.NotFound("The person");

    // The same person added twice (same name, e-mail and job title) is a 409 naming the one already there.
    private static async Task<Results<Created<PersonDto>, ValidationProblem, ConflictProblem>> CreateAsync(
        PersonRequest request, CurrentUser user, PeopleService service, CancellationToken ct) =>
        (await service.CreateAsync(user, request, ct)).TryGetValue(out var person, out var failure)
            ? TypedResults.Created($"/api/people/{person.Id}", person)
            : ApiResults.Problem<Results<Created<PersonDto>, ValidationProblem, ConflictProblem>>(failure);

    private static async Task<Results<Ok<PersonDto>, ValidationProblem, NotFoundProblem, ConflictProblem>> UpdateAsync(
        Guid personId, UpdatePersonRequest request, CurrentUser user, PeopleService service, CancellationToken ct) =>
        (await service.UpdateAsync(user, personId, request, ct)).TryGetValue(out var person, out var failure)
            ? TypedResults.Ok(person)
            : ApiResults.Problem<Results<Ok<PersonDto>, ValidationProblem, NotFoundProblem, ConflictProblem>>(failure);
}
