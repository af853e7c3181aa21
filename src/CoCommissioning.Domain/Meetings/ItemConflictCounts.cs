using CoCommissioning.Domain.Quorum;

namespace CoCommissioning.Domain.Meetings;

/// <summary>
/// How the conflicts on an item were dealt with, counted from the record: likely conflicts from the register that were
/// declared or dismissed, and the rulings on the declarations. Every place that states these (the decisions log, the
/// public decisions, the minutes) counts them here, so the counts always match the record.
/// </summary>
public sealed record ItemConflictCounts(int FlagsDeclared, int FlagsDismissed, IReadOnlyList<ConflictRuling> Rulings)
{
    /// <summary>
    /// The flags of those present that were dealt with. An item cannot be decided while one is open, so for a decided
    /// item this is every flag raised for those present.
    /// </summary>
    public int FlagsRaised => FlagsDeclared + FlagsDismissed;

    public static ItemConflictCounts Of(Meeting meeting, Guid itemId) =>
        new(
            meeting.Declarations.Where(d => d.RegisterDeclarationId is not null && d.Concerns(itemId)).Select(d => (d.MembershipId, d.RegisterDeclarationId)).Distinct().Count(),
            meeting.FlagDismissals.Count(d => d.ItemId == itemId),
            [.. meeting.Rulings.Where(r => r.ItemId == itemId).Select(r => r.Ruling)]);

    /// <summary>The public account: numbers and rulings, without names or interests.</summary>
    public string Summary()
    {
        var parts = new List<string>();
        if (FlagsRaised > 0)
        {
            parts.Add($"The register of interests flagged {Count(FlagsRaised, "likely conflict", "likely conflicts")} for those present: {FlagsDeclared} declared, {FlagsDismissed} dismissed as not relevant to the item.");
        }

        if (Rulings.Count == 0)
        {
            // A declared flag is a declared conflict: saying none were declared would contradict the sentence before.
            parts.Add(FlagsDeclared > 0 ? "No ruling on the declared conflicts was recorded." : "No conflicts of interest were declared.");
        }
        else
        {
            var managed = Rulings.GroupBy(r => r).OrderBy(g => g.Key)
                .Select(g => $"{Count(g.Count(), "member", "members")} {Past(g.Key)}");
            parts.Add($"{(Rulings.Count == 1 ? "1 conflict of interest was declared" : $"{Rulings.Count} conflicts of interest were declared")} and managed: {string.Join("; ", managed)}.");
        }

        return string.Join(" ", parts);
    }

    private static string Count(int n, string one, string many) => $"{n} {(n == 1 ? one : many)}";

    private static string Past(ConflictRuling ruling) => ruling switch
    {
        ConflictRuling.FullPart => "took full part",
        ConflictRuling.DiscussesNoVote => "took part in the discussion but did not vote",
        ConflictRuling.StaysNoPart => "stayed in the room but took no part",
        _ => "left the room for the item",
    };
}
