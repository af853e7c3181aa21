using CoCommissioning.Data;
using CoCommissioning.Data.Identity;
using CoCommissioning.Domain.Common;
using CoCommissioning.Domain.Decisions;
using CoCommissioning.Domain.Meetings;
using CoCommissioning.Domain.Quorum;
using CoCommissioning.Web.Components;
using CoCommissioning.Web.Features.Committees;
using CoCommissioning.Web.Features.Decisions;
using CoCommissioning.Web.Features.Quorum;
using CoCommissioning.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CoCommissioning.Web.Features.Meetings;

/// <summary>
/// The meeting as it runs: the secretary's record (current item, declarations, the exclusion resolution, outcomes,
/// people in attendance, agenda publication), the presiding person's rulings and quorum confirmations, and members'
/// own declarations. Who may do what is decided here from the meeting itself, not only from roles: a ruling or a
/// quorum confirmation belongs to whoever presides over the item at that moment.
/// </summary>
public sealed class MeetingConsoleService(GovernanceDbFactory dbs, MeetingService meetings, TimeProvider clock)
{
    /// <summary>The committee secretary or an administrator keeps the meeting record (not a governance lead or a member).</summary>
    public static bool KeepsTheRecord(CurrentUser user) => user.IsAnyOf(AppRole.CommitteeSecretary, AppRole.Administrator);

    public async Task<MeetingConsoleDto?> GetAsync(CurrentUser user, Guid meetingId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        var meeting = await MeetingService.LoadAsync(db, user, meetingId, ct);
        if (meeting is null)
        {
            return null;
        }

        var now = clock.Now();
        var snapshot = (await CommitteeSnapshot.LoadAsync(db, user.OrganisationId, meeting.CommitteeId, meeting.Date, ct))!;
        var dto = await MeetingService.ToDtoAsync(db, meeting, ct);
        var myMembership = await MyMembershipAsync(db, user, meeting, ct);
        var seats = snapshot.Seats.Select(seat => ToSeat(meeting, snapshot, seat, now)).ToList();

        CurrentItemDto? current = null;
        var iPreside = false;
        if (meeting.CurrentItemId is { } itemId && snapshot.Terms is { } terms)
        {
            var atItem = meeting.SeatsAt(itemId, snapshot.Seats, now, snapshot.DeputyNamesByPerson);
            var verdict = QuorumEvaluator.Evaluate(terms.Quorum, atItem, snapshot.RoleNames);
            var presiding = Voting.WhoPresides(atItem, terms.Voting, null);
            iPreside = presiding.Succeeded && myMembership is { } mine && presiding.Value!.MembershipId == mine;
            var decision = await db.Decisions.AsNoTracking().Include(d => d.Votes).SingleOrDefaultAsync(d => d.ItemId == itemId, ct);
            var declarations = meeting.Declarations.Where(d => d.Concerns(itemId)).OrderBy(d => d.DeclaredAt).Select(d =>
            {
                var ruling = meeting.Rulings.FirstOrDefault(r => r.ItemId == itemId && r.MembershipId == d.MembershipId);
                var rules = Voting.WhoRulesOn(atItem, terms.Voting, d.MembershipId, null);
                return new ConsoleDeclarationDto(
                    dto.Declarations.Single(x => x.Id == d.Id),
                    ruling?.Ruling,
                    ruling?.Ruling.Describe(),
                    ruling?.RuledByMembershipId is { } by ? seats.FirstOrDefault(s => s.MembershipId == by)?.Name : null,
                    rules.Succeeded ? rules.Value!.MembershipId : null,
                    rules.Succeeded ? rules.Value!.Name ?? "" : rules.Failure!.Message);
            }).ToList();
            var confirmed = dto.QuorumConfirmations.LastOrDefault(q => q.ItemId == itemId);
            current = new CurrentItemDto(
                dto.Items.Single(i => i.Id == itemId),
                WhatIfService.ToDto(verdict),
                Voting.Eligibility(atItem, terms.Voting),
                presiding.Succeeded ? presiding.Value!.MembershipId : null,
                presiding.Succeeded ? presiding.Value!.Explanation : presiding.Failure!.Message,
                verdict.IsQuorate ? [] : DecisionService.InquorateOptions(terms.CoOptionAllowed),
                declarations,
                confirmed,
                decision is null ? null : DecisionService.ToDto(decision),
                await PreFlagService.ForItemAsync(db, meeting, itemId, ct));
        }

        var results = await ItemResultsAsync(db, meeting, ct);
        return new MeetingConsoleDto(dto, snapshot.Committee.Name, now, seats, current, results, myMembership, KeepsTheRecord(user), iPreside);
    }

