using System.Text;
using CoCommissioning.Domain.Minutes;
using CoCommissioning.Web.Features.Minutes.Export;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using PdfSharp.Pdf.IO;

namespace CoCommissioning.Web.Tests.Minutes;

public sealed class MinutesExportTests
{
    private const double A4Width = 595.28;
    private const double A4Height = 841.89;

    [Fact]
    public void Pdf_is_a_multi_page_A4_document_with_every_item_and_page_numbers()
    {
        var document = MinutesSample.Build();
        var drawn = new List<DrawnText>();
        using var stream = new MemoryStream();
        MinutesPdfRenderer.RenderTraced(document, stream, drawn);
        var bytes = stream.ToArray();

        Encoding.ASCII.GetString(bytes, 0, 5).Should().Be("%PDF-");
        stream.Position = 0;
        using var pdf = PdfReader.Open(new MemoryStream(bytes), PdfDocumentOpenMode.Import);
        pdf.PageCount.Should().BeGreaterThan(1);
        pdf.Pages.Cast<PdfSharp.Pdf.PdfPage>().Should().OnlyContain(p => Math.Abs(p.Width.Point - A4Width) < 1 && Math.Abs(p.Height.Point - A4Height) < 1);

        var text = string.Join("\n", drawn.Select(d => d.Text));
        foreach (var item in document.Items)
        {
            // Headings wrap, so look for the start of the title.
            text.Should().Contain($"{item.Number}. Item title number {int.Parse(item.Number, System.Globalization.CultureInfo.InvariantCulture):00}");
        }

        text.Should().Contain("Minutes of the meeting held on 26 November 2026 at 10:00");
        text.Should().Contain("Public part");
        text.Should().Contain("Draft, version 1");
        foreach (var heading in new[] { "Present", "Apologies", "In attendance", "Declarations of interest", "Actions arising" })
        {
            drawn.Should().Contain(d => d.Text == heading);
        }

        for (var page = 0; page < pdf.PageCount; page++)
        {
            drawn.Should().ContainSingle(d => d.Page == page && d.Text == $"Page {page + 1} of {pdf.PageCount}");
        }
    }

    [Fact]
    public void Pdf_text_stays_on_the_page_and_no_page_is_empty()
    {
        var drawn = new List<DrawnText>();
        var document = MinutesSample.Build() with
        {
            Items = [.. MinutesSample.Build().Items, new MinutesItem(Guid.NewGuid(), "21", "A very long URL", "For information", null, null,
                "https://example.org/" + new string('a', 400) + "\n\n" + string.Join(" ", Enumerable.Repeat("word", 2000)), null, [])],
        };
        using var stream = new MemoryStream();
        MinutesPdfRenderer.RenderTraced(document, stream, drawn);

        // The draft's watermark is turned across the page, behind the text: the lines of text are what must fit.
        var lines = drawn.Where(d => d.Angle == 0).ToList();
        lines.Should().OnlyContain(d => d.X >= 56 && d.X + d.Width <= A4Width - 56.7 + 0.5, "text must stay inside the side margins");
        lines.Should().OnlyContain(d => d.Y >= 56 && d.Y + d.Height <= A4Height - 20, "text must stay on the page");
        var pages = lines.Max(d => d.Page) + 1;
        for (var page = 0; page < pages; page++)
        {
            lines.Count(d => d.Page == page && !d.Text.StartsWith("Page ", StringComparison.Ordinal)).Should().BeGreaterThan(2, $"page {page + 1} should have content");
        }
    }

    [Fact]
    public void Pdf_repeats_the_header_row_when_a_table_runs_onto_another_page()
    {
        var many = Enumerable.Range(1, 80).Select(i => new AttendeeLine($"Person {i}", "Member", null)).ToList();
        var document = MinutesSample.Build(1) with { Present = many };
        var drawn = new List<DrawnText>();
        MinutesPdfRenderer.RenderTraced(document, new MemoryStream(), drawn);

        var pagesWithPeople = drawn.Where(d => d.Text.StartsWith("Person ", StringComparison.Ordinal)).Select(d => d.Page).Distinct().ToList();
        pagesWithPeople.Should().HaveCountGreaterThan(1);
        foreach (var page in pagesWithPeople)
        {
            drawn.Should().Contain(d => d.Page == page && d.Text == "Capacity", $"page {page + 1} should repeat the table's header row");
        }
    }

