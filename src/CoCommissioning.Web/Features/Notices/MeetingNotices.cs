using CoCommissioning.Data;
using CoCommissioning.Domain.Notices;
using CoCommissioning.Web.Components;
using CoCommissioning.Web.Features.PublicMeetings;
using Microsoft.EntityFrameworkCore;

namespace CoCommissioning.Web.Features.Notices;

/// <summary>
/// Notices about a meeting: its agenda published, its details changed, its cancellation. Each goes to the committee's
/// members on the meeting date and to the named deputies of members who sent apologies (the meeting's expected
/// attendees), with the meeting as an .ics invitation. Called after the change has committed; never throws.
/// </summary>
public sealed class MeetingNotices(GovernanceDbFactory dbs, NoticeOutbox outbox, PublicMeetingsService publicMeetings, TimeProvider clock)
{
    public const string RecordType = "Meeting";
    public const string InvitationType = "text/calendar; charset=utf-8; method=PUBLISH";

    public static string PackUrl(string slug, Guid meetingId) => $"{PublicMeetingsService.MeetingUrl(slug, meetingId)}/pack.pdf";

    public Task<int> AgendaPublishedAsync(Guid meetingId) =>
        QueueAsync(NoticeKind.AgendaPublished, meetingId, (m, to) => (
            $"Agenda published: {m.Committee}, {m.When}",
            $"Dear {to.Name},\n\nThe agenda for {m.Committee}: {m.Title} on {m.When} has been published.\n\n"
            + $"The agenda and papers (sign in): {m.MeetingLink}\nThe public pack (PDF): {m.PackLink}\n\n"
            + "The meeting is attached as a calendar invitation."));

    /// <param name="whatChanged">In words, for the email ("The venue is now Room 2, Civic Centre").</param>
    public Task<int> MeetingChangedAsync(Guid meetingId, string whatChanged) =>
        QueueAsync(NoticeKind.MeetingChanged, meetingId, (m, to) => (
            $"Meeting changed: {m.Committee}, {m.When}",
            $"Dear {to.Name},\n\n{m.Committee}: {m.Title} has changed.\n\n{whatChanged.Trim()}\n\n"
            + $"It starts on {m.When}. The details (sign in): {m.MeetingLink}\n\n"
            + "The updated meeting is attached as a calendar invitation."));

    public Task<int> MeetingCancelledAsync(Guid meetingId, string reason) =>
        QueueAsync(NoticeKind.MeetingCancelled, meetingId, (m, to) => (
            $"Meeting cancelled: {m.Committee}, {m.When}",
            $"Dear {to.Name},\n\n{m.Committee}: {m.Title} on {m.When} has been cancelled.\n\nReason: {reason.Trim()}\n\n"
            + $"The details (sign in): {m.MeetingLink}\n\nThe cancelled meeting is attached, to update your calendar."));

    private Task<int> QueueAsync(NoticeKind kind, Guid meetingId, Func<MeetingFacts, NoticeRecipient, (string, string)> compose) =>
        outbox.SafelyAsync(kind.ToString(), meetingId, async () =>
        {
            // Not the request's token: the change has committed, and an aborted request must not lose its notices.
            var ct = CancellationToken.None;
            MeetingFacts? facts;
            IReadOnlyList<NoticeRecipient> recipients;
            await using (var db = await dbs.CreateForReadingAsync(ct))
            {
                facts = await FactsAsync(db, meetingId, ct);
                if (facts is null)
                {
                    return 0;
                }

                recipients = await NoticeOutbox.RecipientsAsync(db, facts.OrganisationId, facts.ExpectedPersonIds, ct);
            }

            var draft = new NoticeDraft(facts.OrganisationId, kind, RecordType, meetingId, to => compose(facts, to), await InvitationAsync(facts.Slug, meetingId, ct));
            return await outbox.QueueAsync(draft, _ => Task.FromResult(recipients), ct);
        });

    /// <summary>The meeting in the public calendar's words (<see cref="MeetingCalendar"/>), alone.</summary>
    private async Task<NoticeAttachment?> InvitationAsync(string slug, Guid meetingId, CancellationToken ct) =>
        await publicMeetings.MeetingsAsync(slug, ct) is { } calendar && calendar.Meetings.Any(m => m.Id == meetingId)
            ? new NoticeAttachment("meeting.ics", InvitationType, MeetingCalendar.WriteOne(calendar, meetingId, outbox.BaseUrl, clock.GetUtcNow()))
            : null;

    private async Task<MeetingFacts?> FactsAsync(AppDbContext db, Guid meetingId, CancellationToken ct)
    {
        var meeting = await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
        {
            return null;
        }

        var committee = await db.Committees.AsNoTracking().Where(c => c.Id == meeting.CommitteeId).Select(c => c.Name).SingleAsync(ct);
        var slug = await db.Organisations.AsNoTracking().Where(o => o.Id == meeting.OrganisationId).Select(o => o.Slug).SingleAsync(ct);
        var members = (await db.Memberships.AsNoTracking().Where(m => m.CommitteeId == meeting.CommitteeId).ToListAsync(ct))
            .Where(m => m.IsCurrentOn(meeting.Date)).ToList();
        var deputies = members.Where(m => meeting.Apologies.Contains(m.Id) && m.DeputyPersonId is not null).Select(m => m.DeputyPersonId!.Value);
        return new MeetingFacts(
            meeting.OrganisationId,
            slug,
            committee,
            meeting.Title,
            Labels.MeetingStart(meeting.StartsAt),
            $"{outbox.BaseUrl}/meetings/{meeting.Id}",
            $"{outbox.BaseUrl}{PackUrl(slug, meeting.Id)}",
            [.. members.Select(m => m.PersonId).Concat(deputies)]);
    }

    private sealed record MeetingFacts(Guid OrganisationId, string Slug, string Committee, string Title, string When, string MeetingLink, string PackLink, IReadOnlyList<Guid> ExpectedPersonIds);
}
