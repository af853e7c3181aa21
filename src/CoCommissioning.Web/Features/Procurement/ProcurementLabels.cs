using System.Globalization;
using CoCommissioning.Domain.Interests;

namespace CoCommissioning.Web.Features.Procurement;

public static class ProcurementLabels
{
    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    public static IReadOnlyList<ProcurementRoute> Routes { get; } = Enum.GetValues<ProcurementRoute>();

    public static string Of(ProcurementRoute route) => route switch
    {
        ProcurementRoute.DirectAwardA => "Direct award process A",
        ProcurementRoute.DirectAwardB => "Direct award process B",
        ProcurementRoute.DirectAwardC => "Direct award process C",
        ProcurementRoute.CompetitiveProcess => "Competitive process",
        ProcurementRoute.UrgentAward => "Urgent award",
        ProcurementRoute.CompetitiveTender => "Competitive tender",
        ProcurementRoute.Framework => "Call-off from a framework",
        ProcurementRoute.DirectAward => "Direct award",
        ProcurementRoute.MostSuitableProvider => "Most suitable provider",
        ProcurementRoute.ContractVariation => "Contract variation",
        ProcurementRoute.ContractExtension => "Contract extension",
        _ => "Other",
    };

    public static string Money(decimal? value) => value is { } v ? v.ToString("C0", Uk) : "";

    public static string Date(DateOnly? date) => date is { } d ? d.ToString("d MMMM yyyy", Uk) : "";
}
