using CoCommissioning.Domain.Interests;
using CoCommissioning.Domain.Meetings;
using CoCommissioning.Domain.Organisations;

namespace CoCommissioning.Web.Features.LocalRules;

/// <summary>One set of local rules (rule book section 9). <see cref="AgendaNoticeText"/> is the period in words.</summary>
public sealed record LocalRulesDto(
    decimal BrandedItemLimit,
    decimal GiftDeclarationLimit,
    decimal HospitalityDeclarationFrom,
    decimal HospitalityApprovalAbove,
    int AggregationMonths,
    DeclarationFrequency CycleFrequency,
    int CycleWindowDays,
    NoticePeriod AgendaNotice,
    string AgendaNoticeText,
    bool BreachesPublished)
{
    public static LocalRulesDto From(Domain.Organisations.LocalRules r) => new(
        r.Gifts.BrandedItemLimit, r.Gifts.GiftDeclarationLimit, r.Gifts.HospitalityDeclarationFrom, r.Gifts.HospitalityApprovalAbove, r.Gifts.AggregationMonths,
        r.CycleFrequency, r.CycleWindowDays, r.AgendaNotice, Domain.Meetings.AgendaNotice.Describe(r.AgendaNotice), r.BreachesPublished);
}

/// <summary>
/// One dated version: in force from <see cref="EffectiveFrom"/> until the next version's date. <see cref="Id"/> and
/// <see cref="Version"/> are null for the defaults of an organisation that has never changed a rule.
/// </summary>
public sealed record LocalRulesVersionDto(Guid? Id, DateOnly EffectiveFrom, DateOnly? EffectiveUntil, bool FromTheBeginning, bool InForceToday, LocalRulesDto Rules, DateTimeOffset? SavedAt, Guid? Version);

/// <summary>
/// The rules in force today, and a version scheduled for a later date if there is one. Send <see cref="Version"/>
/// (the latest version's) with a change; null while the organisation has only the defaults.
/// </summary>
public sealed record CurrentLocalRulesDto(DateOnly Today, LocalRulesVersionDto InForce, LocalRulesVersionDto? Scheduled, Guid? Version);

/// <summary>The rules in force on a date, with the version they come from.</summary>
public sealed record LocalRulesOnDateDto(DateOnly Date, LocalRulesVersionDto Version);

/// <summary>
/// A change of the local rules taking effect from <see cref="EffectiveFrom"/> (today or later; today when omitted).
/// On the latest version's own date it corrects that version. Every rule is required.
/// </summary>
public sealed record LocalRulesRequest(
    DateOnly? EffectiveFrom,
    decimal? BrandedItemLimit,
    decimal? GiftDeclarationLimit,
    decimal? HospitalityDeclarationFrom,
    decimal? HospitalityApprovalAbove,
    int? AggregationMonths,
    DeclarationFrequency? CycleFrequency,
    int? CycleWindowDays,
    NoticePeriod? AgendaNotice,
    bool? BreachesPublished,
    Guid? Version);
