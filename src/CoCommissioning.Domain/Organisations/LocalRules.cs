using CoCommissioning.Domain.Common;
using CoCommissioning.Domain.Interests;
using CoCommissioning.Domain.Meetings;

namespace CoCommissioning.Domain.Organisations;

/// <summary>How often everyone in scope confirms their declarations (rule book section 6.2).</summary>
public enum DeclarationFrequency
{
    Annual,
    SixMonthly,
}

/// <summary>
/// The rules an organisation sets for itself (rule book section 9): gifts and hospitality limits, the declaration
/// cycle, the agenda notice period and whether breaches are published. Pure values; <see cref="LocalRulesHistory"/>
/// says which set was in force on a date.
/// </summary>
/// <param name="CycleWindowDays">Days after a cycle opens that returns are due.</param>
public sealed record LocalRules(
    GiftThresholds Gifts,
    DeclarationFrequency CycleFrequency,
    int CycleWindowDays,
    NoticePeriod AgendaNotice,
    bool BreachesPublished)
{
    public const int MinWindowDays = 1;

    /// <summary>A cycle is due within six months of opening (<see cref="DeclarationCycle.Open"/>), so no window is longer.</summary>
    public const int MaxWindowDays = 182;

    /// <summary>
    /// The rule book's defaults: the 2017 guidance gift figures (6.7), an annual cycle (6.2) with returns due within
    /// the 28 days the rule book gives for declaring (6.2), three clear days' notice (7.2), breaches published
    /// anonymised (6.9).
    /// </summary>
    public static LocalRules Defaults { get; } = new(GiftThresholds.Guidance2017, DeclarationFrequency.Annual, RegisterRules.DeclarationDays, NoticePeriod.ThreeClearDays, true);

    /// <summary>Months between one cycle's opening and the next.</summary>
    public int CycleMonths => CycleFrequency == DeclarationFrequency.SixMonthly ? 6 : 12;

    /// <summary>When returns are due in a cycle opened on <paramref name="opensOn"/>.</summary>
    public DateOnly CycleDueOn(DateOnly opensOn) => opensOn.AddDays(CycleWindowDays);

    /// <summary>When the next cycle should open, after one opened on <paramref name="lastOpenedOn"/>.</summary>
    public DateOnly NextCycleOpensOn(DateOnly lastOpenedOn) => lastOpenedOn.AddMonths(CycleMonths);

    public ValidationErrors Check()
    {
        var errors = new ValidationErrors();
        var g = Gifts;
        foreach (var (field, value) in new[]
                 {
                     ("brandedItemLimit", g.BrandedItemLimit),
                     ("giftDeclarationLimit", g.GiftDeclarationLimit),
                     ("hospitalityDeclarationFrom", g.HospitalityDeclarationFrom),
                     ("hospitalityApprovalAbove", g.HospitalityApprovalAbove),
                 })
        {
            if (value is < 0 or > RegisterSettings.MaximumThreshold)
            {
                errors.Add(field, $"Enter an amount from £0 to £{RegisterSettings.MaximumThreshold:#,0}.");
            }
            else if (decimal.Round(value, 2) != value)
            {
                errors.Add(field, "Give the amount in pounds and pence.");
            }
        }

        if (!errors.Has("hospitalityApprovalAbove") && g.HospitalityApprovalAbove < g.HospitalityDeclarationFrom)
        {
            errors.Add("hospitalityApprovalAbove", "The approval threshold cannot be below the declaration threshold.");
        }

        if (g.AggregationMonths is < 1 or > 60)
        {
            errors.Add("aggregationMonths", "Enter a period from 1 to 60 months.");
        }

        if (CycleWindowDays is < MinWindowDays or > MaxWindowDays)
        {
            errors.Add("cycleWindowDays", $"Enter a number of days from {MinWindowDays} to {MaxWindowDays} (six months).");
        }

        if (!Enum.IsDefined(CycleFrequency))
        {
            errors.Add("cycleFrequency", "Choose annual or six-monthly.");
        }

        if (!Enum.IsDefined(AgendaNotice))
        {
            errors.Add("agendaNotice", "Choose three clear days, five working days or seven days.");
        }

        return errors;
    }
}

/// <summary>
/// One dated version of an organisation's local rules: in force from <see cref="EffectiveFrom"/> until the next
/// version's date. Versions are only added (or a version not yet in force corrected), so a past record is always
/// judged by the rule that was in force on its date.
/// </summary>
public sealed class LocalRulesVersion : IGovernanceRecord, IVersioned
{
    /// <summary>The date the defaults are in force from for every organisation: the beginning of the record.</summary>
    public static readonly DateOnly Beginning = new(Dates.MinYear, 1, 1);

    private LocalRulesVersion()
    {
        Gifts = GiftThresholds.Guidance2017;
    }

