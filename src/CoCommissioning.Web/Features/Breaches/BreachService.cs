using CoCommissioning.Data;
using CoCommissioning.Domain.Common;
using CoCommissioning.Domain.Interests;
using CoCommissioning.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CoCommissioning.Web.Features.Breaches;

/// <summary>A breach as the governance lead sees it; the public register shows only the summary, dates and action.</summary>
public sealed record BreachDto(
    Guid Id,
    DateOnly IdentifiedOn,
    DateOnly? OccurredOn,
    string Description,
    Guid? PersonId,
    string? PersonName,
    string PublicSummary,
    string ActionTaken,
    DateOnly RecordedOn,
    Guid Version);

public sealed record BreachRequest(DateOnly? IdentifiedOn, DateOnly? OccurredOn, string? Description, Guid? PersonId, string? PublicSummary, string? ActionTaken);

/// <summary>The breaches register, kept by the governance lead.</summary>
public sealed class BreachService(GovernanceDbFactory dbs, TimeProvider clock, ILogger<BreachService> logger)
{
    private DateOnly Today => clock.Today();

    public async Task<IReadOnlyList<BreachDto>> ListAsync(CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        var breaches = await db.Breaches.AsNoTracking().Where(b => b.OrganisationId == user.OrganisationId).ToListAsync(ct);
        var names = await NamesAsync(db, user.OrganisationId, ct);
        return [.. breaches.OrderByDescending(b => b.IdentifiedOn).ThenByDescending(b => b.RecordedOn).Select(b => ToDto(b, names))];
    }

    public async Task<BreachDto?> GetAsync(CurrentUser user, Guid id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        var breach = await db.Breaches.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id && b.OrganisationId == user.OrganisationId, ct);
        return breach is null ? null : ToDto(breach, await NamesAsync(db, user.OrganisationId, ct));
    }

    public async Task<CommandResult<BreachDto>> RecordAsync(CurrentUser user, BreachRequest request, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(user.AsAuditActor(), ct);
        var errors = new ValidationErrors();
        string? personName = null;
        if (request.PersonId is { } personId)
        {
            personName = await db.People.AsNoTracking().Where(p => p.Id == personId && p.OrganisationId == user.OrganisationId).Select(p => p.FullName).SingleOrDefaultAsync(ct);
            if (personName is null)
            {
                errors.Add("personId", "Choose the person from your organisation's people.");
            }
        }

        if (request.IdentifiedOn is null)
        {
            errors.Add("identifiedOn", "Enter the date the breach was identified.");
        }

        // The domain's checks run even when the date is missing, so every mistake is reported at once.
        var recorded = Breach.Record(user.OrganisationId, request.IdentifiedOn ?? Today, request.IdentifiedOn is null ? null : request.OccurredOn,
            request.Description, request.PersonId, personName, request.PublicSummary, request.ActionTaken, Today);
        errors.Add(recorded.Failure);
        if (errors.Any)
        {
            return errors.ToFailure();
        }

        var breach = recorded.Value!;
        await using (await DuplicateGuard.LockAsync(db, "breach", user.OrganisationId, ct))
        {
            var existing = await db.Breaches
                .Where(b => b.OrganisationId == user.OrganisationId && b.RecordedOn == breach.RecordedOn && b.IdentifiedOn == breach.IdentifiedOn
                    && b.PersonId == breach.PersonId && b.Description == breach.Description)
                .Select(b => (Guid?)b.Id).FirstOrDefaultAsync(ct);
            if (existing is { } id)
            {
                return Failure.Duplicate("This breach has already been recorded today.", id);
            }

            db.Breaches.Add(breach);
            await db.SaveChangesAsync(ct);
        }

        logger.LogInformation("Breach {BreachId} recorded by {UserId}", breach.Id, user.UserId);
        return CommandResult<BreachDto>.Success(ToDto(breach, await NamesAsync(db, user.OrganisationId, ct)));
    }

    private static Task<Dictionary<Guid, string>> NamesAsync(AppDbContext db, Guid organisationId, CancellationToken ct) =>
        db.People.AsNoTracking().Where(p => p.OrganisationId == organisationId).ToDictionaryAsync(p => p.Id, p => p.FullName, ct);

    private static BreachDto ToDto(Breach b, Dictionary<Guid, string> names) =>
        new(b.Id, b.IdentifiedOn, b.OccurredOn, b.Description, b.PersonId, b.PersonId is { } id ? names.GetValueOrDefault(id) : null, b.PublicSummary, b.ActionTaken, b.RecordedOn, b.Version);
}
