using CoCommissioning.Domain.Meetings;
using CoCommissioning.Web.Features.MeetingPack;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace CoCommissioning.Web.Tests.MeetingPack;

/// <summary>The pack's PDF read back with PDFsharp: its pages, its outline, and papers that cannot be merged.</summary>
public sealed class MeetingPackRendererTests
{
    private static readonly MeetingPackRenderer Renderer = new();

    /// <summary>The outline as "Title" lines, children indented by two spaces, and each bookmark's page number (from 1).</summary>
    public static List<(string Title, int Page)> Outline(byte[] pdf)
    {
        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        var pages = document.Pages.Cast<PdfPage>().Select((p, i) => (p.Reference, i)).ToDictionary(x => x.Reference!, x => x.i + 1);
        var lines = new List<(string, int)>();
        void Walk(PdfOutlineCollection outlines, string indent)
        {
            foreach (var outline in outlines)
            {
                lines.Add((indent + outline.Title, outline.DestinationPage is { } page ? pages.GetValueOrDefault(page.Reference!) : 0));
                Walk(outline.Outlines, indent + "  ");
            }
        }

        Walk(document.Outlines, "");
        return lines;
    }

    public static int PageCount(byte[] pdf)
    {
        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        return document.PageCount;
    }

    [Fact]
    public void Render_MergesPdfPapersInAgendaOrder_WithABookmarkPerItemAndPaper()
    {
        var (meeting, contents) = PackSample.Meeting(items: 3, papersPerItem: 2, pagesPerPaper: 3);

        var built = Renderer.Render(MeetingPackPlanner.Plan(meeting, PackPart.Public), contents);

        // Cover, one agenda page, 6 papers of 3 pages.
        built.PageCount.Should().Be(1 + 1 + 18);
        PageCount(built.Bytes).Should().Be(20);
        Outline(built.Bytes).Should().Equal(
            ("Cover", 1), ("Agenda", 2),
            ($"Item 1: {meeting.Items[0].Title}", 3), ("  Paper 1.1: primary care report", 3), ("  Paper 1.2: primary care report", 6),
            ($"Item 2: {meeting.Items[1].Title}", 9), ("  Paper 2.1: primary care report", 9), ("  Paper 2.2: primary care report", 12),
            ($"Item 3: {meeting.Items[2].Title}", 15), ("  Paper 3.1: primary care report", 15), ("  Paper 3.2: primary care report", 18));
    }

    [Fact]
    public void Render_WordEncryptedDamagedAndMissingPapers_EachGetOnePlaceholderPage()
    {
        PackPaper Paper(string title, string file, string type, byte[] bytes) => new(Guid.NewGuid(), title, file, type, bytes.Length, true);
        var good = PackSample.Pdf("Good paper", 2);
        var encrypted = PackSample.Pdf("Locked paper", 4, userPassword: "secret");
        var damaged = "%PDF-1.7\nthis is not really a PDF at all\n"u8.ToArray();
        var word = "PK\u0003\u0004 not a real docx"u8.ToArray();
        var papers = new[]
        {
            Paper("Good paper", "good.pdf", "application/pdf", good),
            Paper("Locked paper", "locked.pdf", "application/pdf", encrypted),
            Paper("Damaged paper", "damaged.pdf", "application/pdf", damaged),
            Paper("Workbook", "workbook.docx", PackSample.WordType, word),
            Paper("Gone paper", "gone.pdf", "application/pdf", good),
        };
        var contents = papers.Take(4).Zip(new[] { good, encrypted, damaged, word }).ToDictionary(x => x.First.Id, x => x.Second);
        var meeting = new PackMeeting("Example ICB", "PCCC", "PCCC", DateTimeOffset.UtcNow, null,
            [new PackItem(Guid.NewGuid(), "1", "Mixed papers", ItemPurpose.Information, null, false, papers), new PackItem(Guid.NewGuid(), "2", "No papers", ItemPurpose.Discussion, null, false, [])]);

        var built = Renderer.Render(MeetingPackPlanner.Plan(meeting, PackPart.Public), contents);

        built.PageCount.Should().Be(1 + 1 + 2 + 1 + 1 + 1 + 1);
        Outline(built.Bytes).Should().Equal(
            ("Cover", 1), ("Agenda", 2),
            ("Item 1: Mixed papers", 3), ("  Good paper", 3), ("  Locked paper", 5), ("  Damaged paper", 6), ("  Workbook (attached separately)", 7), ("  Gone paper", 8),
            ("Item 2: No papers", 2));
    }

    [Fact]
    public void Render_PrivatePartWithNoItems_IsACoverAndAnAgendaSayingSo()
    {
        var (meeting, contents) = PackSample.Meeting(items: 2, papersPerItem: 1, pagesPerPaper: 1);

        var built = Renderer.Render(MeetingPackPlanner.Plan(meeting, PackPart.Private), contents);

        built.PageCount.Should().Be(2);
        Outline(built.Bytes).Select(o => o.Title).Should().Equal("Cover", "Agenda");
    }
}
