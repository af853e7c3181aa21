using CoCommissioning.Data;
using CoCommissioning.Domain.Common;
using CoCommissioning.Domain.Decisions;
using CoCommissioning.Domain.Meetings;
using CoCommissioning.Domain.Quorum;
using CoCommissioning.Web.Features.Committees;
using CoCommissioning.Web.Features.Meetings;
using CoCommissioning.Web.Features.Quorum;
using CoCommissioning.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CoCommissioning.Web.Features.Decisions;

/// <summary>
/// The decision service: no vote or decision is recorded unless, for that item at that moment, the item is quorate
/// and every voter is eligible. The check and the save happen in one operation; a refusal saves nothing and says why.
/// </summary>
public sealed class DecisionService(GovernanceDbFactory dbs, MeetingService meetings, TimeProvider clock, ILogger<DecisionService> logger)
{
    public async Task<CommandResult<ItemStatusDto>> StatusAsync(CurrentUser user, Guid meetingId, Guid itemId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        var judged = await ItemDecisions.JudgeAsync(db, user, meetingId, itemId, clock.Now(), chosenToPreside: null, ct);
        if (!judged.TryGetValue(out var j, out var failure))
        {
            return failure;
        }

        return CommandResult<ItemStatusDto>.Success(new ItemStatusDto(
            itemId,
            j.Moment,
            WhatIfService.ToDto(j.Verdict),
            Voting.Eligibility(j.Seats, j.Terms.Voting),
            j.Presiding.Match(presiding => presiding.Explanation, refusal => refusal.Message),
            j.Verdict.IsQuorate ? [] : ItemDecisions.InquorateOptions(j.Terms.CoOptionAllowed)));
    }

    public async Task<CommandResult<DecisionDto>> RecordVoteAsync(CurrentUser user, Guid meetingId, Guid itemId, RecordVoteRequest request, CancellationToken ct = default)
    {
        var votes = new Dictionary<Guid, VoteChoice>();
        foreach (var vote in request.Votes ?? [])
        {
            if (vote is null)
            {
                return Failure.Validation("votes", "Each vote names a member and their choice: the votes include an empty one.");
            }

            if (!votes.TryAdd(vote.MembershipId, vote.Choice))
            {
                return Failure.Validation("votes", "Each member votes once: a member appears twice in the votes.");
            }
        }

        return await RecordAsync(user, meetingId, itemId, request.Version, request.ChosenToPreside, (judged, presiding) =>
        {
            var tally = Voting.Count(judged.Seats, judged.Terms.Voting, votes, request.CastingVote);
            return tally.TryGetValue(out var counted, out var refused)
                ? Decision.RecordVote(user.OrganisationId, meetingId, itemId, request.Resolution, judged.Verdict, presiding, counted, votes, judged.Moment, user.UserId)
                : refused;
        }, ct);
    }

    public Task<CommandResult<DecisionDto>> RecordConsensusAsync(CurrentUser user, Guid meetingId, Guid itemId, RecordConsensusRequest request, CancellationToken ct = default) =>
        RecordAsync(user, meetingId, itemId, request.Version, request.ChosenToPreside, (judged, presiding) =>
            Decision.RecordConsensus(user.OrganisationId, meetingId, itemId, request.Resolution, judged.Verdict, presiding,
                Voting.Eligibility(judged.Seats, judged.Terms.Voting).Count(e => e.MayVote), judged.Moment, user.UserId), ct);

    /// <summary>Records what the chair chose for an item that is inquorate now; refused if it is quorate. It closes the item.</summary>
    public Task<CommandResult<InquorateResolutionDto>> ResolveInquorateAsync(CurrentUser user, Guid meetingId, Guid itemId, InquorateResolutionRequest request, CancellationToken ct = default) =>
        meetings.WriteAsync<InquorateResolutionDto>(user, meetingId, MeetingWork.Minute, "recorded the chair's choice for an inquorate item", async (db, meeting) =>
        {
            if (MeetingService.ItemOf(meeting, itemId, request.Version) is { Failure: { } stale })
            {
                return stale;
            }

            if (meeting.Items.Single(i => i.Id == itemId).IsClosed)
            {
                return Failure.Rule("This item already has a decision or a recorded choice.");
            }

            var judged = await ItemDecisions.JudgeAsync(db, user, meetingId, itemId, clock.Now(), chosenToPreside: null, ct);
            if (!judged.TryGetValue(out var j, out var failure))
            {
                return failure;
            }

            var resolution = InquorateResolution.Record(user.OrganisationId, meetingId, itemId, request.Action, request.Detail, j.Verdict, j.Terms.CoOptionAllowed, j.Moment);
            if (!resolution.TryGetValue(out var r, out var refused))
            {
                return refused;
            }

            if (meeting.Close(itemId, ItemClosure.InquorateResolution, [], _ => "", j.Moment).TryGetFailure(out var notClosed))
            {
                return notClosed;
            }

            db.InquorateResolutions.Add(r);
            return CommandResult<Func<Task<InquorateResolutionDto>>>.Success(() =>
                Task.FromResult(new InquorateResolutionDto(r.Id, r.ItemId, r.Action, r.Detail, r.QuorumExplanation, r.RecordedAt)));
        }, ct);

