using CoCommissioning.Domain.Common;
using CoCommissioning.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoCommissioning.Web.Features.Meetings;

/// <summary>
/// The answer to a change to the meeting record: the whole meeting, or why not. Every change goes through
/// <see cref="MeetingService.WriteAsync{T}(CurrentUser, Guid, MeetingWork, string, Func{Data.AppDbContext, Domain.Meetings.Meeting, Task{CommandResult{Func{Task{T}}}}}, CancellationToken)"/>,
/// so each can be refused for any of these: invalid fields (400), not this committee's secretary (403), no such meeting
/// or item (404), a stale version (409), or a governance rule such as a closed meeting (422).
/// </summary>
internal static class MeetingResults
{
    public static Results<Ok<MeetingDto>, ValidationProblem, ForbiddenProblem, NotFoundProblem, ConflictProblem, RuleProblem> Change(CommandResult<MeetingDto> result) =>
        result.TryGetValue(out var meeting, out var failure)
            ? TypedResults.Ok(meeting)
            : ApiResults.Problem<Results<Ok<MeetingDto>, ValidationProblem, ForbiddenProblem, NotFoundProblem, ConflictProblem, RuleProblem>>(failure);
}
