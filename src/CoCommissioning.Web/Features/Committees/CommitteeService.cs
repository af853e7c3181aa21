using CoCommissioning.Data;
using CoCommissioning.Domain.Committees;
using CoCommissioning.Domain.Common;
using CoCommissioning.Domain.Quorum;
using CoCommissioning.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CoCommissioning.Web.Features.Committees;

/// <summary>Committees, their memberships and the organisation's catalogue of member roles.</summary>
public sealed class CommitteeService(GovernanceDbFactory dbs, TimeProvider clock, ILogger<CommitteeService> logger)
{
    private DateOnly Today => clock.Today();

    public async Task<IReadOnlyList<CommitteeSummaryDto>> ListAsync(CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        var committees = await db.Committees.AsNoTracking()
            .Where(c => c.OrganisationId == user.OrganisationId)
            .Include(c => c.Memberships)
            .OrderBy(c => c.Name)
            .ToListAsync(ct);
        var names = await PersonNamesAsync(db, committees.SelectMany(c => c.Memberships).Select(m => m.PersonId), ct);
        return [.. committees.Select(c => new CommitteeSummaryDto(
            c.Id,
            c.Name,
            c.Type,
            c.Level,
            c.CurrentMemberships(Today).Count(),
            c.OfficeHolder(CommitteeOffice.Chair, Today) is { } chair ? names.GetValueOrDefault(chair.PersonId) : null))];
    }

    public async Task<CommitteeDto?> GetAsync(CurrentUser user, Guid committeeId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        var committee = await LoadAsync(db, user, committeeId, ct);
        return committee is null ? null : await ToDtoAsync(db, committee, ct);
    }

    public async Task<CommandResult<CommitteeDto>> CreateAsync(CurrentUser user, CreateCommitteeRequest request, CancellationToken ct = default)
    {
        var created = Committee.Create(user.OrganisationId, request.Name, request.Type, request.Level, request.Purpose);
        if (!created.TryGetValue(out var committee, out var failure))
        {
            return failure;
        }

        await using var db = await dbs.CreateAsync(user.AsAuditActor(), ct);
        if (await db.Committees.AnyAsync(c => c.OrganisationId == user.OrganisationId && c.Name == committee.Name, ct))
        {
            return Failure.Validation(nameof(request.Name), "Your organisation already has a committee with this name.");
        }

        db.Committees.Add(committee);
        CommitteeSecretaryService.AssignCreator(db, user, committee, clock.Now());
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Committee {CommitteeId} created by {UserId}", committee.Id, user.UserId);
        return CommandResult<CommitteeDto>.Success(await ToDtoAsync(db, committee, ct));
    }

    public Task<CommandResult<CommitteeDto>> UpdateAsync(CurrentUser user, Guid committeeId, UpdateCommitteeRequest request, CancellationToken ct = default) =>
        ChangeAsync(user, committeeId, request.Version, "updated details", async (db, committee) =>
        {
            var name = request.Name?.Trim();
            if (Text.HasUnstorableCharacter(name))
            {
                // Refused before the duplicate-name query: PostgreSQL cannot take a NUL as a parameter.
                return Text.Unstorable(nameof(request.Name));
            }

            if (await db.Committees.AnyAsync(c => c.OrganisationId == user.OrganisationId && c.Name == name && c.Id != committeeId, ct))
            {
                return Failure.Validation(nameof(request.Name), "Your organisation already has a committee with this name.");
            }

            return committee.UpdateDetails(request.Name, request.Type, request.Level, request.Purpose);
        }, ct);

    public Task<CommandResult<CommitteeDto>> AddMembershipAsync(CurrentUser user, Guid committeeId, AddMembershipRequest request, CancellationToken ct = default) =>
        ChangeAsync(user, committeeId, request.Version, "added a member", async (db, committee) =>
        {
            // Every field's problem at once, so the form shows them all together.
            var checkedInput = await CheckMembershipInputAsync(db, user, request.RoleIds, request.TermStart, request.DeputyPersonId, ct);
            if (!await PersonExistsAsync(db, user, request.PersonId, ct))
            {
                var errors = new Dictionary<string, string[]>(checkedInput.Failure?.FieldErrors ?? new Dictionary<string, string[]>())
                {
                    [nameof(request.PersonId)] = ["Choose a person from your organisation."],
                };
                return Failure.Validation(errors);
            }

            if (!checkedInput.TryGetValue(out var input, out var failure))
            {
                return failure;
            }

            var added = committee.AddMember(request.PersonId, input, request.IsVoting, request.TermStart!.Value, request.TermEnd);
            return added.Bind(member => committee.NameDeputy(member.Id, request.DeputyPersonId));
        }, ct);

