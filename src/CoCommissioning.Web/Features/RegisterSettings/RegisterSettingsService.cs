using CoCommissioning.Data;
using CoCommissioning.Domain.Common;
using CoCommissioning.Domain.Interests;
using CoCommissioning.Web.Features.LocalRules;
using CoCommissioning.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using DomainSettings = CoCommissioning.Domain.Interests.RegisterSettings;

namespace CoCommissioning.Web.Features.RegisterSettings;

/// <summary>The gifts and hospitality thresholds an organisation applies, in pounds.</summary>
public sealed record ThresholdsDto(decimal BrandedItemLimit, decimal GiftDeclarationLimit, decimal HospitalityDeclarationFrom, decimal HospitalityApprovalAbove, int AggregationMonths)
{
    public static ThresholdsDto From(GiftThresholds t) => new(t.BrandedItemLimit, t.GiftDeclarationLimit, t.HospitalityDeclarationFrom, t.HospitalityApprovalAbove, t.AggregationMonths);
}

/// <summary>
/// An organisation's register settings. <see cref="Version"/> is null while the organisation still uses the
/// defaults and has never saved its own settings.
/// </summary>
public sealed record RegisterSettingsDto(
    decimal BrandedItemLimit,
    decimal GiftDeclarationLimit,
    decimal HospitalityDeclarationFrom,
    decimal HospitalityApprovalAbove,
    int AggregationMonths,
    Guid? GuardianPersonId,
    string? GuardianName,
    bool IsDefault,
    Guid? Version);

/// <summary>Send the version you read; null when saving for the first time (the settings were the defaults).</summary>
public sealed record RegisterSettingsRequest(
    decimal? BrandedItemLimit,
    decimal? GiftDeclarationLimit,
    decimal? HospitalityDeclarationFrom,
    decimal? HospitalityApprovalAbove,
    int? AggregationMonths,
    Guid? GuardianPersonId,
    Guid? Version);

/// <summary>The organisation's register settings: gift thresholds and the Conflicts of Interest Guardian.
/// The thresholds themselves are local rules (ADR-0025): read here as the rules in force today, and a change saved here
/// is a new local rules version from today.
public sealed class RegisterSettingsService(GovernanceDbFactory dbs, LocalRulesService localRules, TimeProvider clock, ILogger<RegisterSettingsService> logger)
{
    public async Task<RegisterSettingsDto> GetAsync(CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        var settings = await db.RegisterSettings.AsNoTracking().SingleOrDefaultAsync(s => s.Id == user.OrganisationId, ct);
        var thresholds = await ThresholdsOfAsync(db, user.OrganisationId, clock.Today(), ct);
        return await ToDtoAsync(db, settings ?? DomainSettings.DefaultsFor(user.OrganisationId), thresholds, settings is null, ct);
    }

    public async Task<ThresholdsDto> GetThresholdsAsync(CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        return ThresholdsDto.From(await ThresholdsOfAsync(db, user.OrganisationId, clock.Today(), ct));
    }

    /// <summary>
    /// The thresholds in force for an organisation on <paramref name="date"/> (local rules, ADR-0025): the 2017
    /// guidance figures until it sets its own.
    /// </summary>
    public static async Task<GiftThresholds> ThresholdsOfAsync(AppDbContext db, Guid organisationId, DateOnly date, CancellationToken ct) =>
        (await LocalRulesService.InForceOnAsync(db, organisationId, date, ct)).Gifts;

    public async Task<CommandResult<RegisterSettingsDto>> SaveAsync(CurrentUser user, RegisterSettingsRequest request, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        RequireValue(errors, "brandedItemLimit", request.BrandedItemLimit);
        RequireValue(errors, "giftDeclarationLimit", request.GiftDeclarationLimit);
        RequireValue(errors, "hospitalityDeclarationFrom", request.HospitalityDeclarationFrom);
        RequireValue(errors, "hospitalityApprovalAbove", request.HospitalityApprovalAbove);
        if (request.AggregationMonths is null)
        {
            errors.Add("aggregationMonths", "Enter the number of months over which gifts from one source are added up.");
        }

        await using var db = await dbs.CreateAsync(user.AsAuditActor(), ct);
        if (request.GuardianPersonId is { } guardianId
            && !await db.People.AnyAsync(p => p.Id == guardianId && p.OrganisationId == user.OrganisationId, ct))
        {
            errors.Add("guardianPersonId", "Choose the guardian from your organisation's people.");
        }

        if (errors.Any)
        {
            return errors.ToFailure();
        }

        var settings = await db.RegisterSettings.SingleOrDefaultAsync(s => s.Id == user.OrganisationId, ct);
        if (settings is null ? request.Version is not null : settings.Version != request.Version)
        {
            return Failure.Conflict("settings");
        }

        var isNew = settings is null;
        settings ??= DomainSettings.DefaultsFor(user.OrganisationId);
        var thresholds = new GiftThresholds(
            request.BrandedItemLimit!.Value,
            request.GiftDeclarationLimit!.Value,
            request.HospitalityDeclarationFrom!.Value,
            request.HospitalityApprovalAbove!.Value,
            request.AggregationMonths!.Value);
        var updated = settings.Update(thresholds, request.GuardianPersonId);
        if (updated.TryGetFailure(out var updateFailure))
        {
            return updateFailure;
        }

        if (isNew)
        {
            db.RegisterSettings.Add(settings);
        }

        // The thresholds are local rules: a change here is a new version from today, the other rules kept.
        var today = clock.Today();
        var inForce = await LocalRulesService.InForceOnAsync(db, user.OrganisationId, today, ct);
        if (inForce.Gifts != thresholds)
        {
            var changed = await localRules.ChangeAsync(db, user.OrganisationId, today, inForce with { Gifts = thresholds }, null, checkVersion: false, ct);
            if (changed.TryGetFailure(out var changeFailure))
            {
                return changeFailure;
            }
        }

        // A stale update, or a key clash (two first saves at once, the other one won): a 409 either way.
        if (await Saving.SaveAsync(db, "settings", ct) is { Failure: { } lost })
        {
            return lost;
        }

        logger.LogInformation("Register settings of {OrganisationId} saved by {UserId}", user.OrganisationId, user.UserId);
        return CommandResult<RegisterSettingsDto>.Success(await ToDtoAsync(db, settings, thresholds, false, ct));
    }

    private static void RequireValue(ValidationErrors errors, string field, decimal? value)
    {
        if (value is null)
        {
            errors.Add(field, "Enter an amount in pounds.");
        }
        else if (decimal.Round(value.Value, 2) != value.Value)
        {
            errors.Add(field, "Give the amount in pounds and pence.");
        }
    }

    private static async Task<RegisterSettingsDto> ToDtoAsync(AppDbContext db, DomainSettings s, GiftThresholds t, bool isDefault, CancellationToken ct)
    {
        var guardianName = s.GuardianPersonId is { } id
            ? await db.People.AsNoTracking().Where(p => p.Id == id).Select(p => p.FullName).SingleOrDefaultAsync(ct)
            : null;
        return new(t.BrandedItemLimit, t.GiftDeclarationLimit, t.HospitalityDeclarationFrom, t.HospitalityApprovalAbove, t.AggregationMonths, s.GuardianPersonId, guardianName, isDefault, isDefault ? null : s.Version);
    }
}
