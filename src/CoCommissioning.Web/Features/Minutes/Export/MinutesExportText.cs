using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CoCommissioning.Domain.Minutes;

namespace CoCommissioning.Web.Features.Minutes.Export;

/// <summary>A piece of text in a paragraph, bold or not.</summary>
internal readonly record struct TextRun(string Text, bool Bold);

/// <summary>A block of a narrative as the PDF and Word exports lay it out: a plain paragraph or a bullet.</summary>
internal sealed record NarrativeBlock(bool IsBullet, IReadOnlyList<TextRun> Runs)
{
    public string PlainText => string.Concat(Runs.Select(r => r.Text));
}

/// <summary>
/// The words both exports share: the header lines, and the secretary's Markdown narrative reduced to paragraphs and
/// bullets of plain text (with **bold** kept). Nothing here is ever HTML: markup in a narrative is text.
/// </summary>
internal static partial class MinutesExportText
{
    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");
    private static readonly TimeZoneInfo UkTime = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>"Minutes of the meeting held on 26 November 2026 at 10:00", in UK local time.</summary>
    public static string HeldOn(DateTimeOffset startsAt)
    {
        var local = TimeZoneInfo.ConvertTime(startsAt, UkTime);
        return $"Minutes of the meeting held on {local.ToString("d MMMM yyyy", Uk)} at {local.ToString("HH:mm", Uk)}";
    }

    /// <summary>"26 November 2026", in UK local time.</summary>
    public static string MeetingDate(DateTimeOffset startsAt) => TimeZoneInfo.ConvertTime(startsAt, UkTime).ToString("d MMMM yyyy", Uk);

    public static string PartLine(MinutesPart part) => part == MinutesPart.Private ? "Private part — not for publication" : "Public part";

    /// <summary>"Draft, version 1"; "Approved, version 2".</summary>
    public static string StatusLine(MinutesDocument document) =>
        string.IsNullOrWhiteSpace(document.Status) ? $"Version {document.Version}" : $"{Clean(document.Status.Trim())}, version {document.Version}";

    /// <summary>The word marking every page of a draft, across it in the PDF and as Word's own watermark.</summary>
    public const string DraftWatermark = "DRAFT";

    public const string ExclusionHeading = "Resolution excluding the public";

