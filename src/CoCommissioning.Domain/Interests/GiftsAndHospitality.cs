namespace CoCommissioning.Domain.Interests;

public enum OfferKind
{
    Gift,
    Hospitality,
}

/// <summary>Who made the offer: suppliers and contractors are held to a stricter gift rule.</summary>
public enum OfferorKind
{
    SupplierOrContractor,
    Other,
}

/// <summary>What the guidance advises for an offer. Names stay within 40 characters: enums are stored as text in columns of that size.</summary>
public enum OfferAdvice
{
    /// <summary>May be accepted; no declaration needed.</summary>
    MayAcceptWithoutDeclaring,
    /// <summary>May be accepted, and must be declared.</summary>
    MayAcceptAndDeclare,
    /// <summary>Accept only on behalf of the organisation, and declare.</summary>
    AcceptOnBehalfOfOrganisationAndDeclare,
    /// <summary>Refuse unless senior approval is given; declare either way.</summary>
    RefuseUnlessSeniorApproval,
    /// <summary>Decline, and record that it was declined.</summary>
    Decline,
}

/// <summary>An organisation's thresholds, in pounds; the defaults are the 2017 guidance figures.</summary>
public sealed record GiftThresholds(decimal BrandedItemLimit = 6m, decimal GiftDeclarationLimit = 50m, decimal HospitalityDeclarationFrom = 25m, decimal HospitalityApprovalAbove = 75m, int AggregationMonths = 12)
{
    public static GiftThresholds Guidance2017 { get; } = new();
}

/// <summary>An offer being entered, with earlier offers from the same source for aggregation.</summary>
public sealed record Offer(OfferKind Kind, OfferorKind Offeror, decimal EstimatedValue, bool IsCashOrVoucher, bool IsLowCostBrandedItem, DateOnly OfferedOn);

public sealed record Advice(OfferAdvice Action, string Reason, decimal ValueCounted);

/// <summary>
/// The gifts and hospitality guidance applied as advice on entry (rule book section 6). Gifts from one source
/// within the aggregation period are added up before the thresholds are applied.
/// </summary>
public static class GiftsAndHospitalityAdvice
{
    public static Advice For(Offer offer, IEnumerable<Offer> earlierFromSameSource, GiftThresholds thresholds)
    {
        if (offer.EstimatedValue < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(offer), "An offer's value cannot be negative; validate input before asking for advice.");
        }

        if (offer.Kind == OfferKind.Gift && offer.IsCashOrVoucher)
        {
            return new(OfferAdvice.Decline, "Cash and vouchers are always declined.", offer.EstimatedValue);
        }

        if (offer.Kind == OfferKind.Hospitality)
        {
            return offer.EstimatedValue switch
            {
                var v when v > thresholds.HospitalityApprovalAbove => new(OfferAdvice.RefuseUnlessSeniorApproval, $"Hospitality over £{thresholds.HospitalityApprovalAbove:0.##} is refused unless a senior manager approves it; declare it either way.", v),
                var v when v >= thresholds.HospitalityDeclarationFrom => new(OfferAdvice.MayAcceptAndDeclare, $"Hospitality from £{thresholds.HospitalityDeclarationFrom:0.##} to £{thresholds.HospitalityApprovalAbove:0.##} may be accepted and must be declared.", v),
                var v => new(OfferAdvice.MayAcceptWithoutDeclaring, $"Hospitality under £{thresholds.HospitalityDeclarationFrom:0.##} need not be declared.", v),
            };
        }

        if (offer.Offeror == OfferorKind.SupplierOrContractor)
        {
            return offer.IsLowCostBrandedItem && offer.EstimatedValue <= thresholds.BrandedItemLimit
                ? new(OfferAdvice.MayAcceptWithoutDeclaring, $"Low-cost branded items up to £{thresholds.BrandedItemLimit:0.##} from suppliers or contractors may be accepted.", offer.EstimatedValue)
                : new(OfferAdvice.Decline, $"Gifts from suppliers or contractors are declined, except low-cost branded items up to £{thresholds.BrandedItemLimit:0.##}.", offer.EstimatedValue);
        }

        var since = offer.OfferedOn.AddMonths(-thresholds.AggregationMonths);
        var total = offer.EstimatedValue + earlierFromSameSource
            .Where(o => o.Kind == OfferKind.Gift && o.OfferedOn > since && o.OfferedOn <= offer.OfferedOn)
            .Sum(o => o.EstimatedValue);

        if (total < thresholds.GiftDeclarationLimit)
        {
            return new(OfferAdvice.MayAcceptWithoutDeclaring, $"Gifts under £{thresholds.GiftDeclarationLimit:0.##} (counting this source's gifts over {thresholds.AggregationMonths} months) may be accepted without declaring.", total);
        }

        var counted = total == offer.EstimatedValue ? "" : $" With earlier gifts from this source in the last {thresholds.AggregationMonths} months the total is £{total:0.##}.";
        return new(OfferAdvice.AcceptOnBehalfOfOrganisationAndDeclare, $"Gifts of £{thresholds.GiftDeclarationLimit:0.##} or more may be accepted only on behalf of the organisation, and must be declared.{counted}", total);
    }
}
