using CoCommissioning.Domain.Common;
using CoCommissioning.Domain.Interests;

namespace CoCommissioning.Domain.Tests.Interests;

public sealed class GiftEntryTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);
    private static readonly GiftThresholds Guidance = GiftThresholds.Guidance2017;

    private static OfferDetails Offer(decimal value = 10m, OfferKind kind = OfferKind.Gift, OfferOutcome outcome = OfferOutcome.Accepted) =>
        new(kind, "A bottle of wine", "Riverside Pharmacy", null, OfferorKind.Other, null, value, false, false, Today.AddDays(-1), null, outcome, null, null);

    public static TheoryData<string, Func<OfferDetails, OfferDetails>> BadInput => new()
    {
        { "estimatedValue", o => o with { EstimatedValue = -0.01m } },
        { "estimatedValue", o => o with { EstimatedValue = GiftEntry.MaximumValue + 1 } },
        { "estimatedValue", o => o with { EstimatedValue = 10.001m } },
        { "offeredOn", o => o with { OfferedOn = Today.AddDays(1) } },
        { "offeredOn", o => o with { OfferedOn = Today.AddYears(-7) } },
        { "receivedOn", o => o with { ReceivedOn = o.OfferedOn.AddDays(-1) } },
        { "receivedOn", o => o with { ReceivedOn = Today.AddYears(2) } },
        { "receivedOn", o => o with { Outcome = OfferOutcome.Declined, ReceivedOn = Today } },
        { "description", o => o with { Description = "   " } },
        { "offerorName", o => o with { OfferorName = "" } },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public void Declare_BadInput_FailsNamingTheField(string field, Func<OfferDetails, OfferDetails> change)
    {
        var result = GiftEntry.Declare(Guid.NewGuid(), Guid.NewGuid(), change(Offer()), [], Guidance, Today);

        result.Succeeded.Should().BeFalse();
        result.Failure!.Kind.Should().Be(FailureKind.Validation);
        result.Failure.FieldErrors.Should().ContainKey(field);
    }

    [Theory]
    [InlineData(75.01, null, null, "approvedBy")]   // over the approval threshold, accepted without approval
    [InlineData(75.01, "Rachel Adams", null, null)]
    [InlineData(75.00, null, null, null)]
    public void Declare_HospitalityOverApprovalThreshold_NeedsAnApprover(double value, string? approvedBy, string? reason, string? field)
    {
        var offer = Offer((decimal)value, OfferKind.Hospitality) with { ApprovedBy = approvedBy, Reason = reason };

        var result = GiftEntry.Declare(Guid.NewGuid(), Guid.NewGuid(), offer, [], Guidance, Today);

        if (field is null)
        {
            result.Succeeded.Should().BeTrue();
        }
        else
        {
            result.Failure!.FieldErrors.Should().ContainKey(field);
        }
    }

    [Theory]
    [InlineData(OfferOutcome.Accepted, null, false)]
    [InlineData(OfferOutcome.Accepted, "Returned the next day", true)]
    [InlineData(OfferOutcome.Declined, null, true)]
    public void Declare_CashAccepted_NeedsAReason(OfferOutcome outcome, string? reason, bool succeeds)
    {
        var offer = Offer(20m, outcome: outcome) with { IsCashOrVoucher = true, Reason = reason };

        GiftEntry.Declare(Guid.NewGuid(), Guid.NewGuid(), offer, [], Guidance, Today).Succeeded.Should().Be(succeeds);
    }

    [Fact]
    public void Declare_KeepsTheAdviceCountingEarlierGiftsAndTrimsText()
    {
        var earlier = new Offer(OfferKind.Gift, OfferorKind.Other, 30m, false, false, Today.AddMonths(-2));

        var gift = GiftEntry.Declare(Guid.NewGuid(), Guid.NewGuid(), Offer(30m) with { Description = "  Hamper  " }, [earlier], Guidance, Today).Value!;

        gift.Advice.Should().Be(OfferAdvice.AcceptOnBehalfOfOrganisationAndDeclare);
        gift.ValueCounted.Should().Be(60m);
        gift.Details.Description.Should().Be("Hamper");
        gift.Status.Should().Be(ReviewStatus.Submitted);
        gift.DeclaredOn.Should().Be(Today);
    }

    [Fact]
    public void Review_EachStepMovesTheVersion_AndRequestChangesNeedsAComment()
    {
        var gift = GiftEntry.Declare(Guid.NewGuid(), Guid.NewGuid(), Offer(), [], Guidance, Today).Value!;
        var versions = new List<Guid> { gift.Version };

        gift.RequestChanges(Guid.NewGuid(), "Sophie Turner", " ", Today).Failure!.FieldErrors.Should().ContainKey("reviewComment");
        gift.Version.Should().Be(versions[0]);

        gift.RequestChanges(Guid.NewGuid(), "Sophie Turner", "Add the date received.", Today).Succeeded.Should().BeTrue();
        versions.Add(gift.Version);
        gift.Accept(Guid.NewGuid(), "Sophie Turner", Today).Succeeded.Should().BeTrue();
        versions.Add(gift.Version);
        gift.Withhold("").Failure!.FieldErrors.Should().ContainKey("withheldReason");
        gift.Withhold("Risk of harm").Succeeded.Should().BeTrue();
        versions.Add(gift.Version);

        versions.Should().OnlyHaveUniqueItems();
        gift.IsPublicOn(Today).Should().BeFalse("a withheld entry is never public");
    }
}
