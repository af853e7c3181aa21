namespace CoCommissioning.Domain.Meetings;

/// <summary>What numbering needs to know of an agenda entry.</summary>
public interface IAgendaEntry
{
    Guid Id { get; }

    /// <summary>Set for a sub-item (2.1 under 2); sub-items are one level deep.</summary>
    Guid? ParentItemId { get; }

    bool IsPrivate { get; }

    /// <summary>The place among its siblings (the same parent, or for a top-level item the same part).</summary>
    int Position { get; }

    /// <summary>The number the agenda shows ("2", "2.1").</summary>
    string Number { get; }
}

/// <summary>
/// The agenda's order and its numbers (1, 2, 2.1), worked out in one place so the console, the public pages and the
/// minutes cite the same number. Before the agenda is published every change renumbers it (<see cref="Renumber{T}"/>);
/// after, numbers are frozen: a late item takes the next free number (<see cref="Next{T}"/>) and a withdrawn item keeps
/// its number, so minutes never cite a number that shifted (ADR-0018).
/// </summary>
public static class AgendaNumbering
{
    /// <summary>
    /// The public part then the private part (the resolution excludes the public from the remainder of the meeting, so
    /// no public item may follow a private one); in each, top-level items by position, each followed by its sub-items
    /// by position. A sub-item whose parent is missing is treated as top-level rather than dropped.
    /// </summary>
    public static IReadOnlyList<T> Order<T>(IEnumerable<T> entries)
        where T : IAgendaEntry
    {
        var all = entries.ToList();
        var ids = all.Select(e => e.Id).ToHashSet();
        bool IsTop(T e) => e.ParentItemId is not { } parent || !ids.Contains(parent);
        var ordered = new List<T>(all.Count);
        foreach (var top in all.Where(IsTop).OrderBy(e => e.IsPrivate).ThenBy(e => e.Position).ThenBy(e => e.Number, StringComparer.Ordinal))
        {
            ordered.Add(top);
            ordered.AddRange(all.Where(e => e.ParentItemId == top.Id).OrderBy(e => e.Position).ThenBy(e => e.Number, StringComparer.Ordinal));
        }

        return ordered;
    }

    /// <summary>Fresh numbers in agenda order: top-level items 1, 2, 3; sub-items 2.1, 2.2 under item 2.</summary>
    public static IReadOnlyList<(T Entry, string Number)> Renumber<T>(IEnumerable<T> entries)
        where T : IAgendaEntry
    {
        var result = new List<(T, string)>();
        var top = 0;
        var sub = 0;
        var parentNumber = "";
        var ordered = Order(entries);
        var ids = ordered.Select(e => e.Id).ToHashSet();
        foreach (var entry in ordered)
        {
            if (entry.ParentItemId is { } parent && ids.Contains(parent))
            {
                sub++;
                result.Add((entry, $"{parentNumber}.{sub}"));
            }
            else
            {
                top++;
                sub = 0;
                parentNumber = top.ToString(System.Globalization.CultureInfo.InvariantCulture);
                result.Add((entry, parentNumber));
            }
        }

        return result;
    }

    /// <summary>
    /// The number a late item takes once the agenda is published: the next top-level number after every number used
    /// (withdrawn items keep theirs), or under <paramref name="parent"/> the next sub-number.
    /// </summary>
    public static string Next<T>(IEnumerable<T> entries, T? parent)
        where T : class, IAgendaEntry
    {
        var all = entries.ToList();
        if (parent is null)
        {
            var highest = all.Where(e => e.ParentItemId is null).Select(e => Leading(e.Number)).DefaultIfEmpty(0).Max();
            return (highest + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var prefix = parent.Number + ".";
        var highestSub = all.Where(e => e.ParentItemId == parent.Id && e.Number.StartsWith(prefix, StringComparison.Ordinal))
            .Select(e => Leading(e.Number[prefix.Length..])).DefaultIfEmpty(0).Max();
        return $"{parent.Number}.{highestSub + 1}";
    }

    private static int Leading(string number)
    {
        var digits = new string([.. number.TakeWhile(char.IsAsciiDigit)]);
        return int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0;
    }
}
