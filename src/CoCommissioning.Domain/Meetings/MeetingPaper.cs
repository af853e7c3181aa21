using CoCommissioning.Domain.Common;

namespace CoCommissioning.Domain.Meetings;

/// <summary>
/// A paper for an agenda item: a document uploaded by the secretary, public (published with the agenda) or private.
/// Its bytes live apart (<see cref="PaperContent"/>) so loading a meeting never reads files, and the audit trail
/// records the paper's details, not its contents.
/// </summary>
public sealed class MeetingPaper : IGovernanceRecord, IPartOfAggregate
{
    public const int TitleMaxLength = 300;
    public const int FileNameMaxLength = 255;

    /// <summary>20 MB: a long board paper with images, well under what a browser uploads comfortably.</summary>
    public const long MaxSizeBytes = 20L * 1024 * 1024;

    /// <summary>The document types committees publish; no executables, archives or scripts (HTML, SVG) that a browser would run.</summary>
    public static readonly IReadOnlyDictionary<string, string> AllowedTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".pptx"] = "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        [".odt"] = "application/vnd.oasis.opendocument.text",
        [".csv"] = "text/csv",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
    };

    private MeetingPaper()
    {
        Title = "";
        FileName = "";
        ContentType = "";
    }

    private MeetingPaper(Guid organisationId, Guid meetingId, Guid itemId, string title, string fileName, string contentType, long sizeBytes, bool isPublic, DateTimeOffset uploadedAt)
    {
        Id = Guid.NewGuid();
        OrganisationId = organisationId;
        MeetingId = meetingId;
        ItemId = itemId;
        Title = title;
        FileName = fileName;
        ContentType = contentType;
        SizeBytes = sizeBytes;
        IsPublic = isPublic;
        UploadedAt = uploadedAt;
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid MeetingId { get; private set; }
    Guid IPartOfAggregate.AggregateId => MeetingId;
    public Guid ItemId { get; private set; }
    public string Title { get; private set; }
    public string FileName { get; private set; }

    /// <summary>Set from the file's extension, never from what the browser claimed.</summary>
    public string ContentType { get; private set; }

    public long SizeBytes { get; private set; }
    public bool IsPublic { get; private set; }
    public DateTimeOffset UploadedAt { get; private set; }

    /// <summary>
    /// Checks an upload for an item. A paper for a private item cannot be public: it would publish what the
    /// resolution keeps private.
    /// </summary>
    public static CommandResult<MeetingPaper> Upload(Meeting meeting, Guid itemId, string? title, string? fileName, long sizeBytes, bool isPublic, DateTimeOffset at)
    {
        var item = meeting.Items.FirstOrDefault(i => i.Id == itemId);
        if (item is null)
        {
            return Failure.NotFound("The agenda item");
        }

        var errors = new ValidationErrors();
        // Browsers on Windows may send "C:\fakepath\paper.pdf"; on Linux '\' is not a separator, so treat it as one.
        var name = Path.GetFileName((fileName?.Trim() ?? "").Replace('\\', '/'));
        var extension = Path.GetExtension(name);
        if (name.Length == 0)
        {
            errors.Add("file", "Choose a file to upload.");
        }
        else if (name.Length > FileNameMaxLength)
        {
            errors.Add("file", $"The file name must be {FileNameMaxLength} characters or fewer.");
        }
        else if (!AllowedTypes.ContainsKey(extension))
        {
            errors.Add("file", "Upload a PDF, Word (.docx), Excel (.xlsx), PowerPoint (.pptx), OpenDocument (.odt), CSV, PNG or JPEG file.");
        }

        if (sizeBytes <= 0)
        {
            errors.Add("file", "The file is empty.");
        }
        else if (sizeBytes > MaxSizeBytes)
        {
            errors.Add("file", $"The file is {(sizeBytes / (1024.0 * 1024)).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)} MB; papers must be {MaxSizeBytes / (1024 * 1024)} MB or smaller.");
        }

        var checkedTitle = Text.Optional("title", title, TitleMaxLength);
        if (!checkedTitle.Succeeded)
        {
            errors.Add(checkedTitle.Failure!);
        }

        if (isPublic && item.IsPrivate)
        {
            errors.Add("isPublic", "This item is in the private part, so its papers are private.");
        }

        if (errors.Any)
        {
            return errors.ToFailure();
        }

        var paperTitle = checkedTitle.Value ?? Path.GetFileNameWithoutExtension(name);
        return CommandResult<MeetingPaper>.Success(new MeetingPaper(meeting.OrganisationId, meeting.Id, itemId, paperTitle, name, AllowedTypes[extension], sizeBytes, isPublic, at));
    }
}

/// <summary>The bytes of a paper, stored beside it and read only when someone downloads it.</summary>
public sealed class PaperContent
{
    private PaperContent()
    {
        Bytes = [];
    }

    public PaperContent(Guid paperId, byte[] bytes)
    {
        PaperId = paperId;
        Bytes = bytes;
    }

    public Guid PaperId { get; private set; }
    public byte[] Bytes { get; private set; }
}
