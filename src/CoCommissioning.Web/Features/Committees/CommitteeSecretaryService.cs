using CoCommissioning.Data;
using CoCommissioning.Data.Identity;
using CoCommissioning.Domain.Committees;
using CoCommissioning.Domain.Common;
using CoCommissioning.Web.Features.Meetings;
using CoCommissioning.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CoCommissioning.Web.Features.Committees;

/// <summary>A committee secretary as the committee page lists them.</summary>
public sealed record CommitteeSecretaryDto(Guid UserId, string Name, string? Email, DateTimeOffset AssignedAt);

/// <summary>A user with the committee secretary role who could be made one of this committee's secretaries.</summary>
public sealed record SecretaryCandidateDto(Guid UserId, string Name, string? Email);

/// <summary>
/// A committee's secretaries: who keeps its meetings (<see cref="MeetingAccess"/>). <see cref="ICanAssign"/> says
/// whether the caller (an administrator or governance lead) may change the list; <see cref="IKeepTheRecord"/>
/// whether the caller keeps this committee's meetings.
/// </summary>
public sealed record CommitteeSecretariesDto(Guid CommitteeId, IReadOnlyList<CommitteeSecretaryDto> Secretaries, IReadOnlyList<SecretaryCandidateDto> Candidates, bool ICanAssign, bool IKeepTheRecord);

public sealed record AddCommitteeSecretaryRequest(Guid UserId);

/// <summary>Assigns and removes a committee's secretaries: administrators and governance leads do it.</summary>
public sealed class CommitteeSecretaryService(GovernanceDbFactory dbs, TimeProvider clock, ILogger<CommitteeSecretaryService> logger)
{
    public static bool CanAssign(CurrentUser user) => user.IsAnyOf(AppRole.Administrator, AppRole.GovernanceLead);

    public async Task<CommitteeSecretariesDto?> ListAsync(CurrentUser user, Guid committeeId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        if (!await db.Committees.AnyAsync(c => c.Id == committeeId && c.OrganisationId == user.OrganisationId, ct))
        {
            return null;
        }

        var secretaries = await db.CommitteeSecretaries.AsNoTracking()
            .Where(s => s.CommitteeId == committeeId && s.OrganisationId == user.OrganisationId)
            .Join(db.Users, s => s.UserId, u => u.Id, (s, u) => new CommitteeSecretaryDto(u.Id, u.DisplayName, u.Email, s.AssignedAt))
            .ToListAsync(ct);
        var assigned = secretaries.Select(s => s.UserId).ToList();
        var candidates = CanAssign(user)
            ? await SecretaryUsers(db, user.OrganisationId).Where(u => !assigned.Contains(u.Id))
                .Select(u => new SecretaryCandidateDto(u.Id, u.DisplayName, u.Email)).ToListAsync(ct)
            : [];
        return new CommitteeSecretariesDto(
            committeeId,
            [.. secretaries.OrderBy(s => s.Name, StringComparer.CurrentCulture)],
            [.. candidates.OrderBy(c => c.Name, StringComparer.CurrentCulture)],
            CanAssign(user),
            await MeetingAccess.KeepsTheRecordAsync(db, user, committeeId, ct));
    }

    public async Task<CommandResult<CommitteeSecretariesDto>> AddAsync(CurrentUser user, Guid committeeId, AddCommitteeSecretaryRequest request, CancellationToken ct = default)
    {
        await using (var db = await dbs.CreateAsync(user.AsAuditActor(), ct))
        {
            if (await RefusedAsync(db, user, committeeId, ct) is { } refused)
            {
                return refused;
            }

            if (!await SecretaryUsers(db, user.OrganisationId).AnyAsync(u => u.Id == request.UserId, ct))
            {
                return Failure.Validation("userId", "Choose a user of your organisation who has the committee secretary role.");
            }

            if (await db.CommitteeSecretaries.AnyAsync(s => s.CommitteeId == committeeId && s.UserId == request.UserId, ct))
            {
                return Failure.Race("This user is already a secretary of the committee. Refresh to see it.");
            }

            db.CommitteeSecretaries.Add(new CommitteeSecretary(user.OrganisationId, committeeId, request.UserId, clock.Now()));
            if (await Saving.SaveAsync(db, "committee secretary", ct) is { Failure: { } lost })
            {
                return lost;
            }
        }

        logger.LogInformation("Committee {CommitteeId}: {UserId} made {SecretaryId} a secretary", committeeId, user.UserId, request.UserId);
        return CommandResult<CommitteeSecretariesDto>.Success((await ListAsync(user, committeeId, ct))!);
    }

    public async Task<CommandResult<CommitteeSecretariesDto>> RemoveAsync(CurrentUser user, Guid committeeId, Guid secretaryUserId, CancellationToken ct = default)
    {
        await using (var db = await dbs.CreateAsync(user.AsAuditActor(), ct))
        {
            if (await RefusedAsync(db, user, committeeId, ct) is { } refused)
            {
                return refused;
            }

            var assignment = await db.CommitteeSecretaries.SingleOrDefaultAsync(s => s.CommitteeId == committeeId && s.UserId == secretaryUserId && s.OrganisationId == user.OrganisationId, ct);
            if (assignment is null)
            {
                return Failure.NotFound("The committee secretary");
            }

            db.CommitteeSecretaries.Remove(assignment);
            if (await Saving.SaveAsync(db, "committee secretary", ct) is { Failure: { } lost })
            {
                return lost;
            }
        }

        logger.LogInformation("Committee {CommitteeId}: {UserId} removed secretary {SecretaryId}", committeeId, user.UserId, secretaryUserId);
        return CommandResult<CommitteeSecretariesDto>.Success((await ListAsync(user, committeeId, ct))!);
    }

    /// <summary>A committee secretary who creates a committee becomes its secretary, so they can schedule its meetings.</summary>
    internal static void AssignCreator(AppDbContext db, CurrentUser user, Committee committee, DateTimeOffset now)
    {
        if (user.IsIn(AppRole.CommitteeSecretary))
        {
            db.CommitteeSecretaries.Add(new CommitteeSecretary(user.OrganisationId, committee.Id, user.UserId, now));
        }
    }

    private static async Task<Failure?> RefusedAsync(AppDbContext db, CurrentUser user, Guid committeeId, CancellationToken ct) =>
        !await db.Committees.AnyAsync(c => c.Id == committeeId && c.OrganisationId == user.OrganisationId, ct) ? Failure.NotFound("The committee")
        : !CanAssign(user) ? Failure.Forbidden("Only administrators and governance leads assign a committee's secretaries.")
        : null;

    /// <summary>The organisation's users holding the committee secretary role.</summary>
    private static IQueryable<ApplicationUser> SecretaryUsers(AppDbContext db, Guid organisationId) =>
        db.Users.Where(u => db.RoleAssignments.Any(r => r.UserId == u.Id && r.OrganisationId == organisationId && r.Role == AppRole.CommitteeSecretary));
}
