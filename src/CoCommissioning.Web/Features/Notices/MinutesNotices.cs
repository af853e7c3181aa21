using CoCommissioning.Data;
using CoCommissioning.Domain.Committees;
using CoCommissioning.Domain.Common;
using CoCommissioning.Domain.Minutes;
using CoCommissioning.Domain.Notices;
using CoCommissioning.Web.Components;
using CoCommissioning.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CoCommissioning.Web.Features.Notices;

/// <param name="Queued">Notices recorded (0 when the recipient has turned this kind off).</param>
public sealed record NoticesQueuedDto(int Queued, string Message);

/// <summary>The secretary tells the chair that the draft minutes are ready to read.</summary>
public sealed class MinutesNotices(GovernanceDbFactory dbs, NoticeOutbox outbox, ILogger<MinutesNotices> logger)
{
    public const string RecordType = "Minutes";

    /// <summary>
    /// Queues a notice to the committee's chair (the chair in office on the meeting date) naming the draft version.
    /// Refused (422) when the latest version is approved, and when the committee has no chair with an email address.
    /// </summary>
    public async Task<CommandResult<NoticesQueuedDto>> ReadyForChairAsync(CurrentUser user, Guid meetingId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        var meeting = await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == meetingId && m.OrganisationId == user.OrganisationId, ct);
        if (meeting is null)
        {
            return Failure.NotFound("The meeting");
        }

        var minutes = await db.Minutes.AsNoTracking().Include(m => m.Versions).SingleOrDefaultAsync(m => m.MeetingId == meetingId, ct);
        if (minutes is null || minutes.Latest.Status != MinutesStatus.Draft)
        {
            return Failure.Rule("There is no draft of these minutes to send: start the minutes, or correct the approved version.");
        }

        var chairs = await db.Memberships.AsNoTracking().Where(m => m.CommitteeId == meeting.CommitteeId && m.Office == CommitteeOffice.Chair).ToListAsync(ct);
        var chair = chairs.FirstOrDefault(m => m.IsCurrentOn(meeting.Date)) ?? chairs.FirstOrDefault();
        var recipients = chair is null ? [] : await NoticeOutbox.RecipientsAsync(db, user.OrganisationId, [chair.PersonId], ct);
        if (recipients.Count == 0)
        {
            return Failure.Rule("The committee has no chair with an email address to tell.");
        }

        var committee = await db.Committees.AsNoTracking().Where(c => c.Id == meeting.CommitteeId).Select(c => c.Name).SingleAsync(ct);
        var version = minutes.Latest.Number;
        var draft = new NoticeDraft(user.OrganisationId, NoticeKind.MinutesReadyForChair, RecordType, minutes.Id, to => (
            $"Draft minutes ready for you: {committee}, {Labels.MeetingStart(meeting.StartsAt)}",
            $"Dear {to.Name},\n\n{user.DisplayName} has sent you the draft minutes (version {version}) of {committee}: {meeting.Title} "
            + $"on {Labels.MeetingStart(meeting.StartsAt)} to read before they are approved.\n\nThe draft (sign in): {outbox.BaseUrl}/meetings/{meetingId}/minutes"));
        var added = await outbox.SaveAsync(db, draft, recipients, ct);
        logger.LogInformation("Draft minutes {MinutesId} version {Version} sent to the chair by {UserId}", minutes.Id, version, user.UserId);
        return CommandResult<NoticesQueuedDto>.Success(new NoticesQueuedDto(
            added,
            added == 0 ? $"{recipients[0].Name} has turned these notices off, so no email was sent." : $"{recipients[0].Name} will be emailed that the draft is ready."));
    }
}
