using CoCommissioning.Data;
using CoCommissioning.Data.Audit;
using CoCommissioning.Data.Identity;
using CoCommissioning.Domain.Common;
using CoCommissioning.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CoCommissioning.Web.Features.Administration;

public sealed record UserDto(Guid Id, string Email, string DisplayName, Guid? PersonId, IReadOnlyList<AppRole> Roles, bool IsLockedOut);

public sealed record CreateUserRequest(string? Email, string? DisplayName, string? Password, Guid? PersonId, IReadOnlyList<AppRole>? Roles);

public sealed record SetRolesRequest(IReadOnlyList<AppRole>? Roles);

public sealed record SetLockedRequest(bool Locked);

/// <summary>User accounts of one organisation and the roles they hold in it.</summary>
public sealed class UserAdminService(GovernanceDbFactory dbs, UserManager<ApplicationUser> users, TimeProvider clock, ILogger<UserAdminService> logger)
{
    public async Task<IReadOnlyList<UserDto>> ListAsync(CurrentUser admin, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        var assignments = await db.RoleAssignments.AsNoTracking().Where(a => a.OrganisationId == admin.OrganisationId).ToListAsync(ct);
        var userIds = assignments.Select(a => a.UserId).Distinct().ToList();
        var accounts = await db.Users.AsNoTracking()
            .Where(u => u.DefaultOrganisationId == admin.OrganisationId || userIds.Contains(u.Id))
            .OrderBy(u => u.DisplayName)
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        return [.. accounts.Select(u => new UserDto(
            u.Id,
            u.Email ?? "",
            u.DisplayName,
            u.PersonId,
            [.. assignments.Where(a => a.UserId == u.Id).Select(a => a.Role).Order()],
            u.LockoutEnd is { } end && end > now))];
    }

    public async Task<CommandResult<UserDto>> CreateAsync(CurrentUser admin, CreateUserRequest request, CancellationToken ct = default)
    {
        if (await NoLongerAdministratorAsync(admin, ct) is { } refused)
        {
            return refused;
        }

        var errors = new Dictionary<string, string[]>();
        var email = Text.Required(nameof(request.Email), request.Email, 256);
        var name = Text.Required(nameof(request.DisplayName), request.DisplayName, 200);
        foreach (var failure in new[] { email.Failure, name.Failure })
        {
            foreach (var (field, messages) in failure?.FieldErrors ?? new Dictionary<string, string[]>())
            {
                errors[field] = messages;
            }
        }

        if (string.IsNullOrEmpty(request.Password))
        {
            errors[nameof(request.Password)] = ["Enter a password for the new account."];
        }

        if (email.Succeeded && await users.FindByEmailAsync(email.Value!) is not null)
        {
            errors[nameof(request.Email)] = ["An account with this email address already exists."];
        }

        await using var db = await dbs.CreateAsync(admin.AsAuditActor(), ct);
        if (request.PersonId is { } personId && !await db.People.AnyAsync(p => p.Id == personId && p.OrganisationId == admin.OrganisationId, ct))
        {
            errors[nameof(request.PersonId)] = ["Choose a person from your organisation."];
        }

        if (errors.Count > 0)
        {
            return Failure.Validation(errors);
        }

        var user = new ApplicationUser
        {
            UserName = email.Value,
            Email = email.Value,
            EmailConfirmed = true,
            DisplayName = name.Value!,
            DefaultOrganisationId = admin.OrganisationId,
            PersonId = request.PersonId,
            LockoutEnabled = true,
        };

        var created = await users.CreateAsync(user, request.Password!);
        if (!created.Succeeded)
        {
            return Failure.Validation(new Dictionary<string, string[]> { [nameof(request.Password)] = [.. created.Errors.Select(e => e.Description)] });
        }

        foreach (var role in (request.Roles ?? [AppRole.Member]).Distinct())
        {
            db.RoleAssignments.Add(new OrganisationRoleAssignment(admin.OrganisationId, user.Id, role));
        }

        db.AuditEntries.Add(SecurityAudit.Entry(
            admin.OrganisationId, admin.AsAuditActor(), SecurityAudit.UserAccount, user.Id, user.Id, AuditAction.Insert,
            new Dictionary<string, object?> { ["email"] = user.Email, ["displayName"] = user.DisplayName, ["personId"] = user.PersonId },
            clock.Now()));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            // Identity saved the account through its own context: take it back so no account is left without roles.
            await users.DeleteAsync(user);
            throw;
        }

