using System.Text.RegularExpressions;
using CoCommissioning.Domain.Common;

namespace CoCommissioning.Domain.Minutes;

public enum MinutesStatus
{
    Draft,
    Approved,
}

/// <summary>Who did something to the minutes, and when: the user's id and name as they were then.</summary>
public sealed record MinutesActor(Guid? UserId, string Name, DateTimeOffset At);

/// <summary>
/// Where the minutes are approved: an agenda item (titled like "Minutes of the previous meeting") of another meeting,
/// read from the record by the caller.
/// </summary>
public sealed record MinutesApproval(Guid MeetingId, Guid CommitteeId, DateTimeOffset StartsAt, Guid ItemId, string ItemTitle);

/// <summary>
/// One version of a meeting's minutes. A draft holds the secretary's narratives (Markdown, as typed); the facts come
/// from the meeting record each time the document is generated. On approval the generated document of both parts is
/// stored with its SHA-256 hash and the version never changes again.
/// </summary>
public sealed class MinutesVersion : IGovernanceRecord, IPartOfAggregate
{
    public const int NarrativeMaxLength = 20000;
    public const int ReasonMaxLength = 2000;
    public const int ActorNameMaxLength = 200;

    private MinutesVersion()
    {
        Narratives = new Dictionary<Guid, string>();
        CreatedBy = "";
    }

    internal MinutesVersion(Guid minutesId, Guid organisationId, int number, IReadOnlyDictionary<Guid, string> narratives, MinutesActor created, string? correctionReason, int? corrects)
    {
        Id = Guid.NewGuid();
        MinutesId = minutesId;
        OrganisationId = organisationId;
        Number = number;
        Status = MinutesStatus.Draft;
        Narratives = new Dictionary<Guid, string>(narratives);
        CreatedAt = created.At;
        CreatedByUserId = created.UserId;
        CreatedBy = Truncate(created.Name);
        CorrectionReason = correctionReason;
        CorrectsVersion = corrects;
    }

    public Guid Id { get; private set; }
    public Guid MinutesId { get; private set; }
    public Guid OrganisationId { get; private set; }
    Guid IPartOfAggregate.AggregateId => MinutesId;
    public int Number { get; private set; }
    public MinutesStatus Status { get; private set; }

    /// <summary>The secretary's narrative for each agenda item, as Markdown exactly as typed (rendered and sanitised on display).</summary>
    public IReadOnlyDictionary<Guid, string> Narratives { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public Guid? CreatedByUserId { get; private set; }
    public string CreatedBy { get; private set; }

    /// <summary>Why an approved version was corrected; set on the version the correction made.</summary>
    public string? CorrectionReason { get; private set; }

    /// <summary>The approved version this one corrects.</summary>
    public int? CorrectsVersion { get; private set; }

    public DateTimeOffset? ApprovedAt { get; private set; }
    public Guid? ApprovedByUserId { get; private set; }
    public string? ApprovedBy { get; private set; }
    public Guid? ApprovedAtMeetingId { get; private set; }
    public Guid? ApprovedAtItemId { get; private set; }

    /// <summary>The canonical JSON of both parts as approved (<see cref="MinutesContent"/>); null for a draft.</summary>
    public string? ApprovedContent { get; private set; }

    /// <summary>SHA-256 of <see cref="ApprovedContent"/>, stored at approval.</summary>
    public string? ContentHash { get; private set; }

    public bool IsApproved => Status == MinutesStatus.Approved;

    /// <summary>Both parts as approved; null for a draft.</summary>
    public MinutesParts? ApprovedParts() => ApprovedContent is null ? null : MinutesContent.Read(ApprovedContent);

    /// <summary>The stored content still hashes to the stored hash (false for a draft).</summary>
    public bool HashVerifies() => ApprovedContent is not null && ContentHash == MinutesContent.Hash(ApprovedContent);

    internal void SetNarrative(Guid itemId, string? markdown)
    {
        // A fresh dictionary, not an edit in place, so EF Core sees the change and the audit trail records both values.
        var next = new Dictionary<Guid, string>(Narratives);
        if (markdown is null)
        {
            next.Remove(itemId);
        }
        else
        {
            next[itemId] = markdown;
        }

        Narratives = next;
    }

    internal void Approve(MinutesApproval approval, string content, MinutesActor by)
    {
        Status = MinutesStatus.Approved;
        ApprovedAt = by.At;
        ApprovedByUserId = by.UserId;
        ApprovedBy = Truncate(by.Name);
        ApprovedAtMeetingId = approval.MeetingId;
        ApprovedAtItemId = approval.ItemId;
        ApprovedContent = content;
        ContentHash = MinutesContent.Hash(content);
    }

    private static string Truncate(string name) => name.Length > ActorNameMaxLength ? name[..ActorNameMaxLength] : name;
}

/// <summary>
/// The minutes of one meeting: every version kept. Narratives are edited on the latest draft only; a draft is
/// approved at a later meeting of the same committee, at its "minutes of the previous meeting" item, which fixes it;
/// a correction to approved minutes is a new draft version with the reason.
/// </summary>
public sealed partial class Minutes : IGovernanceRecord, IVersioned
{
    private readonly List<MinutesVersion> versions = [];

