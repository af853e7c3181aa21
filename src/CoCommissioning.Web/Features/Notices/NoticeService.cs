using CoCommissioning.Data;
using CoCommissioning.Data.Identity;
using CoCommissioning.Domain.Common;
using CoCommissioning.Domain.Notices;
using CoCommissioning.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CoCommissioning.Web.Features.Notices;

/// <summary>
/// What people see of notices: their own settings and the messages sent to them; for the governance lead and the
/// administrator, every message of the organisation with its status, and a resend of a failed one. Always filtered by
/// the user's organisation.
/// </summary>
public sealed class NoticeService(GovernanceDbFactory dbs, NoticeSignal signal, TimeProvider clock, ILogger<NoticeService> logger)
{
    public const int PageSize = 50;

    private static readonly Failure NoPerson = Failure.Rule("Your account is not linked to a person in your organisation's records, so no notices are sent to you.");

    public static bool SeesAll(CurrentUser user) => user.IsAnyOf(AppRole.GovernanceLead, AppRole.Administrator);

    public async Task<CommandResult<NoticePreferencesDto>> PreferencesAsync(CurrentUser user, CancellationToken ct = default)
    {
        if (user.PersonId is not { } personId)
        {
            return NoPerson;
        }

        await using var db = await dbs.CreateForReadingAsync(ct);
        return CommandResult<NoticePreferencesDto>.Success(await ToDtoAsync(db, user, personId, ct));
    }

    public async Task<CommandResult<NoticePreferencesDto>> SavePreferencesAsync(CurrentUser user, SaveNoticePreferencesRequest request, CancellationToken ct = default)
    {
        if (user.PersonId is not { } personId)
        {
            return NoPerson;
        }

        await using var db = await dbs.CreateAsync(user.AsAuditActor(), ct);
        var preference = await db.NoticePreferences.SingleOrDefaultAsync(p => p.PersonId == personId && p.OrganisationId == user.OrganisationId, ct);
        CommandResult saved;
        if (preference is null)
        {
            if (request.Version is not null)
            {
                return Failure.Conflict("notice settings");
            }

            preference = NoticePreference.For(user.OrganisationId, personId);
            saved = preference.Set(request.AllOff, request.Off);
            if (saved.Succeeded)
            {
                db.NoticePreferences.Add(preference);
                saved = await Saving.SaveAsync(db, "notice settings", ct, new Dictionary<string, Failure> { [OnePreferencePerPerson] = Failure.Conflict("notice settings") });
            }
        }
        else
        {
            saved = await VersionedEdit.ApplyAsync(db, preference, request.Version ?? Guid.Empty, "Your notice settings", "notice settings", p => p.Set(request.AllOff, request.Off), ct);
        }

        if (!saved.Succeeded)
        {
            return saved.Failure!;
        }

        logger.LogInformation("Notice settings of person {PersonId} saved by {UserId}: all off {AllOff}, off {Off}", personId, user.UserId, preference.AllOff, string.Join(",", preference.Off));
        return CommandResult<NoticePreferencesDto>.Success(await ToDtoAsync(db, user, personId, ct));
    }

    /// <summary>The messages sent (or to be sent) to the user, newest first.</summary>
    public async Task<NoticePageDto> MineAsync(CurrentUser user, int page = 1, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        // An account linked to no person is sent nothing, so it sees nothing.
        var personId = user.PersonId ?? Guid.Empty;
        var mine = db.Notices.AsNoTracking().Where(n => n.OrganisationId == user.OrganisationId && n.RecipientPersonId == personId);
        return await PageAsync(mine, page, ct);
    }

    /// <summary>Every message of the organisation, newest first, optionally by status and by the record it is about.</summary>
    public async Task<CommandResult<NoticePageDto>> AllAsync(CurrentUser user, NoticeStatus? status, Guid? relatedRecordId, int page = 1, CancellationToken ct = default)
    {
        if (!SeesAll(user))
        {
            return Failure.Forbidden("Only the governance lead or an administrator sees every notice.");
        }

        await using var db = await dbs.CreateForReadingAsync(ct);
        var query = db.Notices.AsNoTracking().Where(n => n.OrganisationId == user.OrganisationId);
        if (status is { } s)
        {
            query = query.Where(n => n.Status == s);
        }

        if (relatedRecordId is { } related)
        {
            query = query.Where(n => n.RelatedRecordId == related);
        }

        return CommandResult<NoticePageDto>.Success(await PageAsync(query, page, ct));
    }

    /// <summary>A failed notice waits to be sent again (the dispatcher is woken at once).</summary>
    public async Task<CommandResult<NoticeDto>> ResendAsync(CurrentUser user, Guid id, ResendNoticeRequest request, CancellationToken ct = default)
    {
        if (!SeesAll(user))
        {
            return Failure.Forbidden("Only the governance lead or an administrator resends a notice.");
        }

        await using var db = await dbs.CreateForReadingAsync(ct);
        var notice = await db.Notices.SingleOrDefaultAsync(n => n.Id == id && n.OrganisationId == user.OrganisationId, ct);
        var resent = await VersionedEdit.ApplyAsync(db, notice, request.Version, "The notice", "notice", n => n.Resend(clock.Now()), ct);
        if (!resent.Succeeded)
        {
            return resent.Failure!;
        }

        signal.Raise();
        logger.LogInformation("Notice {NoticeId} to {To} resent by {UserId}", id, notice!.RecipientEmail, user.UserId);
        return CommandResult<NoticeDto>.Success(ToDto(notice));
    }

    internal const string OnePreferencePerPerson = "IX_NoticePreferences_PersonId";

    private static async Task<NoticePageDto> PageAsync(IQueryable<Notice> query, int page, CancellationToken ct)
    {
        page = Math.Max(1, page);
        var total = await query.CountAsync(ct);
        var notices = await query.OrderByDescending(n => n.CreatedAt).ThenBy(n => n.RecipientName).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return new NoticePageDto([.. notices.Select(ToDto)], total, page, PageSize);
    }

    private static async Task<NoticePreferencesDto> ToDtoAsync(AppDbContext db, CurrentUser user, Guid personId, CancellationToken ct)
    {
        var preference = await db.NoticePreferences.AsNoTracking().SingleOrDefaultAsync(p => p.PersonId == personId && p.OrganisationId == user.OrganisationId, ct);
        var email = await db.People.AsNoTracking().Where(p => p.Id == personId && p.OrganisationId == user.OrganisationId).Select(p => p.Email).SingleOrDefaultAsync(ct);
        var kinds = Enum.GetValues<NoticeKind>().Select(k => new NoticeKindDto(k, NoticeLabels.Name(k), NoticeLabels.Description(k), NoticeRules.Allows(preference, k))).ToList();
        return new NoticePreferencesDto(personId, email, preference?.AllOff ?? false, preference?.Off ?? [], kinds, preference?.Version);
    }

    public static NoticeDto ToDto(Notice n) =>
        new(n.Id, n.Kind, NoticeLabels.Name(n.Kind), n.RecipientPersonId, n.RecipientName, n.RecipientEmail, n.Subject, n.Body, n.RelatedRecordType, n.RelatedRecordId,
            n.CreatedAt, n.Status, n.Attempts, n.LastAttemptAt, n.SentAt, n.NextAttemptAt, n.LastError, n.AttachmentName, n.Version);
}
