using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CoCommissioning.Domain.Meetings;
using CoCommissioning.Web.Features.Meetings;
using CoCommissioning.Web.Features.Minutes.Export;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace CoCommissioning.Web.Features.MeetingPack;

/// <summary>A built pack: the PDF and how many pages it has.</summary>
public sealed record BuiltPack(byte[] Bytes, int PageCount);

/// <summary>
/// Builds a meeting pack as one A4 PDF from its plan (<see cref="MeetingPackPlanner"/>): a cover page, the agenda
/// (each item with its purpose, presenter and papers, and the page each paper starts on), then every paper in agenda
/// order. A PDF paper's pages are merged in; any other paper, and a PDF that is password-protected or cannot be read,
/// gets one page naming the file and saying it is attached separately, so no paper can break the pack. The outline
/// has the cover, the agenda and one bookmark per item with one per paper under it; every page carries "Page n of N"
/// and, in the private pack, "CONFIDENTIAL" at its head and foot.
/// </summary>
public sealed class MeetingPackRenderer
{
    private const double Margin = 56.7; // 2 cm
    private const double FooterTop = 30; // the footer's baseline band, this far above the foot of the page

    private static readonly XColor NhsBlue = XColor.FromArgb(0x00, 0x5E, 0xB8);
    private static readonly XColor DarkGrey = XColor.FromArgb(0x42, 0x55, 0x63);
    private static readonly XColor PrivateRed = XColor.FromArgb(0xB0, 0x1E, 0x2E);
    private static readonly XColor Rule = XColor.FromArgb(0xAE, 0xB7, 0xBD);
    private static readonly XColor HeaderFill = XColor.FromArgb(0xE8, 0xED, 0xEE);

    /// <summary>What the private pack says on every page.</summary>
    public const string ConfidentialLine = "CONFIDENTIAL — private part: not for publication";

    /// <summary>The font every page of the pack's own is set in (embedded; see <see cref="MinutesFontResolver"/>).</summary>
    public const string FontFamily = MinutesFontResolver.Family;

    /// <summary>Makes PDFsharp find <see cref="FontFamily"/>: for code drawing its own PDFs in this process (tests, benchmarks).</summary>
    public static void EnsureFonts() => MinutesFontResolver.EnsureRegistered();

    public BuiltPack Render(PackPlan plan, IReadOnlyDictionary<Guid, byte[]> contents)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(contents);
        MinutesFontResolver.EnsureRegistered();

