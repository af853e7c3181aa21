using CoCommissioning.Data;
using CoCommissioning.Domain.Common;
using CoCommissioning.Domain.Interests;
using CoCommissioning.Domain.Organisations;
using CoCommissioning.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CoCommissioning.Web.Features.Procurement;

public sealed record ProcurementDto(
    Guid Id,
    string Title,
    DateOnly DecidedOn,
    string Service,
    ProcurementRoute Route,
    decimal? ContractValue,
    Guid? CommitteeId,
    string? CommitteeName,
    string? ConflictsNoted,
    string? ConflictsManagement,
    Guid? SupplierBodyId,
    string? SupplierName,
    DateOnly? ContractStartsOn,
    DateOnly? ContractEndsOn,
    DateOnly RecordedOn,
    Guid? DecisionId,
    string? DecisionResolution,
    Guid Version,
    string RouteText,
    bool IsPsrProcess,
    PsrDetails Psr,
    PsrMeetingEvidenceDto? Meeting);

/// <summary>
/// A procurement decision as the governance lead records it. The supplier is either one of the organisation's
/// bodies (<see cref="SupplierBodyId"/>) or a name typed in (<see cref="SupplierName"/>), not both.
/// <see cref="Version"/> is needed only to correct a recorded decision.
/// </summary>
public sealed record ProcurementRequest(
    string? Title,
    DateOnly? DecidedOn,
    string? Service,
    ProcurementRoute? Route,
    decimal? ContractValue,
    Guid? CommitteeId,
    string? ConflictsNoted,
    string? ConflictsManagement,
    Guid? SupplierBodyId,
    string? SupplierName,
    DateOnly? ContractStartsOn,
    DateOnly? ContractEndsOn,
    Guid? Version = null,
    PsrDetails? Psr = null);

public sealed record LinkDecisionRequest(Guid DecisionId, Guid Version);

public sealed record OptionDto(Guid Id, string Name);

/// <summary>What a procurement decision's form offers: the organisation's committees, suppliers and committee decisions.</summary>
public sealed record ProcurementOptionsDto(IReadOnlyList<OptionDto> Committees, IReadOnlyList<OptionDto> Suppliers, IReadOnlyList<OptionDto> Decisions);

/// <summary>The procurement decisions register, kept by the governance lead.</summary>
public sealed class ProcurementService(GovernanceDbFactory dbs, TimeProvider clock, ILogger<ProcurementService> logger)
{
    private DateOnly Today => clock.Today();

    public async Task<IReadOnlyList<ProcurementDto>> ListAsync(CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        var decisions = await db.ProcurementDecisions.AsNoTracking().Where(p => p.OrganisationId == user.OrganisationId).ToListAsync(ct);
        var names = await NamesAsync(db, user.OrganisationId, ct);
        return [.. decisions.OrderByDescending(p => p.Details.DecidedOn).ThenBy(p => p.Details.Title).Select(p => ToDto(p, names))];
    }