    [Fact]
    public void Pdf_is_the_same_each_time_and_marks_the_private_part()
    {
        var document = MinutesSample.Build(3, MinutesPart.Private);
        var renderer = new MinutesPdfRenderer();
        var drawn = new List<DrawnText>();
        var first = renderer.Render(document);
        MinutesPdfRenderer.RenderTraced(document, new MemoryStream(), drawn);

        renderer.Render(document).Should().Equal(first);
        drawn.Should().Contain(d => d.Text == "Private part — not for publication");
        drawn.Should().Contain(d => d.Text == "Resolution excluding the public");
    }

    [Fact]
    public void Pdf_of_a_draft_has_a_diagonal_watermark_on_every_page_and_stays_the_same_each_time()
    {
        var document = MinutesSample.Build();
        var drawn = new List<DrawnText>();
        MinutesPdfRenderer.RenderTraced(document, new MemoryStream(), drawn);

        var pages = drawn.Max(d => d.Page) + 1;
        pages.Should().BeGreaterThan(1);
        var watermarks = drawn.Where(d => d.Text == "DRAFT").ToList();
        watermarks.Select(d => d.Page).Should().Equal(Enumerable.Range(0, pages), "one watermark a page");
        watermarks.Should().OnlyContain(d => d.Angle < -45 && d.Angle > -60, "it rises from the bottom left to the top right");
        watermarks.Should().OnlyContain(d => d.Width > A4Width / 2 && Math.Abs(d.X + d.Width / 2 - A4Width / 2) < 1 && Math.Abs(d.Y + d.Height / 2 - A4Height / 2) < 1, "large and centred");
        var renderer = new MinutesPdfRenderer();
        renderer.Render(document).Should().Equal(renderer.Render(document));
    }

    [Fact]
    public void Pdf_of_approved_minutes_has_no_watermark()
    {
        var drawn = new List<DrawnText>();
        MinutesPdfRenderer.RenderTraced(MinutesSample.Build(3) with { Status = "Approved" }, new MemoryStream(), drawn);

        drawn.Should().NotContain(d => d.Text == "DRAFT" || d.Angle != 0);
    }

    [Theory]
    [InlineData(MinutesPart.Private, null, 0)]
    [InlineData(MinutesPart.Public, null, 3)]
    [InlineData(MinutesPart.Public, 2, 2)]
    public void Pdf_puts_the_resolution_excluding_the_public_where_it_was_passed_among_the_items(MinutesPart part, int? recorded, int itemsBefore)
    {
        var document = WithExclusion(MinutesSample.Build(3, part), recorded);
        var drawn = new List<DrawnText>();
        MinutesPdfRenderer.RenderTraced(document, new MemoryStream(), drawn);

        var order = drawn.Select(d => d.Text).Where(t => t == "Resolution excluding the public" || IsItemHeading(t)).ToList();
        order.FindIndex(t => t == "Resolution excluding the public").Should().Be(itemsBefore);
        var words = ExclusionWords(part)[..20];
        drawn.Should().Contain(d => d.Text.StartsWith(words, StringComparison.Ordinal));
    }

    [Fact]
    public void Pdf_and_Word_show_Throughout_for_someone_present_with_no_times_in_minutes_approved_earlier()
    {
        var document = MinutesSample.Build(1) with { Status = "Approved", Present = [new AttendeeLine("Helen Carter", "Chair", null)], InAttendance = [new AttendeeLine("Tom Reed", "Guest", null)] };
        var drawn = new List<DrawnText>();
        MinutesPdfRenderer.RenderTraced(document, new MemoryStream(), drawn);
        using var word = WordprocessingDocument.Open(new MemoryStream(new MinutesWordRenderer().Render(document)), false);
        var tables = word.MainDocumentPart!.Document!.Body!.Elements<Table>().ToList();

        drawn.Count(d => d.Text == "Throughout").Should().Be(1, "the member present, not the guest, whose times the record does not keep");
        tables[0].Elements<TableRow>().Last().InnerText.Should().Be("Helen CarterChairThroughout");
        tables[1].Elements<TableRow>().Last().InnerText.Should().Be("Tom ReedGuest");
    }

