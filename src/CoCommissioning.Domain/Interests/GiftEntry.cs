using CoCommissioning.Domain.Common;

namespace CoCommissioning.Domain.Interests;

public enum OfferOutcome
{
    Accepted,
    Declined,
}

/// <summary>What the recipient says about an offer of a gift or hospitality.</summary>
public sealed record OfferDetails(
    OfferKind Kind,
    string Description,
    string OfferorName,
    string? OfferorBusiness,
    OfferorKind OfferorKind,
    Guid? OfferorBodyId,
    decimal EstimatedValue,
    bool IsCashOrVoucher,
    bool IsLowCostBrandedItem,
    DateOnly OfferedOn,
    DateOnly? ReceivedOn,
    OfferOutcome Outcome,
    string? Reason,
    string? ApprovedBy);

/// <summary>
/// An entry in the gifts and hospitality register, declared by the recipient with the guidance applied as advice
/// when it is entered. Declined offers are recorded too. Reviewed by a governance lead before it is published.
/// </summary>
public sealed class GiftEntry : IGovernanceRecord, IVersioned
{
    public const int DescriptionMaxLength = 1000;
    public const int NameMaxLength = 200;
    public const int TextMaxLength = 1000;
    public const decimal MaximumValue = 1_000_000m;

    private GiftEntry()
    {
        Details = null!;
        AdviceReason = "";
    }

