using CoCommissioning.Data;
using CoCommissioning.Domain.Interests;
using Microsoft.EntityFrameworkCore;

namespace CoCommissioning.Web.Features.PublicRegisters;

/// <summary>
/// The one place that decides what the public may see. The pages, the CSV and the JSON all start from these
/// queries, and a test checks they agree with the domain's <c>IsPublicOn</c> on the edge cases.
/// </summary>
public static class PublicRegisterFilters
{
    /// <summary>
    /// The earliest end date still public on <paramref name="today"/>: the least E with
    /// <c>E.AddMonths(6) &gt;= today</c>, so SQL can compare a column with a constant.
    /// </summary>
    /// <remarks>
    /// <c>today.AddMonths(-6)</c> alone is not it: month ends clamp (30 September plus six months is 30 March, so
    /// on 31 March an interest that ended on 30 September is no longer public, yet 30 September is not before
    /// 31 March minus six months). The loops move at most three days.
    /// </remarks>
    public static DateOnly PublicIfEndedOnOrAfter(DateOnly today)
    {
        var cutOff = today.AddMonths(-RegisterRules.PublicMonthsAfterEnd);
        while (cutOff.AddMonths(RegisterRules.PublicMonthsAfterEnd) < today)
        {
            cutOff = cutOff.AddDays(1);
        }

        while (cutOff.AddDays(-1).AddMonths(RegisterRules.PublicMonthsAfterEnd) >= today)
        {
            cutOff = cutOff.AddDays(-1);
        }

        return cutOff;
    }

    /// <summary>
    /// Accepted interests (not nil returns), reviewed by today, not withheld, running or ended no more than six
    /// months ago, of people who make decisions today: a current committee member of the organisation or staff
    /// marked as decision-making.
    /// </summary>
    public static IQueryable<Declaration> PublicDeclarations(AppDbContext db, Guid organisationId, DateOnly today)
    {
        var endedOnOrAfter = PublicIfEndedOnOrAfter(today);
        return db.Declarations.AsNoTracking()
            .Where(d => d.OrganisationId == organisationId
                && d.Kind == DeclarationKind.Interest
                && !d.Withheld
                && d.PublishedDetails != null
                && d.PublishedOn != null && d.PublishedOn <= today
                && (d.PublishedDetails.To == null || d.PublishedDetails.To >= endedOnOrAfter))
            .Where(d => db.People.Any(p => p.Id == d.PersonId && p.OrganisationId == organisationId
                && (p.IsDecisionMakingStaff || db.Memberships.Any(m => m.PersonId == p.Id && m.OrganisationId == organisationId
                    && m.TermStart <= today && (m.TermEnd == null || m.TermEnd >= today)))));
    }

    /// <summary>
    /// Reviewed and accepted gifts and hospitality, not withheld, until six months after the offer was received or
    /// declined (<see cref="GiftEntry.EndedOn"/>).
    /// </summary>
    public static IQueryable<GiftEntry> PublicGifts(AppDbContext db, Guid organisationId, DateOnly today)
    {
        var endedOnOrAfter = PublicIfEndedOnOrAfter(today);
        return db.GiftEntries.AsNoTracking()
            .Where(g => g.OrganisationId == organisationId
                && g.Status == ReviewStatus.Accepted
                && !g.Withheld
                && g.ReviewedOn != null && g.ReviewedOn <= today
                && (g.Details.ReceivedOn ?? g.Details.OfferedOn) >= endedOnOrAfter);
    }

    /// <summary>Procurement decisions are public from the moment they are recorded.</summary>
    public static IQueryable<ProcurementDecision> PublicProcurement(AppDbContext db, Guid organisationId) =>
        db.ProcurementDecisions.AsNoTracking().Where(p => p.OrganisationId == organisationId);

    /// <summary>
    /// The organisation's published breaches; callers project with <see cref="ToPublicBreach"/> and nothing else.
    /// A breach is public when the local rules in force on the day it was identified publish breaches (the default;
    /// ADR-0025): it is left out when the latest version on or before that day says they are internal only.
    /// </summary>
    public static IQueryable<Breach> PublicBreaches(AppDbContext db, Guid organisationId) =>
        db.Breaches.AsNoTracking().Where(b => b.OrganisationId == organisationId
            && !db.LocalRules.Any(v => v.OrganisationId == organisationId && !v.BreachesPublished && v.EffectiveFrom <= b.IdentifiedOn
                && !db.LocalRules.Any(later => later.OrganisationId == organisationId && later.EffectiveFrom > v.EffectiveFrom && later.EffectiveFrom <= b.IdentifiedOn)));

