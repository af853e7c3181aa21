using CoCommissioning.Data;
using CoCommissioning.Data.Identity;
using CoCommissioning.Domain.Common;
using CoCommissioning.Domain.Committees;
using CoCommissioning.Domain.Interests;
using CoCommissioning.Domain.Organisations;
using CoCommissioning.Web.Features.Bodies;
using CoCommissioning.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

using CoCommissioning.Web.Features.DeclarationCycles;

namespace CoCommissioning.Web.Features.Declarations;

/// <summary>
/// The register of interests: members declare for themselves (the person their account is linked to), governance
/// leads review, record the agreed mitigation and decide what is withheld from publication. Entries are never
/// deleted: corrections and endings add versions.
/// </summary>
public sealed class DeclarationService(GovernanceDbFactory dbs, TimeProvider clock, ILogger<DeclarationService> logger)
{
    private const string NoPersonMessage =
        "Your account is not linked to a person in your organisation's records, so there is no one to declare for. Ask an administrator to link your account to your name.";

    private DateOnly Today => clock.Today();

    // ---- Members: their own declarations ----

    public async Task<CommandResult<IReadOnlyList<DeclarationDto>>> ListMineAsync(CurrentUser user, CancellationToken ct = default)
    {
        if (user.PersonId is not { } personId)
        {
            return Failure.Rule(NoPersonMessage);
        }

        await using var db = await dbs.CreateForReadingAsync(ct);
        var declarations = await db.Declarations.AsNoTracking().Include(d => d.Versions)
            .Where(d => d.OrganisationId == user.OrganisationId && d.PersonId == personId)
            .OrderByDescending(d => d.DeclaredOn)
            .ToListAsync(ct);
        return CommandResult<IReadOnlyList<DeclarationDto>>.Success(await ToDtosAsync(db, user, declarations, internalDetails: false, ct));
    }

    public async Task<CommandResult<DeclarationDto>> DeclareAsync(CurrentUser user, DeclareInterestRequest request, CancellationToken ct = default)
    {
        var self = RequireSelf(user, request.PersonId);
        if (self.TryGetFailure(out var selfFailure))
        {
            return selfFailure;
        }

        await using var db = await dbs.CreateAsync(user.AsAuditActor(), ct);

        // Held from resolving the body to the save, so a double-click neither adds the new organisation twice nor the declaration.
        Declaration declaration;
        await using (await DuplicateGuard.LockAsync(db, "declaration", self.Value, ct))
        {
            var body = await ResolveBodyAsync(db, user, request.ConcernsBodyId, request.NewBodyName, request.NewBodyKind, ct);
            var from = RequireDate("from", request.From, "Enter the date the interest began.");
            var declared = Declaration.Declare(
                user.OrganisationId,
                self.Value,
                new InterestDetails(request.Category, request.IsDirect, request.Relationship, body.Value, request.Nature ?? "", from.Value, request.To, request.Mitigation),
                Today);
            if (Combine(body.Failure, from.Failure, declared.Failure) is { } failure)
            {
                return failure;
            }

            declaration = declared.Value!;
            if (await SameInterestDeclaredTodayAsync(db, declaration, ct) is { } existing)
            {
                return Failure.Duplicate("You have already declared this interest today.", existing);
            }

            db.Declarations.Add(declaration);
            if (await SaveAsync(db, "declaration", ct) is { } saveFailure)
            {
                return saveFailure;
            }
        }

        logger.LogInformation("Declaration {DeclarationId} made by {UserId} for {PersonId} (late: {IsLate})", declaration.Id, user.UserId, self.Value, declaration.IsLate);
        return CommandResult<DeclarationDto>.Success(await ToDtoAsync(db, user, declaration, internalDetails: false, ct));
    }