    public Task<CommandResult<CommitteeDto>> ChangeMembershipAsync(CurrentUser user, Guid committeeId, Guid membershipId, ChangeMembershipRequest request, CancellationToken ct = default) =>
        ChangeAsync(user, committeeId, request.Version, "changed a membership", async (db, committee) =>
        {
            var checkedInput = await CheckMembershipInputAsync(db, user, request.RoleIds, request.TermStart, request.DeputyPersonId, ct);
            if (!checkedInput.TryGetValue(out var input, out var failure))
            {
                return failure;
            }

            var changed = committee.ChangeMembership(membershipId, input, request.IsVoting, request.TermStart!.Value, request.TermEnd);
            return changed.Succeeded ? committee.NameDeputy(membershipId, request.DeputyPersonId) : changed;
        }, ct);

    public Task<CommandResult<CommitteeDto>> EndMembershipAsync(CurrentUser user, Guid committeeId, Guid membershipId, EndMembershipRequest request, CancellationToken ct = default) =>
        ChangeAsync(user, committeeId, request.Version, "ended a membership", (_, committee) =>
            Task.FromResult(request.LastDay is { } lastDay
                ? committee.EndMembership(membershipId, lastDay)
                : Failure.Validation(nameof(request.LastDay), "Enter the last day of the membership.")), ct);

    public Task<CommandResult<CommitteeDto>> AppointAsync(CurrentUser user, Guid committeeId, AppointOfficeRequest request, CancellationToken ct = default) =>
        ChangeAsync(user, committeeId, request.Version, $"appointed a {request.Office}", (_, committee) =>
            Task.FromResult(committee.Appoint(request.MembershipId, request.Office, Today)), ct);

    public Task<CommandResult<CommitteeDto>> VacateAsync(CurrentUser user, Guid committeeId, VacateOfficeRequest request, CancellationToken ct = default) =>
        ChangeAsync(user, committeeId, request.Version, $"vacated the {request.Office}", (_, committee) =>
            Task.FromResult(committee.Vacate(request.Office)), ct);

    public async Task<IReadOnlyList<RoleDto>> ListRolesAsync(CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        return await db.MemberRoles.AsNoTracking()
            .Where(r => r.OrganisationId == user.OrganisationId)
            .OrderBy(r => r.Name)
            .Select(r => new RoleDto(r.Id, r.Name, r.Classification, r.IsActive))
            .ToListAsync(ct);
    }

    public async Task<CommandResult<RoleDto>> CreateRoleAsync(CurrentUser user, CreateRoleRequest request, CancellationToken ct = default)
    {
        var created = MemberRole.Create(user.OrganisationId, request.Name, request.Classification);
        if (!created.TryGetValue(out var role, out var failure))
        {
            return failure;
        }
        await using var db = await dbs.CreateAsync(user.AsAuditActor(), ct);
        if (await db.MemberRoles.AnyAsync(r => r.OrganisationId == user.OrganisationId && r.Name == role.Name, ct))
        {
            return Failure.Validation(nameof(request.Name), "Your organisation already has a role with this name.");
        }

        db.MemberRoles.Add(role);
        await db.SaveChangesAsync(ct);
        return CommandResult<RoleDto>.Success(new RoleDto(role.Id, role.Name, role.Classification, role.IsActive));
    }

    private async Task<CommandResult<CommitteeDto>> ChangeAsync(
        CurrentUser user,
        Guid committeeId,
        Guid expectedVersion,
        string action,
        Func<AppDbContext, Committee, Task<CommandResult>> change,
        CancellationToken ct)
    {
        await using var db = await dbs.CreateAsync(user.AsAuditActor(), ct);
        var committee = await LoadAsync(db, user, committeeId, ct);
        if (committee is null)
        {
            return Failure.NotFound("The committee");
        }

        if (committee.Version != expectedVersion)
        {
            return Failure.Conflict("committee");
        }

        var result = await change(db, committee);
        if (result.TryGetFailure(out var failure))
        {
            return failure;
        }

        // A concurrent save wins over ours on the version, or on a unique rule (one chair, unique names): a 409.
        if (await Saving.SaveAsync(db, "committee", ct) is { Failure: { } lost })
        {
            return lost;
        }

        logger.LogInformation("Committee {CommitteeId}: {UserId} {Action}", committeeId, user.UserId, action);
        return CommandResult<CommitteeDto>.Success(await ToDtoAsync(db, committee, ct));
    }