    private GiftEntry(Guid organisationId, Guid personId, OfferDetails details, Advice advice, DateOnly today)
    {
        Id = Guid.NewGuid();
        OrganisationId = organisationId;
        PersonId = personId;
        Details = details;
        Advice = advice.Action;
        AdviceReason = advice.Reason;
        ValueCounted = advice.ValueCounted;
        DeclaredOn = today;
        Version = Guid.NewGuid();
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid PersonId { get; private set; }
    public OfferDetails Details { get; private set; }

    /// <summary>The guidance's advice when the offer was entered, kept with the entry.</summary>
    public OfferAdvice Advice { get; private set; }
    public string AdviceReason { get; private set; }

    /// <summary>The value the advice counted: this offer plus the same source's gifts in the aggregation period.</summary>
    public decimal ValueCounted { get; private set; }

    public DateOnly DeclaredOn { get; private set; }
    public ReviewStatus Status { get; private set; }
    public string? ReviewComment { get; private set; }
    public DateOnly? ReviewedOn { get; private set; }
    public Guid? ReviewedByUserId { get; private set; }
    public string? ReviewedByName { get; private set; }
    public bool Withheld { get; private set; }
    public string? WithheldReason { get; private set; }
    public Guid Version { get; private set; }

    /// <summary>The date the entry ends for publication and retention: when the offer was received or declined.</summary>
    public DateOnly EndedOn => Details.ReceivedOn ?? Details.OfferedOn;

    /// <summary>
    /// Enters an offer. <paramref name="earlierFromSameSource"/> are the recipient's earlier offers from the same
    /// offeror, which the guidance adds up over the aggregation period.
    /// </summary>
    public static CommandResult<GiftEntry> Declare(Guid organisationId, Guid personId, OfferDetails details, IEnumerable<Offer> earlierFromSameSource, GiftThresholds thresholds, DateOnly today)
    {
        var check = Check(details, today);
        if (!check.TryGetValue(out var clean, out var failure))
        {
            return failure;
        }
        var advice = GiftsAndHospitalityAdvice.For(ToOffer(clean), earlierFromSameSource, thresholds);
        if (clean.Outcome == OfferOutcome.Accepted && advice.Action == OfferAdvice.RefuseUnlessSeniorApproval && clean.ApprovedBy is null)
        {
            return Failure.Validation("approvedBy", "Hospitality over the approval threshold may be accepted only with a senior manager's approval: name who approved it, or record it as declined.");
        }

        if (clean.Outcome == OfferOutcome.Accepted && advice.Action == OfferAdvice.Decline && clean.Reason is null)
        {
            return Failure.Validation("reason", "The guidance says to decline this offer: record it as declined, or give the reason it was accepted.");
        }

        return CommandResult<GiftEntry>.Success(new GiftEntry(organisationId, personId, clean, advice, today));
    }

    public static Offer ToOffer(OfferDetails d) => new(d.Kind, d.OfferorKind, d.EstimatedValue, d.IsCashOrVoucher, d.IsLowCostBrandedItem, d.OfferedOn);

    public CommandResult Accept(Guid reviewerUserId, string? reviewerName, DateOnly today)
    {
        (Status, ReviewComment, ReviewedOn, ReviewedByUserId, ReviewedByName, Version) = (ReviewStatus.Accepted, null, today, reviewerUserId, reviewerName, Guid.NewGuid());
        return CommandResult.Success();
    }

    public CommandResult RequestChanges(Guid reviewerUserId, string? reviewerName, string? comment, DateOnly today)
    {
        var text = Text.Required("reviewComment", comment, TextMaxLength);
        if (text.TryGetFailure(out var failure))
        {
            return failure;
        }

        (Status, ReviewComment, ReviewedOn, ReviewedByUserId, ReviewedByName, Version) = (ReviewStatus.ChangesRequested, text.Value, today, reviewerUserId, reviewerName, Guid.NewGuid());
        return CommandResult.Success();
    }

    public CommandResult Withhold(string? reason)
    {
        var text = Text.Required("withheldReason", reason, TextMaxLength);
        if (text.TryGetFailure(out var failure))
        {
            return failure;
        }

        (Withheld, WithheldReason, Version) = (true, text.Value, Guid.NewGuid());
        return CommandResult.Success();
    }

    public bool IsPublicOn(DateOnly today) =>
        Status == ReviewStatus.Accepted && RegisterRules.IsPublicOn(today, ReviewedOn, EndedOn, Withheld);

    private static CommandResult<OfferDetails> Check(OfferDetails d, DateOnly today)
    {
        var errors = new ValidationErrors();
        var description = Text.Required("description", d.Description, DescriptionMaxLength);
        var offeror = Text.Required("offerorName", d.OfferorName, NameMaxLength);
        var business = Text.Optional("offerorBusiness", d.OfferorBusiness, NameMaxLength);
        var reason = Text.Optional("reason", d.Reason, TextMaxLength);
        var approvedBy = Text.Optional("approvedBy", d.ApprovedBy, NameMaxLength);
        errors.Add(description.Failure, offeror.Failure, business.Failure, reason.Failure, approvedBy.Failure);

        if (d.EstimatedValue < 0)
        {
            errors.Add("estimatedValue", "The estimated value cannot be negative.");
        }
        else if (d.EstimatedValue > MaximumValue)
        {
            errors.Add("estimatedValue", $"The estimated value must be £{MaximumValue:#,0} or less: check the amount.");
        }
        else if (decimal.Round(d.EstimatedValue, 2) != d.EstimatedValue)
        {
            errors.Add("estimatedValue", "Give the value in pounds and pence.");
        }

        if (d.OfferedOn > today)
        {
            errors.Add("offeredOn", "The date offered cannot be in the future.");
        }
        else if (d.OfferedOn < today.AddYears(-6))
        {
            errors.Add("offeredOn", "The date offered is more than six years ago: check the year.");
        }

        if (d.ReceivedOn is { } received)
        {
            if (d.Outcome == OfferOutcome.Declined)
            {
                errors.Add("receivedOn", "A declined offer has no date received.");
            }
            else if (received < d.OfferedOn)
            {
                errors.Add("receivedOn", "The date received cannot be before the date offered.");
            }
            else if (received > today.AddYears(1))
            {
                errors.Add("receivedOn", "The date received is more than a year away: check the year.");
            }
        }

        return errors.Any
            ? errors.ToFailure()
            : CommandResult<OfferDetails>.Success(d with
            {
                Description = description.Value!,
                OfferorName = offeror.Value!,
                OfferorBusiness = business.Value,
                Reason = reason.Value,
                ApprovedBy = approvedBy.Value,
            });
    }
}
