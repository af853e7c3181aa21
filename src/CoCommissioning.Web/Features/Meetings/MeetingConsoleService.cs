using CoCommissioning.Data;
using CoCommissioning.Data.Identity;
using CoCommissioning.Domain.Common;
using CoCommissioning.Domain.Decisions;
using CoCommissioning.Domain.Meetings;
using CoCommissioning.Domain.Quorum;
using CoCommissioning.Web.Components;
using CoCommissioning.Web.Features.Committees;
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
public sealed class MeetingConsoleService(GovernanceDbFactory dbs, MeetingService meetings, TimeProvider clock, Notices.MeetingNotices notices, InProcessMeetingUpdates updates)
{
    /// <summary>
    /// Whether the user's roles let them keep some committee's record (a secretary or an administrator): only a hint for
    /// which version a request carries. Whether they keep this meeting's record is <see cref="MeetingAccess.KeepsTheRecordAsync"/>.
    /// </summary>
    public static bool KeepsTheRecord(CurrentUser user) => user.IsAnyOf(AppRole.CommitteeSecretary, AppRole.Administrator);

    /// <summary>How long a shared read of the console stays joinable once made (<see cref="RefreshAsync"/>).</summary>
    public static readonly TimeSpan ShareFor = TimeSpan.FromSeconds(1);

    private readonly SharedReads<(Guid OrganisationId, Guid MeetingId, long Notices), SharedConsole?> refreshes = new(ShareFor);
    private long sharedReads;

    /// <summary>How many times this instance has read the part of the console every user shares from the database.</summary>
    public long SharedReads => Interlocked.Read(ref sharedReads);

    /// <summary>The console as the user sees it, read now: a page opening, the API, a view after its own change.</summary>
    public async Task<MeetingConsoleDto?> GetAsync(CurrentUser user, Guid meetingId, CancellationToken ct = default) =>
        await ReadSharedAsync(user.OrganisationId, meetingId, ct) is { } shared ? For(user, shared) : null;

    /// <summary>
    /// The console as the user sees it, for an open view told of a change (ADR-0014): the views of the meeting refreshing
    /// here for the same notice share one read of what every user of the organisation sees, and each then adds its own
    /// part (<see cref="For"/>). A shared read is joined only if it began once every notice heard here so far had been
    /// counted (<see cref="InProcessMeetingUpdates.NoticesOf"/>), so it has seen the change the view was told of.
    /// </summary>
    public async Task<MeetingConsoleDto?> RefreshAsync(CurrentUser user, Guid meetingId, CancellationToken ct = default)
    {
        var key = (user.OrganisationId, meetingId, updates.NoticesOf(meetingId));
        var shared = await refreshes.GetAsync(key, () => ReadSharedAsync(key.OrganisationId, meetingId, CancellationToken.None), ct);
        return shared is null ? null : For(user, shared);
    }

    /// <summary>
    /// What every user of the organisation sees of the console: only DTOs and plain facts, never an entity, as several
    /// circuits read it at once. <see cref="Current"/> holds every likely conflict at the item, for <see cref="For"/> to filter.
    /// </summary>
    private sealed record SharedConsole(
        MeetingDto Meeting,
        string CommitteeName,
        DateTimeOffset At,
        IReadOnlyList<ConsoleSeatDto> Seats,
        CurrentItemDto? Current,
        IReadOnlyDictionary<Guid, string> ItemResults,
        IReadOnlyList<ReturnDueDto> ReturnsDue,
        IReadOnlyList<(Guid MembershipId, Guid PersonId)> MembershipsOnTheDay,
        IReadOnlySet<Guid> Secretaries);

