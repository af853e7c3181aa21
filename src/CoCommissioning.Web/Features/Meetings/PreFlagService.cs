using CoCommissioning.Data;
using CoCommissioning.Domain.Common;
using CoCommissioning.Domain.Interests;
using CoCommissioning.Domain.Meetings;
using CoCommissioning.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CoCommissioning.Web.Features.Meetings;

/// <summary>
/// Register-driven pre-flags (ADR-0010): before a meeting, who is likely conflicted on which item, from the bodies
/// items affect and the bodies register interests concern; and each member's answer to their own flags. Flags are
/// computed when asked, never stored, so a declaration made or reviewed the day before the meeting shows at once.
/// </summary>
public sealed class PreFlagService(GovernanceDbFactory dbs, TimeProvider clock, ILogger<PreFlagService> logger)
{
    /// <summary>The meeting pack: every item, every member. Null when the meeting is not the user's organisation's.</summary>
    public async Task<IReadOnlyList<PreFlagDto>?> ForMeetingAsync(CurrentUser user, Guid meetingId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        var meeting = await LoadAsync(db, user, meetingId, ct);
        return meeting is null ? null : await ToDtosAsync(db, meeting, await FlagsAsync(db, meeting, ct), ct);
    }

    /// <summary>The caller's own flags (as member, or as a member's named deputy). Empty for an account linked to no person.</summary>
    public async Task<IReadOnlyList<PreFlagDto>?> MineAsync(CurrentUser user, Guid meetingId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        var meeting = await LoadAsync(db, user, meetingId, ct);
        if (meeting is null)
        {
            return null;
        }

        var flags = await FlagsAsync(db, meeting, ct);
        return await ToDtosAsync(db, meeting, [.. flags.Where(f => user.PersonId is { } me && f.Candidate.PersonId == me)], ct);
    }

    /// <summary>The likely conflicts on one item, with members' answers: what the console and chair's view show at the item.</summary>
    internal static async Task<IReadOnlyList<PreFlagDto>> ForItemAsync(AppDbContext db, Meeting meeting, Guid itemId, CancellationToken ct) =>
        await ToDtosAsync(db, meeting, [.. (await FlagsAsync(db, meeting, ct)).Where(f => f.ItemId == itemId)], ct);

    /// <summary>Confirms or dismisses one of the caller's own pre-flags; answering again changes the answer.</summary>
    public async Task<CommandResult<PreFlagDto>> RespondAsync(CurrentUser user, Guid meetingId, PreFlagRespondRequest request, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(user.AsAuditActor(), ct);
        var meeting = await LoadAsync(db, user, meetingId, ct);
        if (meeting is null)
        {
            return Failure.NotFound("The meeting");
        }

        if (request.Response is not { } answer)
        {
            return Failure.Validation("response", "Choose whether you confirm the interest is relevant to the item or dismiss it.");
        }

        var flag = (await FlagsAsync(db, meeting, ct)).FirstOrDefault(f => f.ItemId == request.ItemId && f.Interest.DeclarationId == request.DeclarationId);
        if (flag is null)
        {
            return Failure.NotFound("The pre-flag");
        }

        // Only the person whose interest it is answers for it: the secretary and the chair see answers, not give them.
        if (user.PersonId is not { } me || flag.Candidate.PersonId != me)
        {
            return Failure.Forbidden("You can answer only your own pre-flags.");
        }

        var existing = await db.PreFlagResponses.SingleOrDefaultAsync(r => r.ItemId == flag.ItemId && r.DeclarationId == flag.Interest.DeclarationId, ct);
        var recorded = existing is null
            ? Record(db, user, meeting, flag, answer, request.Note)
            : existing.Change(answer, request.Note, clock.Now());
        if (recorded.TryGetFailure(out var failure))
        {
            return failure;
        }

        // Two answers at once (two tabs): the unique index keeps one; the member sees the conflict and reloads.
        if (await Saving.SaveAsync(db, "pre-flag answer", ct) is { Failure: { } lost })
        {
            return lost;
        }

        logger.LogInformation("Meeting {MeetingId}: {UserId} answered pre-flag on item {ItemId} for declaration {DeclarationId}: {Answer}", meeting.Id, user.UserId, flag.ItemId, flag.Interest.DeclarationId, answer);
        return CommandResult<PreFlagDto>.Success((await ToDtosAsync(db, meeting, [flag], ct))[0]);
    }

    private CommandResult Record(AppDbContext db, CurrentUser user, Meeting meeting, PreFlag flag, PreFlagAnswer answer, string? note)
    {
        var made = PreFlagResponse.Record(user.OrganisationId, meeting.Id, flag, answer, note, clock.Now());
        if (!made.TryGetValue(out var response, out var failure))
        {
            return failure;
        }

        db.PreFlagResponses.Add(response);
        return CommandResult.Success();
    }

    private static Task<Meeting?> LoadAsync(AppDbContext db, CurrentUser user, Guid meetingId, CancellationToken ct) =>
        db.Meetings.AsNoTracking().Include(m => m.Items).Include(m => m.Declarations).Include(m => m.FlagDismissals).AsSplitQuery()
            .SingleOrDefaultAsync(m => m.Id == meetingId && m.OrganisationId == user.OrganisationId, ct);