    private static async Task<IReadOnlyDictionary<Guid, string>> ItemResultsAsync(AppDbContext db, Meeting meeting, CancellationToken ct)
    {
        var decided = await db.Decisions.AsNoTracking().Where(d => d.MeetingId == meeting.Id)
            .Select(d => new { d.ItemId, d.Kind, d.Outcome }).ToListAsync(ct);
        var inquorate = await db.InquorateResolutions.AsNoTracking().Where(r => r.MeetingId == meeting.Id)
            .Select(r => new { r.ItemId, r.Action }).ToListAsync(ct);
        var results = new Dictionary<Guid, string>();
        foreach (var d in decided)
        {
            results[d.ItemId] = $"{(d.Outcome == VoteOutcome.Carried ? "Carried" : "Not carried")} ({(d.Kind == DecisionKind.Consensus ? "by consensus" : "by vote")})";
        }

        foreach (var r in inquorate)
        {
            results[r.ItemId] = $"Not quorate: {r.Action.ToString().ToLowerInvariant()}";
        }

        foreach (var item in meeting.Items.Where(i => i.Outcome is not null))
        {
            results[item.Id] = item.Outcome!.Value.ToString() + (item.OutcomeNote is null ? "" : $": {item.OutcomeNote}");
        }

        return results;
    }

    public Task<CommandResult<MeetingDto>> TakeItemAsync(CurrentUser user, Guid meetingId, CurrentItemRequest request, CancellationToken ct = default) =>
        meetings.ChangeAsync(user, meetingId, request.Version, "moved to an agenda item", (_, meeting) => Task.FromResult(meeting.TakeItem(request.ItemId)), ct);

    public Task<CommandResult<MeetingDto>> ExcludePublicAsync(CurrentUser user, Guid meetingId, ExcludePublicRequest request, CancellationToken ct = default) =>
        meetings.ChangeAsync(user, meetingId, request.Version, "recorded the resolution excluding the public", (_, meeting) => Task.FromResult(meeting.ExcludePublic(request.Reason, clock.Now())), ct);

    public Task<CommandResult<MeetingDto>> PublishAgendaAsync(CurrentUser user, Guid meetingId, PublishAgendaRequest request, CancellationToken ct = default) =>
        meetings.ChangeAsync(user, meetingId, request.Version, "published the agenda", (_, meeting) => Task.FromResult(meeting.PublishAgenda(clock.Now(), request.ShortNoticeReason)), ct);

    public Task<CommandResult<MeetingDto>> AddPersonInAttendanceAsync(CurrentUser user, Guid meetingId, PersonInAttendanceRequest request, CancellationToken ct = default) =>
        meetings.ChangeAsync(user, meetingId, request.Version, "recorded a person in attendance", (_, meeting) => Task.FromResult(Done(meeting.AddPersonInAttendance(request.Name, request.Capacity, clock.Now()))), ct);

    public Task<CommandResult<MeetingDto>> RecordOutcomeAsync(CurrentUser user, Guid meetingId, Guid itemId, ItemOutcomeRequest request, CancellationToken ct = default) =>
        meetings.ChangeAsync(user, meetingId, request.Version, "recorded an item's outcome", async (db, meeting) =>
            await db.Decisions.AnyAsync(d => d.ItemId == itemId, ct) || await db.InquorateResolutions.AnyAsync(r => r.ItemId == itemId, ct)
                ? Failure.Rule("This item already has a decision or a recorded choice for an inquorate item.")
                : meeting.RecordOutcome(itemId, request.Outcome, request.Note, clock.Now()), ct);