    public async Task<CommandResult<DeclarationDto>> NilReturnAsync(CurrentUser user, NilReturnRequest request, CancellationToken ct = default)
    {
        var self = RequireSelf(user, request.PersonId);
        if (self.TryGetFailure(out var failure))
        {
            return failure;
        }

        await using var db = await dbs.CreateAsync(user.AsAuditActor(), ct);
        var current = await AnnualReturns.CurrentInterestsAsync(db, user.OrganisationId, self.Value, Today, ct);
        if (current > 0)
        {
            return Failure.Rule($"You have {current} interest{(current == 1 ? "" : "s")} in the register that {(current == 1 ? "has" : "have")} not ended: a nil return would contradict {(current == 1 ? "it" : "them")}. End the interests that have ended first.");
        }

        var declaration = Declaration.NilReturn(user.OrganisationId, self.Value, Today);
        await using (await DuplicateGuard.LockAsync(db, "declaration", self.Value, ct))
        {
            var existing = await db.Declarations
                .Where(d => d.OrganisationId == user.OrganisationId && d.PersonId == self.Value && d.Kind == DeclarationKind.NilReturn && d.DeclaredOn == declaration.DeclaredOn)
                .Select(d => (Guid?)d.Id).FirstOrDefaultAsync(ct);
            if (existing is { } id)
            {
                return Failure.Duplicate("You have already made a nil return today.", id);
            }

            db.Declarations.Add(declaration);
            await AnnualReturns.CountNilReturnInOpenCycleAsync(db, declaration, Today, ct);
            await db.SaveChangesAsync(ct);
        }

        logger.LogInformation("Nil return {DeclarationId} made by {UserId} for {PersonId}", declaration.Id, user.UserId, self.Value);
        return CommandResult<DeclarationDto>.Success(await ToDtoAsync(db, user, declaration, internalDetails: false, ct));
    }

    public Task<CommandResult<DeclarationDto>> CorrectAsync(CurrentUser user, Guid declarationId, CorrectDeclarationRequest request, CancellationToken ct = default) =>
        ChangeOwnAsync(user, declarationId, request.Version, "corrected", async (db, declaration) =>
        {
            var body = await ResolveBodyAsync(db, user, request.ConcernsBodyId, request.NewBodyName, request.NewBodyKind, ct);
            var from = RequireDate("from", request.From, "Enter the date the interest began.");
            var changedOn = RequireDate("changedOn", request.ChangedOn, "Enter the date the interest changed (or today, for a correction).");
            var corrected = declaration.Correct(
                new InterestDetails(request.Category, request.IsDirect, request.Relationship, body.Value, request.Nature ?? "", from.Value, request.To, request.Mitigation),
                changedOn.Value,
                Today);
            return Combine(body.Failure, from.Failure, changedOn.Failure, corrected.Failure) is { } failure ? failure : CommandResult.Success();
        }, ct);

    public Task<CommandResult<DeclarationDto>> EndAsync(CurrentUser user, Guid declarationId, EndDeclarationRequest request, CancellationToken ct = default) =>
        ChangeOwnAsync(user, declarationId, request.Version, "ended", (_, declaration) =>
        {
            if (request.LastDay is not { } lastDay)
            {
                return Task.FromResult<CommandResult>(Failure.Validation("lastDay", "Enter the last day of the interest."));
            }

            var ended = declaration.End(lastDay, Today);
            return Task.FromResult(ended.TryGetFailure(out var failure) ? ExternalBodyService.Renamed(failure, "to", "lastDay") : ended);
        }, ct);

    // ---- Reading one declaration: its owner, or a governance lead of the organisation ----

    public async Task<DeclarationDto?> GetAsync(CurrentUser user, Guid declarationId, CancellationToken ct = default)
    {
        var reviewer = IsReviewer(user);
        await using var db = await dbs.CreateForReadingAsync(ct);
        var declaration = await db.Declarations.AsNoTracking().Include(d => d.Versions)
            .SingleOrDefaultAsync(d => d.Id == declarationId && d.OrganisationId == user.OrganisationId && (reviewer || d.PersonId == user.PersonId), ct);
        return declaration is null ? null : await ToDtoAsync(db, user, declaration, internalDetails: reviewer, ct);
    }

    // ---- Governance leads: the register and its review ----

