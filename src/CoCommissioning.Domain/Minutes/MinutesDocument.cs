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
}

/// <summary>One person present: name, capacity (role, or "deputy for …") and when they came and went, if not throughout.</summary>
public sealed record AttendeeLine(string Name, string Capacity, string? Times);

/// <summary>A declaration with how it was managed, item by item, and the evidence (when the person left and returned).</summary>
public sealed record DeclarationLine(string Name, string Interest, string? RaisedBy, IReadOnlyList<string> Management);

/// <summary>An item: its facts from the record, the secretary's narrative (Markdown) and the actions arising.</summary>
public sealed record MinutesItem(
    Guid ItemId,
    int Number,
    string Title,
    string Purpose,
    string? Presenter,
    string? Quorum,
    string Narrative,
    string? Outcome,
    IReadOnlyList<ActionLine> Actions);

public sealed record ActionLine(string Description, string Owner, DateOnly? Due);
