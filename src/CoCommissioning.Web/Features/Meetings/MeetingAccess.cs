using CoCommissioning.Data;
using CoCommissioning.Data.Identity;
using CoCommissioning.Domain.Common;
using CoCommissioning.Domain.Meetings;
using CoCommissioning.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CoCommissioning.Web.Features.Meetings;

/// <summary>What a write to a meeting's record is, for <see cref="MeetingAccess"/>.</summary>
public enum MeetingWork
{
    /// <summary>Arranging the meeting before it runs: schedule, agenda, papers, apologies, publication, date, place, cancelling.</summary>
    Prepare,

    /// <summary>Recording the meeting as it runs: the console's attendance, current item, outcomes, votes, closing.</summary>
    Minute,

    /// <summary>
    /// What a member or the person presiding may do for themselves (declarations, rulings, quorum confirmations): the
    /// action decides who may, and asks <see cref="MeetingAccess.KeepsTheRecordAsync"/> whether the caller acts as secretary.
    /// </summary>
    Participate,
}

/// <summary>
/// The one place that decides who may change a committee's meetings (ADR-0019). A committee's secretaries (the user
/// accounts assigned to it, <see cref="Domain.Committees.CommitteeSecretary"/>) and administrators keep its meetings'
/// records; a governance lead may also prepare them (agendas, papers, dates), as before; any other secretary of the
/// organisation only reads them. Every meeting write path calls it: <see cref="MeetingService.WriteAsync{T}(CurrentUser, Guid, MeetingWork, string, Func{AppDbContext, Meeting, Task{CommandResult{Func{Task{T}}}}}, CancellationToken)"/>
/// for the meeting's record, and <see cref="RefusedAsync"/> directly for scheduling and papers.
/// </summary>
public static class MeetingAccess
{
    /// <summary>Whether the user keeps this committee's record: an administrator, or one of its secretaries.</summary>
    public static async Task<bool> KeepsTheRecordAsync(AppDbContext db, CurrentUser user, Guid committeeId, CancellationToken ct) =>
        user.IsIn(AppRole.Administrator)
        || (user.IsIn(AppRole.CommitteeSecretary)
            && await db.CommitteeSecretaries.AnyAsync(s => s.CommitteeId == committeeId && s.UserId == user.UserId && s.OrganisationId == user.OrganisationId, ct));

    /// <summary>The user accounts assigned as the committee's secretaries: read once for a view several users share.</summary>
    public static async Task<IReadOnlySet<Guid>> SecretariesAsync(AppDbContext db, Guid organisationId, Guid committeeId, CancellationToken ct) =>
        (await db.CommitteeSecretaries.AsNoTracking().Where(s => s.CommitteeId == committeeId && s.OrganisationId == organisationId)
            .Select(s => s.UserId).ToListAsync(ct)).ToHashSet();

    /// <summary>As <see cref="KeepsTheRecordAsync"/>, against the committee's secretaries read by <see cref="SecretariesAsync"/> for the user's organisation.</summary>
    public static bool KeepsTheRecord(CurrentUser user, IReadOnlySet<Guid> secretaries) =>
        user.IsIn(AppRole.Administrator) || (user.IsIn(AppRole.CommitteeSecretary) && secretaries.Contains(user.UserId));

    /// <summary>Whether the user may arrange this committee's meetings (agendas, papers, dates, place).</summary>
    public static async Task<bool> PreparesAsync(AppDbContext db, CurrentUser user, Guid committeeId, CancellationToken ct) =>
        user.IsIn(AppRole.GovernanceLead) || await KeepsTheRecordAsync(db, user, committeeId, ct);

    /// <summary>Null when the user may do <paramref name="work"/> for the committee's meetings; otherwise the 403 saying who may.</summary>
    public static async Task<Failure?> RefusedAsync(AppDbContext db, CurrentUser user, Guid committeeId, MeetingWork work, CancellationToken ct) => work switch
    {
        MeetingWork.Participate => null,
        MeetingWork.Prepare => await PreparesAsync(db, user, committeeId, ct) ? null
            : Failure.Forbidden("Only this committee's secretaries (and administrators and governance leads) change its meetings and agendas. You can read them."),
        _ => await KeepsTheRecordAsync(db, user, committeeId, ct) ? null
            : Failure.Forbidden("Only this committee's secretaries (and administrators) run its meetings' consoles. You can follow the meeting."),
    };

    /// <summary>
    /// What the meeting's state allows for <paramref name="work"/>: nothing is recorded at a closed or cancelled meeting,
    /// and a closed meeting's arrangements stay as they were.
    /// </summary>
    public static Failure? RefusedByState(Meeting meeting, MeetingWork work) =>
        work == MeetingWork.Prepare ? (meeting.IsClosed ? meeting.RecordingRefused() : null) : meeting.RecordingRefused();
}
