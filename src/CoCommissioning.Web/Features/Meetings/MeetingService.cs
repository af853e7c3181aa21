using CoCommissioning.Data;
using CoCommissioning.Domain.Common;
using CoCommissioning.Domain.Meetings;
using CoCommissioning.Web.Features.AgendaTemplates;
using CoCommissioning.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CoCommissioning.Web.Features.Meetings;

/// <summary>The meeting record the decision service judges: agenda, apologies, attendance, conflict rulings.</summary>
public sealed class MeetingService(GovernanceDbFactory dbs, TimeProvider clock, ILogger<MeetingService> logger)
{
    public Task<CommandResult<MeetingDto>> ScheduleAsync(CurrentUser user, Guid committeeId, ScheduleMeetingRequest request, CancellationToken ct = default) =>
        ScheduleAsync(user, committeeId, request, standingItems: true, ct);

    /// <summary>Schedules a meeting; with <paramref name="standingItems"/> its agenda starts with the committee's template (ADR-0018).</summary>
    public async Task<CommandResult<MeetingDto>> ScheduleAsync(CurrentUser user, Guid committeeId, ScheduleMeetingRequest request, bool standingItems, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(user.AsAuditActor(), ct);
        if (!await db.Committees.AnyAsync(c => c.Id == committeeId && c.OrganisationId == user.OrganisationId, ct))
        {
            return Failure.NotFound("The committee");
        }

        if (await MeetingAccess.RefusedAsync(db, user, committeeId, MeetingWork.Prepare, ct) is { } refused)
        {
            return refused;
        }

        if (request.StartsAt is null)
        {
            return Failure.Validation("startsAt", "Enter the date and time the meeting starts.");
        }

        var scheduled = Meeting.Schedule(user.OrganisationId, committeeId, request.Title, request.StartsAt.Value);
        if (!scheduled.TryGetValue(out var meeting, out var failure))
        {
            return failure;
        }
        await using (await DuplicateGuard.LockAsync(db, "meeting", committeeId, ct))
        {
            var existing = await db.Meetings
                .Where(m => m.CommitteeId == committeeId && m.Title == meeting.Title && m.StartsAt == meeting.StartsAt)
                .Select(m => (Guid?)m.Id).FirstOrDefaultAsync(ct);
            if (existing is { } id)
            {
                return Failure.Duplicate($"The committee already has the meeting \"{meeting.Title}\" at this time.", id);
            }

            if (standingItems)
            {
                meeting.ApplyTemplate(await AgendaTemplateService.EntriesForAsync(db, committeeId, ct));
            }

            db.Meetings.Add(meeting);
            await db.SaveChangesAsync(ct);
        }

        logger.LogInformation("Meeting {MeetingId} of committee {CommitteeId} scheduled by {UserId}", meeting.Id, committeeId, user.UserId);
        return CommandResult<MeetingDto>.Success(await ToDtoAsync(db, meeting, ct));
    }

    public async Task<MeetingDto?> GetAsync(CurrentUser user, Guid meetingId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        var meeting = await LoadAsync(db, user, meetingId, ct);
        return meeting is null ? null : await ToDtoAsync(db, meeting, ct);
    }

    public Task<CommandResult<MeetingDto>> AddItemAsync(CurrentUser user, Guid meetingId, AddItemRequest request, CancellationToken ct = default) =>
        ChangeAsync(user, meetingId, request.Version, "added an agenda item", async (db, meeting) =>
            await CheckBodiesAsync(db, meeting, request.AffectedBodyIds ?? [], "affectedBodyIds", ct) is { } failure
                ? failure
                : ToResult(meeting.AddItem(request.Title, request.Purpose, request.IsPrivate, request.AffectedBodyIds, request.Presenter, request.ParentItemId, request.Reason, clock.Now())), ct);

