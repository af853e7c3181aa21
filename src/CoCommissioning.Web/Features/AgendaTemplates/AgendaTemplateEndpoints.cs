using System.Security.Claims;
using CoCommissioning.Web.Infrastructure;

namespace CoCommissioning.Web.Features.AgendaTemplates;

public static class AgendaTemplateEndpoints
{
    public static void MapAgendaTemplateEndpoints(this IEndpointRouteBuilder api)
    {
        var template = api.MapGroup("/committees/{committeeId:guid}/agenda-template").WithTags("Agenda templates");

        template.MapGet("/", async (Guid committeeId, ClaimsPrincipal principal, AgendaTemplateService service, CancellationToken ct) =>
                await service.GetAsync(CurrentUser.Require(principal), committeeId, ct) is { } found ? Results.Ok(found) : ApiResults.NotFoundProblem("The committee"))
            .RequireAuthorization(Policies.SignedIn)
            .Produces<AgendaTemplateDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The committee's agenda template: the standing opening and closing items every new meeting gets (the rule book's when it has none)");

        template.MapPut("/", async (Guid committeeId, SaveAgendaTemplateRequest request, ClaimsPrincipal principal, AgendaTemplateService service, CancellationToken ct) =>
                ApiResults.From(await service.SaveAsync(CurrentUser.Require(principal), committeeId, request, ct), Results.Ok))
            .RequireAuthorization(Policies.Secretary)
            .Produces<AgendaTemplateDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Replace the committee's standing items (send the template's version; null to create the committee's own)");
    }
}
