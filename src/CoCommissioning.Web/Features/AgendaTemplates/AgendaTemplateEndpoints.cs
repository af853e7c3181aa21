using CoCommissioning.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoCommissioning.Web.Features.AgendaTemplates;

public sealed class AgendaTemplateEndpoints : IApiEndpoints
{
    public void Map(IEndpointRouteBuilder api)
    {
        var template = api.MapGroup("/committees/{committeeId:guid}/agenda-template").WithTags("Agenda templates");

        template.MapGet("/", GetAsync)
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("The committee's agenda template: the standing opening and closing items every new meeting gets (the rule book's when it has none)");

        template.MapPut("/", SaveAsync)
            .RequireAuthorization(Policies.Secretary)
            .WithSummary("Replace the committee's standing items (send the template's version; null to create the committee's own)");
    }

    private static async Task<Results<Ok<AgendaTemplateDto>, NotFoundProblem>> GetAsync(
        Guid committeeId, CurrentUser user, AgendaTemplateService service, CancellationToken ct) =>
        await service.GetAsync(user, committeeId, ct) is { } found ? TypedResults.Ok(found) : ApiResults.NotFound("The committee");

    private static async Task<Results<Ok<AgendaTemplateDto>, ValidationProblem, ForbiddenProblem, NotFoundProblem, ConflictProblem>> SaveAsync(
        Guid committeeId, SaveAgendaTemplateRequest request, CurrentUser user, AgendaTemplateService service, CancellationToken ct) =>
        (await service.SaveAsync(user, committeeId, request, ct)).TryGetValue(out var saved, out var failure)
            ? TypedResults.Ok(saved)
            : ApiResults.Problem<Results<Ok<AgendaTemplateDto>, ValidationProblem, ForbiddenProblem, NotFoundProblem, ConflictProblem>>(failure);
}
