using CoCommissioning.Data;
using CoCommissioning.Data.Audit;
using CoCommissioning.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CoCommissioning.Web.Features.Audit;

public sealed record AuditEntryDto(Guid Id, DateTimeOffset OccurredAt, Guid? UserId, string ActorName, string RecordType, string RecordId, string? AggregateId, AuditAction Action, string Changes);

public sealed record AuditQuery(string? RecordId, Guid? UserId, string? RecordType, int Page = 1, int PageSize = 50);

public sealed record AuditPageDto(IReadOnlyList<AuditEntryDto> Entries, int Page, int PageSize, int Total);

public sealed record AuditActorDto(Guid UserId, string Name);

/// <summary>Reads the audit trail. There is deliberately no way to change or delete an entry.</summary>
public sealed class AuditService(GovernanceDbFactory dbs)
{
    public const int MaxPageSize = 200;

    public async Task<AuditPageDto> QueryAsync(CurrentUser user, AuditQuery query, CancellationToken ct = default)
    {
        var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var page = Math.Clamp(query.Page, 1, int.MaxValue / MaxPageSize);
        await using var db = await dbs.CreateForReadingAsync(ct);
        var entries = db.AuditEntries.AsNoTracking().Where(a => a.OrganisationId == user.OrganisationId);
        if (!string.IsNullOrWhiteSpace(query.RecordId))
        {
            // A record's history includes changes to its parts (a committee's memberships).
            var id = query.RecordId.Trim();
            entries = entries.Where(a => a.RecordId == id || a.AggregateId == id);
        }

        if (query.UserId is { } userId)
        {
            entries = entries.Where(a => a.UserId == userId);
        }

        if (!string.IsNullOrWhiteSpace(query.RecordType))
        {
            entries = entries.Where(a => a.RecordType == query.RecordType.Trim());
        }

        var total = await entries.CountAsync(ct);
        var items = await entries
            .OrderByDescending(a => a.OccurredAt).ThenBy(a => a.RecordType)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(a => new AuditEntryDto(a.Id, a.OccurredAt, a.UserId, a.ActorName, a.RecordType, a.RecordId, a.AggregateId, a.Action, a.Changes))
            .ToListAsync(ct);
        return new AuditPageDto(items, page, pageSize, total);
    }

    /// <summary>The people who have made changes in this organisation, for the "by person" filter.</summary>
    public async Task<IReadOnlyList<AuditActorDto>> ActorsAsync(CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        var actors = await db.AuditEntries.AsNoTracking()
            .Where(a => a.OrganisationId == user.OrganisationId && a.UserId != null)
            .Select(a => new { UserId = a.UserId!.Value, a.ActorName })
            .Distinct()
            .ToListAsync(ct);
        return [.. actors.GroupBy(a => a.UserId).Select(g => new AuditActorDto(g.Key, g.First().ActorName)).OrderBy(a => a.Name)];
    }
}