    private LocalRulesVersion(Guid organisationId, DateOnly effectiveFrom, LocalRules rules, DateTimeOffset savedAt)
    {
        Id = Guid.NewGuid();
        OrganisationId = organisationId;
        EffectiveFrom = effectiveFrom;
        SavedAt = savedAt;
        Gifts = rules.Gifts;
        Set(rules);
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public DateOnly EffectiveFrom { get; private set; }
    public GiftThresholds Gifts { get; private set; }
    public DeclarationFrequency CycleFrequency { get; private set; }
    public int CycleWindowDays { get; private set; }
    public NoticePeriod AgendaNotice { get; private set; }
    public bool BreachesPublished { get; private set; }

    /// <summary>When this version was last saved.</summary>
    public DateTimeOffset SavedAt { get; private set; }

    public Guid Version { get; private set; }

    public LocalRules Rules => new(Gifts, CycleFrequency, CycleWindowDays, AgendaNotice, BreachesPublished);

    /// <summary>The defaults, in force from the beginning: what every organisation has until it changes a rule.</summary>
    public static LocalRulesVersion DefaultsFor(Guid organisationId, DateTimeOffset savedAt) =>
        new(organisationId, Beginning, LocalRules.Defaults, savedAt);

    /// <summary>
    /// A new set of rules in force from <paramref name="effectiveFrom"/>. It may not start before the latest version
    /// (history is not rewritten) nor before today (a past record keeps the rule it was judged by). A change on the
    /// latest version's own date is a correction of it (<see cref="Correct"/>), allowed from its first day on.
    /// </summary>
    public static CommandResult<LocalRulesVersion> From(Guid organisationId, LocalRulesHistory history, DateOnly effectiveFrom, LocalRules rules, DateOnly today, DateTimeOffset now)
    {
        var errors = rules.Check();
        if (Dates.Check("effectiveFrom", effectiveFrom) is { } insane)
        {
            errors.Add(insane);
        }
        else if (effectiveFrom < today)
        {
            errors.Add("effectiveFrom", "A change takes effect from today or a later date: past records keep the rule that was in force on their date.");
        }
        else if (history.Latest is { } latest && effectiveFrom <= latest.EffectiveFrom)
        {
            errors.Add("effectiveFrom", $"A version already takes effect on {latest.EffectiveFrom:d MMMM yyyy}: choose a later date, or correct that version.");
        }

        return errors.Any ? errors.ToFailure() : CommandResult<LocalRulesVersion>.Success(new(organisationId, effectiveFrom, rules, now));
    }

    /// <summary>
    /// Corrects a version taking effect today or later (a mistake spotted on the day). An older version was in force
    /// on past records' dates and stays as it was.
    /// </summary>
    public CommandResult Correct(LocalRules rules, DateOnly today, DateTimeOffset now)
    {
        if (EffectiveFrom < today)
        {
            return Failure.Rule("This version was in force before today: add a new version from today or a later date instead.");
        }

        var errors = rules.Check();
        if (errors.Any)
        {
            return errors.ToFailure();
        }

        Set(rules);
        SavedAt = now;
        return CommandResult.Success();
    }

    private void Set(LocalRules rules)
    {
        (Gifts, CycleFrequency, CycleWindowDays, AgendaNotice, BreachesPublished) =
            (rules.Gifts, rules.CycleFrequency, rules.CycleWindowDays, rules.AgendaNotice, rules.BreachesPublished);
        Version = Guid.NewGuid();
    }
}

/// <summary>An organisation's local rules over time, oldest first.</summary>
public sealed class LocalRulesHistory
{
    private readonly IReadOnlyList<LocalRulesVersion> versions;

    public LocalRulesHistory(IEnumerable<LocalRulesVersion> versions)
    {
        this.versions = [.. versions.OrderBy(v => v.EffectiveFrom)];
    }

    public IReadOnlyList<LocalRulesVersion> Versions => versions;

    public LocalRulesVersion? Latest => versions.Count == 0 ? null : versions[^1];

    /// <summary>The version in force on <paramref name="date"/>; null before the first (or with no versions).</summary>
    public LocalRulesVersion? VersionOn(DateOnly date) => versions.LastOrDefault(v => v.EffectiveFrom <= date);

    /// <summary>The rules in force on <paramref name="date"/>: the defaults where no version was yet in force.</summary>
    public LocalRules InForceOn(DateOnly date) => VersionOn(date)?.Rules ?? LocalRules.Defaults;

    /// <summary>
    /// The date ranges [from, to) in which breaches were not published, so a query can leave out breaches identified
    /// then; <c>To</c> is null for a range that is still open.
    /// </summary>
    public IReadOnlyList<(DateOnly From, DateOnly? To)> BreachesUnpublishedRanges()
    {
        var ranges = new List<(DateOnly, DateOnly?)>();
        for (var i = 0; i < versions.Count; i++)
        {
            if (!versions[i].BreachesPublished)
            {
                ranges.Add((versions[i].EffectiveFrom, i + 1 < versions.Count ? versions[i + 1].EffectiveFrom : null));
            }
        }

        return ranges;
    }
}
