using System.Globalization;
using System.Text;
using CoCommissioning.Domain.Common;
using CoCommissioning.Domain.Interests;

namespace CoCommissioning.Web.Features.Procurement;

/// <summary>A drafted notice: the text to paste into the notice platform, and what it was drafted from.</summary>
public sealed record PsrNoticeDto(Guid ProcurementId, string Title, string Text);

/// <summary>One process's line in the annual summary.</summary>
public sealed record PsrSummaryLineDto(ProcurementRoute Process, string ProcessText, int Contracts, decimal TotalValue);

/// <summary>The annual summary (rule book 8.8) of contracts awarded in a calendar year.</summary>
public sealed record PsrAnnualSummaryDto(int Year, IReadOnlyList<PsrSummaryLineDto> Processes, int Contracts, decimal TotalValue, int RepresentationsReceived, int RepresentationsUpheld);

/// <summary>Drafting from the record: the notice of intention (rule book 8.7, Schedule 3) and the annual summary (8.8).</summary>
public static class PsrNotices
{
    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    public static CommandResult<PsrNoticeDto> NoticeOfIntention(ProcurementDto p, string organisation)
    {
        if (!p.Route.HasStandstill())
        {
            return Failure.Rule("A notice of intention to award is drafted for direct award C, the most suitable provider process and the competitive process only.");
        }

        var psr = p.Psr;
        var text = new StringBuilder();
        text.AppendLine(Uk, $"Notice of intention to award a contract: {p.Title}");
        text.AppendLine();
        text.AppendLine(Uk, $"{organisation} intends to award a contract for {p.Service} following the {ProcessInWords(p.Route)} under the Health Care Services (Provider Selection Regime) Regulations 2023.");
        text.AppendLine();
        text.AppendLine(Uk, $"Contract title: {p.Title}");
        text.AppendLine(Uk, $"Reference: {psr.NoticeReference ?? "(not yet assigned)"}");
        text.AppendLine(Uk, $"Provider: {p.SupplierName ?? "(not recorded)"}");
        text.AppendLine(Uk, $"Provider's registered or principal address: {psr.ProviderAddress ?? "(not recorded)"}");
        text.AppendLine(Uk, $"Services: {p.Service}");
        text.AppendLine(Uk, $"CPV code: {psr.CpvCode ?? "(not recorded)"}");
        text.AppendLine(Uk, $"Approximate lifetime value: {(p.ContractValue is null ? "(not recorded)" : ProcurementLabels.Money(p.ContractValue))}");
        text.AppendLine(Uk, $"Date of the decision: {ProcurementLabels.Date(p.DecidedOn)}");
        if (psr.StandstillEndsOn is { } standstill)
        {
            text.AppendLine(Uk, $"Standstill period ends: {ProcurementLabels.Date(standstill)}");
        }

        text.AppendLine();
        text.AppendLine("The decision-makers:");
        foreach (var line in DecisionMakers(p))
        {
            text.AppendLine(Uk, $"- {line}");
        }

        text.AppendLine();
        text.AppendLine("Reasons for the decision, by reference to the key criteria:");
        text.AppendLine(Uk, $"- Quality and innovation: {psr.QualityAndInnovation ?? "(not recorded)"}");
        text.AppendLine(Uk, $"- Value: {psr.Value ?? "(not recorded)"}");
        text.AppendLine(Uk, $"- Integration, collaboration and service sustainability: {psr.IntegrationCollaborationAndSustainability ?? "(not recorded)"}");
        text.AppendLine(Uk, $"- Improving access, reducing health inequalities and facilitating choice: {psr.AccessInequalitiesAndChoice ?? "(not recorded)"}");
        text.AppendLine(Uk, $"- Social value: {psr.SocialValue ?? "(not recorded)"}");
        text.AppendLine();
        text.AppendLine("Declared conflicts or potential conflicts of interest and how they were managed:");
        foreach (var line in Conflicts(p))
        {
            text.AppendLine(Uk, $"- {line}");
        }

        return CommandResult<PsrNoticeDto>.Success(new PsrNoticeDto(p.Id, $"Notice of intention: {p.Title}", text.ToString()));
    }

    /// <summary>The process as a sentence names it: "direct award process C", not the label lower-cased.</summary>
    private static string ProcessInWords(ProcurementRoute route) => route switch
    {
        ProcurementRoute.DirectAwardC => "direct award process C",
        ProcurementRoute.MostSuitableProvider => "most suitable provider process",
        _ => "competitive process",
    };

    /// <summary>Who decided: read from the linked meeting item when there is one, otherwise as typed.</summary>
    public static IReadOnlyList<string> DecisionMakers(ProcurementDto p) =>
        p.Meeting is { } m
            ? [.. m.DecisionMakers.Select(d => $"{d.Name}, {d.Role} ({m.CommitteeName})")]
            : p.Psr.DecisionMakers is { } typed
                ? [.. typed.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]
                : ["(not recorded)"];

    /// <summary>The conflicts: the meeting item's declarations and rulings when linked, otherwise as typed.</summary>
    public static IReadOnlyList<string> Conflicts(ProcurementDto p) =>
        p.Meeting is { } m
            ? m.Conflicts.Count == 0 ? ["None were declared."] : [.. m.Conflicts.Select(c => $"{c.Name}: {c.Interest}. {c.Management}")]
            : p.ConflictsNoted is null ? ["None were declared."] : [$"{p.ConflictsNoted} Managed: {p.ConflictsManagement}"];

    public static PsrAnnualSummaryDto AnnualSummary(IEnumerable<ProcurementDto> decisions, int year)
    {
        var inYear = decisions.Where(p => p.IsPsrProcess && (p.Psr.AwardedOn ?? p.DecidedOn).Year == year).ToList();
        var lines = PsrRules.Processes
            .Select(process => inYear.Where(p => p.Route == process).ToList() is var these
                ? new PsrSummaryLineDto(process, ProcurementLabels.Of(process), these.Count, these.Sum(p => p.ContractValue ?? 0m))
                : null!)
            .ToList();
        return new PsrAnnualSummaryDto(year, lines, inYear.Count, inYear.Sum(p => p.ContractValue ?? 0m),
            inYear.Sum(p => p.Psr.RepresentationsReceived), inYear.Sum(p => p.Psr.RepresentationsUpheld));
    }
}
