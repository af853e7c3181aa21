using CoCommissioning.Data;
using CoCommissioning.Domain.Interests;
using Microsoft.EntityFrameworkCore;

namespace CoCommissioning.Web.Features.DeclarationCycles;

/// <summary>Queries the declarations area and the annual cycle share, so a nil return means the same in both.</summary>
internal static class AnnualReturns
{
    /// <summary>The person's interests in the register that have not ended.</summary>
    public static Task<int> CurrentInterestsAsync(AppDbContext db, Guid organisationId, Guid personId, DateOnly today, CancellationToken ct) =>
        db.Declarations.CountAsync(d => d.OrganisationId == organisationId && d.PersonId == personId && d.Kind == DeclarationKind.Interest && d.Details != null && (d.Details.To == null || d.Details.To >= today), ct);

    /// <summary>
    /// A nil return made while a cycle is open is the person's return for it, unless they already made one; adds
    /// the return to the same save.
    /// </summary>
    public static async Task CountNilReturnInOpenCycleAsync(AppDbContext db, Declaration nilReturn, DateOnly today, CancellationToken ct)
    {
        var cycle = await db.DeclarationCycles.AsNoTracking()
            .Where(c => c.OrganisationId == nilReturn.OrganisationId && c.ClosedOn == null)
            .Select(c => (Guid?)c.Id)
            .FirstOrDefaultAsync(ct);
        if (cycle is { } cycleId && !await db.CycleReturns.AnyAsync(r => r.CycleId == cycleId && r.PersonId == nilReturn.PersonId, ct))
        {
            db.CycleReturns.Add(new CycleReturn(nilReturn.OrganisationId, cycleId, nilReturn.PersonId, CycleReturnKind.NilReturn, today, nilReturn.Id));
        }
    }
}
