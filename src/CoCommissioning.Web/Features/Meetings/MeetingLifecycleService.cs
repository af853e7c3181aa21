using CoCommissioning.Data;
using CoCommissioning.Domain.Common;
using CoCommissioning.Domain.Meetings;
using CoCommissioning.Web.Components;
using CoCommissioning.Web.Features.Notices;
using CoCommissioning.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CoCommissioning.Web.Features.Meetings;

/// <summary>
/// The meeting's details and life (ADR-0019): date, time, venue and joining details, cancelling with a public reason,
/// re-scheduling, and closing the meeting from the console. Each goes through <see cref="MeetingService"/>'s one write
/// path, so it is checked against the meeting's version, its committee's secretaries and its state, and audited.
/// </summary>
public sealed class MeetingLifecycleService(GovernanceDbFactory dbs, MeetingService meetings, MeetingNotices notices, TimeProvider clock)
{
    /// <summary>Changes the date, time and place; a changed date is a re-scheduling (the notice rule applies).</summary>
    public async Task<CommandResult<MeetingDto>> ChangeDetailsAsync(CurrentUser user, Guid meetingId, MeetingDetailsRequest request, CancellationToken ct = default)
    {
        var notice = await NoticePeriodOnAsync(user, request.StartsAt, ct);
        var changed = await meetings.ChangeAsync(user, meetingId, request.Version, MeetingWork.Prepare, "changed the meeting's details", (_, meeting) =>
        {
            if (request.StartsAt is null)
            {
                return Task.FromResult<CommandResult>(Failure.Validation("startsAt", "Enter the date and time the meeting starts."));
            }

            var place = MeetingPlace.Check(request.VenueName, request.VenueAddress, request.JoiningLink, request.JoiningInstructions);
            if (!place.TryGetValue(out var placeValue, out var failure))
            {
                return Task.FromResult<CommandResult>(failure);
            }

            if (meeting.IsCancelled && meeting.IsAt(request.StartsAt.Value))
            {
                // Only the place changes: the meeting stays cancelled until it is re-scheduled.
                return Task.FromResult(meeting.ChangePlace(placeValue));
            }

            if (meeting.IsCancelled)
            {
                return Task.FromResult<CommandResult>(Failure.Rule("The meeting is cancelled: re-schedule it to change its date."));
            }

            var moved = meeting.Reschedule(request.StartsAt.Value, request.ShortNoticeReason, clock.Now(), notice);
            return Task.FromResult(moved.Succeeded ? meeting.ChangePlace(placeValue) : moved);
        }, ct);
        await TellChangedAsync(changed);
        return changed;
    }

    public async Task<CommandResult<MeetingDto>> CancelAsync(CurrentUser user, Guid meetingId, CancelMeetingRequest request, CancellationToken ct = default)
    {
        var cancelled = await meetings.ChangeAsync(user, meetingId, request.Version, MeetingWork.Prepare, "cancelled the meeting", (_, meeting) =>
            Task.FromResult(meeting.Cancel(request.Reason, clock.Now())), ct);
        if (cancelled.TryGetValue(out var dto, out _))
        {
            await notices.MeetingCancelledAsync(meetingId, dto.Arrangements.CancellationReason ?? "");
        }

        return cancelled;
    }

    public async Task<CommandResult<MeetingDto>> RescheduleAsync(CurrentUser user, Guid meetingId, RescheduleMeetingRequest request, CancellationToken ct = default)
    {
        var notice = await NoticePeriodOnAsync(user, request.StartsAt, ct);
        var rescheduled = await meetings.ChangeAsync(user, meetingId, request.Version, MeetingWork.Prepare, "re-scheduled the meeting", (_, meeting) =>
            Task.FromResult(request.StartsAt is { } startsAt
                ? meeting.Reschedule(startsAt, request.ShortNoticeReason, clock.Now(), notice)
                : Failure.Validation("startsAt", "Enter the new date and time of the meeting.")), ct);
        await TellChangedAsync(rescheduled);
        return rescheduled;
    }

    /// <summary>The notice period in force on the new date (local rules, ADR-0025).</summary>
    private async Task<NoticePeriod> NoticePeriodOnAsync(CurrentUser user, DateTimeOffset? startsAt, CancellationToken ct)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        var date = DateOnly.FromDateTime((startsAt ?? clock.Now()).UtcDateTime);
        return await LocalRules.LocalRulesService.NoticePeriodOnAsync(db, user.OrganisationId, date, ct);
    }

    /// <summary>After the change has committed: the expected attendees hear when and where the meeting now is.</summary>
    private async Task TellChangedAsync(CommandResult<MeetingDto> changed)
    {
        if (!changed.TryGetValue(out var meeting, out _))
        {
            return;
        }

        var place = meeting.Arrangements;
        var where = new List<string> { $"It now starts on {Labels.MeetingStart(meeting.StartsAt)}." };
        if (place.VenueName is { } venue)
        {
            where.Add($"Venue: {venue}{(place.VenueAddress is { } address ? $", {address}" : "")}.");
        }

        if (place.JoiningLink is { } link)
        {
            where.Add($"Joining online: {link}{(place.JoiningInstructions is { } how ? $" ({how})" : "")}.");
        }

        await notices.MeetingChangedAsync(meeting.Id, string.Join("\n", where));
    }

    /// <summary>Closes the meeting from the console: the time is recorded and nothing more can be recorded at it.</summary>
    public Task<CommandResult<MeetingDto>> CloseAsync(CurrentUser user, Guid meetingId, CloseMeetingRequest request, CancellationToken ct = default) =>
        meetings.ChangeAsync(user, meetingId, request.Version, MeetingWork.Minute, "closed the meeting", (_, meeting) =>
            Task.FromResult(meeting.CloseMeeting(clock.Now())), ct);

    /// <summary>What the caller may do with the meeting; null when it is not one of their organisation's.</summary>
    public async Task<MeetingPermissionsDto?> PermissionsAsync(CurrentUser user, Guid meetingId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        var committeeId = await db.Meetings.AsNoTracking().Where(m => m.Id == meetingId && m.OrganisationId == user.OrganisationId)
            .Select(m => (Guid?)m.CommitteeId).SingleOrDefaultAsync(ct);
        return committeeId is { } id
            ? new MeetingPermissionsDto(meetingId, await MeetingAccess.PreparesAsync(db, user, id, ct), await MeetingAccess.KeepsTheRecordAsync(db, user, id, ct))
            : null;
    }
}