    /// <summary>Edits an item's title, purpose, presenter and part (after publication with a reason, published with it).</summary>
    public Task<CommandResult<MeetingDto>> EditItemAsync(CurrentUser user, Guid meetingId, Guid itemId, EditItemRequest request, CancellationToken ct = default) =>
        ChangeAsync(user, meetingId, request.Version, "edited an agenda item", async (db, meeting) =>
        {
            var wasPrivate = meeting.Items.FirstOrDefault(i => i.Id == itemId)?.IsPrivate;
            var edited = meeting.EditItem(itemId, request.Title, request.Purpose, request.Presenter, request.IsPrivate, request.Reason, clock.Now());
            if (edited.Succeeded && wasPrivate == false && request.IsPrivate)
            {
                // An item moved to the private part takes its papers (and its sub-items' papers) with it: none stays public.
                var affected = meeting.Items.Where(i => i.Id == itemId || i.ParentItemId == itemId).Select(i => i.Id).ToList();
                foreach (var paper in await db.MeetingPapers.Where(p => p.MeetingId == meeting.Id && affected.Contains(p.ItemId) && p.IsPublic).ToListAsync(ct))
                {
                    var made = paper.ChangeVisibility(meeting, false, request.Reason, clock.Now());
                    if (!made.Succeeded)
                    {
                        return made;
                    }
                }
            }

            return edited;
        }, ct);

    /// <summary>Moves an item to a place among its siblings (0-based), for the drag and the move up/down buttons alike.</summary>
    public Task<CommandResult<MeetingDto>> MoveItemAsync(CurrentUser user, Guid meetingId, Guid itemId, MoveItemRequest request, CancellationToken ct = default) =>
        ChangeAsync(user, meetingId, request.Version, "moved an agenda item", (_, meeting) =>
            Task.FromResult(meeting.MoveItem(itemId, request.ToIndex, request.Reason, clock.Now())), ct);

    /// <summary>
    /// Removes an item: before publication with its papers, after it marked withdrawn with the reason. An item with a
    /// record (or a decision) is refused, saying why.
    /// </summary>
    public Task<CommandResult<MeetingDto>> RemoveItemAsync(CurrentUser user, Guid meetingId, Guid itemId, RemoveItemRequest request, CancellationToken ct = default) =>
        ChangeAsync(user, meetingId, request.Version, "removed an agenda item", async (db, meeting) =>
        {
            if (meeting.Items.FirstOrDefault(i => i.Id == itemId) is { } found && await db.Decisions.AnyAsync(d => d.ItemId == itemId, ct))
            {
                return Failure.Rule($"Item {found.Number} cannot be removed: a decision is recorded at it, which is part of the meeting's record.");
            }

            var entity = meeting.Items.FirstOrDefault(i => i.Id == itemId);
            var removed = meeting.RemoveItem(itemId, request.Reason, clock.Now());
            if (removed.TryGetFailure(out var failure))
            {
                return failure;
            }

            if (removed.Value)
            {
                var papers = await db.MeetingPapers.Where(p => p.MeetingId == meeting.Id && p.ItemId == itemId).ToListAsync(ct);
                var paperIds = papers.Select(p => p.Id).ToList();
                db.PaperContents.RemoveRange(await db.PaperContents.Where(c => paperIds.Contains(c.PaperId)).ToListAsync(ct));
                db.MeetingPapers.RemoveRange(papers);
                db.Remove(entity!);
            }

            return CommandResult.Success();
        }, ct);

    public Task<CommandResult<MeetingDto>> ChangeAffectedBodiesAsync(CurrentUser user, Guid meetingId, Guid itemId, AffectedBodiesRequest request, CancellationToken ct = default) =>
        ChangeAsync(user, meetingId, request.Version, "changed the bodies an item affects", async (db, meeting) =>
            await CheckBodiesAsync(db, meeting, request.BodyIds ?? [], "bodyIds", ct) is { } failure
                ? failure
                : meeting.ChangeAffectedBodies(itemId, request.BodyIds ?? []), ct);