    private Minutes()
    {
    }

    private Minutes(Guid organisationId, Guid committeeId, Guid meetingId, DateTimeOffset at)
    {
        Id = Guid.NewGuid();
        OrganisationId = organisationId;
        CommitteeId = committeeId;
        MeetingId = meetingId;
        CreatedAt = at;
        Version = Guid.NewGuid();
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid CommitteeId { get; private set; }

    /// <summary>The meeting minuted: one set of minutes per meeting (a unique index).</summary>
    public Guid MeetingId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public Guid Version { get; private set; }
    public IReadOnlyCollection<MinutesVersion> Versions => versions.AsReadOnly();
    public MinutesVersion Latest => versions.MaxBy(v => v.Number) ?? throw new InvalidOperationException("Minutes always have a version.");

    /// <summary>Starts the minutes of a meeting with an empty draft, version 1.</summary>
    public static Minutes Start(Guid organisationId, Guid committeeId, Guid meetingId, MinutesActor by)
    {
        var minutes = new Minutes(organisationId, committeeId, meetingId, by.At);
        minutes.versions.Add(new MinutesVersion(minutes.Id, organisationId, 1, new Dictionary<Guid, string>(), by, null, null));
        return minutes;
    }

    public MinutesVersion? Find(int number) => versions.FirstOrDefault(v => v.Number == number);

    /// <summary>
    /// Sets (or, blank, clears) an item's narrative on the latest draft. <paramref name="itemIds"/> are the minuted
    /// meeting's agenda items.
    /// </summary>
    public CommandResult EditNarrative(int number, Guid itemId, string? markdown, IEnumerable<Guid> itemIds)
    {
        ArgumentNullException.ThrowIfNull(itemIds);
        var version = Find(number);
        if (version is null)
        {
            return Failure.NotFound("The version of the minutes");
        }

        if (version.IsApproved)
        {
            return Failure.Rule($"Version {number} of the minutes was approved and is fixed. To change it, make a correction: that creates a new version with the reason.");
        }

        if (version.Number != Latest.Number)
        {
            return Failure.Rule($"Only the latest version of the minutes (version {Latest.Number}) can be edited.");
        }

        if (!itemIds.Contains(itemId))
        {
            return Failure.NotFound("The agenda item");
        }

        var text = markdown is null || markdown.Trim().Length == 0 ? null : markdown;
        if (text is not null && text.Length > MinutesVersion.NarrativeMaxLength)
        {
            return Failure.Validation("narrative", $"The narrative must be {MinutesVersion.NarrativeMaxLength} characters or fewer.");
        }

        version.SetNarrative(itemId, text);
        Touch();
        return CommandResult.Success();
    }

    /// <summary>
    /// Approves a draft at <paramref name="approval"/>: an item titled like "Minutes of the previous meeting" of a later
    /// meeting of the same committee, which has started. Both parts are generated from <paramref name="source"/> (this
    /// meeting's record) as approved, stored, and hashed.
    /// </summary>
    public CommandResult Approve(int number, MinutesApproval approval, MinutesSource source, MinutesActor by)
    {
        ArgumentNullException.ThrowIfNull(approval);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(by);
        if (source.MeetingId != MeetingId)
        {
            throw new ArgumentException("The record given is not the minuted meeting's.", nameof(source));
        }

        var version = Find(number);
        if (version is null)
        {
            return Failure.NotFound("The version of the minutes");
        }

        if (version.IsApproved)
        {
            return Failure.Rule($"Version {number} of the minutes is already approved.");
        }

        if (version.Number != Latest.Number)
        {
            return Failure.Rule($"Only the latest version of the minutes (version {Latest.Number}) can be approved.");
        }

        if (!IsLaterMeetingOfSameCommittee(approval, source))
        {
            return Failure.Rule("Minutes are approved at a later meeting of the same committee: choose that meeting's \"Minutes of the previous meeting\" item.");
        }

        if (!IsMinutesItem(approval.ItemTitle))
        {
            return Failure.Rule($"Minutes are approved at the agenda item \"Minutes of the previous meeting\"; \"{approval.ItemTitle}\" is not that item.");
        }

        if (by.At < approval.StartsAt)
        {
            return Failure.Rule("The meeting approving the minutes has not started yet: minutes are approved at the meeting.");
        }

        var parts = new MinutesParts(
            MinutesGenerator.Generate(source, MinutesPart.Public, number, MinutesStatus.Approved, version.Narratives),
            MinutesGenerator.Generate(source, MinutesPart.Private, number, MinutesStatus.Approved, version.Narratives));
        version.Approve(approval, MinutesContent.Canonical(parts), by);
        Touch();
        return CommandResult.Success();
    }

    /// <summary>The approving item belongs to a meeting of this committee that starts after the minuted one.</summary>
    public bool IsLaterMeetingOfSameCommittee(MinutesApproval approval, MinutesSource source)
    {
        ArgumentNullException.ThrowIfNull(approval);
        ArgumentNullException.ThrowIfNull(source);
        return approval.CommitteeId == CommitteeId
            && source.CommitteeId == CommitteeId
            && approval.MeetingId != MeetingId
            && approval.StartsAt > source.StartsAt;
    }

    /// <summary>"Minutes of the previous meeting" (or "of the last meeting"), in any case and spacing, possibly with more words.</summary>
    public static bool IsMinutesItem(string? title) =>
        title is not null && MinutesItemTitle().IsMatch(string.Join(' ', title.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));

    /// <summary>
    /// Corrects an approved version: a new draft version copying its narratives, with the reason. The approved
    /// version stays as it was.
    /// </summary>
    public CommandResult<MinutesVersion> Correct(int number, string? reason, MinutesActor by)
    {
        ArgumentNullException.ThrowIfNull(by);
        var version = Find(number);
        if (version is null)
        {
            return Failure.NotFound("The version of the minutes");
        }

        if (!version.IsApproved)
        {
            return Failure.Rule($"Version {number} is a draft: edit it directly. Only approved minutes are corrected by a new version.");
        }

        if (version.Number != Latest.Number)
        {
            return Failure.Rule($"Version {number} has already been corrected: the latest is version {Latest.Number}.");
        }

        var checkedReason = Text.Required("reason", reason, MinutesVersion.ReasonMaxLength);
        if (checkedReason.TryGetFailure(out var failure))
        {
            return failure;
        }

        var corrected = new MinutesVersion(Id, OrganisationId, Latest.Number + 1, version.Narratives, by, checkedReason.Value, number);
        versions.Add(corrected);
        Touch();
        return CommandResult<MinutesVersion>.Success(corrected);
    }

    [GeneratedRegex(@"\bminutes of the (previous|last) meeting\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MinutesItemTitle();

    private void Touch() => Version = Guid.NewGuid();
}
