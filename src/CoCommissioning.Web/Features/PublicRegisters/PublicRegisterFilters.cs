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

    /// <summary>Every breach of the organisation; callers project with <see cref="ToPublicBreach"/> and nothing else.</summary>
    public static IQueryable<Breach> PublicBreaches(AppDbContext db, Guid organisationId) =>
        db.Breaches.AsNoTracking().Where(b => b.OrganisationId == organisationId);

    /// <summary>The anonymised columns: never the description, never the person.</summary>
    public static IQueryable<PublicBreachRow> ToPublicBreach(this IQueryable<Breach> breaches) =>
        breaches.Select(b => new PublicBreachRow(b.IdentifiedOn, b.PublicSummary, b.ActionTaken));

    /// <summary>The same anonymised columns with the breach's id, for the open data's stable ids (ADR-0026).</summary>
    public static IQueryable<IdentifiedPublicBreach> ToIdentifiedPublicBreach(this IQueryable<Breach> breaches) =>
        breaches.Select(b => new IdentifiedPublicBreach(b.Id, new PublicBreachRow(b.IdentifiedOn, b.PublicSummary, b.ActionTaken)));
}

/// <summary>A public breach row with the record's id.</summary>
public sealed record IdentifiedPublicBreach(Guid Id, PublicBreachRow Row);