    /// <summary>Records a member's apologies and whether their named deputy attends in their place (a required choice when they have one).</summary>
    public Task<CommandResult<MeetingDto>> SendApologiesAsync(CurrentUser user, Guid meetingId, ApologiesRequest request, CancellationToken ct = default) =>
        ChangeAsync(user, meetingId, request.Version, "recorded apologies", async (db, meeting) =>
        {
            var membership = await db.Memberships.AsNoTracking().SingleOrDefaultAsync(m => m.Id == request.MembershipId && m.CommitteeId == meeting.CommitteeId, ct);
            if (membership is null)
            {
                return NotAMember();
            }

            return ApologiesRequest.DeputyChoice(membership.DeputyPersonId, request) is { } failure
                ? failure
                : meeting.SendApologies(request.MembershipId, deputyAttends: request.DeputyPersonId is not null);
        }, ct);

    public Task<CommandResult<MeetingDto>> ArriveAsync(CurrentUser user, Guid meetingId, AttendanceRequest request, CancellationToken ct = default) =>
        ChangeAsync(user, meetingId, request.Version, MeetingWork.Minute, "recorded an arrival", async (db, meeting) =>
        {
            var membership = await db.Memberships.AsNoTracking().SingleOrDefaultAsync(m => m.Id == request.MembershipId && m.CommitteeId == meeting.CommitteeId, ct);
            if (membership is null)
            {
                return NotAMember();
            }

            if (request.Deputy && membership.DeputyPersonId is null)
            {
                return Failure.Validation("deputy", "This member has no named deputy to attend in their place.");
            }

            return ToResult(meeting.RecordArrival(request.MembershipId, request.Deputy ? membership.DeputyPersonId : null, request.At ?? clock.Now()));
        }, ct);

    public Task<CommandResult<MeetingDto>> LeaveAsync(CurrentUser user, Guid meetingId, AttendanceRequest request, CancellationToken ct = default) =>
        ChangeAsync(user, meetingId, request.Version, MeetingWork.Minute, "recorded a departure", (_, meeting) =>
            Task.FromResult(meeting.RecordDeparture(request.MembershipId, request.At ?? clock.Now())), ct);

    internal static Task<Meeting?> LoadAsync(AppDbContext db, CurrentUser user, Guid meetingId, CancellationToken ct) =>
        LoadAsync(db, user.OrganisationId, meetingId, ct);

    /// <summary>The meeting with its parts, if it is the organisation's: for reads shared by its users (the console's).</summary>
    internal static Task<Meeting?> LoadAsync(AppDbContext db, Guid organisationId, Guid meetingId, CancellationToken ct) =>
        db.Meetings.Include(m => m.Items).Include(m => m.Attendance).Include(m => m.Rulings)
            .Include(m => m.Declarations).Include(m => m.QuorumConfirmations).Include(m => m.InAttendance).Include(m => m.FlagDismissals).AsSplitQuery()
            .SingleOrDefaultAsync(m => m.Id == meetingId && m.OrganisationId == organisationId, ct);

    /// <summary>
    /// Each body must be in the meeting's organisation's list: an id from another organisation would leak nothing
    /// today, but would pre-flag nothing either and hide a mistake, so it is refused with the field named.
    /// </summary>
    private static async Task<Failure?> CheckBodiesAsync(AppDbContext db, Meeting meeting, IReadOnlyList<Guid> bodyIds, string field, CancellationToken ct)
    {
        if (bodyIds.Count == 0)
        {
            return null;
        }

        var distinct = bodyIds.Distinct().ToList();
        var known = await db.ExternalBodies.CountAsync(b => distinct.Contains(b.Id) && b.OrganisationId == meeting.OrganisationId, ct);
        return known == distinct.Count ? null : Failure.Validation(field, "Choose bodies from this organisation's list of practices, networks, federations and suppliers.");
    }

