using CoCommissioning.Data;
using CoCommissioning.Data.Identity;
using CoCommissioning.Domain.Common;
using CoCommissioning.Domain.Interests;
using CoCommissioning.Web.Features.RegisterSettings;
using CoCommissioning.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CoCommissioning.Web.Features.GiftsAndHospitality;

/// <summary>
/// The gifts and hospitality register: members declare their own offers with the guidance applied as advice on
/// entry; governance leads review them.
/// </summary>
public sealed class GiftService(GovernanceDbFactory dbs, TimeProvider clock, ILogger<GiftService> logger)
{
    private DateOnly Today => clock.Today();

    public async Task<CommandResult<IReadOnlyList<GiftDto>>> ListMineAsync(CurrentUser user, CancellationToken ct = default)
    {
        if (user.PersonId is not { } personId)
        {
            return NotLinked();
        }

        await using var db = await dbs.CreateForReadingAsync(ct);
        var rows = await WithNames(db, db.GiftEntries.Where(g => g.OrganisationId == user.OrganisationId && g.PersonId == personId)).ToListAsync(ct);
        return CommandResult<IReadOnlyList<GiftDto>>.Success(Ordered(rows));
    }

    /// <summary>The register for review. <paramref name="q"/> searches the description, offeror and recipient.</summary>
    public async Task<IReadOnlyList<GiftDto>> ListAsync(CurrentUser user, ReviewStatus? status, string? q, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        var gifts = db.GiftEntries.Where(g => g.OrganisationId == user.OrganisationId);
        if (status is { } s)
        {
            gifts = gifts.Where(g => g.Status == s);
        }

        if (q?.Trim() is { Length: > 0 } term)
        {
            var lower = term.ToLowerInvariant();
#pragma warning disable CA1862, CA1304, CA1311 // Translated to SQL lower(): the culture-aware overloads do not translate.
            gifts = gifts.Where(g => g.Details.Description.ToLower().Contains(lower)
                || g.Details.OfferorName.ToLower().Contains(lower)
                || db.People.Any(p => p.Id == g.PersonId && p.FullName.ToLower().Contains(lower)));
#pragma warning restore CA1862, CA1304, CA1311
        }

        return Ordered(await WithNames(db, gifts).ToListAsync(ct));
    }

    public async Task<GiftDto?> GetAsync(CurrentUser user, Guid giftId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        var row = await WithNames(db, db.GiftEntries.Where(g => g.Id == giftId && g.OrganisationId == user.OrganisationId)).SingleOrDefaultAsync(ct);

        // Members see their own entries; the register is for governance leads.
        return row is null || (row.Gift.PersonId != user.PersonId && !IsReviewer(user)) ? null : ToDto(row);
    }

    /// <summary>The advice for an offer as typed, before it is saved, counting the caller's earlier gifts from the same source.</summary>
    public async Task<CommandResult<AdviceDto>> AdviseAsync(CurrentUser user, OfferRequest request, CancellationToken ct = default)
    {
        var personCheck = CheckPerson(user, request);
        if (personCheck.TryGetFailure(out var failure))
        {
            return failure;
        }

        var errors = new ValidationErrors();
        CheckAdviceFields(request, errors);
        if (request.OfferedOn > Today)
        {
            errors.Add("offeredOn", "The date offered cannot be in the future.");
        }

        if (errors.Any)
        {
            return errors.ToFailure();
        }

        await using var db = await dbs.CreateForReadingAsync(ct);
        // The limits in force on the day of the offer (local rules, ADR-0025).
        var thresholds = await RegisterSettingsService.ThresholdsOfAsync(db, user.OrganisationId, request.OfferedOn!.Value, ct);
        var offer = new Offer(request.Kind!.Value, request.OfferorKind!.Value, request.EstimatedValue!.Value, request.IsCashOrVoucher, request.IsLowCostBrandedItem, request.OfferedOn!.Value);
        var earlier = await EarlierGiftsAsync(db, user.OrganisationId, personCheck.Value, request.OfferorName, offer.OfferedOn, thresholds, ct);
        var advice = GiftsAndHospitalityAdvice.For(offer, earlier, thresholds);
        return CommandResult<AdviceDto>.Success(new AdviceDto(advice.Action, GiftLabels.Of(advice.Action), advice.Reason, advice.ValueCounted, CountedOf(offer, earlier, thresholds)));
    }

