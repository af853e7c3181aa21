using System.Security.Claims;
using CoCommissioning.Domain.Common;
using CoCommissioning.Web.Infrastructure;

namespace CoCommissioning.Web.Features.Meetings;

public static class MeetingScheduleEndpoints
{
    private const int FirstYear = 2000;
    private const int LastYear = 2100;

    public static void MapMeetingScheduleEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/committees/{committeeId:guid}/meetings", async (Guid committeeId, int? year, ClaimsPrincipal principal, MeetingScheduleService service, CancellationToken ct) =>
            {
                if (year is < FirstYear or > LastYear)
                {
                    return ApiResults.Problem(Failure.Validation("year", $"Give the year the financial year starts in, from {FirstYear} to {LastYear} (2026 for 2026/27)."));
                }

                DateOnly? inYearOf = year is { } y ? new DateOnly(y, 4, 1) : null;
                return await service.ScheduleForAsync(CurrentUser.Require(principal), committeeId, inYearOf, ct) is { } schedule
                    ? Results.Ok(schedule)
                    : ApiResults.NotFoundProblem("The committee");
            })
            .RequireAuthorization(Policies.SignedIn)
            .WithTags("Meetings")
            .Produces<MeetingScheduleDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A committee's meetings in an NHS financial year (year=2026 for 2026/27; the current year by default), with a warning when fewer than its terms of reference require");
    }
}