    private static CommandResult ToResult<T>(CommandResult<T> result) => result.WithoutValue();

    private static Failure NotAMember() => Failure.Validation("membershipId", "Choose a member of this meeting's committee.");

    private static Task<bool> IsMemberAsync(AppDbContext db, Meeting meeting, Guid membershipId, CancellationToken ct) =>
        db.Memberships.AnyAsync(m => m.Id == membershipId && m.CommitteeId == meeting.CommitteeId, ct);

    /// <summary>
    /// Applies <paramref name="change"/> to the meeting, refusing a stale <paramref name="expectedVersion"/> of the
    /// meeting. A null version is for additions that cannot overwrite anyone's work (a member's declaration).
    /// </summary>
    internal Task<CommandResult<MeetingDto>> ChangeAsync(CurrentUser user, Guid meetingId, Guid? expectedVersion, string action, Func<AppDbContext, Meeting, Task<CommandResult>> change, CancellationToken ct) =>
        ChangeAsync(user, meetingId, expectedVersion, MeetingWork.Prepare, action, change, ct);

    /// <summary>As <see cref="ChangeAsync(CurrentUser, Guid, Guid?, string, Func{AppDbContext, Meeting, Task{CommandResult}}, CancellationToken)"/>, for <paramref name="work"/> (who may, <see cref="MeetingAccess"/>).</summary>
    internal Task<CommandResult<MeetingDto>> ChangeAsync(CurrentUser user, Guid meetingId, Guid? expectedVersion, MeetingWork work, string action, Func<AppDbContext, Meeting, Task<CommandResult>> change, CancellationToken ct) =>
        WriteAsync(user, meetingId, work, action, async (db, meeting) =>
        {
            if (expectedVersion is { } expected && meeting.Version != expected)
            {
                return Failure.Conflict("meeting");
            }

            var result = await change(db, meeting);
            return result.Map<Func<Task<MeetingDto>>>(() => () => ToDtoAsync(db, meeting, ct));
        }, ct);

    /// <summary>
    /// Applies <paramref name="change"/> at one agenda item, refusing a stale <paramref name="expectedItemVersion"/> of
    /// that item: work at other items, and attendance, do not make it stale.
    /// </summary>
    internal Task<CommandResult<MeetingDto>> ChangeItemAsync(CurrentUser user, Guid meetingId, Guid itemId, Guid? expectedItemVersion, string action, Func<AppDbContext, Meeting, AgendaItem, Task<CommandResult>> change, CancellationToken ct) =>
        ChangeItemAsync(user, meetingId, itemId, expectedItemVersion, MeetingWork.Prepare, action, change, ct);

    /// <summary>As <see cref="ChangeItemAsync(CurrentUser, Guid, Guid, Guid?, string, Func{AppDbContext, Meeting, AgendaItem, Task{CommandResult}}, CancellationToken)"/>, for <paramref name="work"/>.</summary>
    internal Task<CommandResult<MeetingDto>> ChangeItemAsync(CurrentUser user, Guid meetingId, Guid itemId, Guid? expectedItemVersion, MeetingWork work, string action, Func<AppDbContext, Meeting, AgendaItem, Task<CommandResult>> change, CancellationToken ct) =>
        WriteAsync(user, meetingId, work, action, async (db, meeting) =>
        {
            if (ItemOf(meeting, itemId, expectedItemVersion) is { Failure: { } stale })
            {
                return stale;
            }

            var result = await change(db, meeting, meeting.Items.Single(i => i.Id == itemId));
            return result.Map<Func<Task<MeetingDto>>>(() => () => ToDtoAsync(db, meeting, ct));
        }, ct);

    /// <summary>The item, or not found, or a conflict when the version the person saw has moved.</summary>
    internal static CommandResult<AgendaItem> ItemOf(Meeting meeting, Guid itemId, Guid? expectedItemVersion)
    {
        var item = meeting.Items.FirstOrDefault(i => i.Id == itemId);
        return item is null ? Failure.NotFound("The agenda item")
            : expectedItemVersion is { } expected && item.Version != expected ? Failure.Conflict("agenda item")
            : CommandResult<AgendaItem>.Success(item);
    }