    public async Task<ProcurementDto?> GetAsync(CurrentUser user, Guid id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        var decision = await db.ProcurementDecisions.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id && p.OrganisationId == user.OrganisationId, ct);
        return decision is null ? null : ToDto(decision, await NamesAsync(db, user.OrganisationId, ct));
    }

    /// <summary>The drafted notice of intention to award (rule book 8.7), for the processes that have one.</summary>
    public async Task<CommandResult<PsrNoticeDto>> NoticeOfIntentionAsync(CurrentUser user, Guid id, CancellationToken ct = default)
    {
        var decision = await GetAsync(user, id, ct);
        if (decision is null)
        {
            return Failure.NotFound("The procurement decision");
        }

        await using var db = await dbs.CreateForReadingAsync(ct);
        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == user.OrganisationId).Select(o => o.Name).SingleAsync(ct);
        return PsrNotices.NoticeOfIntention(decision, organisation);
    }

    /// <summary>The annual summary (rule book 8.8): contracts per process, value, representations received and upheld.</summary>
    public async Task<PsrAnnualSummaryDto> AnnualSummaryAsync(CurrentUser user, int year, CancellationToken ct = default)
    {
        var all = await ListAsync(user, ct);
        return PsrNotices.AnnualSummary(all, year);
    }

    public async Task<ProcurementOptionsDto> OptionsAsync(CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        var committees = await db.Committees.AsNoTracking().Where(c => c.OrganisationId == user.OrganisationId).OrderBy(c => c.Name).Select(c => new OptionDto(c.Id, c.Name)).ToListAsync(ct);
        var suppliers = await db.ExternalBodies.AsNoTracking().Where(b => b.OrganisationId == user.OrganisationId).OrderBy(b => b.Name).Select(b => new OptionDto(b.Id, b.Name)).ToListAsync(ct);
        var decisions = await db.Decisions.AsNoTracking().Where(d => d.OrganisationId == user.OrganisationId).ToListAsync(ct);
        return new(committees, suppliers, [.. decisions.OrderByDescending(d => d.DecidedAt).Select(d => new OptionDto(d.Id, DecisionLabel(d.DecidedAt, d.Resolution)))]);
    }

    public async Task<CommandResult<ProcurementDto>> RecordAsync(CurrentUser user, ProcurementRequest request, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(user.AsAuditActor(), ct);
        var details = await CheckAsync(db, user, request, ct);
        if (!details.TryGetValue(out var checkedDetails, out var failure))
        {
            return failure;
        }

        if (!ProcurementDecision.Record(user.OrganisationId, checkedDetails, Today, request.Psr).TryGetValue(out var decision, out failure))
        {
            return failure;
        }

        await using (await DuplicateGuard.LockAsync(db, "procurement", user.OrganisationId, ct))
        {
            // The same award recorded again the same day: title, date decided, service and route say which award it is.
            var existing = await db.ProcurementDecisions
                .Where(p => p.OrganisationId == user.OrganisationId && p.RecordedOn == decision.RecordedOn && p.Details.Title == decision.Details.Title
                    && p.Details.DecidedOn == decision.Details.DecidedOn && p.Details.Service == decision.Details.Service && p.Details.Route == decision.Details.Route)
                .Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
            if (existing is { } id)
            {
                return Failure.Duplicate("This procurement decision has already been recorded today.", id);
            }

            db.ProcurementDecisions.Add(decision);
            await db.SaveChangesAsync(ct);
        }

        logger.LogInformation("Procurement decision {ProcurementId} recorded by {UserId}", decision.Id, user.UserId);
        return CommandResult<ProcurementDto>.Success(ToDto(decision, await NamesAsync(db, user.OrganisationId, ct)));
    }

    public Task<CommandResult<ProcurementDto>> CorrectAsync(CurrentUser user, Guid id, ProcurementRequest request, CancellationToken ct = default) =>
        ChangeAsync(user, id, request.Version ?? Guid.Empty, async (db, p) =>
        {
            var details = await CheckAsync(db, user, request, ct);
            return details.Match<CommandResult>(d => p.Correct(d, Today, request.Psr), failure => failure);
        }, "corrected", ct);

    public Task<CommandResult<ProcurementDto>> LinkDecisionAsync(CurrentUser user, Guid id, LinkDecisionRequest request, CancellationToken ct = default) =>
        ChangeAsync(user, id, request.Version, async (db, p) =>
        {
            if (!await db.Decisions.AnyAsync(d => d.Id == request.DecisionId && d.OrganisationId == user.OrganisationId, ct))
            {
                return Failure.Validation("decisionId", "Choose one of your organisation's committee decisions.");
            }

            p.LinkDecision(request.DecisionId);
            return CommandResult.Success();
        }, "linked to a committee decision", ct);

    private async Task<CommandResult<ProcurementDto>> ChangeAsync(CurrentUser user, Guid id, Guid version, Func<AppDbContext, ProcurementDecision, Task<CommandResult>> change, string done, CancellationToken ct)
    {
        await using var db = await dbs.CreateAsync(user.AsAuditActor(), ct);
        var decision = await db.ProcurementDecisions.SingleOrDefaultAsync(p => p.Id == id && p.OrganisationId == user.OrganisationId, ct);
        var applied = await VersionedEdit.ApplyAsync(db, decision, version, "The procurement decision", "procurement decision", d => change(db, d), ct);
        if (applied.TryGetFailure(out var failure))
        {
            return failure;
        }

        logger.LogInformation("Procurement decision {ProcurementId} {Done} by {UserId}", decision!.Id, done, user.UserId);
        return CommandResult<ProcurementDto>.Success(ToDto(decision, await NamesAsync(db, user.OrganisationId, ct)));
    }

    /// <summary>The checks that need the database (the committee and supplier are the organisation's), with the required fields the domain cannot see as missing.</summary>
    private async Task<CommandResult<ProcurementDetails>> CheckAsync(AppDbContext db, CurrentUser user, ProcurementRequest r, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (r.DecidedOn is null)
        {
            errors.Add("decidedOn", "Enter the date the decision was made.");
        }

        if (r.Route is null)
        {
            errors.Add("route", "Choose the procurement route.");
        }

        if (r.CommitteeId is { } committeeId && !await db.Committees.AnyAsync(c => c.Id == committeeId && c.OrganisationId == user.OrganisationId, ct))
        {
            errors.Add("committeeId", "Choose one of your organisation's committees.");
        }

        if (r.SupplierBodyId is { } bodyId)
        {
            if (!string.IsNullOrWhiteSpace(r.SupplierName))
            {
                errors.Add("supplierName", "Choose the supplier from the list or type its name, not both.");
            }

            if (!await db.ExternalBodies.AnyAsync(b => b.Id == bodyId && b.OrganisationId == user.OrganisationId, ct))
            {
                errors.Add("supplierBodyId", "Choose the supplier from your organisation's list of bodies.");
            }
        }

        var details = new ProcurementDetails(
            r.Title ?? "", r.DecidedOn ?? Today, r.Service ?? "", r.Route ?? ProcurementRoute.Other, r.ContractValue, r.CommitteeId,
            r.ConflictsNoted, r.ConflictsManagement, r.SupplierBodyId, r.SupplierName, r.ContractStartsOn, r.ContractEndsOn);

        // Run the domain's checks too, so every mistake is reported at once; its result is not kept here.
        errors.Add(ProcurementDecision.Record(user.OrganisationId, details, Today, r.Psr).Failure);
        return errors.Any ? errors.ToFailure() : CommandResult<ProcurementDetails>.Success(details);
    }

    private sealed record Names(IReadOnlyDictionary<Guid, string> Committees, IReadOnlyDictionary<Guid, string> Bodies, IReadOnlyDictionary<Guid, string> Decisions, IReadOnlyDictionary<Guid, PsrMeetingEvidenceDto> Evidence);

    // The organisation's registers are short lists: reading the names once is simpler than a join per reference.
    private static async Task<Names> NamesAsync(AppDbContext db, Guid organisationId, CancellationToken ct)
    {
        var committees = await db.Committees.AsNoTracking().Where(c => c.OrganisationId == organisationId).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var bodies = await db.ExternalBodies.AsNoTracking().Where(b => b.OrganisationId == organisationId).ToDictionaryAsync(b => b.Id, b => b.Name, ct);
        var linked = await db.ProcurementDecisions.AsNoTracking().Where(p => p.OrganisationId == organisationId && p.DecisionId != null).Select(p => p.DecisionId!.Value).Distinct().ToListAsync(ct);
        var decisions = await db.Decisions.AsNoTracking().Where(d => linked.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => DecisionLabel(d.DecidedAt, d.Resolution), ct);
        var evidence = await PsrMeetingEvidence.LoadAsync(db, organisationId, linked, ct);
        return new(committees, bodies, decisions, evidence);
    }

    private static string DecisionLabel(DateTimeOffset decidedAt, string resolution) =>
        $"{decidedAt.UtcDateTime.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))}: {resolution}";

    private static ProcurementDto ToDto(ProcurementDecision p, Names names)
    {
        var d = p.Details;
        var supplier = d.SupplierBodyId is { } bodyId ? names.Bodies.GetValueOrDefault(bodyId) : d.SupplierName;
        return new(p.Id, d.Title, d.DecidedOn, d.Service, d.Route, d.ContractValue, d.CommitteeId, d.CommitteeId is { } c ? names.Committees.GetValueOrDefault(c) : null,
            d.ConflictsNoted, d.ConflictsManagement, d.SupplierBodyId, supplier, d.ContractStartsOn, d.ContractEndsOn, p.RecordedOn,
            p.DecisionId, p.DecisionId is { } decisionId ? names.Decisions.GetValueOrDefault(decisionId) : null, p.Version,
            ProcurementLabels.Of(d.Route), d.Route.IsPsrProcess(), p.Psr, p.DecisionId is { } linked ? names.Evidence.GetValueOrDefault(linked) : null);
    }
}