    /// <summary>
    /// The user's own part, worked out in memory from the shared one: their membership on the meeting date, whether they
    /// keep the record or preside over the current item, and the likely conflicts they may see.
    /// </summary>
    private static MeetingConsoleDto For(CurrentUser user, SharedConsole shared)
    {
        var mine = user.PersonId is { } me ? shared.MembershipsOnTheDay.Where(m => m.PersonId == me).Select(m => (Guid?)m.MembershipId).FirstOrDefault() : null;
        var iPreside = shared.Current?.PresidingMembershipId is { } presiding && mine == presiding;
        var current = shared.Current is { } item ? item with { LikelyConflicts = LikelyConflictsFor(user, iPreside, item.LikelyConflicts) } : null;
        return new MeetingConsoleDto(shared.Meeting, shared.CommitteeName, shared.At, shared.Seats, current, shared.ItemResults, mine,
            MeetingAccess.KeepsTheRecord(user, shared.Secretaries), iPreside, shared.ReturnsDue);
    }

    private async Task<SharedConsole?> ReadSharedAsync(Guid organisationId, Guid meetingId, CancellationToken ct)
    {
        Interlocked.Increment(ref sharedReads);
        await using var db = await dbs.CreateForReadingAsync(ct);
        // Nothing read here is saved: the meeting and its parts are not tracked.
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        var meeting = await MeetingService.LoadAsync(db, organisationId, meetingId, ct);
        if (meeting is null)
        {
            return null;
        }

        var now = clock.Now();
        var snapshot = (await CommitteeSnapshot.LoadAsync(db, organisationId, meeting.CommitteeId, meeting.Date, ct))!;
        var dto = await MeetingService.ToDtoAsync(db, meeting, ct);
        var seats = snapshot.Seats.Select(seat => ToSeat(meeting, snapshot, seat, now)).ToList();

        CurrentItemDto? current = null;
        if (meeting.CurrentItemId is { } itemId && snapshot.Terms is { } terms)
        {
            var atItem = meeting.SeatsAt(itemId, snapshot.Seats, now, snapshot.DeputyNamesByPerson);
            var verdict = QuorumEvaluator.Evaluate(terms.Quorum, atItem, snapshot.RoleNames);
            var presiding = Voting.WhoPresides(atItem, terms.Voting, null);
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
                    rules.Match<Guid?>(r => r.MembershipId, _ => null),
                    rules.Match(r => r.Name ?? "", f => f.Message));
            }).ToList();
            // A confirmation speaks for the moment it was made: once quorum is lost it is not shown as if it still held.
            var confirmed = verdict.IsQuorate ? dto.QuorumConfirmations.LastOrDefault(q => q.ItemId == itemId) : null;
            current = new CurrentItemDto(
                dto.Items.Single(i => i.Id == itemId),
                WhatIfService.ToDto(verdict),
                Voting.Eligibility(atItem, terms.Voting),
                presiding.Match<Guid?>(p => p.MembershipId, _ => null),
                presiding.Match(p => p.Explanation, f => f.Message),
                verdict.IsQuorate ? [] : ItemDecisions.InquorateOptions(terms.CoOptionAllowed),
                declarations,
                confirmed,
                decision is null ? null : ItemDecisions.ToDto(decision),
                await PreFlagService.ForItemAsync(db, meeting, itemId, ct));
        }

        var results = await ItemResultsAsync(db, meeting, ct);
        var returns = meeting.ReturnsDue()
            .Select(r => new ReturnDueDto(r.MembershipId, seats.FirstOrDefault(s => s.MembershipId == r.MembershipId)?.HolderName ?? "", r.LeftFor.Id, r.LeftFor.Number,
                meeting.Attendance.Where(a => a.MembershipId == r.MembershipId).MaxBy(a => a.ArrivedAt)?.DeputyPersonId is not null))
            .ToList();
        // Whose membership it is on the meeting date, as MyMembershipAsync reads it for one person.
        var onTheDay = snapshot.Committee.CurrentMemberships(meeting.Date).Select(m => (m.Id, m.PersonId)).ToList();
        return new SharedConsole(dto, snapshot.Committee.Name, now, seats, current, results, returns, onTheDay,
            await MeetingAccess.SecretariesAsync(db, organisationId, meeting.CommitteeId, ct));
    }

    /// <summary>
    /// Everyone's likely conflicts go to those who prepare the pack (secretary, governance lead, administrator, as
    /// ADR-0010 allows) and to the person presiding, who dismisses or rules on them; anyone else sees only their own, as
    /// in the pack: other members' interests reach them through the public register, never a withheld entry's nature.
    /// </summary>
    private static IReadOnlyList<PreFlagDto> LikelyConflictsFor(CurrentUser user, bool iPreside, IReadOnlyList<PreFlagDto> flags) =>
        iPreside || user.IsAnyOf(AppRole.CommitteeSecretary, AppRole.GovernanceLead, AppRole.Administrator)
            ? flags
            : [.. flags.Where(f => user.PersonId is { } me && f.PersonId == me)];

    private static async Task<IReadOnlyDictionary<Guid, string>> ItemResultsAsync(AppDbContext db, Meeting meeting, CancellationToken ct)
    {
        var decided = await db.Decisions.AsNoTracking().Where(d => d.MeetingId == meeting.Id)
            .Select(d => new { d.ItemId, d.Kind, d.Outcome }).ToListAsync(ct);
        var inquorate = await db.InquorateResolutions.AsNoTracking().Where(r => r.MeetingId == meeting.Id)
            .Select(r => new { r.ItemId, r.Action }).ToListAsync(ct);
        var results = new Dictionary<Guid, string>();
        foreach (var d in decided)
        {
            results[d.ItemId] = d.Kind == DecisionKind.Consensus ? DecisionWording.Outcome(d.Kind, d.Outcome) : $"{DecisionWording.Outcome(d.Kind, d.Outcome)} (by vote)";
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
        meetings.ChangeAsync(user, meetingId, request.Version, MeetingWork.Minute, "moved to an agenda item", (_, meeting) => Task.FromResult(meeting.TakeItem(request.ItemId, clock.Now())), ct);

    public Task<CommandResult<MeetingDto>> ExcludePublicAsync(CurrentUser user, Guid meetingId, ExcludePublicRequest request, CancellationToken ct = default) =>
        meetings.ChangeAsync(user, meetingId, request.Version, MeetingWork.Minute, "recorded the resolution excluding the public", (_, meeting) => Task.FromResult(meeting.ExcludePublic(request.Reason, clock.Now())), ct);

    public async Task<CommandResult<MeetingDto>> PublishAgendaAsync(CurrentUser user, Guid meetingId, PublishAgendaRequest request, CancellationToken ct = default) =>
        await Notices.NoticeHook.AfterAsync(await meetings.ChangeAsync(user, meetingId, request.Version, "published the agenda", async (db, meeting) =>
                // The notice period in force on the meeting date (local rules, ADR-0025).
                meeting.PublishAgenda(clock.Now(), request.ShortNoticeReason, await LocalRules.LocalRulesService.NoticePeriodOnAsync(db, meeting.OrganisationId, meeting.Date, ct)), ct),
            () => notices.AgendaPublishedAsync(meetingId));

    public Task<CommandResult<MeetingDto>> AddPersonInAttendanceAsync(CurrentUser user, Guid meetingId, PersonInAttendanceRequest request, CancellationToken ct = default) =>
        meetings.ChangeAsync(user, meetingId, request.Version, MeetingWork.Minute, "recorded a person in attendance", (_, meeting) => Task.FromResult(Done(meeting.AddPersonInAttendance(request.Name, request.Capacity, clock.Now()))), ct);

    public Task<CommandResult<MeetingDto>> RecordOutcomeAsync(CurrentUser user, Guid meetingId, Guid itemId, ItemOutcomeRequest request, CancellationToken ct = default) =>
        meetings.ChangeItemAsync(user, meetingId, itemId, request.Version, MeetingWork.Minute, "recorded an item's outcome", (_, meeting, _) =>
            Task.FromResult(meeting.RecordOutcome(itemId, request.Outcome, request.Note, clock.Now())), ct);

    /// <summary>
    /// A member declares for themselves only; the secretary records a declaration for any member, noting who raised
    /// it when it was not the member.
    /// </summary>
    public Task<CommandResult<MeetingDto>> DeclareAsync(CurrentUser user, Guid meetingId, DeclareRequest request, CancellationToken ct = default)
    {
        Guid? version = KeepsTheRecord(user) ? request.Version : null;
        async Task<CommandResult> Declare(AppDbContext db, Meeting meeting)
        {
            var keeper = await MeetingAccess.KeepsTheRecordAsync(db, user, meeting.CommitteeId, ct);
            var declarer = await DeclarerAsync(db, user, keeper, meeting, request.MembershipId, ct);
            return declarer.Bind(membershipId => meeting.Declare(membershipId, request.ItemId, request.Interest, keeper ? request.RaisedBy : null, clock.Now()).WithoutValue());
        }

        // At an item it is the item's record (its version); at the start it is the meeting's.
        return request.ItemId is { } itemId
            ? meetings.ChangeItemAsync(user, meetingId, itemId, version, MeetingWork.Participate, "recorded a declaration of interest", (db, meeting, _) => Declare(db, meeting), ct)
            : meetings.ChangeAsync(user, meetingId, version, MeetingWork.Participate, "recorded a declaration of interest", Declare, ct);
    }

    /// <summary>Whose declaration it is: the secretary names any member of the committee; a member declares only for themselves.</summary>
    private static async Task<CommandResult<Guid>> DeclarerAsync(AppDbContext db, CurrentUser user, bool keeper, Meeting meeting, Guid? named, CancellationToken ct)
    {
        if (keeper)
        {
            return named is { } chosen && await IsMemberAsync(db, meeting, chosen, ct)
                ? CommandResult<Guid>.Success(chosen)
                : Failure.Validation("membershipId", "Choose the member of this committee whose interest is declared.");
        }

        if (await MyMembershipAsync(db, user, meeting, ct) is not { } mine)
        {
            return Failure.Forbidden("Only members of this committee declare interests at its meetings.");
        }

        return named is { } other && other != mine
            ? Failure.Forbidden("Members declare only their own interests. To raise someone else's, tell the chair: the secretary records it.")
            : CommandResult<Guid>.Success(mine);
    }

    /// <summary>
    /// Turns a likely conflict the register flagged into a declaration at its item, worded from the register entry, for
    /// the person presiding to rule on. The secretary records it, or the person whose interest it is.
    /// </summary>
    public Task<CommandResult<MeetingDto>> DeclareFlagAsync(CurrentUser user, Guid meetingId, Guid itemId, DeclareFlagRequest request, CancellationToken ct = default) =>
        meetings.ChangeItemAsync(user, meetingId, itemId, KeepsTheRecord(user) ? request.Version : null, MeetingWork.Participate, "declared a likely conflict from the register", async (db, meeting, _) =>
        {
            var flag = await FlagAsync(db, meeting, itemId, request.MembershipId, request.DeclarationId, ct);
            if (!flag.TryGetValue(out var f, out var failure))
            {
                return failure;
            }
            if (!await MeetingAccess.KeepsTheRecordAsync(db, user, meeting.CommitteeId, ct) && (user.PersonId is not { } me || f.Candidate.PersonId != me))
            {
                return Failure.Forbidden("Members declare only their own likely conflicts. The secretary records others'.");
            }

            var body = await db.ExternalBodies.AsNoTracking().Where(b => b.Id == f.BodyId).Select(b => b.Name).SingleOrDefaultAsync(ct) ?? "a body the item affects";
            // The person whose interest it is declares it themselves; otherwise the register raised it, unless the secretary says who did.
            var raisedBy = user.PersonId is { } self && f.Candidate.PersonId == self ? null : request.RaisedBy ?? ConflictPreFlags.FlaggedByTheRegister;
            return Done(meeting.DeclareFlag(f, ConflictPreFlags.DeclarationText(f, body), raisedBy, clock.Now()));
        }, ct);

    /// <summary>
    /// The person presiding dismisses a likely conflict as not relevant to the item, with the reason; like a ruling, the
    /// secretary may record it on their behalf and it is attributed to them.
    /// </summary>
    public Task<CommandResult<MeetingDto>> DismissFlagAsync(CurrentUser user, Guid meetingId, Guid itemId, DismissFlagRequest request, CancellationToken ct = default) =>
        meetings.ChangeItemAsync(user, meetingId, itemId, request.Version, MeetingWork.Participate, "dismissed a likely conflict from the register", async (db, meeting, _) =>
        {
            var flag = await FlagAsync(db, meeting, itemId, request.MembershipId, request.DeclarationId, ct);
            if (!flag.TryGetValue(out var pendingFlag, out var failure))
            {
                return failure;
            }

            var presiding = await PresidingOverAsync(db, user, meeting, itemId, request.MembershipId, request.RuledByMembershipId, DismissalWords, ct);
            return presiding.Bind(ruledBy => meeting.DismissFlag(pendingFlag, request.Reason, ruledBy, clock.Now()).WithoutValue());
        }, ct);

    private static async Task<CommandResult<PreFlag>> FlagAsync(AppDbContext db, Meeting meeting, Guid itemId, Guid membershipId, Guid declarationId, CancellationToken ct)
    {
        var flags = await PreFlagService.FlagsAsync(db, meeting, ct);
        var flag = flags.FirstOrDefault(f => f.ItemId == itemId && f.Candidate.MembershipId == membershipId && f.Interest.DeclarationId == declarationId);
        return flag is null ? Failure.NotFound("The likely conflict") : CommandResult<PreFlag>.Success(flag);
    }

    /// <summary>
    /// The ruling on a member's conflict for an item, made by the person presiding over it (judged as if the member
    /// were conflicted, so never on their own conflict). The presiding person enters it, or the secretary on their
    /// behalf; either way it is attributed to the presiding person.
    /// </summary>
    public Task<CommandResult<MeetingDto>> RuleAsync(CurrentUser user, Guid meetingId, Guid itemId, RulingRequest request, CancellationToken ct = default) =>
        meetings.ChangeItemAsync(user, meetingId, itemId, request.Version, MeetingWork.Participate, "recorded a conflict ruling", async (db, meeting, _) =>
        {
            if (!await IsMemberAsync(db, meeting, request.MembershipId, ct))
            {
                return Failure.Validation("membershipId", "Choose a member of this meeting's committee.");
            }

            var presiding = await PresidingOverAsync(db, user, meeting, itemId, request.MembershipId, request.RuledByMembershipId, RulingWords, ct);
            return presiding.Bind(ruledBy => meeting.RecordRuling(itemId, request.MembershipId, request.Interest, request.Ruling, ruledBy, clock.Now()).WithoutValue());
        }, ct);

    /// <summary>
    /// Who may rule on (or dismiss) <paramref name="membershipId"/>'s conflict at the item: the person presiding, judged as
    /// if that member were conflicted. The presiding person acts for themselves; the secretary acts on their behalf and
    /// may only name them. The answer is the presiding person's membership, to whom the act is attributed.
    /// </summary>
    private sealed record ActWords(string ThisOne, string Generally, string Record);

    private static readonly ActWords RulingWords = new("rules on this conflict", "rules on conflicts", "The ruling is recorded as theirs.");
    private static readonly ActWords DismissalWords = new("dismisses this likely conflict", "dismisses likely conflicts", "The dismissal is recorded as theirs.");

    private async Task<CommandResult<Guid>> PresidingOverAsync(AppDbContext db, CurrentUser user, Meeting meeting, Guid itemId, Guid membershipId, Guid? named, ActWords act, CancellationToken ct)
    {
        if (named is { } someone && !await IsMemberAsync(db, meeting, someone, ct))
        {
            return Failure.Validation("ruledByMembershipId", "Choose the member of this committee who made the ruling.");
        }

        if (Meeting.OwnConflict(membershipId, named) is { } own)
        {
            return own;
        }

        var judged = await ItemDecisions.JudgeAsync(db, user, meeting.Id, itemId, clock.Now(), null, ct);
        if (!judged.TryGetValue(out var judgedValue, out var failure))
        {
            return failure;
        }

        var rules = Voting.WhoRulesOn(judgedValue.Seats, judgedValue.Terms.Voting, membershipId, named);
        if (!rules.TryGetValue(out var presiding, out var rulesFailure))
        {
            return rulesFailure;
        }
        if (await MeetingAccess.KeepsTheRecordAsync(db, user, meeting.CommitteeId, ct))
        {
            return named is { } claimed && claimed != presiding.MembershipId
                ? Failure.Rule($"Only the person presiding {act.ThisOne}. {presiding.Explanation} {act.Record}")
                : CommandResult<Guid>.Success(presiding.MembershipId!.Value);
        }

        var mine = await MyMembershipAsync(db, user, meeting, ct);
        if (mine is null || mine != presiding.MembershipId)
        {
            return Failure.Forbidden(mine == membershipId
                ? $"You cannot rule on your own conflict. {presiding.Explanation}"
                : $"Only the person presiding over this item {act.Generally}. {presiding.Explanation}");
        }

        return CommandResult<Guid>.Success(mine.Value);
    }

    /// <summary>Only the person presiding over the item confirms its quorum; the confirmation keeps the time and the explanation.</summary>
    public Task<CommandResult<MeetingDto>> ConfirmQuorumAsync(CurrentUser user, Guid meetingId, Guid itemId, ConfirmQuorumRequest request, CancellationToken ct = default) =>
        meetings.ChangeItemAsync(user, meetingId, itemId, request.Version, MeetingWork.Participate, "confirmed quorum", async (db, meeting, _) =>
        {
            var judged = await ItemDecisions.JudgeAsync(db, user, meetingId, itemId, clock.Now(), null, ct);
            if (!judged.TryGetValue(out var j, out var failure))
            {
                return failure;
            }
            if (!j.Presiding.TryGetValue(out var whoPresides, out var presidingFailure))
            {
                return presidingFailure;
            }

            var mine = await MyMembershipAsync(db, user, meeting, ct);
            if (mine is null || mine != whoPresides.MembershipId)
            {
                return Failure.Forbidden($"Only the person presiding over this item confirms quorum. {whoPresides.Explanation}");
            }

            return Done(meeting.ConfirmQuorum(itemId, mine.Value, j.Verdict.IsQuorate, string.Join(" ", j.Verdict.Lines), j.Moment));
        }, ct);

    private static ConsoleSeatDto ToSeat(Meeting meeting, CommitteeSnapshot snapshot, Seat seat, DateTimeOffset now)
    {
        var records = meeting.Attendance.Where(a => a.MembershipId == seat.MembershipId).OrderBy(a => a.ArrivedAt).ToList();
        var latest = records.LastOrDefault();
        var deputy = snapshot.DeputyNameFor(seat.MembershipId);
        var holder = latest?.DeputyPersonId is not null ? Meeting.SeatHolderName(seat.Name, deputy ?? "Deputy") : seat.Name;
        var leftFor = latest?.LeftForItemId is { } itemId ? meeting.Items.FirstOrDefault(i => i.Id == itemId) : null;
        var (presence, text) = latest switch
        {
            null => meeting.Apologies.Contains(seat.MembershipId) ? (SeatPresence.Apologies, "Apologies") : (SeatPresence.NotArrived, "Not arrived"),
            { LeftAt: { } left } when left <= now && leftFor is not null =>
                (SeatPresence.LeftTheRoomForItem, $"{(latest.DeputyPersonId is null ? "Left" : $"{deputy ?? "Deputy"} (deputy) left")} the room at {Labels.Clock(left)} for item {leftFor.Number} (ruling)"),
            { LeftAt: { } left } when left <= now =>
                (SeatPresence.Left, $"{(latest.DeputyPersonId is null ? "Left" : $"{deputy ?? "Deputy"} (deputy) left")} at {Labels.Clock(left)}"),
            { DeputyPersonId: not null } => (SeatPresence.DeputyPresent, $"Deputy present ({deputy})"),
            _ => (SeatPresence.Present, "Present"),
        };
        return new ConsoleSeatDto(
            seat.MembershipId,
            seat.Name,
            string.Join(", ", seat.Roles.Select(r => r.Name)),
            seat.IsVoting,
            Labels.Of(seat.Office),
            deputy,
            meeting.Apologies.Contains(seat.MembershipId),
            presence,
            text,
            holder,
            latest?.ArrivedAt,
            latest?.LeftAt);
    }

    private static CommandResult Done<T>(CommandResult<T> result) => result.WithoutValue();

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
