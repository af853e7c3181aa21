using System.Globalization;
using CoCommissioning.Domain.Interests;
using CoCommissioning.Domain.Organisations;

namespace CoCommissioning.Web.Features.Declarations;

/// <summary>The words people read for the register's enums and dates.</summary>
public static class DeclarationLabels
{
    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    public static string Of(InterestCategory category) => category switch
    {
        InterestCategory.Financial => "Financial",
        InterestCategory.NonFinancialProfessional => "Non-financial professional",
        InterestCategory.NonFinancialPersonal => "Non-financial personal",
        _ => "Indirect",
    };

    public static string Of(ReviewStatus status) => status switch
    {
        ReviewStatus.Submitted => "Awaiting review",
        ReviewStatus.ChangesRequested => "Changes requested",
        _ => "Accepted",
    };

    public static string Of(WithholdingGround ground) => ground switch
    {
        WithholdingGround.RiskOfHarm => "Risk of harm",
        _ => "Legal bar",
    };

    public static string Of(BodyKind kind) => kind switch
    {
        BodyKind.GpPractice => "GP practice",
        BodyKind.PrimaryCareNetwork => "Primary care network",
        BodyKind.GpFederation => "GP federation",
        BodyKind.Supplier => "Supplier",
        _ => "Other body",
    };

    /// <summary>UK style, in full: "26 November 2026".</summary>
    public static string Date(DateOnly? date) => date is { } d ? d.ToString("d MMMM yyyy", Uk) : "";

    public static string Period(DateOnly? from, DateOnly? to) =>
        from is null ? "" : to is null ? $"From {Date(from)} (continuing)" : $"{Date(from)} to {Date(to)}";

    public static DateOnly? ToDateOnly(DateTime? date) => date is { } d ? DateOnly.FromDateTime(d) : null;

    public static DateTime? ToDateTime(DateOnly? date) => date?.ToDateTime(TimeOnly.MinValue);
}
