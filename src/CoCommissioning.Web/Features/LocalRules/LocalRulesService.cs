using CoCommissioning.Data;
using CoCommissioning.Domain.Common;
using CoCommissioning.Domain.Interests;
using CoCommissioning.Domain.Meetings;
using CoCommissioning.Domain.Organisations;
using CoCommissioning.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Rules = CoCommissioning.Domain.Organisations.LocalRules;

namespace CoCommissioning.Web.Features.LocalRules;

/// <summary>
/// An organisation's local rules, dated (ADR-0025): the rules in force today, their history, the rules in force on
/// any date, and changes that take effect from a date. Other features read the rule in force on their record's date
/// through <see cref="HistoryOfAsync"/>.
/// </summary>
public sealed class LocalRulesService(GovernanceDbFactory dbs, TimeProvider clock, ILogger<LocalRulesService> logger)
{
    private DateOnly Today => clock.Today();

    /// <summary>Every version of an organisation's rules; empty (so the defaults) until it has any.</summary>
    public static async Task<LocalRulesHistory> HistoryOfAsync(AppDbContext db, Guid organisationId, CancellationToken ct) =>
        new(await db.LocalRules.AsNoTracking().Where(v => v.OrganisationId == organisationId).ToListAsync(ct));

    /// <summary>The rules in force on <paramref name="date"/> for an organisation.</summary>
    public static async Task<Rules> InForceOnAsync(AppDbContext db, Guid organisationId, DateOnly date, CancellationToken ct) =>
        (await HistoryOfAsync(db, organisationId, ct)).InForceOn(date);

    /// <summary>The agenda notice period in force on a meeting date.</summary>
    public static async Task<NoticePeriod> NoticePeriodOnAsync(AppDbContext db, Guid organisationId, DateOnly meetingOn, CancellationToken ct) =>
        (await InForceOnAsync(db, organisationId, meetingOn, ct)).AgendaNotice;

    public async Task<CurrentLocalRulesDto> CurrentAsync(CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        return Current(await HistoryOfAsync(db, user.OrganisationId, ct), Today);
    }

    public async Task<IReadOnlyList<LocalRulesVersionDto>> HistoryAsync(CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        return Versions(await HistoryOfAsync(db, user.OrganisationId, ct), Today);
    }

    public async Task<LocalRulesOnDateDto> OnDateAsync(CurrentUser user, DateOnly date, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        var versions = Versions(await HistoryOfAsync(db, user.OrganisationId, ct), Today);
        return new(date, versions.Last(v => v.FromTheBeginning || v.EffectiveFrom <= date));
    }

    public async Task<CommandResult<CurrentLocalRulesDto>> SaveAsync(CurrentUser user, LocalRulesRequest request, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        Require(errors, "brandedItemLimit", request.BrandedItemLimit, "Enter an amount in pounds.");
        Require(errors, "giftDeclarationLimit", request.GiftDeclarationLimit, "Enter an amount in pounds.");
        Require(errors, "hospitalityDeclarationFrom", request.HospitalityDeclarationFrom, "Enter an amount in pounds.");
        Require(errors, "hospitalityApprovalAbove", request.HospitalityApprovalAbove, "Enter an amount in pounds.");
        Require(errors, "aggregationMonths", request.AggregationMonths, "Enter the number of months over which gifts from one source are added up.");
        Require(errors, "cycleFrequency", request.CycleFrequency, "Choose annual or six-monthly.");
        Require(errors, "cycleWindowDays", request.CycleWindowDays, "Enter the number of days after a cycle opens that returns are due.");
        Require(errors, "agendaNotice", request.AgendaNotice, "Choose the agenda notice period.");
        Require(errors, "breachesPublished", request.BreachesPublished, "Say whether breaches are published.");
        if (errors.Any)
        {
            return errors.ToFailure();
        }

        var rules = new Rules(
            new GiftThresholds(request.BrandedItemLimit!.Value, request.GiftDeclarationLimit!.Value, request.HospitalityDeclarationFrom!.Value, request.HospitalityApprovalAbove!.Value, request.AggregationMonths!.Value),
            request.CycleFrequency!.Value,
            request.CycleWindowDays!.Value,
            request.AgendaNotice!.Value,
            request.BreachesPublished!.Value);

        await using var db = await dbs.CreateAsync(user.AsAuditActor(), ct);
        var changed = await ChangeAsync(db, user.OrganisationId, request.EffectiveFrom ?? Today, rules, request.Version, checkVersion: true, ct);
        if (changed.TryGetFailure(out var failure))
        {
            return failure;
        }

        if (await Saving.SaveAsync(db, "local rules", ct) is { Failure: { } lost })
        {
            return lost;
        }

        logger.LogInformation("Local rules of {OrganisationId} from {EffectiveFrom} saved by {UserId}", user.OrganisationId, request.EffectiveFrom ?? Today, user.UserId);
        return CommandResult<CurrentLocalRulesDto>.Success(Current(await HistoryOfAsync(db, user.OrganisationId, ct), Today));
    }

