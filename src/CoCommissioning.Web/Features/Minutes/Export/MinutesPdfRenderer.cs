using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using CoCommissioning.Domain.Minutes;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace CoCommissioning.Web.Features.Minutes.Export;

/// <summary>
/// Lays out minutes as an A4 PDF in the form of NHS committee minutes: a header block, Present / Apologies / In
/// attendance / Declarations of interest, then each item with its narrative, outcome and actions, with the resolution
/// excluding the public where it was passed among them. Text wraps, tables break across pages with their header row
/// repeated, and every page carries "Page N of M"; every page of a draft carries a large, light "DRAFT" across it,
/// behind the text. The public and private parts are separate documents (one per call).
/// Rendering the same document twice gives the same bytes: the PDF's dates and identifier come from the document.
/// </summary>
public sealed partial class MinutesPdfRenderer
{
    public byte[] Render(MinutesDocument document)
    {
        using var stream = new MemoryStream();
        Render(document, stream);
        return stream.ToArray();
    }

    public void Render(MinutesDocument document, Stream output) => RenderTraced(document, output, null);

    /// <summary>Renders, and tells <paramref name="drawn"/> every string drawn and where (for tests of the layout).</summary>
    internal static void RenderTraced(MinutesDocument document, Stream output, List<DrawnText>? drawn)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        MinutesFontResolver.EnsureRegistered();

        using var pdf = new PdfDocument();
        var title = $"{MinutesExportText.Clean(document.CommitteeName)} — minutes of {MinutesExportText.MeetingDate(document.StartsAt)}";
        pdf.Info.Title = title;
        pdf.Info.Author = MinutesExportText.Clean(document.OrganisationName);
        pdf.Info.Subject = MinutesExportText.PartLine(document.Part);
        pdf.Info.Creator = "CoCommissioning";
        pdf.Info.CreationDate = document.StartsAt.UtcDateTime;
        pdf.Info.ModificationDate = document.StartsAt.UtcDateTime;
        pdf.Options.CompressContentStreams = true;
        var id = DocumentId(document);
        pdf.Internals.FirstDocumentID = id;
        pdf.Internals.SecondDocumentID = id;

