using CoCommissioning.Data;
using CoCommissioning.Domain.Committees;
using Microsoft.EntityFrameworkCore;

namespace CoCommissioning.Web.Features.PublicRecords;

public sealed record PublicOrganisationDto(string Slug, string Name);

public sealed record PublicCommitteeDto(Guid Id, string Name, CommitteeType Type, CoCommissioningLevel Level, string? Purpose);

public sealed record PublicOrganisationPageDto(string Slug, string Name, IReadOnlyList<PublicCommitteeDto> Committees);

/// <summary>What anyone may read without signing in. Only published facts: no people, no private records.</summary>
public sealed class PublicService(GovernanceDbFactory dbs)
{
    public async Task<IReadOnlyList<PublicOrganisationDto>> OrganisationsAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        return await db.Organisations.AsNoTracking().OrderBy(o => o.Name).Select(o => new PublicOrganisationDto(o.Slug, o.Name)).ToListAsync(ct);
    }

    public async Task<PublicOrganisationPageDto?> OrganisationAsync(string slug, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Slug == slug, ct);
        if (organisation is null)
        {
            return null;
        }

        var committees = await db.Committees.AsNoTracking()
            .Where(c => c.OrganisationId == organisation.Id)
            .OrderBy(c => c.Name)
            .Select(c => new PublicCommitteeDto(c.Id, c.Name, c.Type, c.Level, c.Purpose))
            .ToListAsync(ct);
        return new PublicOrganisationPageDto(organisation.Slug, organisation.Name, committees);
    }

    /// <summary>The organisation's name for the public layout's header, or null for an unknown address.</summary>
    public async Task<string?> OrganisationNameAsync(string slug, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        return await db.Organisations.AsNoTracking().Where(o => o.Slug == slug).Select(o => o.Name).SingleOrDefaultAsync(ct);
    }
}
