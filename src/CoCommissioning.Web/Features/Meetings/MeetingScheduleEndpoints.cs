using CoCommissioning.Domain.Common;
using CoCommissioning.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoCommissioning.Web.Features.Meetings;

public sealed class MeetingScheduleEndpoints : IApiEndpoints
{
    private const int FirstYear = 2000;
    private const int LastYear = 2100;

    public void Map(IEndpointRouteBuilder api)
    {
        api.MapGroup("").WithTags("Meetings").MapGet("/committees/{committeeId:guid}/meetings", ScheduleForAsync)
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("A committee's meetings in an NHS financial year (year=2026 for 2026/27; the current year by default), with a warning when fewer than its terms of reference require");
    }

    private static async Task<Results<Ok<MeetingScheduleDto>, ValidationProblem, NotFoundProblem>> ScheduleForAsync(
        Guid committeeId, int? year, CurrentUser user, MeetingScheduleService service, CancellationToken ct)
    {
        if (year is < FirstYear or > LastYear)
        {
            return ApiResults.Validation(Failure.Validation("year", $"Give the year the financial year starts in, from {FirstYear} to {LastYear} (2026 for 2026/27)."));
        }

        DateOnly? inYearOf = year is { } y ? new DateOnly(y, 4, 1) : null;
        return await service.ScheduleForAsync(user, committeeId, inYearOf, ct) is { } schedule
            ? TypedResults.Ok(schedule)
            : ApiResults.NotFound("The committee");
    }
}
