using System.Globalization;

namespace CoCommissioning.Web.Features.PublicMeetings;

/// <summary>How the public meeting pages write dates and times: UK local time, in words.</summary>
public static class PublicMeetingsText
{
    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");
    private static readonly TimeZoneInfo UkTime = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static string When(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, UkTime).ToString("dddd d MMMM yyyy, HH:mm", Uk);

    public static string Day(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, UkTime).ToString("d MMMM yyyy", Uk);

    public static string Day(DateOnly date) => date.ToString("d MMMM yyyy", Uk);

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} bytes",
        < 1024 * 1024 => $"{(bytes / 1024.0).ToString("0", Uk)} KB",
        _ => $"{(bytes / (1024.0 * 1024)).ToString("0.0", Uk)} MB",
    };

    public static string Kind(string contentType) => contentType switch
    {
        "application/pdf" => "PDF",
        "text/csv" => "CSV",
        "image/png" => "PNG image",
        "image/jpeg" => "JPEG image",
        var t when t.Contains("wordprocessingml", StringComparison.Ordinal) => "Word document",
        var t when t.Contains("spreadsheetml", StringComparison.Ordinal) => "Excel workbook",
        var t when t.Contains("presentationml", StringComparison.Ordinal) => "PowerPoint presentation",
        var t when t.Contains("opendocument", StringComparison.Ordinal) => "OpenDocument text",
        _ => "file",
    };
}
