using CoCommissioning.Domain.Common;

namespace CoCommissioning.Domain.Interests;

/// <summary>
/// An organisation's register settings: gifts and hospitality thresholds (the 2017 guidance figures by default)
/// and the Conflicts of Interest Guardian, whose approval withholding needs where one is named.
/// </summary>
public sealed class RegisterSettings : IGovernanceRecord, IVersioned
{
    public const decimal MaximumThreshold = 100_000m;

    private RegisterSettings()
    {
        Thresholds = GiftThresholds.Guidance2017;
    }

    private RegisterSettings(Guid organisationId)
    {
        Id = organisationId;
        Version = Guid.NewGuid();
        Thresholds = GiftThresholds.Guidance2017;
    }

    /// <summary>The organisation's id: one settings record per organisation.</summary>
    public Guid Id { get; private set; }

    public Guid OrganisationId => Id;

    public GiftThresholds Thresholds { get; private set; }

    public Guid? GuardianPersonId { get; private set; }

    public Guid Version { get; private set; }

    public static RegisterSettings DefaultsFor(Guid organisationId) => new(organisationId);

    public CommandResult Update(GiftThresholds thresholds, Guid? guardianPersonId)
    {
        var errors = new ValidationErrors();
        foreach (var (field, value) in new[]
                 {
                     ("brandedItemLimit", thresholds.BrandedItemLimit),
                     ("giftDeclarationLimit", thresholds.GiftDeclarationLimit),
                     ("hospitalityDeclarationFrom", thresholds.HospitalityDeclarationFrom),
                     ("hospitalityApprovalAbove", thresholds.HospitalityApprovalAbove),
                 })
        {
            if (value is < 0 or > MaximumThreshold)
            {
                errors.Add(field, $"Enter an amount from £0 to £{MaximumThreshold:#,0}.");
            }
        }

        if (!errors.Has("hospitalityApprovalAbove") && thresholds.HospitalityApprovalAbove < thresholds.HospitalityDeclarationFrom)
        {
            errors.Add("hospitalityApprovalAbove", "The approval threshold cannot be below the declaration threshold.");
        }

        if (thresholds.AggregationMonths is < 1 or > 60)
        {
            errors.Add("aggregationMonths", "Enter a period from 1 to 60 months.");
        }

        if (errors.Any)
        {
            return errors.ToFailure();
        }

        (Thresholds, GuardianPersonId, Version) = (thresholds, guardianPersonId, Guid.NewGuid());
        return CommandResult.Success();
    }
}