    /// <summary>
    /// The one way the meeting's record is written: under the meeting's lock (<see cref="MeetingLock"/>), load, apply,
    /// save, build the answer, commit. All but the commit is one retriable attempt (<see cref="AppDbContext.InTransactionAsync"/>):
    /// after a dropped connection it runs again from the lock, on what is committed then. The answer is built before the
    /// commit, so once the commit returns nothing can turn the saved change into an error; notices and cache evictions
    /// follow the commit and cannot fail it.
    /// </summary>
    internal Task<CommandResult<T>> WriteAsync<T>(CurrentUser user, Guid meetingId, string action, Func<AppDbContext, Meeting, Task<CommandResult<Func<Task<T>>>>> change, CancellationToken ct) =>
        WriteAsync(user, meetingId, MeetingWork.Prepare, action, change, ct);

    /// <summary>
    /// As above, for <paramref name="work"/>: before the change is judged, <see cref="MeetingAccess"/> decides whether the
    /// caller may do this work for the meeting's committee (403 otherwise) and whether the meeting's state allows it (a
    /// closed or cancelled meeting records nothing more: 422).
    /// </summary>
    internal async Task<CommandResult<T>> WriteAsync<T>(CurrentUser user, Guid meetingId, MeetingWork work, string action, Func<AppDbContext, Meeting, Task<CommandResult<Func<Task<T>>>>> change, CancellationToken ct)
    {
        await using var db = await dbs.CreateAsync(user.AsAuditActor(), ct);
        var outcome = await db.InTransactionAsync<CommandResult<T>>(async attemptCt =>
        {
            await MeetingLock.TakeAsync(db, meetingId, attemptCt);
            var meeting = await LoadAsync(db, user, meetingId, attemptCt);
            if (meeting is null)
            {
                return Failure.NotFound("The meeting");
            }

            if ((await MeetingAccess.RefusedAsync(db, user, meeting.CommitteeId, work, attemptCt) ?? MeetingAccess.RefusedByState(meeting, work)) is { } refused)
            {
                return refused;
            }

            var changed = await change(db, meeting);
            if (!changed.TryGetValue(out var changedValue, out var failure))
            {
                return failure;
            }

            var saved = await Saving.SaveAsync(db, "meeting", attemptCt);
            if (saved.TryGetFailure(out var savedFailure))
            {
                return savedFailure;
            }

            return CommandResult<T>.Success(await changedValue());
        }, ct);
        if (!outcome.Succeeded)
        {
            return outcome;
        }

        await db.CommitAsync(ct);
        logger.LogInformation("Meeting {MeetingId}: {UserId} {Action}", meetingId, user.UserId, action);
        return outcome;
    }