    /// <summary>A draft is marked on every page; approved minutes are not.</summary>
    public static bool IsDraft(MinutesDocument document) =>
        string.Equals(document.Status?.Trim(), nameof(MinutesStatus.Draft), StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The Times of someone present. Minutes approved before every member's line gave times left them empty for
    /// someone there throughout, which is what that meant.
    /// </summary>
    public static string PresentTimes(AttendeeLine line) => Clean(line.Times ?? MinutesGenerator.Throughout);

    /// <summary>
    /// What stands under <see cref="ExclusionHeading"/>, where the resolution was passed among the items: its words, or
    /// in the private part that none is recorded; null in a public part without one.
    /// </summary>
    public static string? Exclusion(MinutesDocument document) =>
        !string.IsNullOrWhiteSpace(document.ExclusionResolution) ? Clean(document.ExclusionResolution)
        : document.Part == MinutesPart.Private ? "No resolution excluding the public is recorded."
        : null;

    public static string ItemHeading(MinutesItem item) => $"{item.Number}. {Clean(item.Title)}";

    /// <summary>"For decision. Presented by Dr A Patel."</summary>
    public static string PurposeLine(MinutesItem item)
    {
        var purpose = Clean(item.Purpose).Trim();
        var text = purpose.Length == 0 ? "" : purpose.TrimEnd('.') + ".";
        if (!string.IsNullOrWhiteSpace(item.Presenter))
        {
            text += (text.Length == 0 ? "" : " ") + $"Presented by {Clean(item.Presenter).Trim().TrimEnd('.')}.";
        }

        return text;
    }

    public static string Due(DateOnly? due) => due is { } d ? d.ToString("d MMM yyyy", Uk) : "";

    /// <summary>The management of a declaration as one line per entry.</summary>
    public static string Management(DeclarationLine declaration)
    {
        var lines = declaration.Management.Where(m => !string.IsNullOrWhiteSpace(m)).Select(Clean).ToList();
        if (!string.IsNullOrWhiteSpace(declaration.RaisedBy))
        {
            var raisedBy = Clean(declaration.RaisedBy).Trim().TrimEnd('.');
            lines.Insert(0, raisedBy.StartsWith("raised by", StringComparison.OrdinalIgnoreCase) ? $"{raisedBy}." : $"Raised by {raisedBy}.");
        }

        return lines.Count == 0 ? "No action needed." : string.Join("\n", lines);
    }

    /// <summary>Removes characters that neither a PDF font nor an XML document can carry (control characters).</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c == '\n' || c == '\t')
            {
                builder.Append(c == '\t' ? ' ' : c);
            }
            else if (!char.IsControl(c) && c != '\uFFFE' && c != '\uFFFF' && !char.IsSurrogate(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// The narrative's Markdown as paragraphs and bullets: blank lines separate paragraphs, "- ", "* " and "+ " lines
    /// are bullets, "1. " lines are numbered paragraphs, **bold** and __bold__ stay bold, other syntax (headings' #, emphasis, code ticks, links, quotes) is
    /// stripped to its text. HTML tags are left as the literal text they are.
    /// </summary>
    public static IReadOnlyList<NarrativeBlock> Narrative(string? markdown)
    {
        var blocks = new List<NarrativeBlock>();
        var text = Clean((markdown ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'));
        var paragraph = new List<string>();
        List<string>? bullet = null;
        var numbered = false;

        void Flush()
        {
            if (paragraph.Count > 0)
            {
                blocks.Add(new NarrativeBlock(false, Inline(string.Join(" ", paragraph))));
                paragraph.Clear();
            }

            if (bullet is not null)
            {
                blocks.Add(new NarrativeBlock(!numbered, Inline(string.Join(" ", bullet))));
                bullet = null;
            }
        }

        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || HorizontalRule().IsMatch(line))
            {
                Flush();
                continue;
            }

            while (line.StartsWith('>'))
            {
                line = line[1..].TrimStart();
            }

            var bulletMatch = BulletStart().Match(line);
            if (bulletMatch.Success)
            {
                Flush();
                bullet = [line[bulletMatch.Length..]];
                numbered = false;
                continue;
            }

            // "1. First" stays a numbered line of its own, with its number as written.
            if (OrderedStart().IsMatch(line))
            {
                Flush();
                bullet = [line];
                numbered = true;
                continue;
            }

            var heading = HeadingStart().Match(line);
            if (heading.Success)
            {
                Flush();
                blocks.Add(new NarrativeBlock(false, [new TextRun(StripInline(line[heading.Length..].TrimEnd('#', ' ')), true)]));
                continue;
            }

            if (bullet is not null)
            {
                bullet.Add(line);
            }
            else
            {
                paragraph.Add(line);
            }
        }

        Flush();
        return blocks.Where(b => b.Runs.Any(r => r.Text.Length > 0)).ToList();
    }

    private static List<TextRun> Inline(string text)
    {
        var runs = new List<TextRun>();
        var position = 0;
        foreach (Match match in BoldSpan().Matches(text))
        {
            if (match.Index > position)
            {
                runs.Add(new TextRun(StripInline(text[position..match.Index]), false));
            }

            runs.Add(new TextRun(StripInline(match.Groups["a"].Success ? match.Groups["a"].Value : match.Groups["b"].Value), true));
            position = match.Index + match.Length;
        }

        if (position < text.Length)
        {
            runs.Add(new TextRun(StripInline(text[position..]), false));
        }

        return runs.Where(r => r.Text.Length > 0).ToList();
    }

    private static string StripInline(string text)
    {
        text = Image().Replace(text, "${alt}");
        text = Link().Replace(text, m => m.Groups["text"].Value == m.Groups["url"].Value ? m.Groups["text"].Value : $"{m.Groups["text"].Value} ({m.Groups["url"].Value})");
        text = Code().Replace(text, "${code}");
        text = Emphasis().Replace(text, "${text}");
        text = Escape().Replace(text, "${c}");
        return text;
    }

    [GeneratedRegex(@"^([-*+])\s+")]
    private static partial Regex BulletStart();

    [GeneratedRegex(@"^\d{1,3}[.)]\s+")]
    private static partial Regex OrderedStart();

    [GeneratedRegex(@"^#{1,6}\s+")]
    private static partial Regex HeadingStart();

    [GeneratedRegex(@"^([-*_])(\s*\1){2,}$")]
    private static partial Regex HorizontalRule();

    [GeneratedRegex(@"\*\*(?<a>.+?)\*\*|__(?<b>.+?)__")]
    private static partial Regex BoldSpan();

    [GeneratedRegex(@"!\[(?<alt>[^\]]*)\]\([^)]*\)")]
    private static partial Regex Image();

    [GeneratedRegex(@"\[(?<text>[^\]]+)\]\((?<url>[^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"`+(?<code>[^`]+)`+")]
    private static partial Regex Code();

    [GeneratedRegex(@"(?<![\w*])\*(?<text>[^*\s][^*]*?)\*(?![\w*])|(?<![\w_])_(?<text>[^_\s][^_]*?)_(?![\w_])")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"\\(?<c>[\\`*_{}\[\]()#+\-.!>])")]
    private static partial Regex Escape();
}
