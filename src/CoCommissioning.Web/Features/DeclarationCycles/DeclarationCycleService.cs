using CoCommissioning.Data;
using CoCommissioning.Domain.Common;
using CoCommissioning.Domain.Interests;
using CoCommissioning.Web.Infrastructure;
using CoCommissioning.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;

namespace CoCommissioning.Web.Features.DeclarationCycles;

/// <summary>
/// The annual declaration cycle: the governance lead opens it, everyone in scope (committee members and
/// decision-making staff) confirms their declarations or makes a nil return, and the dashboard shows who is
/// outstanding and who has been reminded.
/// </summary>
public sealed class DeclarationCycleService(GovernanceDbFactory dbs, IEmailSender email, TimeProvider clock, ILogger<DeclarationCycleService> logger)
{
    private static readonly IReadOnlyDictionary<string, Failure> AlreadyReturned =
        new Dictionary<string, Failure> { [UniqueIndexes.OneReturnPerCycle] = Failure.Rule("You have already submitted your return for this cycle.") };

    private DateOnly Today => clock.Today();

    public async Task<IReadOnlyList<CycleSummaryDto>> ListAsync(CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        var cycles = await db.DeclarationCycles.AsNoTracking().Where(c => c.OrganisationId == user.OrganisationId).OrderByDescending(c => c.OpensOn).ToListAsync(ct);
        var result = new List<CycleSummaryDto>();
        foreach (var cycle in cycles)
        {
            result.Add((await DashboardAsync(db, cycle, ct)).Cycle);
        }

        return result;
    }

    public async Task<CycleDashboardDto?> GetAsync(CurrentUser user, Guid cycleId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        var cycle = await db.DeclarationCycles.AsNoTracking().SingleOrDefaultAsync(c => c.Id == cycleId && c.OrganisationId == user.OrganisationId, ct);
        return cycle is null ? null : await DashboardAsync(db, cycle, ct);
    }

    public async Task<CommandResult<CycleDashboardDto>> OpenAsync(CurrentUser user, OpenCycleRequest request, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(user.AsAuditActor(), ct);

        // Without a due date, returns are due the local rules' window after today (ADR-0025).
        var dueOn = request.DueOn ?? (await LocalRules.LocalRulesService.InForceOnAsync(db, user.OrganisationId, Today, ct)).CycleDueOn(Today);
        if (await db.DeclarationCycles.AnyAsync(c => c.OrganisationId == user.OrganisationId && c.ClosedOn == null, ct))
        {
            return Failure.Rule("A declaration cycle is already open: close it before opening another.");
        }

        var opened = DeclarationCycle.Open(user.OrganisationId, request.Title, dueOn, Today);
        if (!opened.TryGetValue(out var cycle, out var failure))
        {
            return failure;
        }

        db.DeclarationCycles.Add(cycle);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Declaration cycle {CycleId} opened by {UserId}", cycle.Id, user.UserId);
        return CommandResult<CycleDashboardDto>.Success(await DashboardAsync(db, cycle, ct));
    }

    public async Task<CommandResult<CycleSummaryDto>> CloseAsync(CurrentUser user, Guid cycleId, CloseCycleRequest request, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(user.AsAuditActor(), ct);
        var cycle = await db.DeclarationCycles.SingleOrDefaultAsync(c => c.Id == cycleId && c.OrganisationId == user.OrganisationId, ct);
        var closed = await VersionedEdit.ApplyAsync(db, cycle, request.Version, "The declaration cycle", "declaration cycle", c => c.Close(Today), ct);
        if (closed.TryGetFailure(out var failure))
        {
            return failure;
        }

        logger.LogInformation("Declaration cycle {CycleId} closed by {UserId}", cycle!.Id, user.UserId);
        return CommandResult<CycleSummaryDto>.Success((await DashboardAsync(db, cycle, ct)).Cycle);
    }

    /// <summary>Emails everyone outstanding who has an address, and records each reminder.</summary>
    public async Task<CommandResult<RemindersSentDto>> SendRemindersAsync(CurrentUser user, Guid cycleId, string declarationsAddress, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(user.AsAuditActor(), ct);
        var cycle = await db.DeclarationCycles.AsNoTracking().SingleOrDefaultAsync(c => c.Id == cycleId && c.OrganisationId == user.OrganisationId, ct);
        if (cycle is null)
        {
            return Failure.NotFound("The declaration cycle");
        }

        if (!cycle.IsOpen)
        {
            return Failure.Rule("This cycle is closed: reminders are sent only for an open cycle.");
        }

        var outstanding = (await DashboardAsync(db, cycle, ct)).People.Where(p => p.Status != CyclePersonStatus.Submitted).ToList();
        var sent = 0;
        foreach (var person in outstanding.Where(p => p.Email is not null))
        {
            await email.SendAsync(ReminderFor(person, cycle, user.OrganisationName, declarationsAddress), ct);
            db.CycleReminders.Add(new CycleReminder(user.OrganisationId, cycle.Id, person.PersonId, person.Email!, clock.GetUtcNow()));

            // Saved one by one: a reminder that went out is on record even if a later one fails.
            await db.SaveChangesAsync(ct);
            sent++;
        }

        logger.LogInformation("Declaration cycle {CycleId}: {Sent} reminders sent by {UserId}", cycle.Id, sent, user.UserId);
        return CommandResult<RemindersSentDto>.Success(new(sent, [.. outstanding.Where(p => p.Email is null).Select(p => p.FullName)]));
    }

