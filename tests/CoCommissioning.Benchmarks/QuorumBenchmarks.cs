using BenchmarkDotNet.Attributes;
using CoCommissioning.Domain.Committees;
using CoCommissioning.Domain.Decisions;
using CoCommissioning.Domain.Quorum;

namespace CoCommissioning.Benchmarks;

/// <summary>
/// Issue 3's target: quorum plus eligibility for a 25-member committee with six requirements and five conflict
/// rulings, median under 20 microseconds, with no database access (the evaluator is pure).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class QuorumBenchmarks
{
    private QuorumRule rule = null!;
    private VotingRules voting = null!;
    private List<SeatAtItem> seats = null!;
    private Dictionary<Guid, string> roleNames = null!;

    [GlobalSetup]
    public void Setup()
    {
        var roles = Enumerable.Range(0, 12)
            .Select(i => new SeatRole(Guid.NewGuid(), $"Role {i}", (RoleClassification)(i % 4)))
            .ToArray();
        roleNames = roles.ToDictionary(r => r.RoleId, r => r.Name);

        seats = [];
        for (var i = 0; i < 25; i++)
        {
            var office = i == 0 ? CommitteeOffice.Chair : i == 1 ? CommitteeOffice.ViceChair : CommitteeOffice.None;
            var seat = new Seat(Guid.NewGuid(), Guid.NewGuid(), $"Member {i}", [roles[i % roles.Length], roles[(i * 7 + 3) % roles.Length]], i < 20, office);
            var presence = i % 9 == 8 ? Presence.Absent : i % 11 == 10 ? Presence.DeputyPresent : Presence.Present;

            // Five rulings: one of each kind of exclusion, and two who take full part after declaring.
            var ruling = i switch
            {
                3 => ConflictRuling.LeavesRoom,
                5 => ConflictRuling.StaysNoPart,
                7 => ConflictRuling.DiscussesNoVote,
                9 or 12 => ConflictRuling.FullPart,
                _ => ConflictRuling.FullPart,
            };
            seats.Add(new SeatAtItem(seat, presence, presence == Presence.DeputyPresent ? $"Deputy {i}" : null, ruling));
        }

        rule = new QuorumRule(
            8,
            CountBasis.VotingMembers,
            [
                new(2, RoleCriterion.Roles(roles[0].RoleId, roles[4].RoleId)),
                new(1, RoleCriterion.Roles(roles[1].RoleId)),
                new(2, RoleCriterion.Roles(roles[2].RoleId, roles[6].RoleId, roles[10].RoleId)),
                new(1, RoleCriterion.Classes(RoleClassification.Executive)),
                new(1, RoleCriterion.Roles(roles[3].RoleId, roles[7].RoleId)),
                new(2, RoleCriterion.NonVoting()),
            ],
            ChairOrViceChairRequired: true,
            LayMajorityRequired: false,
            DeputiesCount: true);
        voting = new VotingRules(MajorityBasis.VotesCast, DeputiesMayVote: true, PresidingPersonHasCastingVote: true);
    }

    [Benchmark]
    public int QuorumAndEligibility()
    {
        var verdict = QuorumEvaluator.Evaluate(rule, seats, roleNames);
        var eligible = Voting.Eligibility(seats, voting);
        return verdict.Counted + eligible.Count;
    }
}