        logger.LogInformation("User {NewUserId} created by {UserId}", user.Id, admin.UserId);
        return CommandResult<UserDto>.Success((await ListAsync(admin, ct)).Single(u => u.Id == user.Id));
    }

    public async Task<CommandResult<UserDto>> SetRolesAsync(CurrentUser admin, Guid userId, SetRolesRequest request, CancellationToken ct = default)
    {
        if (await NoLongerAdministratorAsync(admin, ct) is { } refused)
        {
            return refused;
        }

        await using var db = await dbs.CreateAsync(admin.AsAuditActor(), ct);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct);
        var current = await db.RoleAssignments.Where(a => a.UserId == userId && a.OrganisationId == admin.OrganisationId).ToListAsync(ct);
        if (user is null || (user.DefaultOrganisationId != admin.OrganisationId && current.Count == 0))
        {
            return Failure.NotFound("The user");
        }

        var wanted = (request.Roles ?? []).Distinct().ToHashSet();
        if (userId == admin.UserId && !wanted.Contains(AppRole.Administrator))
        {
            return Failure.Rule("You cannot remove your own administrator role: ask another administrator.");
        }

        db.RoleAssignments.RemoveRange(current.Where(a => !wanted.Contains(a.Role)));
        db.RoleAssignments.AddRange(wanted.Where(r => current.All(a => a.Role != r)).Select(r => new OrganisationRoleAssignment(admin.OrganisationId, userId, r)));

        // A new security stamp signs the user out of sessions that carry the old roles (within the stamp's validation
        // interval, a minute); set here rather than through UpdateSecurityStampAsync so it commits with the roles.
        user.SecurityStamp = Guid.NewGuid().ToString();
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Roles of user {TargetUserId} set to {Roles} by {UserId}", userId, wanted, admin.UserId);
        return CommandResult<UserDto>.Success((await ListAsync(admin, ct)).Single(u => u.Id == userId));
    }

    /// <summary>
    /// Locks an account (no sign-in, its tokens stop working, its sessions end within a minute) or unlocks it. Failed
    /// passwords never lock an account: only an administrator does, here (ADR-0016).
    /// </summary>
    public async Task<CommandResult<UserDto>> SetLockedAsync(CurrentUser admin, Guid userId, SetLockedRequest request, CancellationToken ct = default)
    {
        if (await NoLongerAdministratorAsync(admin, ct) is { } refused)
        {
            return refused;
        }

        if (userId == admin.UserId)
        {
            return Failure.Rule("You cannot lock your own account: ask another administrator.");
        }

        await using (var db = await dbs.CreateForReadingAsync(ct))
        {
            var inOrganisation = await db.Users.AnyAsync(u => u.Id == userId && u.DefaultOrganisationId == admin.OrganisationId, ct)
                || await db.RoleAssignments.AnyAsync(a => a.UserId == userId && a.OrganisationId == admin.OrganisationId, ct);
            if (!inOrganisation)
            {
                return Failure.NotFound("The user");
            }
        }

        var user = (await users.FindByIdAsync(userId.ToString()))!;
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, request.Locked ? clock.GetUtcNow().AddYears(100) : null);
        await users.ResetAccessFailedCountAsync(user);
        await users.UpdateSecurityStampAsync(user);

        await using (var db = await dbs.CreateAsync(admin.AsAuditActor(), ct))
        {
            db.AuditEntries.Add(SecurityAudit.Entry(
                admin.OrganisationId, admin.AsAuditActor(), SecurityAudit.UserAccount, userId, userId, AuditAction.Update,
                new Dictionary<string, object?> { ["locked"] = request.Locked }, clock.Now()));
            await db.SaveChangesAsync(ct);
        }

        logger.LogInformation("User {TargetUserId} {Change} by {UserId}", userId, request.Locked ? "locked" : "unlocked", admin.UserId);
        return CommandResult<UserDto>.Success((await ListAsync(admin, ct)).Single(u => u.Id == userId));
    }

    /// <summary>
    /// The administrator's role read from the database, not from the cookie: a demoted administrator's cookie keeps
    /// the old role for up to the stamp's validation interval, and in that minute must not create or promote anyone.
    /// </summary>
    private async Task<Failure?> NoLongerAdministratorAsync(CurrentUser admin, CancellationToken ct)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        var isAdministrator = await db.RoleAssignments.AnyAsync(a => a.UserId == admin.UserId && a.OrganisationId == admin.OrganisationId && a.Role == AppRole.Administrator, ct);
        var lockedUntil = await db.Users.Where(u => u.Id == admin.UserId).Select(u => u.LockoutEnd).SingleOrDefaultAsync(ct);
        var stillAdministrator = isAdministrator && !(lockedUntil > clock.GetUtcNow());
        return stillAdministrator ? null : Failure.Forbidden("You are no longer an administrator of this organisation.");
    }
}
