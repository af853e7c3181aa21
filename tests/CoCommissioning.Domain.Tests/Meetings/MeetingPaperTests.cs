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

        MeetingPaper.Upload(meeting, Guid.NewGuid(), null, "paper.pdf", 100, true, Uploaded).Failure.ShouldBeNotFound("The agenda item was not found.");
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

        var paper = MeetingPaper.Upload(meeting, item.Id, "Merger proposal", "merger.pdf", 12_345, true, Uploaded).Value!;

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

    private static CommandResult<MeetingPaper> Upload(string? title = null, string? fileName = "paper.pdf", long sizeBytes = 100_000, bool isPublic = false, bool privateItem = false)
    {
        var meeting = Meeting.Schedule(Guid.NewGuid(), Guid.NewGuid(), "PCCC November", Uploaded.AddDays(7)).Value!;
        var item = meeting.AddItem(privateItem ? "APMS contract award" : "Practice merger", ItemPurpose.Decision, privateItem).Value!;
        return MeetingPaper.Upload(meeting, item.Id, title, fileName, sizeBytes, isPublic, Uploaded);
    }
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