    public async Task<IReadOnlyList<RegisterEntryDto>> ListRegisterAsync(CurrentUser user, RegisterQuery query, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        var declarations = db.Declarations.AsNoTracking().Include(d => d.Versions).Where(d => d.OrganisationId == user.OrganisationId);
        if (query.Status is { } status)
        {
            declarations = declarations.Where(d => d.Status == status);
        }

        if (query.PersonId is { } personId)
        {
            declarations = declarations.Where(d => d.PersonId == personId);
        }

        if (query.Late is { } late)
        {
            declarations = declarations.Where(d => d.IsLate == late);
        }

        var rows = await declarations.OrderByDescending(d => d.DeclaredOn).ToListAsync(ct);
        var names = await NamesAsync(db, user, rows, ct);
        var positions = await PositionsAsync(db, user, [.. rows.Select(d => d.PersonId).Distinct()], ct);
        var entries = rows.Select(d => new RegisterEntryDto(
                d.Id,
                d.PersonId,
                names.People.GetValueOrDefault(d.PersonId, "Unknown person"),
                positions.GetValueOrDefault(d.PersonId, []),
                d.Kind,
                d.Details?.Category,
                d.Details?.IsDirect,
                d.Details?.ConcernsBodyId is { } bodyId ? names.Bodies.GetValueOrDefault(bodyId) : null,
                d.Details?.Nature,
                d.Details?.From,
                d.Details?.To,
                d.DeclaredOn,
                d.Versions.Count,
                d.IsLate,
                d.Status,
                d.Withheld,
                d.Version))
            .ThenByPersonName();
        var q = query.Q?.Trim();
        return string.IsNullOrEmpty(q)
            ? entries
            : [.. entries.Where(e => Matches(e.PersonName, q) || Matches(e.BodyName, q) || Matches(e.Nature, q) || e.Positions.Any(p => Matches(p, q)))];
    }

    public async Task<GuardianDto?> GetGuardianAsync(CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        var guardianId = await GuardianIdAsync(db, user, ct);
        if (guardianId is not { } id)
        {
            return null;
        }

        var name = await db.People.AsNoTracking().Where(p => p.Id == id).Select(p => p.FullName).SingleOrDefaultAsync(ct);
        return name is null ? null : new GuardianDto(id, name);
    }

    public Task<CommandResult<DeclarationDto>> AcceptAsync(CurrentUser user, Guid declarationId, AcceptDeclarationRequest request, CancellationToken ct = default) =>
        ReviewAsync(user, declarationId, request.Version, "accepted", (_, d) =>
            Task.FromResult(d.Accept(user.UserId, user.DisplayName, request.AgreedMitigation, Today)), ct);

    public Task<CommandResult<DeclarationDto>> RequestChangesAsync(CurrentUser user, Guid declarationId, RequestChangesRequest request, CancellationToken ct = default) =>
        ReviewAsync(user, declarationId, request.Version, "asked for changes to", (_, d) =>
        {
            var result = d.RequestChanges(user.UserId, user.DisplayName, request.Comment, Today);
            return Task.FromResult(result.TryGetFailure(out var failure) ? ExternalBodyService.Renamed(failure, "reviewComment", "comment") : result);
        }, ct);

    public Task<CommandResult<DeclarationDto>> WithholdAsync(CurrentUser user, Guid declarationId, WithholdDeclarationRequest request, CancellationToken ct = default) =>
        ReviewAsync(user, declarationId, request.Version, "withheld", async (db, d) =>
        {
            var guardian = await GuardianIdAsync(db, user, ct);
            var result = d.Withhold(request.Ground, request.Reason, guardian, request.GuardianApproved ? guardian : null);
            return result.TryGetFailure(out var failure) ? ExternalBodyService.Renamed(failure, "withheldReason", "reason") : result;
        }, ct);

    public Task<CommandResult<DeclarationDto>> PublishAsync(CurrentUser user, Guid declarationId, PublishDeclarationRequest request, CancellationToken ct = default) =>
        ReviewAsync(user, declarationId, request.Version, "published", (_, d) => Task.FromResult(d.Publish()), ct);

