using CoCommissioning.Domain.Committees;

namespace CoCommissioning.Domain.Quorum;

/// <summary>
/// The plain English of quorum: the rule read back so a lay chair can check it against the signed terms of
/// reference, and each verdict explained by naming who fills what and what is missing.
/// </summary>
public static class QuorumText
{
    /// <summary>"Chief Officer or Chief Finance Officer", "a lay member", "any non-voting member".</summary>
    public static string Describe(RoleCriterion criterion, IReadOnlyDictionary<Guid, string> roleNames)
    {
        var parts = new List<string>();
        parts.AddRange(criterion.RoleIds.Select(id => roleNames.TryGetValue(id, out var name) ? name : "an unknown role"));
        parts.AddRange(criterion.Classifications.Select(c => $"any {ClassWord(c)} member"));
        if (criterion.AnyNonVotingMember)
        {
            parts.Add("any non-voting member");
        }

        return JoinOr(parts);
    }

    /// <summary>The quorum clause in words, from the rule as stored.</summary>
    public static string Render(QuorumRule rule, IReadOnlyDictionary<Guid, string> roleNames)
    {
        var sentences = new List<string>();
        var who = rule.CountBasis == CountBasis.VotingMembers ? "voting members" : "members (voting or not)";
        var includes = rule.Requirements.Select(r => $"at least {r.AtLeast} {(r.AtLeast == 1 ? "" : "of ")}{Describe(r.Criterion, roleNames)}").ToList();

        if (rule.MinimumPresent > 0 && includes.Count > 0)
        {
            sentences.Add($"At least {rule.MinimumPresent} {who} must be present, including {JoinAnd(includes)}.");
        }
        else if (rule.MinimumPresent > 0)
        {
            sentences.Add($"At least {rule.MinimumPresent} {who} must be present.");
        }
        else if (includes.Count > 0)
        {
            sentences.Add($"Present must be {JoinAnd(includes)}.");
        }
        else
        {
            sentences.Add("No minimum attendance is set.");
        }

        if (rule.Requirements.Count > 1 || rule.Requirements.Any(r => r.AtLeast > 1))
        {
            sentences.Add("Each place is filled by a different person.");
        }

        if (rule.ChairOrViceChairRequired)
        {
            sentences.Add("The chair or the vice chair must be present.");
        }

        if (rule.LayMajorityRequired)
        {
            sentences.Add($"Lay members must be a majority of the {who} present.");
        }

        sentences.Add(rule.DeputiesCount
            ? "A named deputy counts for the member they stand in for."
            : "Deputies do not count towards quorum.");
        sentences.Add("A member excluded from an item by a conflict ruling does not count for that item.");
        return string.Join(" ", sentences);
    }

    internal static List<string> Explain(
        QuorumRule rule,
        bool quorate,
        IReadOnlyList<string> counted,
        IReadOnlyList<RequirementOutcome> outcomes,
        bool? chairPresent,
        bool? layMajority,
        IReadOnlyList<SeatAtItem> seats)
    {
        var lines = new List<string> { quorate ? "Quorate." : "Not quorate." };
        var who = rule.CountBasis == CountBasis.VotingMembers ? "voting members" : "members";

        if (rule.MinimumPresent > 0)
        {
            lines.Add(counted.Count >= rule.MinimumPresent
                ? $"{counted.Count} {who} present and counting (at least {rule.MinimumPresent} needed)."
                : $"Needs at least {rule.MinimumPresent} {who} present and unconflicted; {counted.Count} {(counted.Count == 1 ? "is" : "are")}.");
        }

        foreach (var outcome in outcomes)
        {
            var need = $"{outcome.AtLeast} of {outcome.Description}";
            if (outcome.IsMet)
            {
                lines.Add(outcome.AtLeast == 1
                    ? $"{Capitalise(outcome.Description)}: {JoinAnd([.. outcome.FilledBy])}."
                    : $"{outcome.AtLeast} of {outcome.Description}: {JoinAnd([.. outcome.FilledBy])}.");
            }
            else
            {
                var filled = outcome.FilledBy.Count == 0
                    ? "none present and unconflicted"
                    : $"only {JoinAnd([.. outcome.FilledBy])}";
                var why = outcome.WhyNotOthers.Count > 0 ? $" ({string.Join("; ", outcome.WhyNotOthers)})" : "";
                var nobody = outcome.FilledBy.Count == 0 && outcome.WhyNotOthers.Count == 0 ? " (no member holds these roles)" : "";
                lines.Add($"Needs {need}; {filled}{why}{nobody}.");
            }
        }

        if (chairPresent is { } chair)
        {
            lines.Add(chair
                ? "The chair or vice chair is present."
                : "Needs the chair or the vice chair present and unconflicted; " + ChairWhereabouts(seats) + ".");
        }

        if (layMajority is { } majority)
        {
            var lay = counted.Count(name => seats.Any(s => s.AttendeeName == name && s.Seat.IsLay));
            lines.Add(majority
                ? $"Lay majority: {lay} of {counted.Count}."
                : $"Needs a lay majority; {lay} of {counted.Count} {who} counted are lay.");
        }

        return lines;
    }

    private static string ChairWhereabouts(IReadOnlyList<SeatAtItem> seats)
    {
        var holders = seats.Where(s => s.Seat.Office != CommitteeOffice.None).ToList();
        if (holders.Count == 0)
        {
            return "neither office is filled";
        }

        return string.Join("; ", holders.Select(s => $"the {(s.Seat.Office == CommitteeOffice.Chair ? "chair" : "vice chair")}, {s.Seat.Name}, " + s.Presence switch
        {
            Presence.Absent => "is absent",
            Presence.DeputyPresent => "is represented by a deputy, who cannot hold the office",
            _ => $"is excluded by a conflict ruling ({s.Ruling.Describe()})",
        }));
    }

    private static string ClassWord(RoleClassification c) => c switch
    {
        RoleClassification.Lay => "lay",
        RoleClassification.Executive => "executive",
        RoleClassification.Clinical => "clinical",
        RoleClassification.Representative => "representative",
        _ => "observer",
    };

    private static string JoinOr(List<string> parts) => parts.Count switch
    {
        0 => "nobody",
        1 => parts[0],
        _ => string.Join(", ", parts.Take(parts.Count - 1)) + " or " + parts[^1],
    };

    private static string JoinAnd(List<string> parts) => parts.Count switch
    {
        0 => "",
        1 => parts[0],
        _ => string.Join(", ", parts.Take(parts.Count - 1)) + " and " + parts[^1],
    };

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
