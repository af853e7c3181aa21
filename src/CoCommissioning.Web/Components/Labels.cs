using CoCommissioning.Data.Identity;
using CoCommissioning.Domain.Committees;

namespace CoCommissioning.Web.Components;

/// <summary>The words people read for the domain's enums.</summary>
public static class Labels
{
    public static string Of(CommitteeType type) => type switch
    {
        CommitteeType.PrimaryCareCommissioning => "Primary care commissioning committee",
        CommitteeType.PrimaryCareOperationalGroup => "Primary care operational group",
        CommitteeType.Audit => "Audit committee",
        _ => "Other committee",
    };

    public static string Of(CoCommissioningLevel level) => level switch
    {
        CoCommissioningLevel.GreaterInvolvement => "Greater involvement",
        CoCommissioningLevel.Joint => "Joint commissioning",
        _ => "Delegated commissioning",
    };

    public static string Of(CommitteeOffice office) => office switch
    {
        CommitteeOffice.Chair => "Chair",
        CommitteeOffice.ViceChair => "Vice chair",
        _ => "",
    };

    public static string Of(RoleClassification classification) => classification switch
    {
        RoleClassification.Lay => "Lay",
        RoleClassification.Executive => "Executive",
        RoleClassification.Clinical => "Clinical",
        RoleClassification.Representative => "Representative",
        _ => "Observer",
    };

    public static string Of(AppRole role) => role switch
    {
        AppRole.Administrator => "Administrator",
        AppRole.GovernanceLead => "Governance lead",
        AppRole.CommitteeSecretary => "Committee secretary",
        _ => "Member",
    };

    public static string Date(DateOnly? date) => date is { } d ? d.ToString("d MMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")) : "";

    private static readonly TimeZoneInfo UkTime = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>Stored in UTC, shown in UK local time.</summary>
    public static string Time(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, UkTime).ToString("d MMM yyyy HH:mm:ss", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));

    /// <summary>The time of day in UK local time, as minutes record it ("14:05").</summary>
    public static string Clock(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, UkTime).ToString("HH:mm", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));

    /// <summary>When a meeting starts, in UK local time ("26 November 2026, 10:00").</summary>
    public static string MeetingStart(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, UkTime).ToString("d MMMM yyyy, HH:mm", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
}
