using CoCommissioning.Data;
using CoCommissioning.Domain.Common;
using CoCommissioning.Domain.People;
using CoCommissioning.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CoCommissioning.Web.Features.People;

public sealed record PersonDto(Guid Id, string FullName, string? Email, string? JobTitle, bool IsDecisionMakingStaff, Guid Version);

public sealed record PersonRequest(string? FullName, string? Email, string? JobTitle, bool IsDecisionMakingStaff);

public sealed record UpdatePersonRequest(string? FullName, string? Email, string? JobTitle, bool IsDecisionMakingStaff, Guid Version);

/// <summary>The people an organisation's governance records name.</summary>
public sealed class PeopleService(GovernanceDbFactory dbs, ILogger<PeopleService> logger)
{
    public async Task<IReadOnlyList<PersonDto>> ListAsync(CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        var people = await db.People.AsNoTracking().Where(p => p.OrganisationId == user.OrganisationId).OrderBy(p => p.FullName).ToListAsync(ct);
        return [.. people.Select(ToDto)];
    }

    public async Task<PersonDto?> GetAsync(CurrentUser user, Guid personId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        var person = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == personId && p.OrganisationId == user.OrganisationId, ct);
        return person is null ? null : ToDto(person);
    }

    public async Task<CommandResult<PersonDto>> CreateAsync(CurrentUser user, PersonRequest request, CancellationToken ct = default)
    {
        var created = Person.Create(user.OrganisationId, request.FullName, request.Email, request.JobTitle, request.IsDecisionMakingStaff);
        if (!created.TryGetValue(out var person, out var failure))
        {
            return failure;
        }

        await using var db = await dbs.CreateAsync(user.AsAuditActor(), ct);
        await using (await DuplicateGuard.LockAsync(db, "person", user.OrganisationId, ct))
        {
            // Two people may share a name; the same name, e-mail and job title is the same person added twice.
            var existing = await db.People
                .Where(p => p.OrganisationId == user.OrganisationId && p.FullName == person.FullName && p.Email == person.Email && p.JobTitle == person.JobTitle)
                .Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
            if (existing is { } id)
            {
                return Failure.Duplicate($"{person.FullName} is already in your organisation's people, with the same e-mail and job title.", id);
            }

            db.People.Add(person);
            await db.SaveChangesAsync(ct);
        }

        logger.LogInformation("Person {PersonId} added by {UserId}", person.Id, user.UserId);
        return CommandResult<PersonDto>.Success(ToDto(person));
    }

    public async Task<CommandResult<PersonDto>> UpdateAsync(CurrentUser user, Guid personId, UpdatePersonRequest request, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(user.AsAuditActor(), ct);
        var person = await db.People.SingleOrDefaultAsync(p => p.Id == personId && p.OrganisationId == user.OrganisationId, ct);
        if (person is null)
        {
            return Failure.NotFound("The person");
        }

        if (person.Version != request.Version)
        {
            return Failure.Conflict("person");
        }

        var updated = person.Update(request.FullName, request.Email, request.JobTitle, request.IsDecisionMakingStaff);
        if (updated.TryGetFailure(out var failure))
        {
            return failure;
        }

        if (await Saving.SaveAsync(db, "person", ct) is { Failure: { } lost })
        {
            return lost;
        }

        logger.LogInformation("Person {PersonId} updated by {UserId}", person.Id, user.UserId);
        return CommandResult<PersonDto>.Success(ToDto(person));
    }

    private static PersonDto ToDto(Person p) => new(p.Id, p.FullName, p.Email, p.JobTitle, p.IsDecisionMakingStaff, p.Version);
}