    /// <summary>
    /// A member declares for themselves only; the secretary records a declaration for any member, noting who raised
    /// it when it was not the member.
    /// </summary>
    public Task<CommandResult<MeetingDto>> DeclareAsync(CurrentUser user, Guid meetingId, DeclareRequest request, CancellationToken ct = default)
    {
        var keeper = KeepsTheRecord(user);
        return meetings.ChangeAsync(user, meetingId, keeper ? request.Version : null, "recorded a declaration of interest", async (db, meeting) =>
        {
            Guid membershipId;
            if (keeper)
            {
                if (request.MembershipId is not { } chosen || !await IsMemberAsync(db, meeting, chosen, ct))
                {
                    return Failure.Validation("membershipId", "Choose the member of this committee whose interest is declared.");
                }

                membershipId = chosen;
            }
            else
            {
                if (await MyMembershipAsync(db, user, meeting, ct) is not { } mine)
                {
                    return Failure.Forbidden("Only members of this committee declare interests at its meetings.");
                }

                if (request.MembershipId is { } other && other != mine)
                {
                    return Failure.Forbidden("Members declare only their own interests. To raise someone else's, tell the chair: the secretary records it.");
                }

                membershipId = mine;
            }

            if (request.ItemId is { } itemId && await DecidedAsync(db, meeting, itemId, ct) is { } decided)
            {
                return decided;
            }

            return Done(meeting.Declare(membershipId, request.ItemId, request.Interest, keeper ? request.RaisedBy : null, clock.Now()));
        }, ct);
    }

    /// <summary>
    /// The ruling on a member's conflict for an item, made by the person presiding over it (judged as if the member
    /// were conflicted, so never on their own conflict). The presiding person enters it, or the secretary on their
    /// behalf; either way it is attributed to the presiding person.
    /// </summary>
    public Task<CommandResult<MeetingDto>> RuleAsync(CurrentUser user, Guid meetingId, Guid itemId, RulingRequest request, CancellationToken ct = default) =>
        meetings.ChangeAsync(user, meetingId, request.Version, "recorded a conflict ruling", async (db, meeting) =>
        {
            if (!await IsMemberAsync(db, meeting, request.MembershipId, ct))
            {
                return Failure.Validation("membershipId", "Choose a member of this meeting's committee.");
            }

            if (request.RuledByMembershipId is { } named && !await IsMemberAsync(db, meeting, named, ct))
            {
                return Failure.Validation("ruledByMembershipId", "Choose the member of this committee who made the ruling.");
            }

            if (await DecidedAsync(db, meeting, itemId, ct) is { } decided)
            {
                return decided;
            }

            if (request.RuledByMembershipId == request.MembershipId)
            {
                return Failure.Rule("A member cannot rule on their own conflict: the vice chair (or another unconflicted member) rules instead.");
            }

            var judged = await DecisionService.JudgeAsync(db, user, meetingId, itemId, clock.Now(), null, ct);
            if (!judged.Succeeded)
            {
                return judged.Failure!;
            }

            var rules = Voting.WhoRulesOn(judged.Value!.Seats, judged.Value.Terms.Voting, request.MembershipId, request.RuledByMembershipId);
            if (!rules.Succeeded)
            {
                return rules.Failure!;
            }

            var presiding = rules.Value!;
            if (KeepsTheRecord(user))
            {
                if (request.RuledByMembershipId is { } claimed && claimed != presiding.MembershipId)
                {
                    return Failure.Rule($"Only the person presiding rules on this conflict. {presiding.Explanation} The ruling is recorded as theirs.");
                }
            }
            else
            {
                var mine = await MyMembershipAsync(db, user, meeting, ct);
                if (mine is null || mine != presiding.MembershipId)
                {
                    return Failure.Forbidden(mine == request.MembershipId
                        ? $"You cannot rule on your own conflict. {presiding.Explanation}"
                        : $"Only the person presiding over this item rules on conflicts. {presiding.Explanation}");
                }
            }

            return Done(meeting.RecordRuling(itemId, request.MembershipId, request.Interest, request.Ruling, presiding.MembershipId, clock.Now()));
        }, ct);

