using CoCommissioning.Data;
using Microsoft.EntityFrameworkCore;

namespace CoCommissioning.Web.Features.DeclarationCycles;

/// <summary>Someone whose return is outstanding after the due date: a name and a role, nothing else.</summary>
public sealed record NotDeclaredPersonDto(string Name, string Role);

/// <summary>
/// Decision-makers who have not declared in the current (open) cycle after its due date. Null cycle fields and an
/// empty list when no cycle is open, or its due date has not passed.
/// </summary>
public sealed record NotDeclaredDto(string? CycleTitle, DateOnly? DueOn, IReadOnlyList<NotDeclaredPersonDto> People);

/// <summary>
/// Who has not declared (issue 14): voting members of the organisation's committees today and decision-making staff
/// (the people the declaration cycle covers who take decisions), without a return in the current cycle once it is
/// overdue. Read by the staff cycle page and the public register of interests; only names and roles leave here.
/// </summary>
public static class NotDeclared
{
    public static async Task<NotDeclaredDto> ForAsync(AppDbContext db, Guid organisationId, DateOnly today, CancellationToken ct)
    {
        var cycle = await db.DeclarationCycles.AsNoTracking()
            .Where(c => c.OrganisationId == organisationId && c.ClosedOn == null)
            .OrderByDescending(c => c.OpensOn)
            .FirstOrDefaultAsync(ct);
        if (cycle is null || !cycle.IsOverdueOn(today))
        {
            return new(cycle?.Title, cycle?.DueOn, []);
        }

        var returned = await db.CycleReturns.AsNoTracking().Where(r => r.CycleId == cycle.Id).Select(r => r.PersonId).ToListAsync(ct);
        var seats = await db.Memberships.AsNoTracking()
            .Where(m => m.OrganisationId == organisationId && m.IsVoting && m.TermStart <= today && (m.TermEnd == null || m.TermEnd >= today))
            .Join(db.Committees, m => m.CommitteeId, c => c.Id, (m, c) => new { m.PersonId, Committee = c.Name })
            .ToListAsync(ct);
        var committeesByPerson = seats.GroupBy(s => s.PersonId).ToDictionary(g => g.Key, g => string.Join("; ", g.Select(s => s.Committee).Distinct().Order()));
        var people = await db.People.AsNoTracking()
            .Where(p => p.OrganisationId == organisationId && !returned.Contains(p.Id))
            .Select(p => new { p.Id, p.FullName, p.IsDecisionMakingStaff })
            .ToListAsync(ct);
        var outstanding = people
            .Where(p => p.IsDecisionMakingStaff || committeesByPerson.ContainsKey(p.Id))
            .Select(p => new NotDeclaredPersonDto(
                p.FullName,
                committeesByPerson.TryGetValue(p.Id, out var committees) ? $"Voting member: {committees}" : "Decision-making staff"))
            .OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new(cycle.Title, cycle.DueOn, outstanding);
    }
}