    /// <summary>Decision-makers outstanding after the current cycle's due date: names and roles only.</summary>
    public async Task<NotDeclaredDto> NotDeclaredAsync(CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        return await NotDeclared.ForAsync(db, user.OrganisationId, Today, ct);
    }

    public async Task<MyCycleDto?> MineAsync(CurrentUser user, CancellationToken ct = default)
    {
        if (user.PersonId is not { } personId)
        {
            return null;
        }

        await using var db = await dbs.CreateForReadingAsync(ct);
        var cycle = await db.DeclarationCycles.AsNoTracking()
            .Where(c => c.OrganisationId == user.OrganisationId && c.ClosedOn == null)
            .OrderByDescending(c => c.OpensOn)
            .FirstOrDefaultAsync(ct);
        if (cycle is null)
        {
            return null;
        }

        var scope = await ScopeAsync(db, user.OrganisationId, ct);
        var submitted = await db.CycleReturns.AsNoTracking().SingleOrDefaultAsync(r => r.CycleId == cycle.Id && r.PersonId == personId, ct);
        var current = await CurrentInterestsAsync(db, user.OrganisationId, personId, ct);
        return new MyCycleDto(cycle.Id, cycle.Title, cycle.DueOn, scope.ContainsKey(personId), submitted is not null, submitted?.Kind, submitted?.SubmittedOn, current);
    }

    public async Task<CommandResult<MyCycleDto>> SubmitReturnAsync(CurrentUser user, Guid cycleId, SubmitReturnRequest request, CancellationToken ct = default)
    {
        if (user.PersonId is not { } personId)
        {
            return Failure.Rule("Your account is not linked to a person in the register: ask your governance lead to link it.");
        }

        if (request.PersonId is { } someone && someone != personId)
        {
            return Failure.Forbidden("You can submit a return only for yourself.");
        }

        await using var db = await dbs.CreateAsync(user.AsAuditActor(), ct);
        var cycle = await db.DeclarationCycles.AsNoTracking().SingleOrDefaultAsync(c => c.Id == cycleId && c.OrganisationId == user.OrganisationId, ct);
        if (cycle is null)
        {
            return Failure.NotFound("The declaration cycle");
        }

        if (!cycle.IsOpen)
        {
            return Failure.Rule("This declaration cycle is closed.");
        }

        if (await db.CycleReturns.AnyAsync(r => r.CycleId == cycleId && r.PersonId == personId, ct))
        {
            return Failure.Rule("You have already submitted your return for this cycle.");
        }

        var current = await CurrentInterestsAsync(db, user.OrganisationId, personId, ct);
        Guid? nilReturnId = null;
        switch (request.Kind)
        {
            case CycleReturnKind.NilReturn when current > 0:
                return Failure.Rule($"You have {current} interest{(current == 1 ? "" : "s")} in the register that {(current == 1 ? "has" : "have")} not ended: confirm your declarations instead, or end the interests that have ended first.");
            case CycleReturnKind.NilReturn:
                var nil = Declaration.NilReturn(user.OrganisationId, personId, Today);
                db.Declarations.Add(nil);
                nilReturnId = nil.Id;
                break;
            case CycleReturnKind.DeclarationsConfirmed when current == 0:
                return Failure.Rule("You have no current interests in the register: make a nil return, or declare your interests first.");
            case CycleReturnKind.DeclarationsConfirmed when await db.Declarations.AnyAsync(d => d.OrganisationId == user.OrganisationId && d.PersonId == personId && d.Status == ReviewStatus.ChangesRequested, ct):
                return Failure.Rule("Your governance lead has asked for changes to one of your declarations: make them before confirming your declarations are complete.");
        }

        db.CycleReturns.Add(new CycleReturn(user.OrganisationId, cycleId, personId, request.Kind, Today, nilReturnId));
        // The unique index (one return per person per cycle) catches a double submit.
        if (await Saving.SaveAsync(db, "declaration cycle", ct, AlreadyReturned) is { Failure: { } lost })
        {
            return lost;
        }

        logger.LogInformation("Declaration cycle {CycleId}: {Kind} return by person {PersonId}", cycleId, request.Kind, personId);
        return CommandResult<MyCycleDto>.Success((await MineAsync(user, ct))!);
    }