    // ---- Shared steps ----

    private static bool IsReviewer(CurrentUser user) => user.IsAnyOf(AppRole.GovernanceLead, AppRole.Administrator);

    /// <summary>Members declare only for the person their account is linked to.</summary>
    private static CommandResult<Guid> RequireSelf(CurrentUser user, Guid? requestedPersonId)
    {
        if (user.PersonId is not { } self)
        {
            return Failure.Rule(NoPersonMessage);
        }

        return requestedPersonId is { } requested && requested != self
            ? Failure.Forbidden("You can declare interests only for yourself.")
            : CommandResult<Guid>.Success(self);
    }

    private static CommandResult<DateOnly> RequireDate(string field, DateOnly? date, string message) =>
        date is { } d ? CommandResult<DateOnly>.Success(d) : Failure.Validation(field, message);

    /// <summary>
    /// The body an interest concerns: one of the organisation's list, or a new one added in the same save (an
    /// existing body of the same kind and name is reused, so a member cannot split a body's interests in two).
    /// </summary>
    private static async Task<CommandResult<Guid?>> ResolveBodyAsync(
        AppDbContext db, CurrentUser user, Guid? concernsBodyId, string? newBodyName, BodyKind? newBodyKind, CancellationToken ct)
    {
        var adding = !string.IsNullOrWhiteSpace(newBodyName);
        if (concernsBodyId is { } bodyId)
        {
            if (adding)
            {
                return Failure.Validation("newBodyName", "Pick an organisation from the list or add a new one, not both.");
            }

            return await db.ExternalBodies.AnyAsync(b => b.Id == bodyId && b.OrganisationId == user.OrganisationId, ct)
                ? CommandResult<Guid?>.Success(bodyId)
                : Failure.Validation("concernsBodyId", "Choose an organisation from your organisation's list.");
        }

        if (!adding && newBodyKind is not null)
        {
            // The kind of a new organisation was given without its name: the form's "add it" box was ticked.
            return Failure.Validation("newBodyName", "Enter the name of the organisation, or pick one from the list.");
        }

        if (!adding)
        {
            return CommandResult<Guid?>.Success(null);
        }

        if (newBodyKind is not { } kind)
        {
            return Failure.Validation("newBodyKind", "Say what kind of organisation this is.");
        }

        var name = newBodyName!.Trim();
#pragma warning disable CA1304, CA1311, CA1862 // lower() in SQL, not a .NET culture comparison
        var existing = await db.ExternalBodies
            .Where(b => b.OrganisationId == user.OrganisationId && b.Kind == kind && b.Name.ToLower() == name.ToLower())
            .Select(b => (Guid?)b.Id)
            .FirstOrDefaultAsync(ct);
#pragma warning restore CA1304, CA1311, CA1862
        if (existing is not null)
        {
            return CommandResult<Guid?>.Success(existing);
        }

        var added = await ExternalBodyService.AddAsync(db, user.OrganisationId, name, kind, code: null, "newBodyName", ct);
        return added.Map<Guid?>(body => body.Id);
    }

    /// <summary>Every field message at once; any other failure on its own.</summary>
    private static Failure? Combine(params Failure?[] failures)
    {
        var found = failures.OfType<Failure>().ToList();
        if (found.Count == 0)
        {
            return null;
        }

        if (found.FirstOrDefault(f => f.Kind != FailureKind.Validation) is { } other)
        {
            return other;
        }

        var errors = new ValidationErrors();
        errors.Add([.. found]);
        return errors.ToFailure();
    }

    /// <summary>The same interest (kind, organisation, nature, start) declared by the same person earlier today.</summary>
    private static Task<Guid?> SameInterestDeclaredTodayAsync(AppDbContext db, Declaration declaration, CancellationToken ct)
    {
        var details = declaration.Details!;
        return db.Declarations
            .Where(d => d.OrganisationId == declaration.OrganisationId && d.PersonId == declaration.PersonId && d.Kind == DeclarationKind.Interest
                && d.DeclaredOn == declaration.DeclaredOn && d.Details!.Category == details.Category && d.Details.ConcernsBodyId == details.ConcernsBodyId
                && d.Details.Nature == details.Nature && d.Details.From == details.From)
            .Select(d => (Guid?)d.Id).FirstOrDefaultAsync(ct);
    }

