using CoCommissioning.Data;
using CoCommissioning.Domain.Common;
using CoCommissioning.Domain.Meetings;
using CoCommissioning.Web.Features.Meetings;
using CoCommissioning.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CoCommissioning.Web.Features.AgendaTemplates;

/// <summary>A standing item of a committee's agenda template.</summary>
public sealed record AgendaTemplateEntryDto(StandingItem Part, string Title, ItemPurpose Purpose);

/// <summary>
/// A committee's agenda template: <see cref="IsDefault"/> when the committee has none of its own and the rule book's
/// standard items apply; <see cref="Version"/> is null then (send null to create the committee's own).
/// <see cref="CanChange"/>: whether the caller may change it (the committee's secretaries, governance leads, administrators).
/// </summary>
public sealed record AgendaTemplateDto(Guid CommitteeId, bool IsDefault, Guid? Version, IReadOnlyList<AgendaTemplateEntryDto> Entries, bool CanChange);

/// <summary>Replaces a committee's standing items; <see cref="Version"/> is the template's, null when it has none yet.</summary>
public sealed record SaveAgendaTemplateRequest(IReadOnlyList<AgendaTemplateEntryDto>? Entries, Guid? Version);

/// <summary>
/// Agenda templates per committee (ADR-0018): read by anyone signed in to the organisation, changed by its secretaries,
/// governance leads and administrators, and applied by <see cref="Meetings.MeetingService.ScheduleAsync"/>.
/// </summary>
public sealed class AgendaTemplateService(GovernanceDbFactory dbs, ILogger<AgendaTemplateService> logger)
{
    public async Task<AgendaTemplateDto?> GetAsync(CurrentUser user, Guid committeeId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        if (!await db.Committees.AnyAsync(c => c.Id == committeeId && c.OrganisationId == user.OrganisationId, ct))
        {
            return null;
        }

        var template = await LoadAsync(db, committeeId, ct);
        return ToDto(committeeId, template, await MeetingAccess.PreparesAsync(db, user, committeeId, ct));
    }

    public async Task<CommandResult<AgendaTemplateDto>> SaveAsync(CurrentUser user, Guid committeeId, SaveAgendaTemplateRequest request, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(user.AsAuditActor(), ct);
        if (!await db.Committees.AnyAsync(c => c.Id == committeeId && c.OrganisationId == user.OrganisationId, ct))
        {
            return Failure.NotFound("The committee");
        }

        // The same people who prepare the committee's agendas change its standing items (ADR-0019).
        if (await MeetingAccess.RefusedAsync(db, user, committeeId, MeetingWork.Prepare, ct) is { } refused)
        {
            return refused;
        }

        var entries = (request.Entries ?? []).Select(e => e is null ? null! : new AgendaTemplateEntry(e.Part, e.Title, e.Purpose)).ToList();
        var template = await db.AgendaTemplates.Include(t => t.Items).SingleOrDefaultAsync(t => t.CommitteeId == committeeId, ct);
        if (template is null)
        {
            if (request.Version is not null)
            {
                return Failure.Conflict("agenda template");
            }

            var created = AgendaTemplate.Create(user.OrganisationId, committeeId, entries);
            if (!created.TryGetValue(out template, out var failure))
            {
                return failure;
            }

            db.AgendaTemplates.Add(template);
        }
        else
        {
            if (request.Version != template.Version)
            {
                return Failure.Conflict("agenda template");
            }

            db.Entry(template).Property(t => t.Version).OriginalValue = request.Version.Value;
            var old = template.Items.ToList();
            var replaced = template.Replace(entries);
            if (replaced.TryGetFailure(out var failure))
            {
                return failure;
            }

            db.RemoveRange(old);
        }

        if (await Saving.SaveAsync(db, "agenda template", ct) is { Failure: { } lost })
        {
            return lost;
        }

        logger.LogInformation("Committee {CommitteeId}: {UserId} saved the agenda template", committeeId, user.UserId);
        return CommandResult<AgendaTemplateDto>.Success(ToDto(committeeId, template, canChange: true));
    }

    /// <summary>The standing items a new meeting of the committee gets: its own template's, or the rule book's.</summary>
    internal static async Task<IReadOnlyList<AgendaTemplateEntry>> EntriesForAsync(AppDbContext db, Guid committeeId, CancellationToken ct) =>
        (await LoadAsync(db, committeeId, ct))?.Entries ?? AgendaTemplate.Default;

    private static Task<AgendaTemplate?> LoadAsync(AppDbContext db, Guid committeeId, CancellationToken ct) =>
        db.AgendaTemplates.AsNoTracking().Include(t => t.Items).SingleOrDefaultAsync(t => t.CommitteeId == committeeId, ct);

    private static AgendaTemplateDto ToDto(Guid committeeId, AgendaTemplate? template, bool canChange) =>
        new(committeeId, template is null, template?.Version,
            [.. (template?.Entries ?? AgendaTemplate.Default).Select(e => new AgendaTemplateEntryDto(e.Part, e.Title, e.Purpose))], canChange);
}
