using CoCommissioning.Domain.Common;

namespace CoCommissioning.Domain.Interests;

public enum ProcurementRoute
{
    CompetitiveTender,
    Framework,
    DirectAward,
    MostSuitableProvider,
    ContractVariation,
    ContractExtension,
    Other,
}

/// <summary>What a procurement decision records (rule book section 6).</summary>
public sealed record ProcurementDetails(
    string Title,
    DateOnly DecidedOn,
    string Service,
    ProcurementRoute Route,
    decimal? ContractValue,
    Guid? CommitteeId,
    string? ConflictsNoted,
    string? ConflictsManagement,
    Guid? SupplierBodyId,
    string? SupplierName,
    DateOnly? ContractStartsOn,
    DateOnly? ContractEndsOn);

/// <summary>
/// An entry in the procurement decisions register, kept by the governance lead and public from the moment it is
/// recorded. It can be linked to the committee decision that made the award.
/// </summary>
public sealed class ProcurementDecision : IGovernanceRecord, IVersioned
{
    public const int TitleMaxLength = 300;
    public const int TextMaxLength = 2000;
    public const decimal MaximumValue = 10_000_000_000m;

    private ProcurementDecision()
    {
        Details = null!;
    }

    private ProcurementDecision(Guid organisationId, ProcurementDetails details, DateOnly today)
    {
        Id = Guid.NewGuid();
        OrganisationId = organisationId;
        Details = details;
        RecordedOn = today;
        Version = Guid.NewGuid();
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public ProcurementDetails Details { get; private set; }
    public DateOnly RecordedOn { get; private set; }

    /// <summary>The committee decision that made the award, once linked.</summary>
    public Guid? DecisionId { get; private set; }

    public Guid Version { get; private set; }

    public static CommandResult<ProcurementDecision> Record(Guid organisationId, ProcurementDetails details, DateOnly today)
    {
        var check = Check(details, today);
        return check.Succeeded ? CommandResult<ProcurementDecision>.Success(new ProcurementDecision(organisationId, check.Value!, today)) : check.Failure!;
    }

    public CommandResult Correct(ProcurementDetails details, DateOnly today)
    {
        var check = Check(details, today);
        if (!check.Succeeded)
        {
            return check.Failure!;
        }

        (Details, Version) = (check.Value!, Guid.NewGuid());
        return CommandResult.Success();
    }

    public void LinkDecision(Guid decisionId) => (DecisionId, Version) = (decisionId, Guid.NewGuid());

    private static CommandResult<ProcurementDetails> Check(ProcurementDetails d, DateOnly today)
    {
        var errors = new ValidationErrors();
        var title = Text.Required("title", d.Title, TitleMaxLength);
        var service = Text.Required("service", d.Service, TitleMaxLength);
        var noted = Text.Optional("conflictsNoted", d.ConflictsNoted, TextMaxLength);
        var managed = Text.Optional("conflictsManagement", d.ConflictsManagement, TextMaxLength);
        var supplier = Text.Optional("supplierName", d.SupplierName, TitleMaxLength);
        errors.Add(title.Failure, service.Failure, noted.Failure, managed.Failure, supplier.Failure);

        if (d.ContractValue is < 0)
        {
            errors.Add("contractValue", "The contract value cannot be negative.");
        }
        else if (d.ContractValue > MaximumValue)
        {
            errors.Add("contractValue", "The contract value is implausibly large: check the amount.");
        }

        if (d.DecidedOn > today)
        {
            errors.Add("decidedOn", "The decision date cannot be in the future.");
        }
        else if (d.DecidedOn.Year < 2000)
        {
            errors.Add("decidedOn", "Enter the date the decision was made.");
        }

        if (d.ContractEndsOn is { } ends && d.ContractStartsOn is { } starts && ends < starts)
        {
            errors.Add("contractEndsOn", "The contract cannot end before it starts.");
        }

        if (noted.Value is not null && managed.Value is null)
        {
            errors.Add("conflictsManagement", "Say how the conflicts noted were managed.");
        }

        return errors.Any
            ? errors.ToFailure()
            : CommandResult<ProcurementDetails>.Success(d with
            {
                Title = title.Value!,
                Service = service.Value!,
                ConflictsNoted = noted.Value,
                ConflictsManagement = managed.Value,
                SupplierName = supplier.Value,
            });
    }
}
