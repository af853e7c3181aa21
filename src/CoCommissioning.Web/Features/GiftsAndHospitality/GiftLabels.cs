using System.Globalization;
using CoCommissioning.Domain.Interests;

namespace CoCommissioning.Web.Features.GiftsAndHospitality;

/// <summary>The words (and icons) people read for gifts and hospitality, so status never rests on colour alone.</summary>
public static class GiftLabels
{
    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    public static string Of(OfferAdvice advice) => advice switch
    {
        OfferAdvice.MayAcceptWithoutDeclaring => "May accept: no declaration needed",
        OfferAdvice.MayAcceptAndDeclare => "May accept: must declare",
        OfferAdvice.AcceptOnBehalfOfOrganisationAndDeclare => "Accept only on behalf of the organisation: must declare",
        OfferAdvice.RefuseUnlessSeniorApproval => "Refuse unless a senior manager approves: declare either way",
        _ => "Decline",
    };

    public static string IconOf(OfferAdvice advice) => advice switch
    {
        OfferAdvice.MayAcceptWithoutDeclaring => MudBlazor.Icons.Material.Filled.CheckCircle,
        OfferAdvice.MayAcceptAndDeclare or OfferAdvice.AcceptOnBehalfOfOrganisationAndDeclare => MudBlazor.Icons.Material.Filled.Info,
        OfferAdvice.RefuseUnlessSeniorApproval => MudBlazor.Icons.Material.Filled.Warning,
        _ => MudBlazor.Icons.Material.Filled.Block,
    };

    public static MudBlazor.Severity SeverityOf(OfferAdvice advice) => advice switch
    {
        OfferAdvice.MayAcceptWithoutDeclaring => MudBlazor.Severity.Success,
        OfferAdvice.MayAcceptAndDeclare or OfferAdvice.AcceptOnBehalfOfOrganisationAndDeclare => MudBlazor.Severity.Info,
        OfferAdvice.RefuseUnlessSeniorApproval => MudBlazor.Severity.Warning,
        _ => MudBlazor.Severity.Error,
    };

    public static string Of(OfferKind kind) => kind == OfferKind.Gift ? "Gift" : "Hospitality";

    public static string Of(OfferorKind kind) => kind == OfferorKind.SupplierOrContractor ? "Supplier or contractor" : "Other";

    public static string Of(OfferOutcome outcome) => outcome == OfferOutcome.Accepted ? "Accepted" : "Declined";

    public static string Of(ReviewStatus status) => status switch
    {
        ReviewStatus.Accepted => "Reviewed",
        ReviewStatus.ChangesRequested => "Changes requested",
        _ => "Awaiting review",
    };

    public static string Money(decimal value) => value.ToString("C", Uk);

    /// <summary>UK style in full: "26 November 2026".</summary>
    public static string Date(DateOnly? date) => date is { } d ? d.ToString("d MMMM yyyy", Uk) : "";
}
