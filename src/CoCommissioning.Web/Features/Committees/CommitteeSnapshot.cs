using CoCommissioning.Data;
using CoCommissioning.Domain.Committees;
using CoCommissioning.Domain.Quorum;
using Microsoft.EntityFrameworkCore;

namespace CoCommissioning.Web.Features.Committees;

/// <summary>
/// What the quorum engine needs about a committee on a date, loaded once: the terms of reference in force, the
/// seats (members with their classified roles), role names for explanations, and the named deputies.
/// </summary>
internal sealed record CommitteeSnapshot(
    Committee Committee,
    DateOnly Date,
    Domain.Committees.TermsOfReference? Terms,
    IReadOnlyList<Seat> Seats,
    IReadOnlyDictionary<Guid, string> RoleNames,
    IReadOnlyDictionary<Guid, (Guid PersonId, string Name)> DeputiesByMembership)
{
    public string? DeputyNameFor(Guid membershipId) => DeputiesByMembership.TryGetValue(membershipId, out var d) ? d.Name : null;

    public IReadOnlyDictionary<Guid, string> DeputyNamesByPerson => DeputiesByMembership.Values.DistinctBy(d => d.PersonId).ToDictionary(d => d.PersonId, d => d.Name);

    /// <summary>Null when the committee does not exist in the organisation.</summary>
    public static async Task<CommitteeSnapshot?> LoadAsync(AppDbContext db, Guid organisationId, Guid committeeId, DateOnly date, CancellationToken ct)
    {
        var committee = await db.Committees.AsNoTracking().Include(c => c.Memberships).Include(c => c.TermsOfReferenceVersions)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == committeeId && c.OrganisationId == organisationId, ct);
        if (committee is null)
        {
            return null;
        }

        var seats = await Committees.Seats.OnAsync(db, committee, date, ct);
        var roleNames = await db.MemberRoles.AsNoTracking().Where(r => r.OrganisationId == organisationId).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        var deputyIds = committee.Memberships.Where(m => m.DeputyPersonId.HasValue).ToDictionary(m => m.Id, m => m.DeputyPersonId!.Value);
        var deputyNames = await db.People.AsNoTracking().Where(p => deputyIds.Values.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.FullName, ct);
        var deputies = deputyIds.ToDictionary(d => d.Key, d => (d.Value, deputyNames.GetValueOrDefault(d.Value) ?? "Deputy"));
        return new CommitteeSnapshot(committee, date, committee.TermsOfReferenceOn(date), seats, roleNames, deputies);
    }
}