    private static async Task<Failure?> SaveAsync(AppDbContext db, string what, CancellationToken ct)
    {
        // The only unique rule a declaration's save can break: someone added the same body at the same moment.
        return (await Saving.SaveAsync(db, what, ct, ExternalBodyService.DuplicateName("newBodyName"))).Failure;
    }

    private Task<CommandResult<DeclarationDto>> ChangeOwnAsync(
        CurrentUser user, Guid declarationId, Guid expectedVersion, string action, Func<AppDbContext, Declaration, Task<CommandResult>> change, CancellationToken ct) =>
        ChangeAsync(user, declarationId, expectedVersion, action, ownOnly: true, change, ct);

    private Task<CommandResult<DeclarationDto>> ReviewAsync(
        CurrentUser user, Guid declarationId, Guid expectedVersion, string action, Func<AppDbContext, Declaration, Task<CommandResult>> change, CancellationToken ct) =>
        ChangeAsync(user, declarationId, expectedVersion, action, ownOnly: false, change, ct);

    private async Task<CommandResult<DeclarationDto>> ChangeAsync(
        CurrentUser user, Guid declarationId, Guid expectedVersion, string action, bool ownOnly, Func<AppDbContext, Declaration, Task<CommandResult>> change, CancellationToken ct)
    {
        if (ownOnly && user.PersonId is null)
        {
            return Failure.Rule(NoPersonMessage);
        }

        await using var db = await dbs.CreateAsync(user.AsAuditActor(), ct);
        var declaration = await db.Declarations.Include(d => d.Versions)
            .SingleOrDefaultAsync(d => d.Id == declarationId && d.OrganisationId == user.OrganisationId && (!ownOnly || d.PersonId == user.PersonId), ct);
        if (declaration is null)
        {
            return Failure.NotFound("The declaration");
        }

        if (declaration.Version != expectedVersion)
        {
            return Failure.Conflict("declaration");
        }

        var result = await change(db, declaration);
        if (result.TryGetFailure(out var resultFailure))
        {
            return resultFailure;
        }

        if (await SaveAsync(db, "declaration", ct) is { } failure)
        {
            return failure;
        }

        logger.LogInformation("Declaration {DeclarationId}: {UserId} {Action} it", declaration.Id, user.UserId, action);
        return CommandResult<DeclarationDto>.Success(await ToDtoAsync(db, user, declaration, internalDetails: !ownOnly, ct));
    }

    private static async Task<Guid?> GuardianIdAsync(AppDbContext db, CurrentUser user, CancellationToken ct) =>
        await db.RegisterSettings.AsNoTracking().Where(s => s.Id == user.OrganisationId).Select(s => s.GuardianPersonId).SingleOrDefaultAsync(ct);

    private static bool Matches(string? text, string q) => text?.Contains(q, StringComparison.OrdinalIgnoreCase) ?? false;

    private sealed record Names(IReadOnlyDictionary<Guid, string> People, IReadOnlyDictionary<Guid, string> Bodies);

    private static async Task<Names> NamesAsync(AppDbContext db, CurrentUser user, IReadOnlyCollection<Declaration> declarations, CancellationToken ct)
    {
        var personIds = declarations.Select(d => d.PersonId).Distinct().ToList();
        var bodyIds = declarations.SelectMany(d => d.Versions.Select(v => v.Details?.ConcernsBodyId).Append(d.Details?.ConcernsBodyId))
            .OfType<Guid>().Distinct().ToList();
        var people = await db.People.AsNoTracking()
            .Where(p => p.OrganisationId == user.OrganisationId && personIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.FullName, ct);
        var bodies = await db.ExternalBodies.AsNoTracking()
            .Where(b => b.OrganisationId == user.OrganisationId && bodyIds.Contains(b.Id))
            .ToDictionaryAsync(b => b.Id, b => b.Name, ct);
        return new Names(people, bodies);
    }

