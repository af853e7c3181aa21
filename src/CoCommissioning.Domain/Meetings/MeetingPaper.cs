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

    /// <summary>
    /// How many of the file's first bytes <see cref="CheckContents"/> looks at: enough for every signature and for the
    /// CSV check's look for NUL bytes. Callers pass at least this many (or the whole file when it is shorter).
    /// </summary>
    public const int HeadLength = 8 * 1024;

    /// <summary>
    /// For each allowed extension, the leading bytes its files start with (any one of them), and how to name the type
    /// in a message. Office Open XML and OpenDocument files are ZIP packages; CSV has no signature and is checked as text.
    /// </summary>
    private static readonly Dictionary<string, (byte[][] Signatures, string Kind, string Noun)> Contents =
        new(StringComparer.OrdinalIgnoreCase)
        {
            [".pdf"] = ([Pdf], "a PDF", "document"),
            [".docx"] = ([Zip], "a Word document", "document"),
            [".xlsx"] = ([Zip], "an Excel workbook", "workbook"),
            [".pptx"] = ([Zip], "a PowerPoint presentation", "presentation"),
            [".odt"] = ([Zip], "an OpenDocument text document", "document"),
            [".csv"] = ([], "CSV text", "CSV file"),
            [".png"] = ([[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]], "a PNG image", "image"),
            [".jpg"] = ([Jpeg], "a JPEG image", "image"),
            [".jpeg"] = ([Jpeg], "a JPEG image", "image"),
        };

    private static byte[] Pdf => "%PDF-"u8.ToArray();
    private static byte[] Zip => [(byte)'P', (byte)'K', 0x03, 0x04];
    private static byte[] Jpeg => [0xFF, 0xD8, 0xFF];

    /// <summary>
    /// What a CSV file must not start with: a Windows executable, a ZIP package (Office files among them) or a PDF.
    /// ("PK" alone is not refused: a CSV may well start with a column named PK.)
    /// </summary>
    private static readonly byte[][] NotText =
    [
        [(byte)'M', (byte)'Z'],
        [(byte)'P', (byte)'K', 0x03, 0x04],
        [(byte)'P', (byte)'K', 0x05, 0x06],
        [(byte)'P', (byte)'K', 0x07, 0x08],
        "%PDF"u8.ToArray(),
    ];

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
        SeriesId = Id;
        VersionNumber = 1;
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
    /// The paper across its versions: the first version's id. A replacement is a new version in the same series; the
    /// earlier ones are kept and listed, and the paper's link serves the current one.
    /// </summary>
    public Guid SeriesId { get; private set; }

    /// <summary>1 for the paper as first uploaded, 2 for its first replacement, and so on.</summary>
    public int VersionNumber { get; private set; }

    /// <summary>Set when a newer version replaced this one.</summary>
    public DateTimeOffset? SupersededAt { get; private set; }

    public bool IsCurrent => SupersededAt is null;

    /// <summary>Set when the paper was removed after the agenda was published: it stays listed, marked removed with the reason.</summary>
    public DateTimeOffset? RemovedAt { get; private set; }

    public string? RemovedReason { get; private set; }

    /// <summary>Why the paper was changed (moved, replaced, made public or private) after publication; published with the supplementary agenda.</summary>
    public string? LateReason { get; private set; }

    public DateTimeOffset? LateAt { get; private set; }

    /// <summary>
    /// A new version of <paramref name="current"/>: checked as an upload for the same item with the same visibility,
    /// then the current version is marked superseded. After publication <paramref name="reason"/> is required.
    /// </summary>
    public static CommandResult<MeetingPaper> Replace(Meeting meeting, MeetingPaper current, string? title, string? fileName, long sizeBytes, ReadOnlySpan<byte> head, string? reason, DateTimeOffset at)
    {
        if (current.Unchangeable() is { } refused)
        {
            return refused;
        }

        var late = meeting.ReasonForChange(reason);
        var upload = Upload(meeting, current.ItemId, title ?? current.Title, fileName, sizeBytes, head, current.IsPublic, at);
        if (!late.Succeeded || !upload.Succeeded)
        {
            var errors = new ValidationErrors();
            errors.Add(late.Failure, upload.Failure);
            return errors.Any ? errors.ToFailure() : (upload.Failure ?? late.Failure)!;
        }

        var next = upload.Value!;
        next.SeriesId = current.SeriesId;
        next.VersionNumber = current.VersionNumber + 1;
        if (late.Value is { } why)
        {
            next.MarkLate(why, at);
        }

        current.SupersededAt = at;
        meeting.PapersChanged();
        return CommandResult<MeetingPaper>.Success(next);
    }

    /// <summary>Moves the paper (every version of it, one call each) to another item of the meeting.</summary>
    public CommandResult MoveTo(Meeting meeting, Guid itemId, string? reason, DateTimeOffset at)
    {
        var item = meeting.Items.FirstOrDefault(i => i.Id == itemId);
        if (item is null)
        {
            return Failure.Validation(nameof(itemId), "Choose an item of this meeting's agenda.");
        }

        if (IsCurrent && Unchangeable() is { } refused)
        {
            return refused;
        }

        if (item.IsWithdrawn)
        {
            return Failure.Validation(nameof(itemId), $"Item {item.Number} is withdrawn from the agenda.");
        }

        if (IsPublic && item.IsPrivate)
        {
            return Failure.Validation(nameof(itemId), $"Item {item.Number} is in the private part: make the paper private before moving it there.");
        }

        var late = meeting.ReasonForChange(reason);
        if (late.TryGetFailure(out var failure))
        {
            return failure;
        }

        ItemId = itemId;
        MarkLateIfPublished(late.Value, at);
        meeting.PapersChanged();
        return CommandResult.Success();
    }

    /// <summary>Makes the paper (every version of it, one call each) public or private; a paper of a private item stays private.</summary>
    public CommandResult ChangeVisibility(Meeting meeting, bool isPublic, string? reason, DateTimeOffset at)
    {
        if (IsCurrent && Unchangeable() is { } refused)
        {
            return refused;
        }

        if (isPublic && meeting.Items.FirstOrDefault(i => i.Id == ItemId) is { IsPrivate: true } item)
        {
            return Failure.Validation(nameof(isPublic), $"Item {item.Number} is in the private part, so its papers are private.");
        }

        var late = meeting.ReasonForChange(reason);
        if (late.TryGetFailure(out var failure))
        {
            return failure;
        }

        IsPublic = isPublic;
        MarkLateIfPublished(late.Value, at);
        meeting.PapersChanged();
        return CommandResult.Success();
    }

    /// <summary>
    /// Removes the paper: before publication the caller deletes it (every version and its contents), and this answers
    /// true; after publication it stays listed, marked removed with the reason, and this answers false.
    /// </summary>
    public CommandResult<bool> Remove(Meeting meeting, string? reason, DateTimeOffset at)
    {
        if (Unchangeable() is { } refused)
        {
            return refused;
        }

        var late = meeting.ReasonForChange(reason);
        if (late.TryGetFailure(out var failure))
        {
            return failure;
        }

        meeting.PapersChanged();
        if (late.Value is { } why)
        {
            (RemovedAt, RemovedReason) = (at, why);
            return CommandResult<bool>.Success(false);
        }

        return CommandResult<bool>.Success(true);
    }

    /// <summary>An earlier version, or a removed paper, is kept as it is.</summary>
    private Failure? Unchangeable() =>
        !IsCurrent ? Failure.Rule($"Version {VersionNumber} of this paper has been replaced: change the current version.")
        : RemovedAt is not null ? Failure.Rule($"This paper was removed: {RemovedReason}")
        : null;

    private void MarkLateIfPublished(string? reason, DateTimeOffset at)
    {
        if (reason is not null)
        {
            MarkLate(reason, at);
        }
    }

    private void MarkLate(string reason, DateTimeOffset at) => (LateReason, LateAt) = (reason, at);

    /// <summary>
    /// Checks an upload for an item. A paper for a private item cannot be public: it would publish what the
    /// resolution keeps private. <paramref name="head"/> is the file's first bytes (at least <see cref="HeadLength"/>
    /// of them, or the whole file when it is shorter): the contents must be of the type the name says, so an
    /// executable renamed .pdf is refused rather than served as a PDF. The contents are checked only once the name
    /// and size are acceptable, so the file field carries one reason at a time.
    /// </summary>
    public static CommandResult<MeetingPaper> Upload(Meeting meeting, Guid itemId, string? title, string? fileName, long sizeBytes, ReadOnlySpan<byte> head, bool isPublic, DateTimeOffset at)
    {
        var item = meeting.Items.FirstOrDefault(i => i.Id == itemId);
        if (item is null)
        {
            return Failure.NotFound("The agenda item");
        }

        var errors = new ValidationErrors();
        var fileAcceptable = true;
        // Browsers on Windows may send "C:\fakepath\paper.pdf"; on Linux '\' is not a separator, so treat it as one.
        var name = Path.GetFileName((fileName?.Trim() ?? "").Replace('\\', '/'));
        var extension = Path.GetExtension(name);
        if (name.Length == 0)
        {
            errors.Add("file", "Choose a file to upload.");
            fileAcceptable = false;
        }
        else if (name.Length > FileNameMaxLength)
        {
            errors.Add("file", $"The file name must be {FileNameMaxLength} characters or fewer.");
            fileAcceptable = false;
        }
        else if (!AllowedTypes.ContainsKey(extension))
        {
            errors.Add("file", "Upload a PDF, Word (.docx), Excel (.xlsx), PowerPoint (.pptx), OpenDocument (.odt), CSV, PNG or JPEG file.");
            fileAcceptable = false;
        }

        if (sizeBytes <= 0)
        {
            errors.Add("file", "The file is empty.");
            fileAcceptable = false;
        }
        else if (sizeBytes > MaxSizeBytes)
        {
            errors.Add("file", $"The file is {(sizeBytes / (1024.0 * 1024)).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)} MB; papers must be {MaxSizeBytes / (1024 * 1024)} MB or smaller.");
            fileAcceptable = false;
        }

        if (fileAcceptable && CheckContents(extension, head) is { } contentsError)
        {
            errors.Add("file", contentsError);
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

        if (item.IsWithdrawn)
        {
            return Failure.Rule($"Item {item.Number} is withdrawn from the agenda, so it takes no papers.");
        }

        if (errors.Any)
        {
            return errors.ToFailure();
        }

        var paperTitle = checkedTitle.Value ?? Path.GetFileNameWithoutExtension(name);
        return CommandResult<MeetingPaper>.Success(new MeetingPaper(meeting.OrganisationId, meeting.Id, itemId, paperTitle, name, AllowedTypes[extension], sizeBytes, isPublic, at));
    }

    /// <summary>
    /// Whether the file's first bytes are what its extension says: the type's signature (PDF, ZIP for the Office and
    /// OpenDocument types, PNG, JPEG), or for CSV text (no NUL byte in the first <see cref="HeadLength"/> bytes, and
    /// not starting as an executable, ZIP or PDF does). CSV need not be UTF-8: spreadsheets often save Windows-1252.
    /// Null when they match; otherwise the message for the file field. The extension must be one of
    /// <see cref="AllowedTypes"/>.
    /// </summary>
    public static string? CheckContents(string extension, ReadOnlySpan<byte> head)
    {
        if (!Contents.TryGetValue(extension, out var type))
        {
            throw new ArgumentException($"\"{extension}\" is not an allowed paper type.", nameof(extension));
        }

        if (head.Length > HeadLength)
        {
            head = head[..HeadLength];
        }

        var matches = type.Signatures.Length == 0 ? IsText(head) : StartsWithAny(head, type.Signatures);
        return matches
            ? null
            : $"The file's contents are not {type.Kind}, though its name ends {extension}. Upload the {type.Noun} itself.";
    }

    private static bool IsText(ReadOnlySpan<byte> head) =>
        head.Length > 0 && !head.Contains((byte)0) && !StartsWithAny(head, NotText);

    private static bool StartsWithAny(ReadOnlySpan<byte> head, byte[][] signatures)
    {
        foreach (var signature in signatures)
        {
            if (head.StartsWith(signature))
            {
                return true;
            }
        }

        return false;
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
