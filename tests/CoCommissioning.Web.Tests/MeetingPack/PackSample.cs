using CoCommissioning.Domain.Meetings;
using CoCommissioning.Web.Features.MeetingPack;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace CoCommissioning.Web.Tests.MeetingPack;

/// <summary>Papers and agendas for the pack's tests and its benchmark: PDFs of a given number of A4 pages of text.</summary>
public static class PackSample
{
    public const string WordType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>A PDF of <paramref name="pages"/> A4 pages, each headed with the title and its page number, with a paragraph of text.</summary>
    public static byte[] Pdf(string title, int pages, string? userPassword = null)
    {
        MeetingPackRenderer.EnsureFonts();
        using var pdf = new PdfDocument();
        var heading = new XFont(MeetingPackRenderer.FontFamily, 16, XFontStyleEx.Bold);
        var body = new XFont(MeetingPackRenderer.FontFamily, 10.5, XFontStyleEx.Regular);
        for (var n = 1; n <= pages; n++)
        {
            var page = pdf.AddPage();
            page.Size = PageSize.A4;
            using var g = XGraphics.FromPdfPage(page);
            g.DrawString(title, heading, XBrushes.Black, new XPoint(60, 80));
            g.DrawString($"Page {n} of this paper", body, XBrushes.DarkSlateGray, new XPoint(60, 104));
            for (var line = 0; line < 40; line++)
            {
                g.DrawString("The committee is asked to note the position set out in this paper and the risks to delivery.", body, XBrushes.Black, new XPoint(60, 140 + (line * 15)));
            }
        }

        if (userPassword is not null)
        {
            pdf.SecuritySettings.UserPassword = userPassword;
            pdf.SecuritySettings.OwnerPassword = userPassword + "-owner";
        }

        using var stream = new MemoryStream();
        pdf.Save(stream, false);
        return stream.ToArray();
    }

    /// <summary>
    /// A meeting of <paramref name="items"/> public items with <paramref name="papersPerItem"/> PDF papers each of
    /// <paramref name="pagesPerPaper"/> pages, and the papers' bytes.
    /// </summary>
    public static (PackMeeting Meeting, Dictionary<Guid, byte[]> Contents) Meeting(int items, int papersPerItem, int pagesPerPaper)
    {
        var contents = new Dictionary<Guid, byte[]>();
        var agenda = new List<PackItem>();
        for (var i = 1; i <= items; i++)
        {
            var papers = new List<PackPaper>();
            for (var p = 1; p <= papersPerItem; p++)
            {
                var title = $"Paper {i}.{p}: primary care report";
                var bytes = Pdf(title, pagesPerPaper);
                var paper = new PackPaper(Guid.NewGuid(), title, $"paper-{i}-{p}.pdf", "application/pdf", bytes.Length, true);
                contents[paper.Id] = bytes;
                papers.Add(paper);
            }

            agenda.Add(new PackItem(Guid.NewGuid(), i.ToString(System.Globalization.CultureInfo.InvariantCulture), $"Agenda item {i}: contract and estates decisions for the practices", ItemPurpose.Decision, "Helen Carter, Chair", false, papers));
        }

        return (new PackMeeting("Example ICB", "Primary Care Commissioning Committee", "November meeting", new DateTimeOffset(2026, 11, 26, 14, 0, 0, TimeSpan.Zero), "Boardroom, Riverside House", agenda), contents);
    }
}