    /// <summary>What each person is, for a reader of the register: job title, then the committee seats they hold today.</summary>
    private async Task<IReadOnlyDictionary<Guid, IReadOnlyList<string>>> PositionsAsync(AppDbContext db, CurrentUser user, IReadOnlyCollection<Guid> personIds, CancellationToken ct)
    {
        var today = Today;
        var titles = await db.People.AsNoTracking()
            .Where(p => p.OrganisationId == user.OrganisationId && personIds.Contains(p.Id))
            .Select(p => new { p.Id, p.JobTitle })
            .ToListAsync(ct);
        var committees = await db.Committees.AsNoTracking()
            .Where(c => c.OrganisationId == user.OrganisationId)
            .Select(c => new { c.Id, c.Name })
            .ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var memberships = (await db.Memberships.AsNoTracking()
                .Where(m => m.OrganisationId == user.OrganisationId && personIds.Contains(m.PersonId))
                .ToListAsync(ct))
            .Where(m => m.IsCurrentOn(today))
            .ToLookup(m => m.PersonId);
        return titles.ToDictionary(
            p => p.Id,
            p => (IReadOnlyList<string>)[
                .. string.IsNullOrEmpty(p.JobTitle) ? Array.Empty<string>() : [p.JobTitle],
                .. memberships[p.Id].Select(m => Seat(m, committees.GetValueOrDefault(m.CommitteeId, "a committee"))).Order(StringComparer.Ordinal),
            ]);
    }

    private static string Seat(Membership membership, string committee) => membership.Office switch
    {
        CommitteeOffice.Chair => $"Chair of {committee}",
        CommitteeOffice.ViceChair => $"Vice chair of {committee}",
        _ when !membership.IsVoting => $"Non-voting member of {committee}",
        _ => $"Member of {committee}",
    };

    private static async Task<DeclarationDto> ToDtoAsync(AppDbContext db, CurrentUser user, Declaration declaration, bool internalDetails, CancellationToken ct) =>
        (await ToDtosAsync(db, user, [declaration], internalDetails, ct))[0];

    private static async Task<IReadOnlyList<DeclarationDto>> ToDtosAsync(AppDbContext db, CurrentUser user, IReadOnlyList<Declaration> declarations, bool internalDetails, CancellationToken ct)
    {
        var names = await NamesAsync(db, user, declarations, ct);
        InterestDetailsDto? Details(InterestDetails? d) => d is null
            ? null
            : new InterestDetailsDto(d.Category, d.IsDirect, d.Relationship, d.ConcernsBodyId,
                d.ConcernsBodyId is { } id ? names.Bodies.GetValueOrDefault(id) : null, d.Nature, d.From, d.To, d.Mitigation);

        return [.. declarations.Select(d => new DeclarationDto(
            d.Id,
            d.PersonId,
            names.People.GetValueOrDefault(d.PersonId, "Unknown person"),
            d.Kind,
            d.Status,
            d.ReviewComment,
            d.AgreedMitigation,
            d.ReviewedOn,
            d.ReviewedByName,
            d.Withheld,
            internalDetails ? d.WithholdingGround : null,
            internalDetails ? d.WithheldReason : null,
            d.WithholdingApprovedByPersonId is not null,
            d.DeclaredOn,
            d.IsLate,
            Details(d.Details),
            [.. d.Versions.OrderByDescending(v => v.Number).Select(v => new DeclarationVersionDto(v.Number, v.DeclaredOn, v.IsLate, Details(v.Details)))],
            d.Version))];
    }
}

internal static class RegisterOrdering
{
    /// <summary>Newest declarations first (as queried); the same day's by person name, so the order is stable.</summary>
    public static IReadOnlyList<RegisterEntryDto> ThenByPersonName(this IEnumerable<RegisterEntryDto> entries) =>
        [.. entries.OrderByDescending(e => e.DeclaredOn).ThenBy(e => e.PersonName, StringComparer.OrdinalIgnoreCase)];
}
