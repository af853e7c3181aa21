using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CoCommissioning.Domain.Meetings;

/// <summary>Which of a meeting's two packs: the public part (for publication) or the private part (confidential).</summary>
public enum PackPart
{
    Public,
    Private,
}

/// <summary>What a meeting pack is made from: the meeting's details and its agenda, every item and paper, public or not.</summary>
/// <param name="Venue">Where the meeting is held, when known (shown on the cover).</param>
public sealed record PackMeeting(string OrganisationName, string CommitteeName, string MeetingTitle, DateTimeOffset StartsAt, string? Venue, IReadOnlyList<PackItem> Items);

/// <summary>An agenda item; <see cref="Number"/> is its number as the agenda shows it ("3", or "2.1").</summary>
public sealed record PackItem(Guid Id, string Number, string Title, ItemPurpose Purpose, string? Presenter, bool IsPrivate, IReadOnlyList<PackPaper> Papers);

/// <summary>
/// A paper of an item, in the order the item lists its papers. <see cref="SizeBytes"/> is its stored size; a paper's
/// bytes never change under its id, so the id and size say which contents it has.
/// </summary>
public sealed record PackPaper(Guid Id, string Title, string FileName, string ContentType, long SizeBytes, bool IsPublic)
{
    /// <summary>A PDF is merged into the pack; anything else (Word, Excel, images...) is listed as attached separately.</summary>
    public bool IsPdf => string.Equals(ContentType, "application/pdf", StringComparison.OrdinalIgnoreCase);
}

/// <summary>A paper's place in the pack: merged (a PDF) or a page saying it is attached separately, with its bookmark.</summary>
public sealed record PlannedPaper(PackPaper Paper, string Bookmark, bool Merged);

/// <summary>
/// An item's place in the pack, with its bookmark. <see cref="ConfidentialPapersOnly"/> marks an item of the public
/// part that is in the private pack only for its confidential papers.
/// </summary>
public sealed record PlannedItem(PackItem Item, string Bookmark, bool ConfidentialPapersOnly, IReadOnlyList<PlannedPaper> Papers);

/// <summary>
/// One pack, planned: the cover and agenda, then each item in agenda order with its papers in order. The fingerprint
/// changes whenever anything the pack shows changes (details, items, papers, their order or their contents), and
/// only then: a stored pack whose fingerprint matches is the pack these inputs make.
/// </summary>
public sealed record PackPlan(PackPart Part, PackMeeting Meeting, IReadOnlyList<PlannedItem> Items, string Fingerprint)
{
    public const string CoverBookmark = "Cover";
    public const string AgendaBookmark = "Agenda";

    public int PaperCount => Items.Sum(i => i.Papers.Count);
}

/// <summary>
/// Decides what goes in a meeting pack, in what order and under which bookmarks. The public pack holds the public
/// items and only their public papers: nothing of a private item, and no private paper, ever. The private pack holds
/// everything the public pack leaves out: the private items with all their papers, and any confidential paper of a
/// public item (under that item, marked as such), so every paper is in exactly one of the two packs.
/// </summary>
public static class MeetingPackPlanner
{
    /// <summary>Bumped whenever the layout of the pack changes, so packs stored by an older layout are built again.</summary>
    public const string LayoutVersion = "pack-layout-1";

    public static PackPlan Plan(PackMeeting meeting, PackPart part)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var items = new List<PlannedItem>();
        foreach (var item in InAgendaOrder(meeting.Items))
        {
            var inPart = part == PackPart.Public ? !item.IsPrivate : item.IsPrivate;
            var papers = item.Papers.Where(p => part == PackPart.Public ? !item.IsPrivate && p.IsPublic : item.IsPrivate || !p.IsPublic).ToList();
            var confidentialOnly = part == PackPart.Private && !item.IsPrivate && papers.Count > 0;
            if (!inPart && !confidentialOnly)
            {
                continue;
            }

            var bookmark = ItemBookmark(item) + (confidentialOnly ? " (confidential papers)" : "");
            items.Add(new PlannedItem(item, bookmark, confidentialOnly, [.. papers.Select(p => new PlannedPaper(p, PaperBookmark(p), p.IsPdf))]));
        }

