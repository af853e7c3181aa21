using CoCommissioning.Data;
using CoCommissioning.Domain.Committees;
using CoCommissioning.Domain.Quorum;
using Microsoft.EntityFrameworkCore;

namespace CoCommissioning.Web.Features.Committees;

/// <summary>Builds the quorum engine's view of a committee (seats with names and classified roles) on a date.</summary>
internal static class Seats
{
    public static async Task<IReadOnlyList<Seat>> OnAsync(AppDbContext db, Committee committee, DateOnly date, CancellationToken ct)
    {
        var current = committee.CurrentMemberships(date).ToList();
        var personIds = current.Select(m => m.PersonId).ToList();
        var names = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.FullName, ct);
        var roles = await db.MemberRoles.AsNoTracking().Where(r => r.OrganisationId == committee.OrganisationId).ToDictionaryAsync(r => r.Id, ct);
        return [.. current
            .OrderBy(m => m.Office == CommitteeOffice.None).ThenBy(m => m.Office).ThenBy(m => names.GetValueOrDefault(m.PersonId))
            .Select(m => new Seat(
                m.Id,
                m.PersonId,
                names.GetValueOrDefault(m.PersonId) ?? "Unknown person",
                [.. m.RoleIds.Select(id => new SeatRole(id, roles[id].Name, roles[id].Classification))],
                m.IsVoting,
                m.Office))];
    }
}