        // Read every paper first: the agenda names the page each paper starts on.
        var papers = plan.Items.SelectMany(i => i.Papers).Select(p => Open(p, contents)).ToList();
        try
        {
            using var pdf = new PdfDocument();
            var meeting = plan.Meeting;
            pdf.Info.Title = $"{MinutesExportText.Clean(meeting.CommitteeName)} — meeting pack, {MinutesExportText.MeetingDate(meeting.StartsAt)} ({PartName(plan.Part).ToLowerInvariant()})";
            pdf.Info.Author = MinutesExportText.Clean(meeting.OrganisationName);
            pdf.Info.Subject = PartName(plan.Part);
            pdf.Info.Creator = "CoCommissioning";
            pdf.Info.CreationDate = meeting.StartsAt.UtcDateTime;
            pdf.Info.ModificationDate = meeting.StartsAt.UtcDateTime;
            pdf.Options.CompressContentStreams = true;
            var id = new Guid(Convert.FromHexString(plan.Fingerprint).AsSpan(0, 16)).ToString("B").ToUpperInvariant();
            pdf.Internals.FirstDocumentID = id;
            pdf.Internals.SecondDocumentID = id;

            var cover = new Writer(pdf, plan.Part);
            cover.Cover(plan);

            // The agenda is laid out once on a scratch document to learn how many pages it takes, then for real.
            int agendaPages;
            using (var scratch = new PdfDocument())
            {
                var measure = new Writer(scratch, plan.Part);
                measure.Agenda(plan, papers.ToDictionary(p => p.Planned.Paper.Id, _ => 999));
                agendaPages = scratch.PageCount;
            }

            var startPages = new Dictionary<Guid, int>();
            var next = 1 + agendaPages + 1;
            foreach (var paper in papers)
            {
                startPages[paper.Planned.Paper.Id] = next;
                next += paper.PageCount;
            }

            var agendaStart = pdf.PageCount;
            var agenda = new Writer(pdf, plan.Part);
            agenda.Agenda(plan, startPages);
            var agendaPage = pdf.Pages[agendaStart];

            pdf.Outlines.Add(PackPlan.CoverBookmark, pdf.Pages[0], true);
            pdf.Outlines.Add(PackPlan.AgendaBookmark, agendaPage, true);
            var byPaper = papers.ToDictionary(p => p.Planned.Paper.Id);
            foreach (var item in plan.Items)
            {
                var first = pdf.PageCount;
                var paperPages = new List<(PlannedPaper Paper, PdfPage Page)>();
                foreach (var planned in item.Papers)
                {
                    var opened = byPaper[planned.Paper.Id];
                    var start = pdf.PageCount;
                    if (opened.Document is { } document)
                    {
                        foreach (var page in document.Pages)
                        {
                            pdf.AddPage(page);
                        }
                    }
                    else
                    {
                        new Writer(pdf, plan.Part).Placeholder(item, planned, opened.Problem!);
                    }

                    paperPages.Add((planned, pdf.Pages[start]));
                }

                // An item without papers is found on the agenda.
                var outline = pdf.Outlines.Add(MinutesExportText.Clean(item.Bookmark), pdf.PageCount > first ? pdf.Pages[first] : agendaPage, true);
                foreach (var (paper, page) in paperPages)
                {
                    outline.Outlines.Add(MinutesExportText.Clean(paper.Bookmark), page, false);
                }
            }

            Stamp(pdf, plan);
            var pageCount = pdf.PageCount;
            using var buffer = new MemoryStream();
            pdf.Save(buffer, false);
            return new BuiltPack(buffer.ToArray(), pageCount);
        }
        finally
        {
            foreach (var paper in papers)
            {
                paper.Document?.Dispose();
            }
        }
    }

    public static string PartName(PackPart part) => part == PackPart.Private ? "Private part" : "Public part";

    /// <summary>A paper ready to merge (its document) or the reason it cannot be (one placeholder page).</summary>
    private sealed record OpenedPaper(PlannedPaper Planned, PdfDocument? Document, string? Problem)
    {
        public int PageCount => Document?.PageCount ?? 1;
    }

    private static OpenedPaper Open(PlannedPaper paper, IReadOnlyDictionary<Guid, byte[]> contents)
    {
        if (!contents.TryGetValue(paper.Paper.Id, out var bytes))
        {
            return new OpenedPaper(paper, null, "Its file was not available when this pack was made.");
        }

        if (!paper.Merged)
        {
            return new OpenedPaper(paper, null, $"It is {KindOf(paper.Paper.FileName)}, which cannot be included in this PDF.");
        }

        try
        {
            var document = PdfReader.Open(new MemoryStream(bytes, writable: false), PdfDocumentOpenMode.Import);
            if (document.PageCount > 0)
            {
                return new OpenedPaper(paper, document, null);
            }

            document.Dispose();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A PDF that is password-protected, damaged or beyond what the reader handles: never the whole pack's failure.
            return new OpenedPaper(paper, null, IsEncrypted(bytes)
                ? "It is a password-protected PDF, which cannot be included in this pack."
                : "It is a PDF that could not be read, so it cannot be included in this pack.");
        }

        return new OpenedPaper(paper, null, "It is a PDF with no pages, so there is nothing to include.");
    }

    private static bool IsEncrypted(byte[] bytes) => bytes.AsSpan().IndexOf("/Encrypt"u8) >= 0;

    /// <summary>"a Word document (report.docx, 120 KB)".</summary>
    private static string KindOf(string fileName) => Path.GetExtension(fileName).TrimStart('.').ToUpperInvariant() switch
    {
        "DOCX" => "a Word document",
        "XLSX" => "an Excel workbook",
        "PPTX" => "a PowerPoint presentation",
        "ODT" => "an OpenDocument text document",
        "CSV" => "a CSV file",
        "PNG" => "a PNG image",
        "JPG" or "JPEG" => "a JPEG image",
        "PDF" => "a PDF",
        _ => "a file",
    };

    /// <summary>"Page n of N" and the pack's name at the foot of every page, on a white band so it reads over any paper; in the private pack, "CONFIDENTIAL" at the head too.</summary>
    private static void Stamp(PdfDocument pdf, PackPlan plan)
    {
        var font = new XFont(MinutesFontResolver.Family, 8, XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));
        var bold = new XFont(MinutesFontResolver.Family, 8, XFontStyleEx.Bold, new XPdfFontOptions(PdfFontEncoding.Unicode));
        var confidential = plan.Part == PackPart.Private;
        var title = $"{MinutesExportText.Clean(plan.Meeting.CommitteeName)}, {MinutesExportText.MeetingDate(plan.Meeting.StartsAt)}";
        for (var i = 0; i < pdf.PageCount; i++)
        {
            var page = pdf.Pages[i];
            using var g = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var (width, height) = Upright(g, page);
            var number = $"Page {i + 1} of {pdf.PageCount}";
            var part = confidential ? ConfidentialLine : PartName(plan.Part);
            var numberWidth = g.MeasureString(number, font).Width;
            var partWidth = g.MeasureString(part, bold).Width;
            var room = width - 2 * Margin - numberWidth - partWidth - 24;
            var name = MinutesPdfRenderer.Fit(g, " · " + title, font, room);
            var top = height - FooterTop;

            // One band across the foot, as high as a line: readable over a paper that prints to its edge.
            var left = Math.Max(6, Margin - 4);
            g.DrawRectangle(XBrushes.White, new XRect(left, top - 3, width - 2 * left, 14));
            g.DrawString(part, bold, new XSolidBrush(confidential ? PrivateRed : DarkGrey), new XPoint(Margin, top), XStringFormats.TopLeft);
            g.DrawString(name, font, new XSolidBrush(DarkGrey), new XPoint(Margin + partWidth, top), XStringFormats.TopLeft);
            g.DrawString(number, font, new XSolidBrush(DarkGrey), new XPoint(width - Margin - numberWidth, top), XStringFormats.TopLeft);

            if (confidential)
            {
                var headWidth = g.MeasureString(ConfidentialLine, bold).Width;
                g.DrawRectangle(XBrushes.White, new XRect((width - headWidth) / 2 - 4, 14, headWidth + 8, 14));
                g.DrawString(ConfidentialLine, bold, new XSolidBrush(PrivateRed), new XPoint((width - headWidth) / 2, 17), XStringFormats.TopLeft);
            }
        }
    }

    /// <summary>
    /// A paper's page may be turned for display (/Rotate 90, 180 or 270): draws from here on in the page as a reader
    /// sees it, so the stamp sits at its foot, upright. Returns the width and height as seen.
    /// </summary>
    private static (double Width, double Height) Upright(XGraphics g, PdfPage page)
    {
        var (w, h) = (g.PageSize.Width, g.PageSize.Height);
        switch (((page.Rotate % 360) + 360) % 360)
        {
            case 90:
                g.MultiplyTransform(new XMatrix(0, -1, 1, 0, 0, h));
                return (h, w);
            case 180:
                g.MultiplyTransform(new XMatrix(-1, 0, 0, -1, w, h));
                return (w, h);
            case 270:
                g.MultiplyTransform(new XMatrix(0, 1, -1, 0, w, 0));
                return (h, w);
            default:
                return (w, h);
        }
    }

    /// <summary>Lays out the pack's own pages (cover, agenda, placeholders) on A4, a page at a time.</summary>
    private sealed class Writer
    {
        private const double FooterRoom = 44;
        private const double Padding = 4;

        private readonly PdfDocument pdf;
        private readonly PackPart part;
        private readonly XPdfFontOptions unicode = new(PdfFontEncoding.Unicode);
        private readonly Dictionary<(double Size, bool Bold), XFont> fonts = [];
        private XGraphics? gfx;
        private double y;

        public Writer(PdfDocument pdf, PackPart part)
        {
            this.pdf = pdf;
            this.part = part;
        }

        private XGraphics G => gfx ?? throw new InvalidOperationException("No page has been started.");

        private static double Width => PageSizeWidth - 2 * Margin;

        private static double PageSizeWidth => XUnit.FromMillimeter(210).Point;

        private static double Bottom => XUnit.FromMillimeter(297).Point - Margin - FooterRoom + 20;

        public void Cover(PackPlan plan)
        {
            var meeting = plan.Meeting;
            NewPage();
            y = Margin + 60;
            Text(meeting.OrganisationName, 12, true, NhsBlue);
            y += 10;
            Text(meeting.CommitteeName, 24, true, XColors.Black);
            var title = MinutesExportText.Clean(meeting.MeetingTitle).Trim();
            if (title.Length > 0 && !string.Equals(title, meeting.CommitteeName.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                y += 4;
                Text(title, 15, false, DarkGrey);
            }

            y += 24;
            Text("Meeting pack", 18, true, XColors.Black);
            y += 4;
            Text(PartName(part), 15, true, part == PackPart.Private ? PrivateRed : NhsBlue);
            y += 20;
            G.DrawLine(new XPen(NhsBlue, 1.5), Margin, y, Margin + Width, y);
            y += 14;
            Label("Date and time", MeetingLabels.When(meeting.StartsAt) + " (UK time)");
            Label("Venue", string.IsNullOrWhiteSpace(meeting.Venue) ? "To be confirmed: see the meeting's page" : meeting.Venue!);
            Label("Contents", Contents(plan));
            y += 14;
            if (part == PackPart.Private)
            {
                Text("CONFIDENTIAL", 14, true, PrivateRed);
                y += 4;
                Text(
                    "This pack holds the private part of the meeting, from which the public is excluded by a resolution under the " +
                    "Public Bodies (Admission to Meetings) Act 1960, and any confidential papers of public items. It is for the " +
                    "committee's members and those in attendance only: do not publish, forward or share it.", 10.5, false, XColors.Black);
            }
            else
            {
                Text(
                    "This pack holds the public part of the meeting: the public items of the agenda and their published papers. " +
                    "Items taken in private, and confidential papers, are not included.", 10.5, false, XColors.Black);
            }

            y += 8;
            Text(
                "Papers that are not PDFs (Word, Excel and other files) are listed on the agenda and attached separately: download " +
                "them from the meeting's page. Use the bookmarks to go to an item or a paper.", 10.5, false, DarkGrey);
            Close();
        }

        public void Agenda(PackPlan plan, Dictionary<Guid, int> startPages)
        {
            NewPage();
            Text("Agenda", 18, true, XColors.Black);
            Text($"{MinutesExportText.Clean(plan.Meeting.CommitteeName)}, {MeetingLabels.When(plan.Meeting.StartsAt)} · {PartName(part)}", 10.5, false, part == PackPart.Private ? PrivateRed : DarkGrey);
            y += 10;
            if (plan.Items.Count == 0)
            {
                Text(part == PackPart.Private ? "There are no items in the private part of this meeting." : "There are no items in the public part of this meeting.", 11, false, XColors.Black);
                Close();
                return;
            }

            double[] columns = [42, Width - 42 - 92 - 110, 92, 110];
            Row(columns, [[new Line("Item", true)], [new Line("Title and papers", true)], [new Line("Purpose", true)], [new Line("Presenter", true)]], HeaderFill, header: true);
            foreach (var item in plan.Items)
            {
                var body = new List<Line>();
                body.AddRange(Wrap(item.Item.Title + (item.ConfidentialPapersOnly ? " (a public item: its confidential papers)" : ""), columns[1] - 2 * Padding, 10, true));
                foreach (var paper in item.Papers)
                {
                    var where = startPages.TryGetValue(paper.Paper.Id, out var page) ? page : 0;
                    var note = paper.Merged ? $"page {where}" : $"{Path.GetFileName(paper.Paper.FileName)}, attached separately (note on page {where})";
                    body.AddRange(Wrap($"• {paper.Paper.Title} — {note}", columns[1] - 2 * Padding, 9, false));
                }

                if (item.Papers.Count == 0)
                {
                    body.AddRange(Wrap("No papers.", columns[1] - 2 * Padding, 9, false));
                }

                Row(columns, [
                    [new Line(MinutesExportText.Clean(item.Item.Number), true)],
                    body,
                    Wrap(MeetingLabels.Of(item.Item.Purpose), columns[2] - 2 * Padding, 9.5, false),
                    Wrap(string.IsNullOrWhiteSpace(item.Item.Presenter) ? "—" : item.Item.Presenter!, columns[3] - 2 * Padding, 9.5, false),
                ], null, header: false);
            }

            Close();
        }

        /// <summary>The page that stands in for a paper not merged in: which item and paper, which file, and why.</summary>
        public void Placeholder(PlannedItem item, PlannedPaper paper, string problem)
        {
            NewPage();
            y = Margin + 40;
            Text($"Item {item.Item.Number}: {item.Item.Title}", 11, true, DarkGrey);
            y += 8;
            Text(paper.Paper.Title, 18, true, XColors.Black);
            y += 16;
            Label("File", $"{Path.GetFileName(paper.Paper.FileName)} ({MeetingLabels.Size(paper.Paper.SizeBytes)})");
            y += 8;
            Text("Attached separately", 14, true, NhsBlue);
            y += 4;
            Text($"{problem} Download it from the meeting's page, where every paper is listed.", 11, false, XColors.Black);
            Close();
        }

        private static string Contents(PackPlan plan)
        {
            var items = plan.Items.Count;
            var papers = plan.PaperCount;
            var separate = plan.Items.Sum(i => i.Papers.Count(p => !p.Merged));
            var text = $"{items} agenda {(items == 1 ? "item" : "items")}, {papers} {(papers == 1 ? "paper" : "papers")}";
            return separate > 0 ? $"{text} ({separate} attached separately)" : text;
        }

        private void Label(string label, string value)
        {
            Text(label, 9, true, DarkGrey);
            Text(value, 11.5, false, XColors.Black);
            y += 8;
        }

        private void Text(string text, double size, bool bold, XColor colour)
        {
            foreach (var line in Wrap(text, Width, size, bold))
            {
                if (y + LineHeight(size) > Bottom)
                {
                    NewPage();
                }

                G.DrawString(line.Text, Font(size, bold), new XSolidBrush(colour), new XPoint(Margin, y), XStringFormats.TopLeft);
                y += LineHeight(size);
            }
        }

        /// <summary>A table row, broken across pages when it must be, the header row repeated on each new page.</summary>
        private void Row(double[] columns, List<Line>[] cells, XColor? fill, bool header)
        {
            var lines = cells.Max(c => c.Count);
            var done = 0;
            while (done < lines)
            {
                var room = (int)Math.Floor((Bottom - y - 2 * Padding) / LineHeight(9.5));
                if (room < Math.Min(2, lines - done) && y > Margin + 1)
                {
                    NewPage();
                    if (!header)
                    {
                        Row(columns, [[new Line("Item", true)], [new Line("Title and papers", true)], [new Line("Purpose", true)], [new Line("Presenter", true)]], HeaderFill, header: true);
                    }

                    continue;
                }

                var count = Math.Min(Math.Max(room, 1), lines - done);
                var height = cells.Max(c => c.Skip(done).Take(count).Sum(l => LineHeight(l.Size))) + 2 * Padding;
                var x = Margin;
                var pen = new XPen(Rule, 0.5);
                for (var c = 0; c < columns.Length; c++)
                {
                    G.DrawRectangle(pen, fill is { } colour ? new XSolidBrush(colour) : null, new XRect(x, y, columns[c], height));

                    var lineY = y + Padding;
                    foreach (var line in cells[c].Skip(done).Take(count))
                    {
                        G.DrawString(line.Text, Font(line.Size, line.Bold), XBrushes.Black, new XPoint(x + Padding, lineY), XStringFormats.TopLeft);
                        lineY += LineHeight(line.Size);
                    }

                    x += columns[c];
                }

                y += height;
                done += count;
            }
        }

        private List<Line> Wrap(string text, double width, double size, bool bold)
        {
            var font = Font(size, bold);
            var measure = gfx ?? Measurer;
            var lines = new List<Line>();
            foreach (var paragraph in MinutesExportText.Clean(text).Split('\n'))
            {
                var current = new StringBuilder();
                foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    var candidate = current.Length == 0 ? word : current + " " + word;
                    if (current.Length > 0 && measure.MeasureString(candidate, font).Width > width)
                    {
                        lines.Add(new Line(current.ToString(), bold, size));
                        current.Clear().Append(word);
                    }
                    else
                    {
                        current.Clear().Append(candidate);
                    }

                    // A word wider than the column (a long file name) is cut where it must be.
                    while (measure.MeasureString(current.ToString(), font).Width > width && current.Length > 1)
                    {
                        var cut = current.Length - 1;
                        while (cut > 1 && measure.MeasureString(current.ToString(0, cut), font).Width > width)
                        {
                            cut--;
                        }

                        lines.Add(new Line(current.ToString(0, cut), bold, size));
                        current.Remove(0, cut);
                    }
                }

                lines.Add(new Line(current.ToString(), bold, size));
            }

            return lines;
        }

        private static XGraphics Measurer => MeasureContext.Value!;

        private static readonly ThreadLocal<XGraphics> MeasureContext = new(() => XGraphics.CreateMeasureContext(new XSize(595, 842), XGraphicsUnit.Point, XPageDirection.Downwards));

        private static double LineHeight(double size) => size * 1.35;

        private XFont Font(double size, bool bold)
        {
            if (!fonts.TryGetValue((size, bold), out var font))
            {
                font = new XFont(MinutesFontResolver.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, unicode);
                fonts[(size, bold)] = font;
            }

            return font;
        }

        private void NewPage()
        {
            gfx?.Dispose();
            var page = pdf.AddPage();
            page.Size = PageSize.A4;
            gfx = XGraphics.FromPdfPage(page);
            y = Margin;
        }

        private void Close()
        {
            gfx?.Dispose();
            gfx = null;
        }

        private sealed record Line(string Text, bool Bold, double Size = 9.5);
    }
}
