using CoCommissioning.Data;
using CoCommissioning.Domain.Common;
using CoCommissioning.Domain.Decisions;
using CoCommissioning.Domain.Meetings;
using CoCommissioning.Domain.Quorum;
using CoCommissioning.Web.Features.Committees;
using CoCommissioning.Web.Infrastructure;

namespace CoCommissioning.Web.Features.Meetings;

/// <summary>
/// What the meeting record knows about deciding an item: its quorum judged at a moment, the chair's options when it is
/// inquorate, and a recorded decision as shown. The console and the minutes read these; the decisions feature records
/// decisions with them. They live with the meeting so that Meetings does not depend on Decisions (Decisions depends on Meetings).
/// </summary>
internal static class ItemDecisions
{
    internal sealed record Judged(Meeting Meeting, DateTimeOffset Moment, Domain.Committees.TermsOfReference Terms, IReadOnlyList<SeatAtItem> Seats, QuorumVerdict Verdict, CommandResult<Presiding> Presiding);

    internal static async Task<CommandResult<Judged>> JudgeAsync(AppDbContext db, CurrentUser user, Guid meetingId, Guid itemId, DateTimeOffset moment, Guid? chosenToPreside, CancellationToken ct)
    {
        var meeting = await MeetingService.LoadAsync(db, user, meetingId, ct);
        if (meeting is null)
        {
            return Failure.NotFound("The meeting");
        }

        if (meeting.Items.All(i => i.Id != itemId))
        {
            return Failure.NotFound("The agenda item");
        }

        var snapshot = (await CommitteeSnapshot.LoadAsync(db, user.OrganisationId, meeting.CommitteeId, meeting.Date, ct))!;
        if (snapshot.Terms is not { } terms)
        {
            return Failure.Rule("The committee had no terms of reference in force on the meeting date, so quorum cannot be judged.");
        }

        var atItem = meeting.SeatsAt(itemId, snapshot.Seats, moment, snapshot.DeputyNamesByPerson);
        var verdict = QuorumEvaluator.Evaluate(terms.Quorum, atItem, snapshot.RoleNames);
        return CommandResult<Judged>.Success(new Judged(meeting, moment, terms, atItem, verdict, Voting.WhoPresides(atItem, terms.Voting, chosenToPreside)));
    }

    internal static IReadOnlyList<string> InquorateOptions(bool coOptionAllowed) =>
        coOptionAllowed
            ? ["defer the item to a later meeting", "refer it to the governing body or another committee", "co-opt unconflicted members for this item, as the terms of reference allow"]
            : ["defer the item to a later meeting", "refer it to the governing body or another committee"];

    internal static DecisionDto ToDto(Decision d) =>
        new(d.Id, d.MeetingId, d.ItemId, d.Kind, d.Resolution, d.Outcome, d.For, d.Against, d.Abstain, d.Eligible, d.CastingVote,
            d.Explanation, d.QuorumExplanation, d.PresidingExplanation, d.DecidedAt, [.. d.Votes.Select(v => new VoteDto(v.MembershipId, v.Choice))]);
}