    public async Task<CommandResult<GiftDto>> DeclareAsync(CurrentUser user, OfferRequest request, CancellationToken ct = default)
    {
        var personCheck = CheckPerson(user, request);
        if (personCheck.TryGetFailure(out var failure))
        {
            return failure;
        }

        var personId = personCheck.Value;
        var errors = new ValidationErrors();
        CheckAdviceFields(request, errors);
        if (request.Outcome is null)
        {
            errors.Add("outcome", "Say whether the offer was accepted or declined.");
        }

        await using var db = await dbs.CreateAsync(user.AsAuditActor(), ct);
        if (request.OfferorBodyId is { } bodyId && !await db.ExternalBodies.AnyAsync(b => b.Id == bodyId && b.OrganisationId == user.OrganisationId, ct))
        {
            errors.Add("offerorBodyId", "Choose the offeror from your organisation's list of bodies.");
        }

        var details = ToDetails(request, Today);

        // The advice is worked out here, from the stored entries and the organisation's thresholds, whatever the client showed.
        var thresholds = await RegisterSettingsService.ThresholdsOfAsync(db, user.OrganisationId, details.OfferedOn, ct);
        var earlier = await EarlierGiftsAsync(db, user.OrganisationId, personId, details.OfferorName, details.OfferedOn, thresholds, ct);
        var declared = GiftEntry.Declare(user.OrganisationId, personId, details, earlier, thresholds, Today);

        // Every mistake at once: the domain's field messages (checked on stand-ins for missing choices) and the ones found here.
        if (declared.Failure is not null || errors.Any)
        {
            var all = new ValidationErrors();
            all.Add(declared.Failure, errors.Any ? errors.ToFailure() : null);
            return all.ToFailure();
        }

        var gift = declared.Value!;
        await using (await DuplicateGuard.LockAsync(db, "gift", personId, ct))
        {
            // The same offer declared again the same day: the value is left out because SQLite cannot compare decimals.
            var existing = await db.GiftEntries
                .Where(g => g.OrganisationId == user.OrganisationId && g.PersonId == personId && g.DeclaredOn == gift.DeclaredOn
                    && g.Details.Kind == gift.Details.Kind && g.Details.OfferedOn == gift.Details.OfferedOn
                    && g.Details.OfferorName == gift.Details.OfferorName && g.Details.Description == gift.Details.Description)
                .Select(g => (Guid?)g.Id).FirstOrDefaultAsync(ct);
            if (existing is { } id)
            {
                return Failure.Duplicate("You have already declared this offer today.", id);
            }

            db.GiftEntries.Add(gift);
            await db.SaveChangesAsync(ct);
        }

        logger.LogInformation("Gift or hospitality {GiftId} declared by {UserId}", gift.Id, user.UserId);
        var name = await db.People.AsNoTracking().Where(p => p.Id == personId).Select(p => p.FullName).SingleAsync(ct);
        return CommandResult<GiftDto>.Success(ToDto(new GiftRow(gift, name)));
    }

    public Task<CommandResult<GiftDto>> AcceptAsync(CurrentUser user, Guid giftId, VersionRequest request, CancellationToken ct = default) =>
        ReviewAsync(user, giftId, request.Version, g => g.Accept(user.UserId, user.DisplayName, Today), "accepted", ct);

    public Task<CommandResult<GiftDto>> RequestChangesAsync(CurrentUser user, Guid giftId, RequestChangesRequest request, CancellationToken ct = default) =>
        ReviewAsync(user, giftId, request.Version, g => g.RequestChanges(user.UserId, user.DisplayName, request.Comment, Today), "sent back for changes", ct);

    public Task<CommandResult<GiftDto>> WithholdAsync(CurrentUser user, Guid giftId, WithholdRequest request, CancellationToken ct = default) =>
        ReviewAsync(user, giftId, request.Version, g => g.Withhold(request.Reason), "withheld from publication", ct);

    private async Task<CommandResult<GiftDto>> ReviewAsync(CurrentUser user, Guid giftId, Guid version, Func<GiftEntry, CommandResult> change, string done, CancellationToken ct)
    {
        await using var db = await dbs.CreateAsync(user.AsAuditActor(), ct);
        var gift = await db.GiftEntries.SingleOrDefaultAsync(g => g.Id == giftId && g.OrganisationId == user.OrganisationId, ct);
        var applied = await VersionedEdit.ApplyAsync(db, gift, version, "The gift or hospitality entry", "entry", change, ct);
        if (applied.TryGetFailure(out var failure))
        {
            return failure;
        }

        logger.LogInformation("Gift or hospitality {GiftId} {Done} by {UserId}", gift!.Id, done, user.UserId);
        var name = await db.People.AsNoTracking().Where(p => p.Id == gift.PersonId).Select(p => p.FullName).SingleAsync(ct);
        return CommandResult<GiftDto>.Success(ToDto(new GiftRow(gift, name)));
    }

    private static bool IsReviewer(CurrentUser user) => user.IsAnyOf(AppRole.GovernanceLead, AppRole.Administrator);

    private static Failure NotLinked() =>
        Failure.Forbidden("Your sign-in is not linked to a person in your organisation's records, so you cannot declare gifts or hospitality. Ask an administrator to link it.");

    /// <summary>Members declare for themselves only: naming anyone else is refused, not silently corrected.</summary>
    private static CommandResult<Guid> CheckPerson(CurrentUser user, OfferRequest request)
    {
        if (user.PersonId is not { } own)
        {
            return NotLinked();
        }

        if (request.PersonId is { } named && named != own)
        {
            return Failure.Forbidden("You can declare gifts and hospitality for yourself only.");
        }

        return CommandResult<Guid>.Success(own);
    }