    internal static async Task<MeetingDto> ToDtoAsync(AppDbContext db, Meeting meeting, CancellationToken ct)
    {
        var names = await db.Memberships.AsNoTracking().Where(m => m.CommitteeId == meeting.CommitteeId)
            .Join(db.People, m => m.PersonId, p => p.Id, (m, p) => new { m.Id, p.FullName })
            .ToDictionaryAsync(x => x.Id, x => x.FullName, ct);
        var deputyIds = meeting.Attendance.Where(a => a.DeputyPersonId is not null).Select(a => a.DeputyPersonId!.Value).Distinct().ToList();
        var deputyNames = deputyIds.Count == 0
            ? []
            : await db.People.AsNoTracking().Where(p => deputyIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.FullName, ct);

        // A declaration or ruling is about whoever held the seat at that moment: the member, or their deputy.
        string NameAt(Guid membershipId, DateTimeOffset at) =>
            Meeting.SeatHolderName(names.GetValueOrDefault(membershipId) ?? "", meeting.DeputyAt(membershipId, at) is { } deputy ? deputyNames.GetValueOrDefault(deputy) ?? "Deputy" : null);

        var papers = MeetingPaperService.ToDtos(await db.MeetingPapers.AsNoTracking().Where(p => p.MeetingId == meeting.Id).ToListAsync(ct));
        return new MeetingDto(
            meeting.Id,
            meeting.CommitteeId,
            meeting.Title,
            meeting.StartsAt,
            meeting.Version,
            // The public part comes first whatever order items were added in: the resolution excludes the public from the
            // remainder of the meeting, so no public item may follow a private one. Sub-items follow their item (ADR-0018).
            [.. meeting.Agenda.Select(i => new AgendaItemDto(i.Id, i.Number, i.Title, i.Purpose, i.IsPrivate, i.AffectedBodyIds, i.Presenter, i.Outcome, i.OutcomeNote, i.OutcomeAt, i.Status, i.ClosedAs, i.ClosedAt, i.Version,
                i.ParentItemId, i.Standing, i.LateReason, i.LateAt, i.WithdrawnReason, i.WithdrawnAt, meeting.RecordAt(i)))],
            meeting.Apologies,
            [.. meeting.Attendance.OrderBy(a => a.ArrivedAt).Select(a => a.DeputyPersonId is { } deputy
                ? new AttendanceDto(a.Id, a.MembershipId, deputyNames.GetValueOrDefault(deputy) ?? "Deputy", a.ArrivedAt, a.LeftAt, names.GetValueOrDefault(a.MembershipId) ?? "", a.LeftForItemId)
                : new AttendanceDto(a.Id, a.MembershipId, names.GetValueOrDefault(a.MembershipId) ?? "", a.ArrivedAt, a.LeftAt, null, a.LeftForItemId))],
            [.. meeting.Rulings.OrderBy(r => r.RecordedAt).Select(r => new RulingDto(r.Id, r.ItemId, r.MembershipId, NameAt(r.MembershipId, r.RecordedAt), r.Interest, r.Ruling, r.RuledByMembershipId, r.RecordedAt))],
            [.. meeting.Declarations.OrderBy(d => d.DeclaredAt).Select(d => new MeetingDeclarationDto(d.Id, d.ItemId, d.MembershipId, NameAt(d.MembershipId, d.DeclaredAt), d.Interest, d.RaisedBy, d.DeclaredAt, d.RegisterDeclarationId))],
            [.. meeting.QuorumConfirmations.OrderBy(q => q.ConfirmedAt).Select(q => new QuorumConfirmationDto(q.Id, q.ItemId, q.ConfirmedByMembershipId, names.GetValueOrDefault(q.ConfirmedByMembershipId) ?? "", q.Explanation, q.ConfirmedAt))],
            [.. meeting.InAttendance.OrderBy(p => p.RecordedAt).Select(p => new PersonInAttendanceDto(p.Id, p.Name, p.Capacity))],
            papers,
            meeting.AgendaPublishedAt,
            meeting.ShortNoticeReason,
            meeting.Exclusion is { } e ? new ExclusionResolutionDto(e.Reason, e.Wording, e.PassedAt) : null,
            meeting.CurrentItemId,
            [.. meeting.FlagDismissals.OrderBy(f => f.DismissedAt).Select(f => ToDto(f, names.GetValueOrDefault(f.DismissedByMembershipId) ?? ""))],
            MeetingArrangementsDto.Of(meeting))
        {
            ApologiesWithoutDeputy = meeting.ApologiesWithoutDeputy,
        };
    }

    internal static FlagDismissalDto ToDto(PreFlagDismissal f, string dismissedBy) =>
        new(f.Id, f.ItemId, f.MembershipId, f.Name, f.DeclarationId, f.Reason, f.DismissedByMembershipId, dismissedBy, f.DismissedAt);
}