    private static Task<Committee?> LoadAsync(AppDbContext db, CurrentUser user, Guid committeeId, CancellationToken ct) =>
        db.Committees.Include(c => c.Memberships).Include(c => c.TermsOfReferenceVersions)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == committeeId && c.OrganisationId == user.OrganisationId, ct);

    private static Task<bool> PersonExistsAsync(AppDbContext db, CurrentUser user, Guid personId, CancellationToken ct) =>
        db.People.AnyAsync(p => p.Id == personId && p.OrganisationId == user.OrganisationId, ct);

    private static async Task<CommandResult<IReadOnlyCollection<MemberRole>>> CheckMembershipInputAsync(
        AppDbContext db, CurrentUser user, IReadOnlyList<Guid>? roleIds, DateOnly? termStart, Guid? deputyPersonId, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var ids = roleIds?.Distinct().ToList() ?? [];
        var roles = await db.MemberRoles.Where(r => r.OrganisationId == user.OrganisationId && ids.Contains(r.Id)).ToListAsync(ct);
        if (ids.Count == 0)
        {
            errors["RoleIds"] = ["Choose at least one role for this member."];
        }
        else if (roles.Count != ids.Count)
        {
            errors["RoleIds"] = ["One of the chosen roles does not exist in your organisation."];
        }

        if (termStart is null)
        {
            errors["TermStart"] = ["Enter the date the term starts."];
        }

        if (deputyPersonId is { } deputy && !await PersonExistsAsync(db, user, deputy, ct))
        {
            errors["DeputyPersonId"] = ["Choose a deputy from your organisation."];
        }

        return errors.Count > 0 ? Failure.Validation(errors) : CommandResult<IReadOnlyCollection<MemberRole>>.Success(roles);
    }

    private async Task<CommitteeDto> ToDtoAsync(AppDbContext db, Committee committee, CancellationToken ct)
    {
        var personIds = committee.Memberships.Select(m => m.PersonId)
            .Concat(committee.Memberships.Where(m => m.DeputyPersonId.HasValue).Select(m => m.DeputyPersonId!.Value));
        var names = await PersonNamesAsync(db, personIds, ct);
        var roles = await db.MemberRoles.AsNoTracking()
            .Where(r => r.OrganisationId == committee.OrganisationId)
            .ToDictionaryAsync(r => r.Id, r => new RoleDto(r.Id, r.Name, r.Classification, r.IsActive), ct);
        var today = Today;
        var memberships = committee.Memberships
            .OrderBy(m => m.Office == CommitteeOffice.None)
            .ThenBy(m => m.Office)
            .ThenBy(m => !m.IsCurrentOn(today))
            .ThenBy(m => names.GetValueOrDefault(m.PersonId))
            .Select(m => new MembershipDto(
                m.Id,
                m.PersonId,
                names.GetValueOrDefault(m.PersonId) ?? "Unknown person",
                [.. m.RoleIds.Select(id => roles[id])],
                m.IsVoting,
                m.TermStart,
                m.TermEnd,
                m.IsCurrentOn(today),
                m.Office,
                m.DeputyPersonId,
                m.DeputyPersonId is { } d ? names.GetValueOrDefault(d) : null))
            .ToList();
        var auditChairs = await db.Committees.AsNoTracking()
            .Where(c => c.OrganisationId == committee.OrganisationId && c.Type == CommitteeType.Audit)
            .SelectMany(c => c.Memberships)
            .Where(m => m.Office == CommitteeOffice.Chair && m.TermStart <= today && (m.TermEnd == null || m.TermEnd >= today))
            .Select(m => m.PersonId)
            .ToListAsync(ct);
        var allRoles = await db.MemberRoles.AsNoTracking().Where(r => r.OrganisationId == committee.OrganisationId).ToDictionaryAsync(r => r.Id, ct);
        var warnings = CompositionCheck.Check(committee, allRoles, today, names, auditChairs);
        var tor = committee.TermsOfReferenceVersions.Count > 0 ? committee.TermsOfReferenceOn(today) : null;
        var quorumInWords = tor is null ? null : QuorumText.Render(tor.Quorum, allRoles.ToDictionary(r => r.Key, r => r.Value.Name));
        return new CommitteeDto(committee.Id, committee.Name, committee.Type, committee.Level, committee.Purpose, committee.Version, memberships, warnings, quorumInWords);
    }

    private static async Task<Dictionary<Guid, string>> PersonNamesAsync(AppDbContext db, IEnumerable<Guid> personIds, CancellationToken ct)
    {
        var ids = personIds.Distinct().ToList();
        return await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.FullName, ct);
    }
}