    private static EmailMessage ReminderFor(CyclePersonDto person, DeclarationCycle cycle, string organisationName, string declarationsAddress) => new(
        person.Email!,
        $"Reminder: your declaration of interests is due by {LongDate(cycle.DueOn)}",
        $"""
        Dear {person.FullName},

        {organisationName} asks everyone who sits on its committees or takes part in its decisions to confirm their
        declarations of interests each year. Our records show that your return for "{cycle.Title}" is outstanding.
        It is due by {LongDate(cycle.DueOn)}.

        Sign in and open "My declarations" to confirm your declarations are complete, declare anything new, or make a
        nil return if you have no interests to declare:
        {declarationsAddress}

        Interests must be declared within 28 days of arising or changing. If you have questions, contact your
        governance lead.

        This message was sent by CoCommissioning on behalf of {organisationName}.
        """);

    private static string LongDate(DateOnly date) => date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));

    private async Task<CycleDashboardDto> DashboardAsync(AppDbContext db, DeclarationCycle cycle, CancellationToken ct)
    {
        var today = Today;
        var scope = await ScopeAsync(db, cycle.OrganisationId, ct);
        var returns = await db.CycleReturns.AsNoTracking().Where(r => r.CycleId == cycle.Id).ToDictionaryAsync(r => r.PersonId, ct);
        var reminders = (await db.CycleReminders.AsNoTracking().Where(r => r.CycleId == cycle.Id).Select(r => new { r.PersonId, r.SentAt }).ToListAsync(ct))
            .GroupBy(r => r.PersonId)
            .ToDictionary(g => g.Key, g => (Count: g.Count(), Last: g.Max(r => r.SentAt)));

        var people = scope.Values
            .Select(p =>
            {
                returns.TryGetValue(p.PersonId, out var submitted);
                reminders.TryGetValue(p.PersonId, out var chased);
                var status = submitted is not null ? CyclePersonStatus.Submitted : cycle.IsOverdueOn(today) ? CyclePersonStatus.Overdue : CyclePersonStatus.Outstanding;
                return new CyclePersonDto(p.PersonId, p.FullName, p.JobTitle, p.Email, p.Because, status, submitted?.Kind, submitted?.SubmittedOn, chased.Count, chased.Count > 0 ? chased.Last : null);
            })
            .OrderBy(p => p.Status == CyclePersonStatus.Submitted)
            .ThenBy(p => p.FullName, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var submittedCount = people.Count(p => p.Status == CyclePersonStatus.Submitted);
        var summary = new CycleSummaryDto(cycle.Id, cycle.Title, cycle.OpensOn, cycle.DueOn, cycle.ClosedOn, cycle.IsOpen, cycle.IsOverdueOn(today), people.Count, submittedCount, people.Count - submittedCount, cycle.Version);
        return new CycleDashboardDto(summary, people);
    }

    private sealed record InScope(Guid PersonId, string FullName, string? JobTitle, string? Email, string Because);

    /// <summary>Everyone who must declare: members of the organisation's committees today, and decision-making staff.</summary>
    private async Task<Dictionary<Guid, InScope>> ScopeAsync(AppDbContext db, Guid organisationId, CancellationToken ct)
    {
        var today = Today;
        var seats = await db.Memberships.AsNoTracking()
            .Where(m => m.OrganisationId == organisationId && m.TermStart <= today && (m.TermEnd == null || m.TermEnd >= today))
            .Join(db.Committees, m => m.CommitteeId, c => c.Id, (m, c) => new { m.PersonId, Committee = c.Name })
            .ToListAsync(ct);
        var seatsByPerson = seats.GroupBy(s => s.PersonId).ToDictionary(g => g.Key, g => string.Join("; ", g.Select(s => s.Committee).Distinct().Order()));
        var people = await db.People.AsNoTracking()
            .Where(p => p.OrganisationId == organisationId)
            .Select(p => new { p.Id, p.FullName, p.JobTitle, p.Email, p.IsDecisionMakingStaff })
            .ToListAsync(ct);
        return people
            .Where(p => p.IsDecisionMakingStaff || seatsByPerson.ContainsKey(p.Id))
            .ToDictionary(
                p => p.Id,
                p => new InScope(p.Id, p.FullName, p.JobTitle, p.Email, seatsByPerson.TryGetValue(p.Id, out var committees) ? $"Member: {committees}" : "Decision-making staff"));
    }

    private Task<int> CurrentInterestsAsync(AppDbContext db, Guid organisationId, Guid personId, CancellationToken ct) =>
        AnnualReturns.CurrentInterestsAsync(db, organisationId, personId, Today, ct);
}
