using CoCommissioning.Data;
using CoCommissioning.Data.Identity;
using CoCommissioning.Domain.Common;
using CoCommissioning.Domain.Meetings;
using CoCommissioning.Web.Features.Meetings;
using CoCommissioning.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CoCommissioning.Web.Features.Actions;

/// <summary>
/// The action log (issue 5): actions arising at a committee's meetings, with an owner, a due date and a status,
/// carried from meeting to meeting until done or dropped.
/// </summary>
public sealed class ActionService(GovernanceDbFactory dbs, TimeProvider clock, ILogger<ActionService> logger, Notices.ActionNotices notices)
{
    private DateOnly Today => clock.Today();

    public async Task<CommandResult<ActionDto>> RaiseAsync(CurrentUser user, Guid meetingId, RaiseActionRequest request, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(user.AsAuditActor(), ct);
        var meeting = await MeetingService.LoadAsync(db, user, meetingId, ct);
        if (meeting is null)
        {
            return Failure.NotFound("The meeting");
        }

        var errors = new ValidationErrors();
        if (request.OwnerPersonId is { } ownerId
            && !await db.People.AnyAsync(p => p.Id == ownerId && p.OrganisationId == user.OrganisationId, ct))
        {
            errors.Add("ownerPersonId", "Choose the owner from your organisation's people.");
        }

        if (request.ItemId is { } itemId && meeting.Items.All(i => i.Id != itemId))
        {
            errors.Add("itemId", "Choose an item on this meeting's agenda.");
        }

        var raised = ActionItem.Raise(user.OrganisationId, meeting.CommitteeId, meeting.Id, meeting.Date, request.ItemId, request.Description, request.OwnerPersonId ?? Guid.Empty, request.DueOn);
        if (raised.Failure is { } failure)
        {
            // The service's own messages about the owner win over the domain's "choose the owner".
            var domain = failure.FieldErrors.Where(kv => !errors.Has(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value);
            errors.Add(Failure.Validation(domain));
        }

        if (errors.Any)
        {
            return errors.ToFailure();
        }

        var action = raised.Value!;
        await using (await DuplicateGuard.LockAsync(db, "action", meeting.Id, ct))
        {
            var existing = await db.ActionItems
                .Where(a => a.MeetingId == meeting.Id && a.ItemId == action.ItemId && a.OwnerPersonId == action.OwnerPersonId && a.Description == action.Description)
                .Select(a => (Guid?)a.Id).FirstOrDefaultAsync(ct);
            if (existing is { } id)
            {
                return Failure.Duplicate("This action is already in the meeting's action log for the same owner.", id);
            }

            db.ActionItems.Add(action);
            await db.SaveChangesAsync(ct);
        }

        logger.LogInformation("Action {ActionId} raised at meeting {MeetingId} of {CommitteeId} by {UserId}", action.Id, meeting.Id, meeting.CommitteeId, user.UserId);
        await notices.ActionAssignedAsync(action.Id);
        return CommandResult<ActionDto>.Success((await ToDtosAsync(db, user, [action], ct))[0]);
    }

    public async Task<ActionDto?> GetAsync(CurrentUser user, Guid id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        var action = await db.ActionItems.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id && a.OrganisationId == user.OrganisationId, ct);
        return action is null ? null : (await ToDtosAsync(db, user, [action], ct))[0];
    }

    /// <summary>A committee's action log, open and in-progress first; null when the committee is not the user's organisation's.</summary>
    public async Task<IReadOnlyList<ActionDto>?> ListAsync(CurrentUser user, Guid committeeId, ActionStatus? status, Guid? ownerPersonId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        if (!await db.Committees.AnyAsync(c => c.Id == committeeId && c.OrganisationId == user.OrganisationId, ct))
        {
            return null;
        }

        var query = db.ActionItems.AsNoTracking().Where(a => a.OrganisationId == user.OrganisationId && a.CommitteeId == committeeId);
        if (status is { } s)
        {
            query = query.Where(a => a.Status == s);
        }

        if (ownerPersonId is { } owner)
        {
            query = query.Where(a => a.OwnerPersonId == owner);
        }

        return Ordered(await ToDtosAsync(db, user, await query.ToListAsync(ct), ct));
    }

