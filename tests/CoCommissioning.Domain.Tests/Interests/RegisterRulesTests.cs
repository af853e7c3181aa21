using CoCommissioning.Domain.Interests;

namespace CoCommissioning.Domain.Tests.Interests;

public sealed class RegisterRulesTests
{
    [Theory]
    [InlineData("2026-01-01", "2026-01-29", false)]  // day 28
    [InlineData("2026-01-01", "2026-01-30", true)]   // day 29
    [InlineData("2026-01-01", "2026-01-01", false)]
    [InlineData("2026-02-01", "2026-03-01", false)]  // 28 days in February
    [InlineData("2026-02-01", "2026-03-02", true)]
    public void IsLate_28DayRule(string arose, string declared, bool late) =>
        RegisterRules.IsLate(D(arose), D(declared)).Should().Be(late);

    [Theory]
    [InlineData("2026-06-01", null, null, false, false)]                  // not reviewed
    [InlineData("2026-06-01", "2026-06-02", null, false, false)]          // reviewed tomorrow
    [InlineData("2026-06-01", "2026-06-01", null, false, true)]           // reviewed today, open-ended
    [InlineData("2026-06-01", "2026-01-01", null, true, false)]           // withheld
    [InlineData("2026-06-30", "2025-01-01", "2025-12-31", false, true)]   // 6 months after end: last public day
    [InlineData("2026-07-01", "2025-01-01", "2025-12-31", false, false)]  // the day after
    public void IsPublicOn_ReviewToSixMonthsAfterEnd(string today, string? reviewed, string? ended, bool withheld, bool visible) =>
        RegisterRules.IsPublicOn(D(today), Opt(reviewed), Opt(ended), withheld).Should().Be(visible);

    [Theory]
    [InlineData("2031-12-31", "2025-12-31", false)]
    [InlineData("2032-01-01", "2025-12-31", true)]
    [InlineData("2050-01-01", null, false)]  // still open: never purged
    public void IsDueForPurge_SixYearsAfterEnd(string today, string? ended, bool due) =>
        RegisterRules.IsDueForPurge(D(today), Opt(ended)).Should().Be(due);

    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    private static DateOnly? Opt(string? s) => s is null ? null : D(s);
}

public sealed class GiftsAndHospitalityAdviceTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly GiftThresholds Guidance = GiftThresholds.Guidance2017;

    [Theory]
    [InlineData(24.99, OfferAdvice.MayAcceptWithoutDeclaring)]
    [InlineData(25.00, OfferAdvice.MayAcceptAndDeclare)]
    [InlineData(75.00, OfferAdvice.MayAcceptAndDeclare)]
    [InlineData(75.01, OfferAdvice.RefuseUnlessSeniorApproval)]
    public void Hospitality_Thresholds(double value, OfferAdvice advice) =>
        GiftsAndHospitalityAdvice.For(Hospitality((decimal)value), [], Guidance).Action.Should().Be(advice);

    [Theory]
    [InlineData(49.99, OfferAdvice.MayAcceptWithoutDeclaring)]
    [InlineData(50.00, OfferAdvice.AcceptOnBehalfOfOrganisationAndDeclare)]
    [InlineData(120.00, OfferAdvice.AcceptOnBehalfOfOrganisationAndDeclare)]
    public void OtherGift_Thresholds(double value, OfferAdvice advice) =>
        GiftsAndHospitalityAdvice.For(Gift((decimal)value, OfferorKind.Other), [], Guidance).Action.Should().Be(advice);

    [Theory]
    [InlineData(6.00, true, OfferAdvice.MayAcceptWithoutDeclaring)]
    [InlineData(6.01, true, OfferAdvice.Decline)]
    [InlineData(3.00, false, OfferAdvice.Decline)]
    public void SupplierGift_OnlyLowCostBrandedItems(double value, bool branded, OfferAdvice advice) =>
        GiftsAndHospitalityAdvice.For(Gift((decimal)value, OfferorKind.SupplierOrContractor) with { IsLowCostBrandedItem = branded }, [], Guidance).Action.Should().Be(advice);

    [Fact]
    public void CashOrVoucher_AlwaysDeclined() =>
        GiftsAndHospitalityAdvice.For(Gift(5m, OfferorKind.Other) with { IsCashOrVoucher = true }, [], Guidance).Action.Should().Be(OfferAdvice.Decline);

    [Theory]
    [InlineData(-11, OfferAdvice.AcceptOnBehalfOfOrganisationAndDeclare, 60)]  // 30 + 30 within 12 months
    [InlineData(-12, OfferAdvice.MayAcceptWithoutDeclaring, 30)]                   // the earlier gift is exactly 12 months old: outside
    public void Gifts_FromOneSource_AddUpOverTwelveMonths(int monthsAgo, OfferAdvice advice, int counted)
    {
        var earlier = Gift(30m, OfferorKind.Other) with { OfferedOn = Today.AddMonths(monthsAgo) };

        var result = GiftsAndHospitalityAdvice.For(Gift(30m, OfferorKind.Other), [earlier], Guidance);

        result.Action.Should().Be(advice);
        result.ValueCounted.Should().Be(counted);
    }

    [Fact]
    public void OrganisationThresholds_ReplaceGuidance()
    {
        var stricter = Guidance with { GiftDeclarationLimit = 20m };

        GiftsAndHospitalityAdvice.For(Gift(25m, OfferorKind.Other), [], stricter).Reason
            .Should().Be("Gifts of £20 or more may be accepted only on behalf of the organisation, and must be declared.");
    }

    private static Offer Gift(decimal value, OfferorKind offeror) => new(OfferKind.Gift, offeror, value, false, false, Today);

    private static Offer Hospitality(decimal value) => new(OfferKind.Hospitality, OfferorKind.Other, value, false, false, Today);
}