    /// <summary>Only the person presiding over the item confirms its quorum; the confirmation keeps the time and the explanation.</summary>
    public Task<CommandResult<MeetingDto>> ConfirmQuorumAsync(CurrentUser user, Guid meetingId, Guid itemId, ConfirmQuorumRequest request, CancellationToken ct = default) =>
        meetings.ChangeAsync(user, meetingId, request.Version, "confirmed quorum", async (db, meeting) =>
        {
            var judged = await DecisionService.JudgeAsync(db, user, meetingId, itemId, clock.Now(), null, ct);
            if (!judged.Succeeded)
            {
                return judged.Failure!;
            }

            var j = judged.Value!;
            if (!j.Presiding.Succeeded)
            {
                return j.Presiding.Failure!;
            }

            var mine = await MyMembershipAsync(db, user, meeting, ct);
            if (mine is null || mine != j.Presiding.Value!.MembershipId)
            {
                return Failure.Forbidden($"Only the person presiding over this item confirms quorum. {j.Presiding.Value!.Explanation}");
            }

            return Done(meeting.ConfirmQuorum(itemId, mine.Value, j.Verdict.IsQuorate, string.Join(" ", j.Verdict.Lines), j.Moment));
        }, ct);

    private static ConsoleSeatDto ToSeat(Meeting meeting, CommitteeSnapshot snapshot, Seat seat, DateTimeOffset now)
    {
        var records = meeting.Attendance.Where(a => a.MembershipId == seat.MembershipId).OrderBy(a => a.ArrivedAt).ToList();
        var latest = records.LastOrDefault();
        var deputy = latest?.DeputyPersonId is not null ? snapshot.DeputyNameFor(seat.MembershipId) : null;
        var presence = latest switch
        {
            null => meeting.Apologies.Contains(seat.MembershipId) ? "Apologies" : "Not arrived",
            { LeftAt: { } left } when left <= now => $"Left at {Labels.Clock(left)}",
            { DeputyPersonId: not null } => $"Deputy present ({deputy})",
            _ => "Present",
        };
        return new ConsoleSeatDto(
            seat.MembershipId,
            seat.Name,
            string.Join(", ", seat.Roles.Select(r => r.Name)),
            seat.IsVoting,
            Labels.Of(seat.Office),
            snapshot.DeputyNameFor(seat.MembershipId),
            meeting.Apologies.Contains(seat.MembershipId),
            presence,
            latest?.ArrivedAt,
            latest?.LeftAt);
    }

    /// <summary>
    /// An item with a decision or an outcome is closed: the declarations and rulings it was decided on are part of
    /// that record, so a later change would rewrite its evidence.
    /// </summary>
    private static async Task<Failure?> DecidedAsync(AppDbContext db, Meeting meeting, Guid itemId, CancellationToken ct)
    {
        var item = meeting.Items.FirstOrDefault(i => i.Id == itemId);
        var closed = item is not null && (item.Outcome is not null
            || await db.Decisions.AnyAsync(d => d.ItemId == itemId, ct)
            || await db.InquorateResolutions.AnyAsync(r => r.ItemId == itemId, ct));
        return closed
            ? Failure.Rule($"Item {item!.Number} is already decided or concluded: the declarations and rulings it was decided on are part of that record and cannot change.")
            : null;
    }

    private static CommandResult Done<T>(CommandResult<T> result) => result.Succeeded ? CommandResult.Success() : result.Failure!;

    private static Task<bool> IsMemberAsync(AppDbContext db, Meeting meeting, Guid membershipId, CancellationToken ct) =>
        db.Memberships.AnyAsync(m => m.Id == membershipId && m.CommitteeId == meeting.CommitteeId, ct);

    /// <summary>The signed-in person's membership of the meeting's committee on the meeting date, if any.</summary>
    internal static async Task<Guid?> MyMembershipAsync(AppDbContext db, CurrentUser user, Meeting meeting, CancellationToken ct)
    {
        if (user.PersonId is not { } personId)
        {
            return null;
        }

        var date = meeting.Date;
        var memberships = await db.Memberships.AsNoTracking().Where(m => m.CommitteeId == meeting.CommitteeId && m.PersonId == personId).ToListAsync(ct);
        return memberships.FirstOrDefault(m => m.IsCurrentOn(date))?.Id;
    }
}