    /// <summary>
    /// Adds (or, on the latest version's own date, corrects) a version on <paramref name="db"/> without saving. The
    /// first change of an organisation that still has only the defaults first records the defaults from the
    /// beginning, so its history reads whole. With <paramref name="checkVersion"/>, <paramref name="version"/> must be
    /// the latest version's (null for none).
    /// </summary>
    internal async Task<CommandResult> ChangeAsync(AppDbContext db, Guid organisationId, DateOnly effectiveFrom, Rules rules, Guid? version, bool checkVersion, CancellationToken ct)
    {
        var tracked = await db.LocalRules.Where(v => v.OrganisationId == organisationId).ToListAsync(ct);
        var history = new LocalRulesHistory(tracked);
        if (checkVersion && history.Latest?.Version != version)
        {
            return Failure.Conflict("local rules");
        }

        var now = clock.GetUtcNow();
        if (history.Latest is { } latest && latest.EffectiveFrom == effectiveFrom)
        {
            return latest.Correct(rules, Today, now);
        }

        if (history.Latest is null)
        {
            var defaults = LocalRulesVersion.DefaultsFor(organisationId, now);
            db.LocalRules.Add(defaults);
            history = new LocalRulesHistory([defaults]);
        }

        var added = LocalRulesVersion.From(organisationId, history, effectiveFrom, rules, Today, now);
        if (!added.TryGetValue(out var newVersion, out var failure))
        {
            return failure;
        }

        db.LocalRules.Add(newVersion);
        return CommandResult.Success();
    }

    private static void Require<T>(ValidationErrors errors, string field, T? value, string message)
        where T : struct
    {
        if (value is null)
        {
            errors.Add(field, message);
        }
    }

    private static CurrentLocalRulesDto Current(LocalRulesHistory history, DateOnly today)
    {
        var versions = Versions(history, today);
        var inForce = versions.Last(v => v.FromTheBeginning || v.EffectiveFrom <= today);
        var scheduled = versions.LastOrDefault(v => v.EffectiveFrom > today);
        return new(today, inForce, scheduled, history.Latest?.Version);
    }

    private static List<LocalRulesVersionDto> Versions(LocalRulesHistory history, DateOnly today)
    {
        if (history.Versions.Count == 0)
        {
            return [new(null, LocalRulesVersion.Beginning, null, true, true, LocalRulesDto.From(Rules.Defaults), null, null)];
        }

        var list = history.Versions;
        var current = history.VersionOn(today);
        return [.. list.Select((v, i) => new LocalRulesVersionDto(
            v.Id,
            v.EffectiveFrom,
            i + 1 < list.Count ? list[i + 1].EffectiveFrom.AddDays(-1) : null,
            i == 0 && v.EffectiveFrom == LocalRulesVersion.Beginning,
            ReferenceEquals(v, current),
            LocalRulesDto.From(v.Rules),
            v.SavedAt,
            v.Version))];
    }
}
