using CoCommissioning.Domain.Committees;

namespace CoCommissioning.Domain.Quorum;

/// <summary>
/// Decides whether an item is quorate. Requirements are filled as an assignment (a maximum bipartite matching of
/// people to places), so one person never fills two places and a clever order cannot hide a shortfall.
/// Pure and allocation-light: it runs before every vote.
/// </summary>
public static class QuorumEvaluator
{
    public static QuorumVerdict Evaluate(QuorumRule rule, IReadOnlyList<SeatAtItem> seats, IReadOnlyDictionary<Guid, string> roleNames)
    {
        var counts = new bool[seats.Count];
        for (var i = 0; i < seats.Count; i++)
        {
            counts[i] = CountsForQuorum(rule, seats[i]);
        }

        var countedNames = new List<string>();
        for (var i = 0; i < seats.Count; i++)
        {
            if (counts[i] && (rule.CountBasis == CountBasis.AllMembers || seats[i].Seat.IsVoting))
            {
                countedNames.Add(seats[i].AttendeeName);
            }
        }

        var owner = Match(rule, seats, counts, out var placeRequirement);
        var outcomes = new List<RequirementOutcome>(rule.Requirements.Count);
        for (var r = 0; r < rule.Requirements.Count; r++)
        {
            // Listed in committee order, not in the order the matching happened to settle them.
            var filledBy = new List<string>();
            for (var s = 0; s < seats.Count; s++)
            {
                var place = Array.IndexOf(owner, s);
                if (place >= 0 && placeRequirement[place] == r)
                {
                    filledBy.Add(seats[s].AttendeeName);
                }
            }

            var requirement = rule.Requirements[r];
            var why = filledBy.Count >= requirement.AtLeast ? [] : WhyNotOthers(rule, requirement, r, seats, counts, owner, placeRequirement);
            outcomes.Add(new RequirementOutcome(r, QuorumText.Describe(requirement.Criterion, roleNames), requirement.AtLeast, filledBy, why));
        }

        bool? chairPresent = rule.ChairOrViceChairRequired
            ? seats.Any(s => s.Presence == Presence.Present && !s.Ruling.RemovesFromQuorum() && s.Seat.Office != CommitteeOffice.None)
            : null;

        bool? layMajority = null;
        if (rule.LayMajorityRequired)
        {
            var lay = 0;
            for (var i = 0; i < seats.Count; i++)
            {
                if (counts[i] && (rule.CountBasis == CountBasis.AllMembers || seats[i].Seat.IsVoting) && seats[i].Seat.IsLay)
                {
                    lay++;
                }
            }

            layMajority = lay * 2 > countedNames.Count;
        }

        var quorate = countedNames.Count >= rule.MinimumPresent
            && outcomes.All(o => o.IsMet)
            && chairPresent != false
            && layMajority != false;

        var lines = QuorumText.Explain(rule, quorate, countedNames, outcomes, chairPresent, layMajority, seats);
        return new QuorumVerdict(quorate, countedNames.Count, rule.MinimumPresent, countedNames, outcomes, chairPresent, layMajority, lines);
    }

    /// <summary>Present in person, or by a deputy where the ToR lets deputies count, and not removed by a ruling.</summary>
    public static bool CountsForQuorum(QuorumRule rule, SeatAtItem seat) =>
        seat.Presence switch
        {
            Presence.Present => true,
            Presence.DeputyPresent => rule.DeputiesCount,
            _ => false,
        } && !seat.Ruling.RemovesFromQuorum();

    // Kuhn's augmenting paths. owner[place] = seat index filling it, or -1.
    private static int[] Match(QuorumRule rule, IReadOnlyList<SeatAtItem> seats, bool[] counts, out int[] placeRequirement)
    {
        var places = rule.RequiredPlaces;
        placeRequirement = new int[places];
        var p = 0;
        for (var r = 0; r < rule.Requirements.Count; r++)
        {
            for (var k = 0; k < rule.Requirements[r].AtLeast; k++)
            {
                placeRequirement[p++] = r;
            }
        }

        var owner = new int[places];
        Array.Fill(owner, -1);
        var seatPlace = new int[seats.Count];
        Array.Fill(seatPlace, -1);
        var visited = new bool[places];
        var fits = new bool[seats.Count, rule.Requirements.Count];
        for (var s = 0; s < seats.Count; s++)
        {
            for (var r = 0; r < rule.Requirements.Count; r++)
            {
                fits[s, r] = counts[s] && rule.Requirements[r].Criterion.IsMetBy(seats[s].Seat);
            }
        }

        for (var s = 0; s < seats.Count; s++)
        {
            if (!counts[s])
            {
                continue;
            }

            Array.Clear(visited);
            TryAssign(s, placeRequirement, owner, seatPlace, visited, fits);
        }

        return owner;
    }

    private static bool TryAssign(int seat, int[] placeRequirement, int[] owner, int[] seatPlace, bool[] visited, bool[,] fits)
    {
        for (var place = 0; place < placeRequirement.Length; place++)
        {
            if (visited[place] || !fits[seat, placeRequirement[place]])
            {
                continue;
            }

            visited[place] = true;
            if (owner[place] < 0 || TryAssign(owner[place], placeRequirement, owner, seatPlace, visited, fits))
            {
                owner[place] = seat;
                seatPlace[seat] = place;
                return true;
            }
        }

        return false;
    }

    private static List<string> WhyNotOthers(QuorumRule rule, QuorumRequirement requirement, int index, IReadOnlyList<SeatAtItem> seats, bool[] counts, int[] owner, int[] placeRequirement)
    {
        var why = new List<string>();
        for (var s = 0; s < seats.Count; s++)
        {
            var seat = seats[s];
            if (!requirement.Criterion.IsMetBy(seat.Seat))
            {
                continue;
            }

            if (counts[s])
            {
                var place = Array.IndexOf(owner, s);
                if (place >= 0 && placeRequirement[place] != index)
                {
                    why.Add($"{seat.AttendeeName} fills requirement {placeRequirement[place] + 1}");
                }

                continue;
            }

            why.Add(seat.Presence switch
            {
                Presence.Absent => $"{seat.Seat.Name} is absent",
                Presence.DeputyPresent when !rule.DeputiesCount => $"{seat.AttendeeName} does not count: the terms of reference do not let deputies count",
                _ => $"{seat.AttendeeName} is excluded by a conflict ruling ({seat.Ruling.Describe()})",
            });
        }

        return why;
    }
}