    /// <summary>
    /// The actions a meeting carries: the committee's actions still open (or in progress) that were raised at
    /// earlier meetings, and every action raised at this one. Null when the meeting is not found.
    /// </summary>
    public async Task<IReadOnlyList<ActionDto>?> CarriedAsync(CurrentUser user, Guid meetingId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        var meeting = await db.Meetings.AsNoTracking()
            .Where(m => m.Id == meetingId && m.OrganisationId == user.OrganisationId)
            .Select(m => new { m.Id, m.CommitteeId, m.StartsAt })
            .SingleOrDefaultAsync(ct);
        if (meeting is null)
        {
            return null;
        }

        var actions = await (
                from a in db.ActionItems.AsNoTracking()
                join m in db.Meetings.AsNoTracking() on a.MeetingId equals m.Id
                where a.OrganisationId == user.OrganisationId && a.CommitteeId == meeting.CommitteeId
                      && (a.MeetingId == meeting.Id
                          || (m.StartsAt < meeting.StartsAt && (a.Status == ActionStatus.Open || a.Status == ActionStatus.InProgress)))
                select a)
            .ToListAsync(ct);
        return Ordered(await ToDtosAsync(db, user, actions, ct));
    }

    /// <summary>The secretary, or the owner themself, changes the status, note and due date.</summary>
    public async Task<CommandResult<ActionDto>> UpdateAsync(CurrentUser user, Guid id, UpdateActionRequest request, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(user.AsAuditActor(), ct);
        var action = await db.ActionItems.SingleOrDefaultAsync(a => a.Id == id && a.OrganisationId == user.OrganisationId, ct);
        if (action is not null && !IsSecretary(user) && user.PersonId != action.OwnerPersonId)
        {
            return Failure.Forbidden("Only the committee secretary or the action's owner may update it.");
        }

        var result = await VersionedEdit.ApplyAsync(db, action, request.Version, "The action", "action", a =>
            request.Status is { } status
                ? a.Update(status, request.StatusNote, request.DueOn, Today)
                : Failure.Validation("status", "Choose a status: open, in progress, done or dropped."), ct);
        if (!result.Succeeded)
        {
            return result.Failure!;
        }

        logger.LogInformation("Action {ActionId} of {CommitteeId} set to {Status} by {UserId}", action!.Id, action.CommitteeId, action.Status, user.UserId);
        return CommandResult<ActionDto>.Success((await ToDtosAsync(db, user, [action], ct))[0]);
    }

    private static bool IsSecretary(CurrentUser user) =>
        user.IsAnyOf(AppRole.CommitteeSecretary, AppRole.GovernanceLead, AppRole.Administrator);

    // Open and in-progress first; then the soonest due (undated last), then oldest raised.
    private static List<ActionDto> Ordered(IEnumerable<ActionDto> actions) =>
        [.. actions
            .OrderBy(a => a.Status is ActionStatus.Done or ActionStatus.Dropped)
            .ThenBy(a => a.DueOn is null)
            .ThenBy(a => a.DueOn)
            .ThenBy(a => a.MeetingStartsAt)
            .ThenBy(a => a.Description, StringComparer.Ordinal)];

    private async Task<List<ActionDto>> ToDtosAsync(AppDbContext db, CurrentUser user, IReadOnlyList<ActionItem> actions, CancellationToken ct)
    {
        var meetingIds = actions.Select(a => a.MeetingId).Distinct().ToList();
        var ownerIds = actions.Select(a => a.OwnerPersonId).Distinct().ToList();
        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => meetingIds.Contains(m.Id) && m.OrganisationId == user.OrganisationId)
            .Select(m => new { m.Id, m.Title, m.StartsAt })
            .ToDictionaryAsync(m => m.Id, ct);
        var itemIds = actions.Where(a => a.ItemId is not null).Select(a => a.ItemId!.Value).Distinct().ToList();
        var items = itemIds.Count == 0
            ? []
            : await db.Meetings.AsNoTracking().Where(m => meetingIds.Contains(m.Id)).SelectMany(m => m.Items)
                .Where(i => itemIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Title, ct);
        var owners = await db.People.AsNoTracking()
            .Where(p => ownerIds.Contains(p.Id) && p.OrganisationId == user.OrganisationId)
            .ToDictionaryAsync(p => p.Id, p => p.FullName, ct);
        var today = Today;
        return [.. actions.Select(a => new ActionDto(
            a.Id, a.CommitteeId, a.MeetingId, meetings[a.MeetingId].Title, meetings[a.MeetingId].StartsAt,
            a.ItemId, a.ItemId is { } itemId ? items.GetValueOrDefault(itemId) : null,
            a.Description, a.OwnerPersonId, owners.GetValueOrDefault(a.OwnerPersonId) ?? "",
            a.DueOn, a.Status, a.StatusNote, a.ClosedOn, a.IsOverdueOn(today), a.Version))];
    }
}