    /// <summary>
    /// The forecast: everyone expected except those who sent apologies (a member with a named deputy is expected to
    /// send the deputy), with the conflicts already ruled on for each item.
    /// </summary>
    public async Task<CommandResult<MeetingForecastDto>> ForecastAsync(CurrentUser user, Guid meetingId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        var meeting = await MeetingService.LoadAsync(db, user, meetingId, ct);
        if (meeting is null)
        {
            return Failure.NotFound("The meeting");
        }

        var snapshot = (await CommitteeSnapshot.LoadAsync(db, user.OrganisationId, meeting.CommitteeId, meeting.Date, ct))!;
        if (snapshot.Terms is not { } terms)
        {
            return Failure.Rule("The committee has no terms of reference in force on the meeting date, so no forecast can be made.");
        }

        var seats = snapshot.Seats;
        var items = meeting.Agenda.Where(i => !i.IsWithdrawn).Select(item =>
        {
            var expected = meeting.ExpectedSeatsAt(item.Id, seats, snapshot.DeputyNameFor);
            return new ItemForecastDto(item.Id, item.Number, item.Title, WhatIfService.ToDto(QuorumEvaluator.Evaluate(terms.Quorum, expected, snapshot.RoleNames)));
        }).ToList();

        var absent = seats.Where(s => meeting.Apologies.Contains(s.MembershipId)).Select(s => s.Name).ToList();
        return CommandResult<MeetingForecastDto>.Success(new MeetingForecastDto(meetingId, absent, items));
    }

    public async Task<IReadOnlyList<DecisionDto>?> ForMeetingAsync(CurrentUser user, Guid meetingId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        if (!await db.Meetings.AnyAsync(m => m.Id == meetingId && m.OrganisationId == user.OrganisationId, ct))
        {
            return null;
        }

        var decisions = await db.Decisions.AsNoTracking().Include(d => d.Votes)
            .Where(d => d.MeetingId == meetingId && d.OrganisationId == user.OrganisationId)
            .OrderBy(d => d.DecidedAt)
            .ToListAsync(ct);
        return [.. decisions.Select(ItemDecisions.ToDto)];
    }

    /// <summary>
    /// Judges the item now, under the meeting's lock, and records the decision only if it is quorate, someone presides,
    /// the item is open, every declaration on it is ruled on and every likely conflict of those there is declared or
    /// dismissed. The decision closes the item in the same commit.
    /// </summary>
    private Task<CommandResult<DecisionDto>> RecordAsync(
        CurrentUser user, Guid meetingId, Guid itemId, Guid? expectedItemVersion, Guid? chosenToPreside,
        Func<ItemDecisions.Judged, Presiding, CommandResult<Decision>> decide, CancellationToken ct) =>
        meetings.WriteAsync<DecisionDto>(user, meetingId, MeetingWork.Minute, "recorded a decision", async (db, meeting) =>
        {
            if (MeetingService.ItemOf(meeting, itemId, expectedItemVersion) is { Failure: { } stale })
            {
                return stale;
            }

            if (meeting.Items.Single(i => i.Id == itemId) is { IsClosed: true } closed)
            {
                return closed.ClosedAs is ItemClosure.Vote or ItemClosure.Consensus
                    ? Failure.Rule("A decision has already been recorded for this item.")
                    : Failure.Rule($"Item {closed.Number} is already concluded ({ItemClosures.Describe(closed.ClosedAs)}): no decision can be recorded on it.");
            }

            var judged = await ItemDecisions.JudgeAsync(db, user, meetingId, itemId, clock.Now(), chosenToPreside, ct);
            if (!judged.TryGetValue(out var j, out var failure))
            {
                return failure;
            }

            if (!j.Verdict.IsQuorate)
            {
                var options = string.Join("; ", ItemDecisions.InquorateOptions(j.Terms.CoOptionAllowed));
                return Failure.Rule($"Nothing was recorded because the item is not quorate. {string.Join(" ", j.Verdict.Lines.Skip(1))} The chair may: {options}.");
            }

            if (!j.Presiding.TryGetValue(out var presiding, out var noChair))
            {
                return noChair;
            }

            var flags = ConflictPreFlags.OfThoseThere(await PreFlagService.FlagsAsync(db, meeting, ct), j.Seats);
            string NameOf(Guid membershipId) => j.Seats.FirstOrDefault(s => s.Seat.MembershipId == membershipId)?.AttendeeName ?? "a member";
            var ready = meeting.ReadyToDecide(itemId, flags, NameOf);
            if (ready.TryGetFailure(out var notReady))
            {
                return notReady;
            }

            if (!decide(j, presiding).TryGetValue(out var d, out var refused))
            {
                return refused;
            }

            var close = meeting.Close(itemId, d.Kind == DecisionKind.Consensus ? ItemClosure.Consensus : ItemClosure.Vote, flags, NameOf, j.Moment);
            if (close.TryGetFailure(out var notClosed))
            {
                return notClosed;
            }

            db.Decisions.Add(d);
            logger.LogInformation("Meeting {MeetingId} item {ItemId}: {UserId} recorded decision {DecisionId} ({Kind}, {Outcome})", meetingId, itemId, user.UserId, d.Id, d.Kind, d.Outcome);
            return CommandResult<Func<Task<DecisionDto>>>.Success(() => Task.FromResult(ItemDecisions.ToDto(d)));
        }, ct);
}