    [Fact]
    public void Word_document_has_headings_tables_page_fields_and_every_item()
    {
        var document = MinutesSample.Build();
        var bytes = new MinutesWordRenderer().Render(document);

        using var word = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var main = word.MainDocumentPart!;
        var styles = main.StyleDefinitionsPart!.Styles!.Elements<Style>().Select(s => s.StyleId?.Value).ToList();
        styles.Should().Contain(["Heading1", "Heading2"]);

        var paragraphs = main.Document!.Body!.Descendants<Paragraph>().ToList();
        string? StyleOf(Paragraph p) => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
        var heading1 = paragraphs.Where(p => StyleOf(p) == "Heading1").Select(p => p.InnerText).ToList();
        heading1.Should().Equal("Present", "Apologies", "In attendance", "Declarations of interest");
        var heading2 = paragraphs.Where(p => StyleOf(p) == "Heading2").Select(p => p.InnerText).ToList();
        heading2.Should().Equal(document.Items.Select(i => $"{i.Number}. {i.Title}"));

        var tables = main.Document.Body.Elements<Table>().ToList();
        tables.Should().HaveCount(3 + document.Items.Count(i => i.Actions.Count > 0));
        tables.Should().OnlyContain(t => t.Elements<TableRow>().First().TableRowProperties!.GetFirstChild<TableHeader>() != null);
        tables[0].Elements<TableRow>().Should().HaveCount(1 + 15);

        var footer = main.FooterParts.Single().Footer!;
        var fields = footer.Descendants<SimpleField>().Select(f => f.Instruction!.Value!.Trim()).ToList();
        fields.Should().Equal("PAGE", "NUMPAGES");
        var section = main.Document.Body.Elements<SectionProperties>().Single();
        section.GetFirstChild<FooterReference>().Should().NotBeNull();

        // A draft: Word's own kind of watermark, in the header every page uses.
        var header = section.Elements<HeaderReference>().Should().ContainSingle().Subject;
        header.Type!.Value.Should().Be(HeaderFooterValues.Default);
        var watermark = ((HeaderPart)main.GetPartById(header.Id!.Value!)).Header!.Descendants<DocumentFormat.OpenXml.Vml.Shape>().Should().ContainSingle().Subject;
        watermark.GetFirstChild<DocumentFormat.OpenXml.Vml.TextPath>()!.String!.Value.Should().Be("DRAFT");
        watermark.Style!.Value.Should().Contain("rotation:315").And.Contain("z-index:-");
        watermark.GetFirstChild<DocumentFormat.OpenXml.Vml.Fill>()!.Opacity!.Value.Should().Be(".5");
        section.Elements().TakeWhile(e => e is not PageSize).Should().AllSatisfy(e => e.Should().Match(x => x is HeaderReference || x is FooterReference));

        var bullets = paragraphs.Where(p => StyleOf(p) == "ListBullet").ToList();
        bullets.Should().Contain(p => p.InnerText.StartsWith("capacity in the smaller practices", StringComparison.Ordinal));
        paragraphs.Should().Contain(p => p.InnerText.Contains("Decision: the committee approved", StringComparison.Ordinal)
            && p.Descendants<Run>().All(r => r.RunProperties != null && r.RunProperties.Bold != null));
        paragraphs.Should().Contain(p => p.Descendants<Run>().Any(r => r.InnerText == "proposed changes" && r.RunProperties!.Bold != null), "**bold** in a narrative is bold");
        main.Document.Body.InnerText.Should().NotContain("**");

        // Word refuses a document that breaks the schema; the SDK's validator checks it the same way.
        new OpenXmlValidator(FileFormatVersions.Office2016).Validate(word).Select(e => $"{e.Path?.XPath}: {e.Description}").Should().BeEmpty();
    }