    /// <summary>
    /// Candidates are the memberships current on the meeting date and the deputies named for them; interests are
    /// the organisation's declarations of those people, filtered by <see cref="ConflictPreFlags"/>.
    /// </summary>
    internal static async Task<IReadOnlyList<PreFlag>> FlagsAsync(AppDbContext db, Meeting meeting, CancellationToken ct)
    {
        var date = meeting.Date;
        var memberships = (await db.Memberships.AsNoTracking()
                .Where(m => m.CommitteeId == meeting.CommitteeId && m.OrganisationId == meeting.OrganisationId)
                .ToListAsync(ct))
            .Where(m => m.IsCurrentOn(date))
            .ToList();
        var personIds = memberships.Select(m => m.PersonId)
            .Concat(memberships.Where(m => m.DeputyPersonId is not null).Select(m => m.DeputyPersonId!.Value))
            .Distinct()
            .ToList();
        var names = await db.People.AsNoTracking()
            .Where(p => personIds.Contains(p.Id) && p.OrganisationId == meeting.OrganisationId)
            .ToDictionaryAsync(p => p.Id, p => p.FullName, ct);
        var candidates = memberships
            .Select(m => new PreFlagCandidate(m.Id, m.PersonId, names.GetValueOrDefault(m.PersonId) ?? "", IsDeputy: false))
            .Concat(memberships.Where(m => m.DeputyPersonId is not null)
                .Select(m => new PreFlagCandidate(m.Id, m.DeputyPersonId!.Value, names.GetValueOrDefault(m.DeputyPersonId!.Value) ?? "", IsDeputy: true)))
            .ToList();

        // Filtered in memory: a committee's members hold a handful of declarations, and the rule stays in one place.
        var interests = await db.Declarations.AsNoTracking()
            .Where(d => d.OrganisationId == meeting.OrganisationId && d.Kind == DeclarationKind.Interest && personIds.Contains(d.PersonId))
            .ToListAsync(ct);
        return ConflictPreFlags.For(meeting.Items, candidates, interests.Select(RegisterInterest.From), date);
    }

    private static async Task<IReadOnlyList<PreFlagDto>> ToDtosAsync(AppDbContext db, Meeting meeting, IReadOnlyList<PreFlag> flags, CancellationToken ct)
    {
        var bodyIds = flags.Select(f => f.BodyId).Distinct().ToList();
        var bodies = await db.ExternalBodies.AsNoTracking()
            .Where(b => bodyIds.Contains(b.Id) && b.OrganisationId == meeting.OrganisationId)
            .ToDictionaryAsync(b => b.Id, b => b.Name, ct);
        var responses = (await db.PreFlagResponses.AsNoTracking().Where(r => r.MeetingId == meeting.Id).ToListAsync(ct))
            .ToDictionary(r => (r.ItemId, r.DeclarationId));
        var items = meeting.Items.ToDictionary(i => i.Id);
        var place = meeting.Agenda.Select((item, index) => (item.Id, index)).ToDictionary(x => x.Id, x => x.index);
        var dismissers = meeting.FlagDismissals.Count == 0
            ? []
            : await db.Memberships.AsNoTracking().Where(m => m.CommitteeId == meeting.CommitteeId)
                .Join(db.People, m => m.PersonId, p => p.Id, (m, p) => new { m.Id, p.FullName })
                .ToDictionaryAsync(x => x.Id, x => x.FullName, ct);
        return [.. flags.Select(f =>
        {
            var item = items[f.ItemId];
            var details = f.Interest.Details!;
            var response = responses.GetValueOrDefault((f.ItemId, f.Interest.DeclarationId));
            return new PreFlagDto(
                f.ItemId,
                item.Number,
                item.Title,
                f.Candidate.MembershipId,
                f.Candidate.PersonId,
                f.Candidate.Name,
                f.Candidate.IsDeputy,
                f.Interest.DeclarationId,
                details.Category,
                details.Nature,
                f.BodyId,
                bodies.GetValueOrDefault(f.BodyId) ?? "",
                f.Interest.Status,
                f.NotYetReviewed,
                f.Interest.Withheld,
                response is null ? null : new PreFlagResponseDto(response.Response, response.Note, response.RespondedAt),
                meeting.IsDeclared(f) ? PreFlagStatus.Declared : meeting.DismissalOf(f) is not null ? PreFlagStatus.Dismissed : PreFlagStatus.Open,
                meeting.DismissalOf(f) is { } dismissal ? MeetingService.ToDto(dismissal, dismissers.GetValueOrDefault(dismissal.DismissedByMembershipId) ?? "") : null);
        })
        // One order everywhere the flags are listed, whatever order the database gave the memberships.
        .OrderBy(d => place.GetValueOrDefault(d.ItemId)).ThenBy(d => d.PersonName, StringComparer.Ordinal).ThenBy(d => d.BodyName, StringComparer.Ordinal)];
    }
}
