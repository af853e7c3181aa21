using CoCommissioning.Domain.Common;

namespace CoCommissioning.Domain.Interests;

/// <summary>
/// How a provider was chosen. The first six are the Provider Selection Regime's processes (rule book 8.2); the rest
/// are the routes recorded before the PSR came into force on 1 January 2024 (rule book 6.8), kept so older entries stay
/// readable. <see cref="MostSuitableProvider"/> keeps its stored name: the pre-PSR route of that name is read as the
/// PSR process (ADR-0023). Stored by name, so the order here is free.
/// </summary>
public enum ProcurementRoute
{
    DirectAwardA,
    DirectAwardB,
    DirectAwardC,
    MostSuitableProvider,
    CompetitiveProcess,
    UrgentAward,
    CompetitiveTender,
    Framework,
    DirectAward,
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
/// What the Provider Selection Regime adds to a procurement decision (rule book 8.6): the CPV code, the provider's
/// registered address, the standstill and award dates, who decided (typed, when the decision was not made at a
/// meeting the record is linked to), the reasons against each key criterion (8.3), the representations received in
/// the standstill and their outcome (8.4), and the notice reference. All optional at the type level; which are needed
/// depends on the process (<see cref="PsrRules"/>).
/// </summary>
public sealed record PsrDetails
{
    public static PsrDetails Empty { get; } = new();

    /// <summary>The most relevant CPV code, e.g. 85121000-3 (8 digits, hyphen, check digit).</summary>
    public string? CpvCode { get; init; }

    /// <summary>The provider's registered office or principal place of business (regulation 24).</summary>
    public string? ProviderAddress { get; init; }

    public DateOnly? StandstillEndsOn { get; init; }
    public DateOnly? AwardedOn { get; init; }

    /// <summary>Who made the decision, one per line ("name, role"), when not read from a linked meeting decision.</summary>
    public string? DecisionMakers { get; init; }

    public string? QualityAndInnovation { get; init; }
    public string? Value { get; init; }
    public string? IntegrationCollaborationAndSustainability { get; init; }
    public string? AccessInequalitiesAndChoice { get; init; }
    public string? SocialValue { get; init; }

    public int RepresentationsReceived { get; init; }
    public int RepresentationsUpheld { get; init; }

    /// <summary>The representations' nature and what became of them.</summary>
    public string? RepresentationsOutcome { get; init; }

    /// <summary>The reference of the published notice (e.g. a Find a Tender notice id).</summary>
    public string? NoticeReference { get; init; }
}

/// <summary>The PSR's rules for a record: which processes exist, which need a standstill and reasons (rule book 8).</summary>
public static class PsrRules
{
    /// <summary>The PSR came into force on 1 January 2024 (rule book 8.1).</summary>
    public static readonly DateOnly InForceFrom = new(2024, 1, 1);

    public const int CpvMaxLength = 10;
    public const int ReferenceMaxLength = 100;

    public static IReadOnlyList<ProcurementRoute> Processes { get; } =
        [ProcurementRoute.DirectAwardA, ProcurementRoute.DirectAwardB, ProcurementRoute.DirectAwardC, ProcurementRoute.MostSuitableProvider, ProcurementRoute.CompetitiveProcess, ProcurementRoute.UrgentAward];

    public static bool IsPsrProcess(this ProcurementRoute route) => route is >= ProcurementRoute.DirectAwardA and <= ProcurementRoute.UrgentAward;

    /// <summary>Direct award C, most suitable provider and the competitive process: notice of intention, standstill, key criteria (8.3, 8.4).</summary>
    public static bool HasStandstill(this ProcurementRoute route) =>
        route is ProcurementRoute.DirectAwardC or ProcurementRoute.MostSuitableProvider or ProcurementRoute.CompetitiveProcess;

