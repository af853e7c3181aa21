using System.Globalization;
using System.Text;

namespace CoCommissioning.Web.Features.PublicMeetings;

/// <summary>
/// Writes the meeting calendar as iCalendar (RFC 5545) text by hand: one VEVENT per meeting with a stable UID, the
/// start in UTC, the committee and title as the summary, the public meeting page as the URL, the venue or joining
/// details as the LOCATION, STATUS:CANCELLED once cancelled, and a SEQUENCE that grows with each change of date,
/// place or cancellation so calendars replace their copy (RFC 5545 3.8.7.4). Nothing of the
/// agenda goes in, so no private item can. Lines end with CRLF and are folded at 75 octets; text is escaped.
/// </summary>
public static class MeetingCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";

    /// <summary>How long a meeting is shown as lasting: meetings record only when they start.</summary>
    public static readonly TimeSpan AssumedLength = TimeSpan.FromHours(2);

    public static string Write(PublicMeetingsDto calendar, string baseUrl, DateTimeOffset now)
    {
        var text = new StringBuilder();
        Line(text, "BEGIN:VCALENDAR");
        Line(text, "VERSION:2.0");
        Line(text, "PRODID:-//CoCommissioning//Public meetings//EN");
        Line(text, "CALSCALE:GREGORIAN");
        Line(text, "METHOD:PUBLISH");
        Line(text, $"X-WR-CALNAME:{Escape($"{calendar.Organisation.Name} committee meetings")}");
        foreach (var meeting in calendar.Meetings)
        {
            var url = $"{baseUrl.TrimEnd('/')}{PublicMeetingsService.MeetingUrl(calendar.Organisation.Slug, meeting.Id)}";
            Line(text, "BEGIN:VEVENT");
            Line(text, $"UID:{meeting.Id:D}@{calendar.Organisation.Slug}.cocommissioning");
            Line(text, $"DTSTAMP:{Utc(now)}");
            Line(text, $"DTSTART:{Utc(meeting.StartsAt)}");
            Line(text, $"DTEND:{Utc(meeting.StartsAt + AssumedLength)}");
            Line(text, $"SUMMARY:{Escape($"{(meeting.IsCancelled ? "Cancelled: " : "")}{meeting.CommitteeName}: {meeting.Title}")}");
            Line(text, $"SEQUENCE:{meeting.Sequence.ToString(CultureInfo.InvariantCulture)}");
            Line(text, $"STATUS:{(meeting.IsCancelled ? "CANCELLED" : "CONFIRMED")}");
            Line(text, $"DESCRIPTION:{Escape(Description(meeting, url))}");
            if (meeting.Location is { } location)
            {
                Line(text, $"LOCATION:{Escape(location)}");
            }

            Line(text, $"URL:{url}");
            Line(text, "CLASS:PUBLIC");
            Line(text, "END:VEVENT");
        }

        Line(text, "END:VCALENDAR");
        return text.ToString();
    }

    private static string Description(PublicMeetingSummaryDto meeting, string url) =>
        meeting.IsCancelled ? $"Cancelled: {meeting.CancellationReason}. Details: {url}"
        : meeting.AgendaPublished ? $"The public agenda and papers: {url}"
        : $"The agenda is not yet published. Details: {url}";

    private static string Utc(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>TEXT values: backslash, semicolon and comma escaped, newlines as \n (RFC 5545 3.3.11).</summary>
    public static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace(";", "\\;", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal)
            .Replace("\r\n", "\\n", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal)
            .Replace("\r", "\\n", StringComparison.Ordinal);

    /// <summary>Appends a content line folded so no physical line exceeds 75 octets, never splitting a UTF-8 character.</summary>
    private static void Line(StringBuilder text, string line)
    {
        var octets = 0;
        var limit = 75;
        var i = 0;
        while (i < line.Length)
        {
            var length = char.IsSurrogatePair(line, i) ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(line.AsSpan(i, length));
            if (octets + size > limit)
            {
                text.Append("\r\n ");
                octets = 0;
                limit = 74; // the leading space counts
            }

            text.Append(line, i, length);
            octets += size;
            i += length;
        }

        text.Append("\r\n");
    }

    /// <summary>One meeting on its own (the invitation a notice carries), in exactly the words of the feed.</summary>
    public static string WriteOne(PublicMeetingsDto calendar, Guid meetingId, string baseUrl, DateTimeOffset now) =>
        Write(calendar with { Meetings = [.. calendar.Meetings.Where(m => m.Id == meetingId)] }, baseUrl, now);
}
