namespace CoCommissioning.Domain.Minutes;

/// <summary>Which part of a meeting a set of minutes covers: the public part is published; the private part is kept.</summary>
public enum MinutesPart
{
    Public,
    Private,
}

/// <summary>
/// Minutes as a document: everything a renderer (page, PDF, Word) lays out, already in words. The structured facts
/// come from the meeting record and cannot be edited here; only each item's narrative is the secretary's.
/// </summary>
public sealed record MinutesDocument(
    string OrganisationName,
    string CommitteeName,
    string MeetingTitle,
    DateTimeOffset StartsAt,
    MinutesPart Part,
    int Version,
    string Status,
    IReadOnlyList<AttendeeLine> Present,
    IReadOnlyList<string> Apologies,
    IReadOnlyList<AttendeeLine> InAttendance,
    IReadOnlyList<DeclarationLine> Declarations,
    string? ExclusionResolution,
    IReadOnlyList<MinutesItem> Items)
{
    /// <summary>
    /// Actions arising that were not raised at an item (public part only; empty otherwise). An init property rather
    /// than a constructor parameter, so documents built before it existed still compile.
    /// </summary>
    public IReadOnlyList<ActionLine> GeneralActions { get; init; } = [];

    /// <summary>
    /// Where <see cref="ExclusionResolution"/> stands in the sequence of items: how many of <see cref="Items"/> come
    /// before it. Null when there is no resolution, and in minutes approved before it was recorded (then
    /// <see cref="ItemsBeforeExclusion"/> places it by part). Init-only, like <see cref="GeneralActions"/>, and null
    /// when absent from stored JSON, so minutes approved earlier still read.
    /// </summary>
    public int? ExclusionAfterItems { get; init; }

    /// <summary>
    /// Which wording of the generator made this document (<see cref="MinutesGenerator.Format"/>); null in minutes
    /// approved before it was recorded. Only documents of the same format can be compared with the record today.
    /// </summary>
    public int? Format { get; init; }

    /// <summary>
    /// How many items are laid out before the resolution excluding the public: <see cref="ExclusionAfterItems"/>, or,
    /// for minutes approved before it was recorded, none in the private part (the resolution is passed before the
    /// first private item) and all in the public part (the public leave after the last public item). A method, not a
    /// property, so it is not part of the stored JSON.
    /// </summary>
    public int ItemsBeforeExclusion() => Math.Clamp(ExclusionAfterItems ?? (Part == MinutesPart.Private ? 0 : Items.Count), 0, Items.Count);
}

/// <summary>
/// One person present: name, capacity (role, or "deputy for …") and when they came and went ("Throughout" when there
/// from the start with no departure recorded). Null times: someone in attendance, whose times the record does not
/// keep, or a member in minutes approved before every member's line gave times (null then meant throughout).
/// </summary>
public sealed record AttendeeLine(string Name, string Capacity, string? Times);

/// <summary>A declaration with how it was managed, item by item, and the evidence (when the person left and returned).</summary>
public sealed record DeclarationLine(string Name, string Interest, string? RaisedBy, IReadOnlyList<string> Management);

/// <summary>An item: its facts from the record, the secretary's narrative (Markdown) and the actions arising.</summary>
public sealed record MinutesItem(
    Guid ItemId,
    string Number,
    string Title,
    string Purpose,
    string? Presenter,
    string? Quorum,
    string Narrative,
    string? Outcome,
    IReadOnlyList<ActionLine> Actions);

public sealed record ActionLine(string Description, string Owner, DateOnly? Due);