    /// <summary>The format of a CPV code: eight digits, a hyphen and one check digit. The check digit itself is not computed (ADR-0023).</summary>
    public static bool IsCpvCode(string? code) =>
        code is { Length: 10 } c && c[8] == '-' && c.Take(8).All(char.IsAsciiDigit) && char.IsAsciiDigit(c[9]);
}

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
        Psr = PsrDetails.Empty;
    }

    private ProcurementDecision(Guid organisationId, ProcurementDetails details, PsrDetails psr, DateOnly today)
    {
        Id = Guid.NewGuid();
        OrganisationId = organisationId;
        Details = details;
        Psr = psr;
        RecordedOn = today;
        Version = Guid.NewGuid();
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public ProcurementDetails Details { get; private set; }

    /// <summary>The PSR fields (rule book 8.6); empty on entries recorded before them.</summary>
    public PsrDetails Psr { get; private set; }
    public DateOnly RecordedOn { get; private set; }

    /// <summary>The committee decision that made the award, once linked.</summary>
    public Guid? DecisionId { get; private set; }

    public Guid Version { get; private set; }

    public static CommandResult<ProcurementDecision> Record(Guid organisationId, ProcurementDetails details, DateOnly today, PsrDetails? psr = null)
    {
        var check = Check(details, psr ?? PsrDetails.Empty, today);
        return check.Succeeded ? CommandResult<ProcurementDecision>.Success(new ProcurementDecision(organisationId, check.Value.Details, check.Value.Psr, today)) : check.Failure!;
    }

    public CommandResult Correct(ProcurementDetails details, DateOnly today, PsrDetails? psr = null)
    {
        var check = Check(details, psr ?? PsrDetails.Empty, today);
        if (check.TryGetFailure(out var failure))
        {
            return failure;
        }

        (Details, Psr, Version) = (check.Value.Details, check.Value.Psr, Guid.NewGuid());
        return CommandResult.Success();
    }

    public void LinkDecision(Guid decisionId) => (DecisionId, Version) = (decisionId, Guid.NewGuid());

    private static CommandResult<(ProcurementDetails Details, PsrDetails Psr)> Check(ProcurementDetails d, PsrDetails p, DateOnly today)
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

        var psr = CheckPsr(d, p, errors);
        return errors.Any
            ? errors.ToFailure()
            : CommandResult<(ProcurementDetails, PsrDetails)>.Success((d with
            {
                Title = title.Value!,
                Service = service.Value!,
                ConflictsNoted = noted.Value,
                ConflictsManagement = managed.Value,
                SupplierName = supplier.Value,
            }, psr));
    }

    /// <summary>The PSR's rules (rule book 8.2 to 8.6): process by date, CPV format, provider, dates, reasons, representations.</summary>
    private static PsrDetails CheckPsr(ProcurementDetails d, PsrDetails p, ValidationErrors errors)
    {
        var cpv = Text.Optional("cpvCode", p.CpvCode, PsrRules.CpvMaxLength + 20);
        var address = Text.Optional("providerAddress", p.ProviderAddress, TitleMaxLength);
        var makers = Text.Optional("decisionMakers", p.DecisionMakers, TextMaxLength);
        var quality = Text.Optional("qualityAndInnovation", p.QualityAndInnovation, TextMaxLength);
        var value = Text.Optional("value", p.Value, TextMaxLength);
        var integration = Text.Optional("integrationCollaborationAndSustainability", p.IntegrationCollaborationAndSustainability, TextMaxLength);
        var access = Text.Optional("accessInequalitiesAndChoice", p.AccessInequalitiesAndChoice, TextMaxLength);
        var social = Text.Optional("socialValue", p.SocialValue, TextMaxLength);
        var outcome = Text.Optional("representationsOutcome", p.RepresentationsOutcome, TextMaxLength);
        var notice = Text.Optional("noticeReference", p.NoticeReference, PsrRules.ReferenceMaxLength);
        errors.Add(cpv.Failure, address.Failure, makers.Failure, quality.Failure, value.Failure, integration.Failure, access.Failure, social.Failure, outcome.Failure, notice.Failure);
        var route = d.Route;

        // 8.1: from 1 January 2024 a health care service award follows one of the PSR's processes.
        if (!route.IsPsrProcess() && d.DecidedOn >= PsrRules.InForceFrom)
        {
            errors.Add("route", "Decisions from 1 January 2024 follow a Provider Selection Regime process: choose direct award A, B or C, most suitable provider, competitive process or urgent award.");
        }

        if (cpv.Value is { } code && !PsrRules.IsCpvCode(code))
        {
            errors.Add("cpvCode", "Enter the CPV code as 8 digits, a hyphen and the check digit, for example 85121000-3.");
        }

        if (route.IsPsrProcess())
        {
            // 8.6: regulation 24 records the provider and its address; the notices carry the CPV code.
            if (cpv.Succeeded && cpv.Value is null)
            {
                errors.Add("cpvCode", "Enter the CPV code of the service, for example 85121000-3.");
            }

            if (address.Succeeded && address.Value is null)
            {
                errors.Add("providerAddress", "Enter the provider's registered office or principal place of business.");
            }

            if (d.SupplierBodyId is null && string.IsNullOrWhiteSpace(d.SupplierName))
            {
                errors.Add("supplierName", "Name the provider awarded the contract.");
            }
        }

        // 8.3: direct award C, most suitable provider and the competitive process give reasons against each key criterion.
        if (route.HasStandstill())
        {
            foreach (var (field, text, words) in new[]
            {
                ("qualityAndInnovation", quality, "quality and innovation"),
                ("value", value, "value"),
                ("integrationCollaborationAndSustainability", integration, "integration, collaboration and service sustainability"),
                ("accessInequalitiesAndChoice", access, "improving access, reducing health inequalities and facilitating choice"),
                ("socialValue", social, "social value"),
            })
            {
                if (text.Succeeded && text.Value is null)
                {
                    errors.Add(field, $"Give the reasons for the decision against the key criterion {words}.");
                }
            }
        }

        CheckDates(d, p, errors);
        CheckRepresentations(route, p, outcome.Value, errors);
        return p with
        {
            CpvCode = cpv.Value,
            ProviderAddress = address.Value,
            DecisionMakers = makers.Value,
            QualityAndInnovation = quality.Value,
            Value = value.Value,
            IntegrationCollaborationAndSustainability = integration.Value,
            AccessInequalitiesAndChoice = access.Value,
            SocialValue = social.Value,
            RepresentationsOutcome = outcome.Value,
            NoticeReference = notice.Value,
        };
    }

    /// <summary>8.4: the standstill ends on or after the decision; the award is on or after the decision and, for a standstill process, on or after the standstill ends.</summary>
    internal static void CheckDates(ProcurementDetails d, PsrDetails p, ValidationErrors errors)
    {
        if (p.StandstillEndsOn is { } standstill)
        {
            if (!d.Route.HasStandstill())
            {
                errors.Add("standstillEndsOn", "Only direct award C, most suitable provider and the competitive process have a standstill period.");
            }
            else if (standstill < d.DecidedOn)
            {
                errors.Add("standstillEndsOn", "The standstill period cannot end before the decision was made.");
            }
        }

        if (p.AwardedOn is { } awarded)
        {
            if (awarded < d.DecidedOn)
            {
                errors.Add("awardedOn", "The contract cannot be awarded before the decision was made.");
            }
            else if (d.Route.HasStandstill() && p.StandstillEndsOn is null)
            {
                errors.Add("standstillEndsOn", "Enter the date the standstill period ends: this process awards only after it.");
            }
            else if (d.Route.HasStandstill() && p.StandstillEndsOn is { } ends && awarded < ends)
            {
                errors.Add("awardedOn", "The contract cannot be awarded before the standstill period ends.");
            }
        }
    }

    private static void CheckRepresentations(ProcurementRoute route, PsrDetails p, string? outcome, ValidationErrors errors)
    {
        if (p.RepresentationsReceived < 0)
        {
            errors.Add("representationsReceived", "The number of representations cannot be negative.");
        }
        else if (p.RepresentationsReceived > 0 && !route.HasStandstill())
        {
            errors.Add("representationsReceived", "Representations are made during a standstill period, which this process does not have.");
        }

        if (p.RepresentationsUpheld < 0 || p.RepresentationsUpheld > Math.Max(0, p.RepresentationsReceived))
        {
            errors.Add("representationsUpheld", "The representations upheld must be between none and the number received.");
        }

        if (p.RepresentationsReceived > 0 && outcome is null)
        {
            errors.Add("representationsOutcome", "Summarise the representations received and what became of them.");
        }
    }
}