    private static void CheckAdviceFields(OfferRequest r, ValidationErrors errors)
    {
        if (r.Kind is null)
        {
            errors.Add("kind", "Say whether this is a gift or hospitality.");
        }

        if (r.OfferorKind is null)
        {
            errors.Add("offerorKind", "Say whether the offeror is a supplier or contractor.");
        }

        if (r.EstimatedValue is null)
        {
            errors.Add("estimatedValue", "Enter the estimated value in pounds.");
        }
        else if (r.EstimatedValue < 0)
        {
            errors.Add("estimatedValue", "The estimated value cannot be negative.");
        }
        else if (r.EstimatedValue > GiftEntry.MaximumValue)
        {
            errors.Add("estimatedValue", $"The estimated value must be £{GiftEntry.MaximumValue:#,0} or less: check the amount.");
        }

        if (r.OfferedOn is null)
        {
            errors.Add("offeredOn", "Enter the date the offer was made.");
        }

        errors.Add(Dates.Check("offeredOn", r.OfferedOn), Dates.Check("receivedOn", r.ReceivedOn));

        // The advice looks up earlier gifts by this name, so it is checked before it reaches a query.
        if (Text.HasUnstorableCharacter(r.OfferorName))
        {
            errors.Add(Text.Unstorable("offerorName"));
        }
    }

    /// <summary>
    /// The offer as the domain checks it. A missing choice is reported by the caller; a neutral stand-in (declined, so
    /// no advice-based rule fires) lets the domain check the rest of the form at the same time.
    /// </summary>
    private static OfferDetails ToDetails(OfferRequest r, DateOnly today) => new(
        r.Kind ?? OfferKind.Gift, r.Description ?? "", r.OfferorName ?? "", r.OfferorBusiness, r.OfferorKind ?? OfferorKind.Other, r.OfferorBodyId,
        r.EstimatedValue ?? 0m, r.IsCashOrVoucher, r.IsLowCostBrandedItem, r.OfferedOn ?? today, r.Outcome is null ? null : r.ReceivedOn,
        r.Outcome ?? OfferOutcome.Declined, r.Reason, r.ApprovedBy);

    /// <summary>
    /// The person's accepted gifts from the same offeror (by name, ignoring case) within the aggregation period.
    /// Declined gifts were never received, so they do not add up. Loaded and summed in memory: SQLite cannot sum
    /// decimals in SQL, and one source's gifts to one person are few.
    /// </summary>
    private static async Task<IReadOnlyList<Offer>> EarlierGiftsAsync(AppDbContext db, Guid organisationId, Guid personId, string? offerorName, DateOnly offeredOn, GiftThresholds thresholds, CancellationToken ct)
    {
        var name = offerorName?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(name) || Text.HasUnstorableCharacter(name) || !Dates.IsSane(offeredOn))
        {
            return [];
        }

        var since = offeredOn.AddMonths(-thresholds.AggregationMonths);
#pragma warning disable CA1862, CA1304, CA1311 // Translated to SQL lower(): the culture-aware overloads do not translate.
        var gifts = await db.GiftEntries.AsNoTracking()
            .Where(g => g.OrganisationId == organisationId && g.PersonId == personId
                && g.Details.Kind == OfferKind.Gift && g.Details.Outcome == OfferOutcome.Accepted
                && g.Details.OfferedOn > since && g.Details.OfferedOn <= offeredOn
                && g.Details.OfferorName.ToLower() == name)
            .ToListAsync(ct);
#pragma warning restore CA1862, CA1304, CA1311
        return [.. gifts.Select(g => GiftEntry.ToOffer(g.Details))];
    }

    private static int CountedOf(Offer offer, IReadOnlyList<Offer> earlier, GiftThresholds thresholds) =>
        offer.Kind == OfferKind.Gift && offer.Offeror == OfferorKind.Other && !offer.IsCashOrVoucher ? earlier.Count : 0;

    private sealed record GiftRow(GiftEntry Gift, string PersonName);

    private static IQueryable<GiftRow> WithNames(AppDbContext db, IQueryable<GiftEntry> gifts) =>
        from g in gifts.AsNoTracking()
        join p in db.People.AsNoTracking() on g.PersonId equals p.Id
        select new GiftRow(g, p.FullName);

    private static List<GiftDto> Ordered(List<GiftRow> rows) =>
        [.. rows.OrderByDescending(r => r.Gift.Details.OfferedOn).ThenByDescending(r => r.Gift.DeclaredOn).Select(ToDto)];

    private static GiftDto ToDto(GiftRow row)
    {
        var (g, d) = (row.Gift, row.Gift.Details);
        return new(g.Id, g.PersonId, row.PersonName, d.Kind, d.Description, d.OfferorName, d.OfferorBusiness, d.OfferorKind, d.OfferorBodyId,
            d.EstimatedValue, d.IsCashOrVoucher, d.IsLowCostBrandedItem, d.OfferedOn, d.ReceivedOn, d.Outcome, d.Reason, d.ApprovedBy,
            g.Advice, g.AdviceReason, g.ValueCounted, g.DeclaredOn, g.Status, g.ReviewComment, g.ReviewedOn, g.ReviewedByName, g.Withheld, g.WithheldReason, g.Version);
    }
}
