using CoCommissioning.Domain.Common;
using CoCommissioning.Domain.Meetings;
using CoCommissioning.Domain.Tests.TestSupport;

namespace CoCommissioning.Domain.Tests.Meetings;

public sealed class MeetingPaperTests
{
    private static readonly DateTimeOffset Uploaded = new(2026, 11, 20, 9, 30, 0, TimeSpan.Zero);
    private const long OneMegabyte = 1024 * 1024;
    private const string NotAllowed = "Upload a PDF, Word (.docx), Excel (.xlsx), PowerPoint (.pptx), OpenDocument (.odt), CSV, PNG or JPEG file.";

    [Theory]
    [InlineData("paper.pdf", "application/pdf")]
    [InlineData("paper.PDF", "application/pdf")]
    [InlineData("paper.Pdf", "application/pdf")]
    [InlineData("paper.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData("PAPER.DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData("budget.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [InlineData("budget.XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [InlineData("slides.pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation")]
    [InlineData("slides.PpTx", "application/vnd.openxmlformats-officedocument.presentationml.presentation")]
    [InlineData("report.odt", "application/vnd.oasis.opendocument.text")]
    [InlineData("report.ODT", "application/vnd.oasis.opendocument.text")]
    [InlineData("list.csv", "text/csv")]
    [InlineData("list.CSV", "text/csv")]
    [InlineData("map.png", "image/png")]
    [InlineData("map.PNG", "image/png")]
    [InlineData("photo.jpg", "image/jpeg")]
    [InlineData("photo.JPG", "image/jpeg")]
    [InlineData("photo.jpeg", "image/jpeg")]
    [InlineData("photo.JPEG", "image/jpeg")]
    [InlineData("practice.merger.v2.pdf", "application/pdf")]   // only the last extension counts
    public void Upload_AllowedExtension_ContentTypeFromTheTable(string fileName, string contentType)
    {
        var result = Upload(fileName: fileName);

        result.Succeeded.Should().BeTrue();
        result.Value!.ContentType.Should().Be(contentType);
        result.Value.FileName.Should().Be(fileName);
    }

    [Theory]
    [InlineData("paper.pdf", "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj")]
    [InlineData("paper.docx", "PK\u0003\u0004\u0014\u0000\u0006\u0000")]
    [InlineData("budget.xlsx", "PK\u0003\u0004\u0014\u0000\u0006\u0000")]
    [InlineData("slides.pptx", "PK\u0003\u0004\u0014\u0000\u0006\u0000")]
    [InlineData("report.odt", "PK\u0003\u0004\u0014\u0000\u0000\u0008mimetypeapplication/vnd.oasis.opendocument.text")]
    [InlineData("map.png", "\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR")]
    [InlineData("photo.jpg", "\u00ff\u00d8\u00ff\u00e0\u0000\u0010JFIF")]
    [InlineData("photo.jpeg", "\u00ff\u00d8\u00ff\u00e1\u0000\u0018Exif")]
    [InlineData("list.csv", "Practice,List size\r\nRiverside Surgery,8400\r\n")]
    [InlineData("list.csv", "\u00ef\u00bb\u00bfPractice,List size\r\n")]       // UTF-8 with a byte order mark, as Excel saves "CSV UTF-8"
    [InlineData("list.csv", "Practice,Budget\r\nRiverside,\u00a3120,000\r\n")]   // Windows-1252 £: not UTF-8, still text
    [InlineData("keys.csv", "PK,Practice\r\n1,Riverside\r\n")]                 // a column named PK is not a ZIP
    [InlineData("PAPER.PDF", "%PDF-1.4")]
    public void Upload_ContentsMatchTheExtension_Accepted(string fileName, string head) =>
        Upload(fileName: fileName, head: Latin1(head)).Succeeded.Should().BeTrue();

    [Theory]
    [InlineData("disguised.pdf", "a PDF", ".pdf", "document")]
    [InlineData("disguised.PDF", "a PDF", ".PDF", "document")]
    [InlineData("disguised.docx", "a Word document", ".docx", "document")]
    [InlineData("disguised.xlsx", "an Excel workbook", ".xlsx", "workbook")]
    [InlineData("disguised.pptx", "a PowerPoint presentation", ".pptx", "presentation")]
    [InlineData("disguised.odt", "an OpenDocument text document", ".odt", "document")]
    [InlineData("disguised.csv", "CSV text", ".csv", "CSV file")]
    [InlineData("disguised.png", "a PNG image", ".png", "image")]
    [InlineData("disguised.jpg", "a JPEG image", ".jpg", "image")]
    [InlineData("disguised.jpeg", "a JPEG image", ".jpeg", "image")]
    public void Upload_AnExecutableWithAnAllowedExtension_RefusedOnFile(string fileName, string kind, string extension, string noun)
    {
        var message = $"The file's contents are not {kind}, though its name ends {extension}. Upload the {noun} itself.";

        Upload(fileName: fileName, head: Executable).Failure.ShouldBeFieldError("file", message);
        Upload(fileName: fileName, head: "MZ"u8.ToArray()).Failure.ShouldBeFieldError("file", message);
        Upload(fileName: fileName, head: "MZ: a text file that starts as an executable does"u8.ToArray()).Failure.ShouldBeFieldError("file", message);
    }

    [Theory]
    [InlineData("paper.pdf", "PK\u0003\u0004\u0014\u0000")]             // a Word file renamed .pdf
    [InlineData("paper.pdf", "%PDF")]                                // the signature cut short
    [InlineData("paper.pdf", " %PDF-1.4")]                           // not at the start
    [InlineData("paper.pdf", "<html><script>alert(1)</script>")]
    [InlineData("paper.pdf", "")]
    [InlineData("paper.docx", "%PDF-1.4")]
    [InlineData("paper.docx", "PK\u0005\u0006")]                           // an empty ZIP is no document
    [InlineData("budget.xlsx", "\u00d0\u00cf\u0011\u00e0\u00a1\u00b1\u001a\u00e1")]  // an old .xls renamed
    [InlineData("map.png", "\u0089PNG\r\n")]
    [InlineData("map.png", "\u00ff\u00d8\u00ff\u00e0")]
    [InlineData("photo.jpg", "\u00ff\u00d8")]
    [InlineData("photo.jpg", "\u0089PNG\r\n\u001a\n")]
    [InlineData("list.csv", "PK\u0003\u0004\u0014\u0000")]
    [InlineData("list.csv", "%PDF-1.4")]
    [InlineData("list.csv", "Practice,List size\r\nRiverside\u0000Surgery")]
    [InlineData("list.csv", "\u00ff\u00feP\u0000r\u0000")]                // UTF-16: NUL bytes between the letters
    [InlineData("list.csv", "")]
    public void Upload_ContentsNotWhatTheNameSays_RefusedOnFile(string fileName, string head)
    {
        var result = Upload(fileName: fileName, head: Latin1(head));

        result.Failure!.Kind.Should().Be(FailureKind.Validation);
        result.Failure.FieldErrors.Keys.Should().Equal("file");
        result.Failure.FieldErrors["file"].Should().ContainSingle().Which.Should().StartWith("The file's contents are not ");
    }

    [Fact]
    public void Upload_CsvWithANulByteInTheFirst8Kb_Refused_ButNotBeyond()
    {
        var nulAtTheEdge = Enumerable.Repeat((byte)'a', MeetingPaper.HeadLength).ToArray();
        nulAtTheEdge[^1] = 0;
        var nulBeyond = Enumerable.Repeat((byte)'a', MeetingPaper.HeadLength + 1).ToArray();
        nulBeyond[^1] = 0;

        MeetingPaper.HeadLength.Should().Be(8 * 1024);
        Upload(fileName: "list.csv", head: nulAtTheEdge).Succeeded.Should().BeFalse();
        Upload(fileName: "list.csv", head: nulBeyond).Succeeded.Should().BeTrue("only the first 8 KB are looked at");
    }

    [Theory]
    [InlineData(0, "The file is empty.")]
    [InlineData(MeetingPaper.MaxSizeBytes + 1, "The file is 20.0 MB; papers must be 20 MB or smaller.")]
    public void Upload_BadSize_ContentsNotCheckedToo(long sizeBytes, string message) =>
        Upload(fileName: "disguised.pdf", sizeBytes: sizeBytes, head: Executable).Failure.ShouldBeFieldError("file", message);

    [Fact]
    public void Upload_NotAnAllowedExtension_ContentsNotCheckedToo() =>
        Upload(fileName: "setup.exe", head: Executable).Failure.ShouldBeFieldError("file", NotAllowed);

    [Fact]
    public void CheckContents_GivenTheWholeFile_LooksOnlyAtItsStart() =>
        MeetingPaper.CheckContents(".pdf", [.. Pdf, .. new byte[MeetingPaper.HeadLength * 3]]).Should().BeNull();

    [Fact]
    public void Upload_TheTable_HoldsExactlyTheDocumentTypes() =>
        MeetingPaper.AllowedTypes.Keys.Should().BeEquivalentTo(".pdf", ".docx", ".xlsx", ".pptx", ".odt", ".csv", ".png", ".jpg", ".jpeg");

    [Theory]
    [InlineData("setup.exe")]
    [InlineData("page.html")]
    [InlineData("page.htm")]
    [InlineData("logo.svg")]
    [InlineData("papers.zip")]
    [InlineData("paper")]
    [InlineData("paper.")]
    [InlineData("paper.pdf.exe")]
    [InlineData("old.doc")]
    [InlineData("script.js")]
    [InlineData(".pdf.html")]
    public void Upload_OtherExtensionsOrNone_RefusedOnFile(string fileName) =>
        Upload(fileName: fileName).Failure.ShouldBeFieldError("file", NotAllowed);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("../x/")]
    [InlineData("/")]
    public void Upload_NoFileName_AsksForAFile(string? fileName) =>
        Upload(fileName: fileName).Failure.ShouldBeFieldError("file", "Choose a file to upload.");

    [Theory]
    [InlineData(251, true)]   // 251 + ".pdf" = 255
    [InlineData(252, false)]
    public void Upload_FileNameLength_255Accepted(int stem, bool accepted)
    {
        var result = Upload(fileName: new string('f', stem) + ".pdf");

        result.Succeeded.Should().Be(accepted);
        if (!accepted)
        {
            result.Failure.ShouldBeFieldError("file", "The file name must be 255 characters or fewer.");
        }
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(MeetingPaper.MaxSizeBytes, true)]
    [InlineData(0, false)]
    [InlineData(-1, false)]
    [InlineData(MeetingPaper.MaxSizeBytes + 1, false)]
    public void Upload_Size_BetweenOneByteAndTheMaximum(long sizeBytes, bool accepted)
    {
        var result = Upload(sizeBytes: sizeBytes);

        result.Succeeded.Should().Be(accepted);
        if (accepted)
        {
            result.Value!.SizeBytes.Should().Be(sizeBytes);
        }
        else
        {
            result.Failure!.Kind.Should().Be(FailureKind.Validation);
            result.Failure.FieldErrors.Keys.Should().Equal("file");
        }
    }

    [Theory]
    [InlineData(0, "The file is empty.")]
    [InlineData(-5, "The file is empty.")]
    [InlineData(MeetingPaper.MaxSizeBytes + 1, "The file is 20.0 MB; papers must be 20 MB or smaller.")]
    [InlineData(25 * OneMegabyte + OneMegabyte / 2, "The file is 25.5 MB; papers must be 20 MB or smaller.")]
    public void Upload_BadSize_SaysWhy(long sizeBytes, string message) =>
        Upload(sizeBytes: sizeBytes).Failure!.FieldErrors["file"].Should().Equal(message);

    [Fact]
    public void Upload_TooBig_MessageIsTheSameInAnyCulture()
    {
        using var culture = new CultureScope("fr-FR");

        Upload(sizeBytes: 25 * OneMegabyte + OneMegabyte / 2).Failure!.FieldErrors["file"]
            .Should().Equal("The file is 25.5 MB; papers must be 20 MB or smaller.");
    }

    [Fact]
    public void Upload_MaxSize_IsTwentyMegabytes() => MeetingPaper.MaxSizeBytes.Should().Be(20 * OneMegabyte);

    [Theory]
    [InlineData("../x/paper.pdf", "paper.pdf")]
    [InlineData("/etc/paper.pdf", "paper.pdf")]
    [InlineData("a/b/c/paper.pdf", "paper.pdf")]
    [InlineData("  paper.pdf  ", "paper.pdf")]
    [InlineData("paper.pdf", "paper.pdf")]
    public void Upload_PathComponents_StrippedFromTheFileName(string fileName, string kept)
    {
        var paper = Upload(fileName: fileName).Value!;

        paper.FileName.Should().Be(kept);
        paper.Title.Should().Be("paper");
    }

    // Browsers send "C:\\fakepath\\name" (and old Edge/IE the whole Windows path). Path.GetFileName splits on '\\' only on
    // Windows, so on Linux (the Docker image) the whole string is kept as the file name and the title.
    [Theory]
    [InlineData("C:\\fakepath\\paper.pdf", "paper.pdf", "paper")]
    [InlineData("..\\..\\paper.pdf", "paper.pdf", "paper")]
    [InlineData("C:\\Users\\sec\\Merger proposal v2.docx", "Merger proposal v2.docx", "Merger proposal v2")]
    public void Upload_WindowsPath_StrippedFromTheFileName(string fileName, string kept, string title)
    {
        var paper = Upload(fileName: fileName).Value!;

        paper.FileName.Should().Be(kept);
        paper.Title.Should().Be(title);
    }

    [Theory]
    [InlineData("C:\\fakepath\\")]
    public void Upload_WindowsPathWithoutAFile_AsksForAFile(string fileName) =>
        Upload(fileName: fileName).Failure.ShouldBeFieldError("file", "Choose a file to upload.");

    [Theory]
    [InlineData(false, false, true)]
    [InlineData(false, true, true)]
    [InlineData(true, false, true)]
    [InlineData(true, true, false)]
    public void Upload_PublicPaperOnPrivateItem_RefusedOnIsPublic(bool privateItem, bool isPublic, bool accepted)
    {
        var result = Upload(isPublic: isPublic, privateItem: privateItem);

        result.Succeeded.Should().Be(accepted);
        if (accepted)
        {
            result.Value!.IsPublic.Should().Be(isPublic);
        }
        else
        {
            result.Failure.ShouldBeFieldError("isPublic", "This item is in the private part, so its papers are private.");
        }
    }

    [Theory]
    [InlineData(null, "paper.pdf", "paper")]
    [InlineData("", "paper.pdf", "paper")]
    [InlineData("   ", "paper.pdf", "paper")]
    [InlineData(null, "../x/Merger proposal v2.docx", "Merger proposal v2")]
    [InlineData(null, "practice.merger.v2.pdf", "practice.merger.v2")]
    [InlineData("  Riverside and Northgate merger  ", "paper.pdf", "Riverside and Northgate merger")]
    public void Upload_Title_DefaultsToTheFileNameWithoutExtension(string? title, string fileName, string kept) =>
        Upload(title: title, fileName: fileName).Value!.Title.Should().Be(kept);

    [Theory]
    [InlineData(300, true)]
    [InlineData(301, false)]
    public void Upload_TitleLength_300Accepted(int length, bool accepted)
    {
        var result = Upload(title: new string('t', length));

        result.Succeeded.Should().Be(accepted);
        if (!accepted)
        {
            result.Failure.ShouldBeFieldError("title", "The title must be 300 characters or fewer.");
        }
    }

    [Fact]
    public void Upload_UnknownItem_NotFound()
    {
        var meeting = Meeting.Schedule(Guid.NewGuid(), Guid.NewGuid(), "PCCC November", Uploaded.AddDays(7)).Value!;

        MeetingPaper.Upload(meeting, Guid.NewGuid(), null, "paper.pdf", 100, Pdf, true, Uploaded).Failure.ShouldBeNotFound("The agenda item was not found.");
    }

    [Fact]
    public void Upload_EveryMistake_ReportedAtOnce()
    {
        var result = Upload(title: new string('t', 301), fileName: "setup.exe", sizeBytes: 0, isPublic: true, privateItem: true);

        result.Failure!.FieldErrors.Keys.Should().BeEquivalentTo("file", "title", "isPublic");
    }

    [Fact]
    public void Upload_Valid_KeepsTheDetails()
    {
        var meeting = Meeting.Schedule(Guid.NewGuid(), Guid.NewGuid(), "PCCC November", Uploaded.AddDays(7)).Value!;
        var item = meeting.AddItem("Practice merger", ItemPurpose.Decision, false).Value!;
        var version = meeting.Version;

        var paper = MeetingPaper.Upload(meeting, item.Id, "Merger proposal", "merger.pdf", 12_345, Pdf, true, Uploaded).Value!;

        paper.Id.Should().NotBeEmpty();
        paper.OrganisationId.Should().Be(meeting.OrganisationId);
        paper.MeetingId.Should().Be(meeting.Id);
        paper.ItemId.Should().Be(item.Id);
        paper.Title.Should().Be("Merger proposal");
        paper.FileName.Should().Be("merger.pdf");
        paper.ContentType.Should().Be("application/pdf");
        paper.SizeBytes.Should().Be(12_345);
        paper.IsPublic.Should().BeTrue();
        paper.UploadedAt.Should().Be(Uploaded);
        meeting.Version.Should().Be(version, "a paper is a record of its own; uploading one does not change the meeting");
    }

    private static byte[] Pdf => "%PDF-1.4\n"u8.ToArray();
    private static byte[] Zip => [(byte)'P', (byte)'K', 0x03, 0x04, 0x14, 0x00, 0x06, 0x00];
    private static byte[] Png => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D];
    private static byte[] Jpeg => [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10];
    private static byte[] Csv => "Practice,List size\r\nRiverside Surgery,8400\r\n"u8.ToArray();

    /// <summary>The start of a Windows executable: "MZ", then the DOS header.</summary>
    private static byte[] Executable => [(byte)'M', (byte)'Z', 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00];

    /// <summary>Each character of <paramref name="text"/> as one byte, so test data can spell out bytes.</summary>
    private static byte[] Latin1(string text) => System.Text.Encoding.Latin1.GetBytes(text);

    /// <summary>Uploads with <paramref name="head"/> as the file's first bytes, by default ones right for the file's extension.</summary>
    private static CommandResult<MeetingPaper> Upload(string? title = null, string? fileName = "paper.pdf", long sizeBytes = 100_000, bool isPublic = false, bool privateItem = false, byte[]? head = null)
    {
        var meeting = Meeting.Schedule(Guid.NewGuid(), Guid.NewGuid(), "PCCC November", Uploaded.AddDays(7)).Value!;
        var item = meeting.AddItem(privateItem ? "APMS contract award" : "Practice merger", ItemPurpose.Decision, privateItem).Value!;
        return MeetingPaper.Upload(meeting, item.Id, title, fileName, sizeBytes, head ?? HeadFor(fileName), isPublic, Uploaded);
    }

    private static byte[] HeadFor(string? fileName) =>
        Path.GetExtension(fileName?.Trim() ?? "").ToLowerInvariant() switch
        {
            ".docx" or ".xlsx" or ".pptx" or ".odt" => Zip,
            ".png" => Png,
            ".jpg" or ".jpeg" => Jpeg,
            ".csv" => Csv,
            _ => Pdf,
        };
}

internal static class PaperFailureAssertions
{
    /// <summary>
    /// Upload reports every mistake at once, so its failure carries the general message; this asserts the one field
    /// named and its one message.
    /// </summary>
    public static void ShouldBeFieldError(this Failure? failure, string field, string message)
    {
        failure.Should().NotBeNull();
        failure!.Kind.Should().Be(FailureKind.Validation);
        failure.Message.Should().Be("Some of the information given is not valid.");
        failure.FieldErrors.Keys.Should().Equal(field);
        failure.FieldErrors[field].Should().Equal(message);
    }
}
