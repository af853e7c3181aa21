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
            text.Should().Contain($"{item.Number}. Item title number {item.Number:00}");
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
            Items = [.. MinutesSample.Build().Items, new MinutesItem(Guid.NewGuid(), 21, "A very long URL", "For information", null, null,
                "https://example.org/" + new string('a', 400) + "\n\n" + string.Join(" ", Enumerable.Repeat("word", 2000)), null, [])],
        };
        using var stream = new MemoryStream();
        MinutesPdfRenderer.RenderTraced(document, stream, drawn);

        drawn.Should().OnlyContain(d => d.X >= 56 && d.X + d.Width <= A4Width - 56.7 + 0.5, "text must stay inside the side margins");
        drawn.Should().OnlyContain(d => d.Y >= 56 && d.Y + d.Height <= A4Height - 20, "text must stay on the page");
        var pages = drawn.Max(d => d.Page) + 1;
        for (var page = 0; page < pages; page++)
        {
            drawn.Count(d => d.Page == page && !d.Text.StartsWith("Page ", StringComparison.Ordinal)).Should().BeGreaterThan(2, $"page {page + 1} should have content");
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
        main.Document.Body.Elements<SectionProperties>().Single().GetFirstChild<FooterReference>().Should().NotBeNull();

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

    [Fact]
    public void Writes_the_sample_minutes_for_a_person_to_look_at()
    {
        var document = MinutesSample.Build();
        File.WriteAllBytes(Path.Combine(Path.GetTempPath(), "minutes-sample.pdf"), new MinutesPdfRenderer().Render(document));
        File.WriteAllBytes(Path.Combine(Path.GetTempPath(), "minutes-sample.docx"), new MinutesWordRenderer().Render(document));
        File.WriteAllBytes(Path.Combine(Path.GetTempPath(), "minutes-sample-private.pdf"), new MinutesPdfRenderer().Render(MinutesSample.Build(3, MinutesPart.Private)));

        // The awkward cases: a table longer than a page, an unbreakable URL, a narrative of several pages.
        var stress = MinutesSample.Build(2) with
        {
            Present = Enumerable.Range(1, 60).Select(i => new AttendeeLine($"Person {i}", i % 7 == 0 ? string.Join(" ", Enumerable.Repeat("capacity", 40)) : "Member", null)).ToList(),
            Items = [.. MinutesSample.Build(2).Items, new MinutesItem(Guid.NewGuid(), 3, "A very long URL", "For information", null, null,
                "https://example.org/" + new string('a', 400) + "\n\n" + string.Join(" ", Enumerable.Repeat("word", 1500)), null, [])],
        };
        File.WriteAllBytes(Path.Combine(Path.GetTempPath(), "minutes-stress.pdf"), new MinutesPdfRenderer().Render(stress));
    }
}