        return new PackPlan(part, meeting, items, Fingerprint(meeting, part, items));
    }

    /// <summary>"Item 3: Finance report".</summary>
    public static string ItemBookmark(PackItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return $"Item {item.Number}: {item.Title}";
    }

    /// <summary>The paper's title, with "(attached separately)" when it is not a PDF and so is not merged in.</summary>
    public static string PaperBookmark(PackPaper paper)
    {
        ArgumentNullException.ThrowIfNull(paper);
        return paper.IsPdf ? paper.Title : $"{paper.Title} (attached separately)";
    }

    /// <summary>
    /// Items by their number read as dotted numbers (2 before 2.1 before 3 before 10); numbers that are not numeric
    /// compare as text after; items with the same number keep the order given.
    /// </summary>
    public static IReadOnlyList<PackItem> InAgendaOrder(IEnumerable<PackItem> items) =>
        [.. (items ?? throw new ArgumentNullException(nameof(items))).OrderBy(i => i.Number, AgendaNumberComparer.Instance)];

    private static string Fingerprint(PackMeeting meeting, PackPart part, IReadOnlyList<PlannedItem> items)
    {
        var text = new StringBuilder();
        void Field(object? value) => text.Append(Convert.ToString(value, CultureInfo.InvariantCulture)?.Replace("\u001f", " ", StringComparison.Ordinal)).Append('\u001f');

        Field(LayoutVersion);
        Field(part);
        Field(meeting.OrganisationName);
        Field(meeting.CommitteeName);
        Field(meeting.MeetingTitle);
        Field(meeting.StartsAt.UtcTicks);
        Field(meeting.Venue);
        foreach (var planned in items)
        {
            var item = planned.Item;
            text.Append('\u001e');
            Field(item.Id);
            Field(item.Number);
            Field(item.Title);
            Field(item.Purpose);
            Field(item.Presenter);
            Field(item.IsPrivate);
            Field(planned.ConfidentialPapersOnly);
            foreach (var paper in planned.Papers.Select(p => p.Paper))
            {
                text.Append('\u001d');
                Field(paper.Id);
                Field(paper.Title);
                Field(paper.FileName);
                Field(paper.ContentType);
                Field(paper.SizeBytes);
                Field(paper.IsPublic);
            }
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>Compares agenda numbers as dotted numbers ("2.1" after "2", "10" after "9").</summary>
    private sealed class AgendaNumberComparer : IComparer<string>
    {
        public static AgendaNumberComparer Instance { get; } = new();

        public int Compare(string? x, string? y)
        {
            var left = Parts(x);
            var right = Parts(y);
            if (left is null || right is null)
            {
                return left is null && right is null ? string.CompareOrdinal(x, y) : left is null ? 1 : -1;
            }

            for (var i = 0; i < Math.Min(left.Length, right.Length); i++)
            {
                if (left[i] != right[i])
                {
                    return left[i].CompareTo(right[i]);
                }
            }

            return left.Length.CompareTo(right.Length);
        }

        private static long[]? Parts(string? number)
        {
            var pieces = (number ?? "").Trim().Split('.');
            var parts = new long[pieces.Length];
            for (var i = 0; i < pieces.Length; i++)
            {
                if (!long.TryParse(pieces[i], NumberStyles.None, CultureInfo.InvariantCulture, out parts[i]))
                {
                    return null;
                }
            }

            return parts;
        }
    }
}

/// <summary>
/// A built pack, stored with the fingerprint of the plan it was built from, so every app instance serves the same
/// pack and builds it again only when the meeting's agenda or papers change. Not a governance record (it is made from
/// records that are audited), so it is not audited itself.
/// </summary>
public sealed class StoredMeetingPack
{
    private StoredMeetingPack()
    {
        Fingerprint = "";
        Bytes = [];
    }

    public StoredMeetingPack(Guid meetingId, Guid organisationId, PackPart part, string fingerprint, byte[] bytes, int pageCount, DateTimeOffset builtAt)
    {
        MeetingId = meetingId;
        OrganisationId = organisationId;
        Part = part;
        Fingerprint = fingerprint;
        Bytes = bytes;
        PageCount = pageCount;
        BuiltAt = builtAt;
    }

    public const int FingerprintLength = 64;

    public Guid MeetingId { get; private set; }
    public Guid OrganisationId { get; private set; }
    public PackPart Part { get; private set; }
    public string Fingerprint { get; private set; }
    public byte[] Bytes { get; private set; }
    public int PageCount { get; private set; }
    public DateTimeOffset BuiltAt { get; private set; }

    /// <summary>Replaces the stored pack with one built from newer inputs.</summary>
    public void Replace(string fingerprint, byte[] bytes, int pageCount, DateTimeOffset builtAt)
    {
        Fingerprint = fingerprint;
        Bytes = bytes;
        PageCount = pageCount;
        BuiltAt = builtAt;
    }
}