        var layout = new PdfLayout(pdf, title, MinutesExportText.PartLine(document.Part), MinutesExportText.IsDraft(document), drawn);
        layout.Write(document);
        layout.Finish();
        using var buffer = new MemoryStream();
        pdf.Save(buffer, false);
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        StableSubsetTags(bytes);
        StableMetadataIds(bytes, id);
        output.Write(bytes);
    }

    /// <summary>
    /// PDFsharp names each embedded font subset with a random six-letter tag ("SLICKJ+DejaVu Sans"). The tags need only
    /// differ between subsets, so each is replaced, in place and at the same length, by one counted from "AAAAAA".
    /// </summary>
    private static void StableSubsetTags(Span<byte> pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match match in SubsetTag().Matches(text))
        {
            var tag = match.Groups["tag"].Value;
            if (!tags.TryGetValue(tag, out var stable))
            {
                var n = tags.Count;
                stable = string.Create(6, n, (chars, value) =>
                {
                    for (var i = 5; i >= 0; i--)
                    {
                        chars[i] = (char)('A' + value % 26);
                        value /= 26;
                    }
                });
                tags[tag] = stable;
            }

            Encoding.ASCII.GetBytes(stable, pdf.Slice(match.Groups["tag"].Index, 6));
        }
    }

    /// <summary>The XMP metadata's document and instance identifiers are random too; both become this version's.</summary>
    private static void StableMetadataIds(Span<byte> pdf, string id)
    {
        var stable = Guid.Parse(id).ToString("D");
        var text = Encoding.Latin1.GetString(pdf);
        foreach (Match match in XmpId().Matches(text))
        {
            Encoding.ASCII.GetBytes(stable, pdf.Slice(match.Groups["id"].Index, 36));
        }
    }

    [GeneratedRegex(@"<xmpMM:(?:DocumentID|InstanceID)>uuid:(?<id>[0-9a-fA-F-]{36})</", RegexOptions.CultureInvariant)]
    private static partial Regex XmpId();

    [GeneratedRegex(@"/(?<tag>[A-Z]{6})\+DejaVu", RegexOptions.CultureInvariant)]
    private static partial Regex SubsetTag();

    /// <summary>The text, cut short with "…" where it must be to fit <paramref name="width"/> (a footer's title; the meeting pack's too).</summary>
    internal static string Fit(XGraphics g, string text, XFont font, double width)
    {
        if (g.MeasureString(text, font).Width <= width)
        {
            return text;
        }

        var length = text.Length;
        while (length > 0 && g.MeasureString(text[..length] + "…", font).Width > width)
        {
            length--;
        }

        return length == 0 ? "" : text[..length].TrimEnd() + "…";
    }

    /// <summary>A stable identifier for this version of these minutes, so repeated renders are byte-identical.</summary>
    private static string DocumentId(MinutesDocument document)
    {
        var key = $"{document.OrganisationName}|{document.CommitteeName}|{document.StartsAt:O}|{document.Part}|{document.Version}|{document.Status}";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return new Guid(hash.AsSpan(0, 16)).ToString("B").ToUpperInvariant();
    }

    /// <summary>One render: the pages so far, the page being drawn and where on it the next line goes.</summary>
    private sealed class PdfLayout
    {
        private const double Margin = 56.7; // 2 cm
        private const double FooterTop = 40; // the footer's rule, this far above the foot of the page (in the margin)
        private const double CellPadding = 4;
        private const double TableSize = 9;

        private static readonly XColor NhsBlue = XColor.FromArgb(0x00, 0x5E, 0xB8);
        private static readonly XColor DarkGrey = XColor.FromArgb(0x42, 0x55, 0x63);
        private static readonly XColor PrivateRed = XColor.FromArgb(0xB0, 0x1E, 0x2E);
        private static readonly XColor HeaderFill = XColor.FromArgb(0xE8, 0xED, 0xEE);
        private static readonly XColor Border = XColor.FromArgb(0xAE, 0xB7, 0xBD);

        // Light grey, and half transparent where a viewer composes it over anything: under the text, never hiding it.
        private static readonly XColor WatermarkGrey = XColor.FromArgb(0x60, 0x9A, 0xA5, 0xAD);

        private readonly PdfDocument pdf;
        private readonly string footerTitle;
        private readonly string footerPart;
        private readonly bool draft;
        private readonly List<DrawnText>? drawn;
        private readonly XPdfFontOptions unicode = new(PdfFontEncoding.Unicode);
        private readonly Dictionary<(double Size, bool Bold), XFont> fonts = [];
        private PdfPage page = null!;
        private XGraphics gfx = null!;
        private double y;

        public PdfLayout(PdfDocument pdf, string footerTitle, string footerPart, bool draft, List<DrawnText>? drawn)
        {
            this.drawn = drawn;
            this.pdf = pdf;
            this.footerTitle = footerTitle;
            this.footerPart = footerPart;
            this.draft = draft;
            NewPage();
        }

        private double PageWidth => page.Width.Point;

        private double ContentWidth => PageWidth - 2 * Margin;

        private double Bottom => page.Height.Point - Margin;

        public void Write(MinutesDocument document)
        {
            Header(document);

            AttendeeSection("Present", document.Present, MinutesExportText.PresentTimes, "No one is recorded as present.");

            Heading("Apologies");
            if (document.Apologies.Count == 0)
            {
                Paragraph([new TextRun("None.", false)], 10);
            }
            else
            {
                foreach (var name in document.Apologies)
                {
                    Bullet([new TextRun(MinutesExportText.Clean(name), false)], 10);
                }
            }

            AttendeeSection("In attendance", document.InAttendance, p => MinutesExportText.Clean(p.Times), "None.");

            if (document.Declarations.Count == 0)
            {
                Heading("Declarations of interest");
                Paragraph([new TextRun("No interests were declared.", false)], 10);
            }
            else
            {
                var table = PlanTable(
                    ["Name", "Interest", "How managed"],
                    [0.24, 0.34, 0.42],
                    document.Declarations.Select(d => new[] { MinutesExportText.Clean(d.Name), MinutesExportText.Clean(d.Interest), MinutesExportText.Management(d) }).ToList());
                Heading("Declarations of interest", keep: table.Lead);
                DrawTable(table);
            }

            // The resolution excluding the public stands where it was passed among the items.
            var before = document.ItemsBeforeExclusion();
            foreach (var item in document.Items.Take(before))
            {
                Item(item);
            }

            if (MinutesExportText.Exclusion(document) is { } resolution)
            {
                Heading(MinutesExportText.ExclusionHeading, 3);
                Paragraph([new TextRun(resolution, false)], 10);
            }

            foreach (var item in document.Items.Skip(before))
            {
                Item(item);
            }
        }

        /// <summary>Draws "Page N of M" and the minutes' name at the foot of every page, and a draft's watermark behind each.</summary>
        public void Finish()
        {
            gfx.Dispose();
            var font = Font(8, false);
            var partFont = Font(8, true);
            for (var i = 0; i < pdf.PageCount; i++)
            {
                var p = pdf.Pages[i];
                if (draft)
                {
                    using var behind = XGraphics.FromPdfPage(p, XGraphicsPdfPageOptions.Prepend);
                    Watermark(behind, i, p);
                }

                using var g = XGraphics.FromPdfPage(p);
                var top = p.Height.Point - FooterTop;
                var width = p.Width.Point - 2 * Margin;
                g.DrawLine(new XPen(Border, 0.5), Margin, top, Margin + width, top);
                var number = $"Page {i + 1} of {pdf.PageCount}";
                var numberWidth = g.MeasureString(number, font).Width;
                Draw(g, i, number, font, new XSolidBrush(DarkGrey), Margin + width - numberWidth, top + 5);

                var partWidth = g.MeasureString(footerPart, partFont).Width;
                Draw(g, i, footerPart, partFont, new XSolidBrush(footerPart.StartsWith("Private", StringComparison.Ordinal) ? PrivateRed : DarkGrey), Margin, top + 5);
                var titleRoom = width - numberWidth - partWidth - 30;
                var title = Fit(g, " · " + footerTitle, font, titleRoom);
                Draw(g, i, title, font, new XSolidBrush(DarkGrey), Margin + partWidth, top + 5);
            }
        }

        /// <summary>
        /// "DRAFT" from the bottom left to the top right of the page, as wide as 60% of the diagonal, drawn before (so
        /// under) everything else on the page.
        /// </summary>
        private void Watermark(XGraphics g, int pageIndex, PdfPage p)
        {
            const string text = MinutesExportText.DraftWatermark;
            var (width, height) = (p.Width.Point, p.Height.Point);
            var angle = -Math.Atan2(height, width) * 180 / Math.PI;
            var size = Math.Floor(100 * 0.6 * Math.Sqrt(width * width + height * height) / g.MeasureString(text, Font(100, true)).Width);
            var font = Font(size, true);
            var centre = new XPoint(width / 2, height / 2);
            g.RotateAtTransform(angle, centre);
            g.DrawString(text, font, new XSolidBrush(WatermarkGrey), centre, XStringFormats.Center);
            if (drawn is not null)
            {
                var measured = g.MeasureString(text, font);
                drawn.Add(new DrawnText(pageIndex, text, centre.X - measured.Width / 2, centre.Y - measured.Height / 2, measured.Width, measured.Height, angle));
            }
        }

        private void Header(MinutesDocument document)
        {
            var organisation = MinutesExportText.Clean(document.OrganisationName);
            if (organisation.Length > 0)
            {
                Lines([new TextRun(organisation, true)], 10.5, ContentWidth, Margin, NhsBlue);
            }

            y += 2;
            Lines([new TextRun(MinutesExportText.Clean(document.CommitteeName), true)], 17, ContentWidth, Margin, XColors.Black);
            var meetingTitle = MinutesExportText.Clean(document.MeetingTitle).Trim();
            if (meetingTitle.Length > 0 && !string.Equals(meetingTitle, document.CommitteeName.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                Lines([new TextRun(meetingTitle, false)], 11, ContentWidth, Margin, DarkGrey);
            }

            y += 4;
            Lines([new TextRun(MinutesExportText.HeldOn(document.StartsAt), false)], 11, ContentWidth, Margin, XColors.Black);
            y += 2;
            Lines([new TextRun(MinutesExportText.PartLine(document.Part), true)], 11, ContentWidth, Margin, document.Part == MinutesPart.Private ? PrivateRed : XColors.Black);
            Lines([new TextRun(MinutesExportText.StatusLine(document), false)], 10, ContentWidth, Margin, DarkGrey);
            y += 6;
            gfx.DrawLine(new XPen(NhsBlue, 1.5), Margin, y, Margin + ContentWidth, y);
            y += 6;
        }

        private void Item(MinutesItem item)
        {
            // The heading stays with its purpose and quorum lines and the first lines of the narrative.
            Heading(MinutesExportText.ItemHeading(item), 3, LineHeight(10) * 5);
            var purpose = MinutesExportText.PurposeLine(item);
            if (purpose.Length > 0)
            {
                Lines([new TextRun(purpose, false)], 9.5, ContentWidth, Margin, DarkGrey);
            }

            if (!string.IsNullOrWhiteSpace(item.Quorum))
            {
                Lines([new TextRun(MinutesExportText.Clean(item.Quorum), false)], 9.5, ContentWidth, Margin, DarkGrey);
            }

            y += 3;
            var afterBullet = false;
            foreach (var block in MinutesExportText.Narrative(item.Narrative))
            {
                if (block.IsBullet)
                {
                    Bullet(block.Runs, 10);
                }
                else
                {
                    y += afterBullet ? 3 : 0;
                    Paragraph(block.Runs, 10);
                }

                afterBullet = block.IsBullet;
            }

            y += afterBullet ? 3 : 0;

            if (!string.IsNullOrWhiteSpace(item.Outcome))
            {
                Paragraph([new TextRun(MinutesExportText.Clean(item.Outcome), true)], 10);
            }

            if (item.Actions.Count > 0)
            {
                var table = PlanTable(
                    ["Action", "Owner", "Due"],
                    [0.58, 0.27, 0.15],
                    item.Actions.Select(a => new[] { MinutesExportText.Clean(a.Description), MinutesExportText.Clean(a.Owner), MinutesExportText.Due(a.Due) }).ToList());
                KeepTogether(LineHeight(10) + 2 + table.Lead);
                Lines([new TextRun("Actions arising", true)], 10, ContentWidth, Margin, XColors.Black);
                y += 2;
                DrawTable(table);
            }
        }

        private void AttendeeSection(string heading, IReadOnlyList<AttendeeLine> people, Func<AttendeeLine, string> times, string none)
        {
            if (people.Count == 0)
            {
                Heading(heading);
                Paragraph([new TextRun(none, false)], 10);
                return;
            }

            var table = PlanTable(
                ["Name", "Capacity", "Times"],
                [0.32, 0.43, 0.25],
                people.Select(p => new[] { MinutesExportText.Clean(p.Name), MinutesExportText.Clean(p.Capacity), times(p) }).ToList());
            Heading(heading, keep: table.Lead);
            DrawTable(table);
        }

        /// <summary>A heading, kept on the same page as the first <paramref name="keep"/> points of what follows (by default three lines).</summary>
        private void Heading(string text, double extraSpace = 0, double? keep = null)
        {
            if (y > Margin + 0.01)
            {
                y += 12 + extraSpace;
            }

            var lines = Wrap([new TextRun(text, true)], ContentWidth, 12.5);
            KeepTogether(lines.Count * LineHeight(12.5) + 3 + (keep ?? LineHeight(10) * 3));
            foreach (var line in lines)
            {
                DrawLine(line, Margin, y, 12.5, NhsBlue);
                y += LineHeight(12.5);
            }

            y += 3;
        }

        private void Paragraph(IReadOnlyList<TextRun> runs, double size)
        {
            Lines(runs, size, ContentWidth, Margin, XColors.Black);
            y += size * 0.5;
        }

        private void Bullet(IReadOnlyList<TextRun> runs, double size)
        {
            const double indent = 16;
            var lines = Wrap(runs, ContentWidth - indent, size);
            for (var i = 0; i < lines.Count; i++)
            {
                EnsureRoom(LineHeight(size));
                if (i == 0)
                {
                    Draw(gfx, pdf.PageCount - 1, "•", Font(size, false), XBrushes.Black, Margin + 4, y);
                }

                DrawLine(lines[i], Margin + indent, y, size, XColors.Black);
                y += LineHeight(size);
            }

            y += size * 0.3;
        }

        /// <summary>Wrapped lines, each moved to a new page if it does not fit on this one.</summary>
        private void Lines(IReadOnlyList<TextRun> runs, double size, double width, double x, XColor colour)
        {
            foreach (var line in Wrap(runs, width, size))
            {
                EnsureRoom(LineHeight(size));
                DrawLine(line, x, y, size, colour);
                y += LineHeight(size);
            }
        }

        /// <summary>
        /// A table with a shaded header row, repeated at the top of each page the table runs onto. A row too tall for
        /// what is left of a page is split between lines, so no row is ever cut off.
        /// </summary>
        private TablePlan PlanTable(string[] headers, double[] widths, IReadOnlyList<string[]> rows)
        {
            var columns = widths.Select(w => w * ContentWidth).ToArray();
            var headerLines = headers.Select((h, i) => Wrap([new TextRun(h, true)], columns[i] - 2 * CellPadding, TableSize)).ToArray();
            var cells = rows.Select(row => columns.Select((width, i) => Wrap([new TextRun(i < row.Length ? row[i] : "", false)], width - 2 * CellPadding, TableSize)).ToArray()).ToList();

            // What must fit with the header row for the table to start on this page: its first row, or two lines of a
            // first row too tall for any page.
            var headerHeight = RowHeight(headerLines, TableSize);
            var perPage = (int)Math.Floor((Bottom - Margin - headerHeight - 2 * CellPadding) / LineHeight(TableSize));
            var firstLines = cells.Count == 0 ? 0 : Math.Max(1, MaxLines(cells[0]));
            var lead = headerHeight + (firstLines <= perPage ? firstLines : 2) * LineHeight(TableSize) + 2 * CellPadding;
            return new TablePlan(columns, headerLines, cells, perPage, lead);
        }

        private void DrawTable(TablePlan table)
        {
            const double size = TableSize;
            var columns = table.Columns;
            var headerLines = table.Header;
            var perPage = table.LinesPerPage;

            KeepTogether(table.Lead);
            DrawRow(headerLines, columns, size, HeaderFill, 0, MaxLines(headerLines));

            // Where rows start on a fresh page: a row too tall to fit even there is split rather than moved on for ever.
            var firstRowTop = Margin + RowHeight(headerLines, size);
            foreach (var cells in table.Rows)
            {
                var total = Math.Max(1, MaxLines(cells));
                var start = 0;
                while (start < total)
                {
                    var fit = (int)Math.Floor((Bottom - y - 2 * CellPadding) / LineHeight(size));
                    var wanted = total - start;

                    // A row that fits on a page is not split: it moves whole to the next page. Only a row taller than a
                    // page is split between its lines.
                    var atTop = Math.Abs(y - firstRowTop) < 0.01;
                    if (fit < 1 || (start == 0 && fit < wanted && !atTop && (total <= perPage || fit < 2)))
                    {
                        NewPage();
                        DrawRow(headerLines, columns, size, HeaderFill, 0, MaxLines(headerLines));
                        continue;
                    }

                    var take = Math.Min(fit, wanted);
                    DrawRow(cells, columns, size, null, start, take);
                    start += take;
                    if (start < total)
                    {
                        NewPage();
                        DrawRow(headerLines, columns, size, HeaderFill, 0, MaxLines(headerLines));
                    }
                }
            }

            y += 8;
        }

        private void DrawRow(List<Line>[] cells, double[] columns, double size, XColor? fill, int start, int count)
        {
            var height = count * LineHeight(size) + 2 * CellPadding;
            var pen = new XPen(Border, 0.5);
            var x = Margin;
            for (var c = 0; c < cells.Length; c++)
            {
                var rect = new XRect(x, y, columns[c], height);
                if (fill is { } colour)
                {
                    gfx.DrawRectangle(pen, new XSolidBrush(colour), rect);
                }
                else
                {
                    gfx.DrawRectangle(pen, rect);
                }

                var lineY = y + CellPadding;
                for (var i = start; i < start + count && i < cells[c].Count; i++)
                {
                    DrawLine(cells[c][i], x + CellPadding, lineY, size, XColors.Black);
                    lineY += LineHeight(size);
                }

                x += columns[c];
            }

            y += height;
        }

        private static int MaxLines(List<Line>[] cells) => cells.Max(c => c.Count);

        private static double RowHeight(List<Line>[] cells, double size) => Math.Max(1, MaxLines(cells)) * LineHeight(size) + 2 * CellPadding;

        private static double LineHeight(double size) => size * 1.35;

        private void DrawLine(Line line, double x, double top, double size, XColor colour)
        {
            var brush = new XSolidBrush(colour);
            foreach (var piece in line.Pieces)
            {
                Draw(gfx, pdf.PageCount - 1, piece.Text, Font(size, piece.Bold), brush, x + piece.X, top);
            }
        }

        private void Draw(XGraphics g, int pageIndex, string text, XFont font, XBrush brush, double x, double top)
        {
            g.DrawString(text, font, brush, new XPoint(x, top), XStringFormats.TopLeft);
            if (drawn is not null)
            {
                var size = g.MeasureString(text, font);
                drawn.Add(new DrawnText(pageIndex, text, x, top, size.Width, size.Height));
            }
        }

        /// <summary>Breaks runs of text into lines no wider than <paramref name="width"/>; "\n" forces a break.</summary>
        private List<Line> Wrap(IReadOnlyList<TextRun> runs, double width, double size)
        {
            var lines = new List<Line>();
            var current = new Line();
            var spaceBefore = false;

            void Add(string word, bool bold, bool space)
            {
                var font = Font(size, bold);
                var wordWidth = gfx.MeasureString(word, font).Width;
                var gap = space && current.Width > 0 ? gfx.MeasureString(" ", font).Width : 0;
                if (current.Width > 0 && current.Width + gap + wordWidth > width)
                {
                    lines.Add(current);
                    current = new Line();
                    gap = 0;
                }

                if (wordWidth > width && word.IndexOf('-', 1) is > 0 and var hyphen && hyphen < word.Length - 1)
                {
                    // "Surname-Longername" breaks after its hyphen before it breaks anywhere else.
                    Add(word[..(hyphen + 1)], bold, space);
                    Add(word[(hyphen + 1)..], bold, false);
                    return;
                }

                if (wordWidth > width)
                {
                    // A word wider than the column (a long URL): break it wherever it must.
                    var piece = new StringBuilder();
                    foreach (var c in word)
                    {
                        if (piece.Length > 0 && gfx.MeasureString(piece.ToString() + c, font).Width > width - current.Width)
                        {
                            current.Append(piece.ToString(), bold, 0, gfx.MeasureString(piece.ToString(), font).Width);
                            lines.Add(current);
                            current = new Line();
                            piece.Clear();
                        }

                        piece.Append(c);
                    }

                    current.Append(piece.ToString(), bold, gap, gfx.MeasureString(piece.ToString(), font).Width);
                    return;
                }

                current.Append(word, bold, gap, wordWidth);
            }

            foreach (var run in runs)
            {
                var segments = run.Text.Split('\n');
                for (var s = 0; s < segments.Length; s++)
                {
                    if (s > 0)
                    {
                        lines.Add(current);
                        current = new Line();
                        spaceBefore = false;
                    }

                    var segment = segments[s];
                    if (segment.Length > 0 && char.IsWhiteSpace(segment[0]))
                    {
                        spaceBefore = true;
                    }

                    foreach (var word in segment.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    {
                        Add(word, run.Bold, spaceBefore);
                        spaceBefore = true;
                    }

                    spaceBefore = segment.Length > 0 ? char.IsWhiteSpace(segment[^1]) : spaceBefore;
                }
            }

            if (current.Pieces.Count > 0 || lines.Count == 0)
            {
                lines.Add(current);
            }

            return lines;
        }

        private XFont Font(double size, bool bold)
        {
            if (!fonts.TryGetValue((size, bold), out var font))
            {
                font = new XFont(MinutesFontResolver.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, unicode);
                fonts[(size, bold)] = font;
            }

            return font;
        }

        private void KeepTogether(double height)
        {
            if (y + height > Bottom && y > Margin + 1)
            {
                NewPage();
            }
        }

        private void EnsureRoom(double height)
        {
            if (y + height > Bottom)
            {
                NewPage();
            }
        }

        private void NewPage()
        {
            gfx?.Dispose();
            page = pdf.AddPage();
            page.Size = PageSize.A4;
            gfx = XGraphics.FromPdfPage(page);
            y = Margin;
        }
    }

    private sealed class Line
    {
        public List<Piece> Pieces { get; } = [];

        public double Width { get; private set; }

        /// <summary>Adds a word after a gap, joining it to the last piece when the weight is the same.</summary>
        public void Append(string text, bool bold, double gap, double width)
        {
            if (Pieces.Count > 0 && Pieces[^1].Bold == bold)
            {
                var last = Pieces[^1];
                Pieces[^1] = last with { Text = last.Text + (gap > 0 ? " " : "") + text };
            }
            else
            {
                Pieces.Add(new Piece(text, bold, Width + gap));
            }

            Width += gap + width;
        }
    }

    private sealed record Piece(string Text, bool Bold, double X);

    /// <summary>A table wrapped and ready to draw; <c>Lead</c> is the height that must fit for it to start on a page.</summary>
    private sealed record TablePlan(double[] Columns, List<Line>[] Header, List<List<Line>[]> Rows, int LinesPerPage, double Lead);
}

/// <summary>
/// A string the PDF renderer drew: on which page (from 0), where its top left is, and its size, in points, before it was
/// turned by <paramref name="Angle"/> degrees about its centre (0 for all but a draft's watermark).
/// </summary>
internal sealed record DrawnText(int Page, string Text, double X, double Y, double Width, double Height, double Angle = 0);