    /// <summary>The anonymised columns: never the description, never the person.</summary>
    public static IQueryable<PublicBreachRow> ToPublicBreach(this IQueryable<Breach> breaches) =>
        breaches.Select(b => new PublicBreachRow(b.IdentifiedOn, b.PublicSummary, b.ActionTaken));

    /// <summary>The same anonymised columns with the breach's id, for the open data's stable ids (ADR-0026).</summary>
    public static IQueryable<IdentifiedPublicBreach> ToIdentifiedPublicBreach(this IQueryable<Breach> breaches) =>
        breaches.Select(b => new IdentifiedPublicBreach(b.Id, new PublicBreachRow(b.IdentifiedOn, b.PublicSummary, b.ActionTaken)));
}

/// <summary>A public breach row with the record's id.</summary>
public sealed record IdentifiedPublicBreach(Guid Id, PublicBreachRow Row);

/// <summary>A public gift or hospitality row with the record's id.</summary>
public sealed record IdentifiedPublicGift(Guid Id, PublicGiftRow Row);

/// <summary>A gift entry with the name the public register shows; a member-init type, so filters can follow it in SQL.</summary>
public sealed class NamedGift
{
    public GiftEntry Gift { get; init; } = null!;

    public string FullName { get; init; } = "";

    public string? JobTitle { get; init; }
}

/// <summary>A procurement decision with its committee's and supplier's names, for filters that follow in SQL.</summary>
public sealed class NamedProcurement
{
    public ProcurementDecision Decision { get; init; } = null!;

    public string? Committee { get; init; }

    public string? Supplier { get; init; }
}

/// <summary>
/// The one projection of each public row, shared by the register pages, the CSV and the open data, so a column
/// added to the public record appears everywhere at once.
/// </summary>
public static class PublicRegisterProjections
{
    public static IQueryable<NamedGift> WithPeople(this IQueryable<GiftEntry> gifts, AppDbContext db) =>
        from g in gifts
        join p in db.People.AsNoTracking() on g.PersonId equals p.Id
        select new NamedGift { Gift = g, FullName = p.FullName, JobTitle = p.JobTitle };

    public static IQueryable<IdentifiedPublicGift> ToIdentifiedPublicGift(this IQueryable<NamedGift> gifts) =>
        gifts.Select(x => new IdentifiedPublicGift(x.Gift.Id, new PublicGiftRow(x.FullName, x.JobTitle, x.Gift.Details.Kind, x.Gift.Details.Description,
            x.Gift.Details.OfferorName, x.Gift.Details.OfferorBusiness, x.Gift.Details.EstimatedValue, x.Gift.Details.OfferedOn, x.Gift.Details.ReceivedOn,
            x.Gift.Details.Outcome, x.Gift.Details.Reason, x.Gift.DeclaredOn, x.Gift.ReviewedOn!.Value)));

    public static IQueryable<NamedProcurement> WithNames(this IQueryable<ProcurementDecision> decisions, AppDbContext db) =>
        from pd in decisions
        join c in db.Committees.AsNoTracking() on pd.Details.CommitteeId equals (Guid?)c.Id into committees
        from committee in committees.DefaultIfEmpty()
        join b in db.ExternalBodies.AsNoTracking() on pd.Details.SupplierBodyId equals (Guid?)b.Id into bodies
        from body in bodies.DefaultIfEmpty()
        select new NamedProcurement { Decision = pd, Committee = committee == null ? null : committee.Name, Supplier = pd.Details.SupplierName ?? (body == null ? null : body.Name) };

    public static IQueryable<PublicProcurementRow> ToPublicProcurementRow(this IQueryable<NamedProcurement> decisions) =>
        decisions.Select(x => new PublicProcurementRow(x.Decision.Id, x.Decision.Details.Title, x.Decision.Details.Service, x.Decision.Details.Route,
            x.Decision.Details.DecidedOn, x.Committee, x.Supplier, x.Decision.Details.ContractValue, x.Decision.Details.ContractStartsOn,
            x.Decision.Details.ContractEndsOn, x.Decision.Details.ConflictsNoted, x.Decision.Details.ConflictsManagement, x.Decision.Psr.CpvCode,
            x.Decision.Psr.ProviderAddress, x.Decision.Psr.StandstillEndsOn, x.Decision.Psr.AwardedOn, x.Decision.Psr.NoticeReference, x.Decision.DecisionId != null));
}
