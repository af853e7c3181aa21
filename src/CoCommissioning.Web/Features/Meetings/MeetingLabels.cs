using System.Globalization;
using CoCommissioning.Domain.Meetings;

namespace CoCommissioning.Web.Features.Meetings;

/// <summary>The words and formats the meeting pages show.</summary>
public static class MeetingLabels
{
    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");
    private static readonly TimeZoneInfo UkTime = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>Stored in UTC, shown in UK local time: "3 March 2027, 14:00".</summary>
    public static string When(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, UkTime).ToString("d MMMM yyyy, HH:mm", Uk);

    public static string Of(ItemPurpose purpose) => purpose switch
    {
        ItemPurpose.Decision => "For decision",
        ItemPurpose.Discussion => "For discussion",
        _ => "For information",
    };

    public static string Of(PreFlagAnswer answer) => answer switch
    {
        PreFlagAnswer.Confirmed => "Confirmed as relevant",
        _ => "Dismissed as not relevant",
    };

    /// <summary>"PDF, 240 KB": the kind of file from its stored extension, and its size.</summary>
    public static string Describe(PaperDto paper)
    {
        var kind = Path.GetExtension(paper.FileName).TrimStart('.').ToUpperInvariant() switch
        {
            "DOCX" => "Word",
            "XLSX" => "Excel",
            "PPTX" => "PowerPoint",
            "ODT" => "OpenDocument",
            "JPG" or "JPEG" => "JPEG",
            var other => other,
        };
        return $"{kind}, {Size(paper.SizeBytes)}";
    }

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} bytes",
        < 1024 * 1024 => $"{Math.Ceiling(bytes / 1024.0):0} KB",
        _ => string.Create(Uk, $"{bytes / (1024.0 * 1024):0.0} MB"),
    };
}