    [Fact]
    public void Word_private_part_is_marked_and_has_the_resolution_excluding_the_public()
    {
        var bytes = new MinutesWordRenderer().Render(MinutesSample.Build(2, MinutesPart.Private));

        using var word = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var main = word.MainDocumentPart!;
        var paragraphs = main.Document!.Body!.Descendants<Paragraph>().ToList();
        paragraphs.Should().Contain(p => p.InnerText == "Private part — not for publication");
        paragraphs.Should().Contain(p => p.InnerText == "Resolution excluding the public" && p.ParagraphProperties!.ParagraphStyleId!.Val!.Value == "Heading1");
        paragraphs.Should().Contain(p => p.InnerText.StartsWith("Resolved that representatives of the press", StringComparison.Ordinal));
        main.FooterParts.Single().Footer!.InnerText.Should().StartWith("Private part — not for publication");
    }

    [Theory]
    [InlineData(MinutesPart.Private, null, 0)]
    [InlineData(MinutesPart.Public, null, 3)]
    [InlineData(MinutesPart.Public, 1, 1)]
    public void Word_puts_the_resolution_excluding_the_public_where_it_was_passed_among_the_items(MinutesPart part, int? recorded, int itemsBefore)
    {
        var bytes = new MinutesWordRenderer().Render(WithExclusion(MinutesSample.Build(3, part), recorded));

        using var word = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var headings = word.MainDocumentPart!.Document!.Body!.Elements<Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value is "Heading1" or "Heading2").Select(p => p.InnerText).ToList();
        var items = headings.SkipWhile(h => h != "Declarations of interest").Skip(1).ToList();
        items.IndexOf("Resolution excluding the public").Should().Be(itemsBefore);
        items.Should().HaveCount(4);
    }

    [Fact]
    public void Word_of_approved_minutes_has_no_watermark_and_still_validates()
    {
        var bytes = new MinutesWordRenderer().Render(MinutesSample.Build(2) with { Status = "Approved" });

        using var word = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        word.MainDocumentPart!.HeaderParts.Should().BeEmpty();
        word.MainDocumentPart.Document!.Body!.Elements<SectionProperties>().Single().Elements<HeaderReference>().Should().BeEmpty();
        new OpenXmlValidator(FileFormatVersions.Office2016).Validate(word).Select(e => $"{e.Path?.XPath}: {e.Description}").Should().BeEmpty();
    }

    private static string ExclusionWords(MinutesPart part) => part == MinutesPart.Private
        ? "Resolved that representatives of the press and other members of the public be excluded from the remainder of this meeting."
        : "At 11:05 the committee resolved that the public be excluded from the remainder of the meeting.";

    /// <summary>The sample with a resolution in either part, placed as recorded (null: as in minutes approved before the place was recorded).</summary>
    private static MinutesDocument WithExclusion(MinutesDocument document, int? itemsBefore) =>
        document with { ExclusionResolution = ExclusionWords(document.Part), ExclusionAfterItems = itemsBefore };

    private static bool IsItemHeading(string text) => text.Length > 2 && char.IsDigit(text[0]) && text.Contains(". Item title", StringComparison.Ordinal);

    [Fact]
    public void Markup_in_a_narrative_is_literal_text_in_Word()
    {
        var bytes = new MinutesWordRenderer().Render(MinutesSample.Build(4));

        using var word = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var main = word.MainDocumentPart!;
        main.Document!.Body!.InnerText.Should().Contain("<script>alert('x')</script>").And.Contain("<b>raw html</b>");
        using var reader = new StreamReader(main.GetStream());
        var xml = reader.ReadToEnd();
        xml.Should().Contain("&lt;script&gt;").And.NotContain("<script").And.NotContain("<b>");
    }

    [Fact]
    public void Narrative_markdown_becomes_paragraphs_bullets_and_bold()
    {
        var blocks = MinutesExportText.Narrative("# Heading\n\nFirst line\nsame paragraph with **bold** and *em* and `code`.\n\n- one\n- two\n  continued\n\n[link](https://x.org) <i>tag</i>\n\n1. First\n2. Second\nmore");

        blocks.Select(b => (b.IsBullet, b.PlainText)).Should().Equal(
            (false, "Heading"),
            (false, "First line same paragraph with bold and em and code."),
            (true, "one"),
            (true, "two continued"),
            (false, "link (https://x.org) <i>tag</i>"),
            (false, "1. First"),
            (false, "2. Second more"));
        blocks[1].Runs.Should().Contain(new TextRun("bold", true));
    }

    /// <summary>
    /// Writes the samples to the temp folder for a person to open (pdftoppm, Word), and checks what a person would look
    /// for first: every page numbered, the private part marked, and the awkward cases (a table longer than a page, an
    /// unbreakable URL, a narrative of several pages) laid out over several pages with nothing drawn off the page.
    /// </summary>
    [Fact]
    public void Writes_the_sample_minutes_for_a_person_to_look_at()
    {
        var document = MinutesSample.Build();
        var publicPdf = RenderSample(document, "minutes-sample.pdf", out var publicDrawn);
        File.WriteAllBytes(Path.Combine(Path.GetTempPath(), "minutes-sample.docx"), new MinutesWordRenderer().Render(document));
        var privatePdf = RenderSample(MinutesSample.Build(3, MinutesPart.Private), "minutes-sample-private.pdf", out var privateDrawn);
        var stress = MinutesSample.Build(2) with
        {
            Present = Enumerable.Range(1, 60).Select(i => new AttendeeLine($"Person {i}", i % 7 == 0 ? string.Join(" ", Enumerable.Repeat("capacity", 40)) : "Member", null)).ToList(),
            Items = [.. MinutesSample.Build(2).Items, new MinutesItem(Guid.NewGuid(), "3", "A very long URL", "For information", null, null,
                "https://example.org/" + new string('a', 400) + "\n\n" + string.Join(" ", Enumerable.Repeat("word", 1500)), null, [])],
        };
        var stressPdf = RenderSample(stress, "minutes-stress.pdf", out var stressDrawn);

        foreach (var (pages, drawn) in new[] { (publicPdf, publicDrawn), (privatePdf, privateDrawn), (stressPdf, stressDrawn) })
        {
            Enumerable.Range(0, pages).Should().OnlyContain(page => drawn.Count(d => d.Page == page && d.Text == $"Page {page + 1} of {pages}") == 1);
            drawn.Where(d => d.Angle == 0).Should().OnlyContain(d => d.X >= 56 && d.X + d.Width <= A4Width - 56.7 + 0.5 && d.Y >= 56 && d.Y + d.Height <= A4Height - 20, "text stays inside the margins (the draft watermark is turned across the page, so it is left out)");
        }

        publicDrawn.Should().Contain(d => d.Text == "Public part");
        privateDrawn.Should().Contain(d => d.Text.Contains("Private part", StringComparison.Ordinal));
        stressPdf.Should().BeGreaterThan(3, "60 attendees and 1,500 words do not fit on three pages");
        stressDrawn.Should().Contain(d => d.Text == "Person 60");
        stressDrawn.Should().Contain(d => d.Text.StartsWith("https://example.org/aaa", StringComparison.Ordinal), "the long URL is drawn, broken over lines");
    }

    private static int RenderSample(MinutesDocument document, string fileName, out List<DrawnText> drawn)
    {
        drawn = [];
        using var stream = new MemoryStream();
        MinutesPdfRenderer.RenderTraced(document, stream, drawn);
        var bytes = stream.ToArray();
        File.WriteAllBytes(Path.Combine(Path.GetTempPath(), fileName), bytes);
        using var pdf = PdfReader.Open(new MemoryStream(bytes), PdfDocumentOpenMode.Import);
        return pdf.PageCount;
    }
}
