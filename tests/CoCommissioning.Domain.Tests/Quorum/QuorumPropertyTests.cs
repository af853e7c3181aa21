using CoCommissioning.Domain.Committees;
using CoCommissioning.Domain.Decisions;
using CoCommissioning.Domain.Quorum;
using FsCheck.Xunit;

namespace CoCommissioning.Domain.Tests.Quorum;

/// <summary>
/// Properties over random committees, rules and attendance (built from a seed FsCheck varies). A lay-majority
/// clause is left out of the monotonicity properties on purpose: adding a non-lay member can end a lay majority,
/// and excluding one can create it. That exception is the rule working, and is pinned by its own test.
/// </summary>
public sealed class QuorumPropertyTests
{
    private static readonly SeatRole[] Roles =
    [
        new(Guid.NewGuid(), "Lay", RoleClassification.Lay),
        new(Guid.NewGuid(), "Lay advisor", RoleClassification.Lay),
        new(Guid.NewGuid(), "GP", RoleClassification.Clinical),
        new(Guid.NewGuid(), "Nurse", RoleClassification.Clinical),
        new(Guid.NewGuid(), "Chief", RoleClassification.Executive),
        new(Guid.NewGuid(), "Finance", RoleClassification.Executive),
        new(Guid.NewGuid(), "Rep", RoleClassification.Representative),
    ];

    private static readonly IReadOnlyDictionary<Guid, string> Names = Roles.ToDictionary(r => r.RoleId, r => r.Name);

    [Property(MaxTest = 500)]
    public bool AddingPresentUnconflictedVotingMember_NeverTurnsQuorateInquorate(int seed)
    {
        var random = new Random(seed);
        var rule = RandomRule(random, layMajority: false);
        var seats = RandomAttendance(random);
        var absentVoters = Enumerable.Range(0, seats.Count).Where(i => seats[i].Presence == Presence.Absent && seats[i].Seat.IsVoting).ToList();
        if (absentVoters.Count == 0 || !QuorumEvaluator.Evaluate(rule, seats, Names).IsQuorate)
        {
            return true;
        }

        var arriving = absentVoters[random.Next(absentVoters.Count)];
        var after = seats.ToList();
        after[arriving] = SeatAtItem.PresentWith(seats[arriving].Seat);
        return QuorumEvaluator.Evaluate(rule, after, Names).IsQuorate;
    }

    [Property(MaxTest = 500)]
    public bool ExcludingMember_NeverTurnsInquorateQuorate(int seed)
    {
        var random = new Random(seed);
        var rule = RandomRule(random, layMajority: false);
        var seats = RandomAttendance(random);
        if (QuorumEvaluator.Evaluate(rule, seats, Names).IsQuorate)
        {
            return true;
        }

        var excluded = random.Next(seats.Count);
        var after = seats.ToList();
        after[excluded] = seats[excluded] with { Ruling = random.Next(2) == 0 ? ConflictRuling.StaysNoPart : ConflictRuling.LeavesRoom };
        return !QuorumEvaluator.Evaluate(rule, after, Names).IsQuorate;
    }

    [Property(MaxTest = 500)]
    public bool Tally_NeverCountsAnIneligibleVoter(int seed)
    {
        var random = new Random(seed);
        var seats = RandomAttendance(random);
        var rules = new VotingRules((MajorityBasis)random.Next(2), random.Next(2) == 0, random.Next(2) == 0);
        var votes = seats.Where(_ => random.Next(3) > 0).ToDictionary(s => s.Seat.MembershipId, _ => (VoteChoice)random.Next(3));
        var ineligibleVoted = votes.Keys.Any(id => !Voting.Eligibility(seats.Single(s => s.Seat.MembershipId == id), rules).MayVote);

        var result = Voting.Count(seats, rules, votes, VoteChoice.For);

        if (ineligibleVoted)
        {
            return !result.Succeeded;
        }

        // Refused only for a reason other than eligibility (no votes, a casting vote off a tie).
        return !result.Succeeded || result.Value!.For + result.Value.Against + result.Value.Abstain == votes.Count;
    }

    [Fact]
    public void LayMajority_AddingNonLayMember_CanEndTheMajority()
    {
        var lay = new Seat(Guid.NewGuid(), Guid.NewGuid(), "Lay", [Roles[0]], true, CommitteeOffice.Chair);
        var gp = new Seat(Guid.NewGuid(), Guid.NewGuid(), "GP", [Roles[2]], true, CommitteeOffice.None);
        var rule = new QuorumRule(1, CountBasis.VotingMembers, [], false, true, false);

        QuorumEvaluator.Evaluate(rule, [SeatAtItem.PresentWith(lay), SeatAtItem.AbsentFrom(gp)], Names).IsQuorate.Should().BeTrue();
        QuorumEvaluator.Evaluate(rule, [SeatAtItem.PresentWith(lay), SeatAtItem.PresentWith(gp)], Names).IsQuorate.Should().BeFalse();
    }

    private static QuorumRule RandomRule(Random random, bool layMajority)
    {
        var requirements = Enumerable.Range(0, random.Next(4)).Select(_ =>
        {
            var roleIds = Roles.Where(_ => random.Next(3) == 0).Select(r => r.RoleId).ToList();
            var classes = random.Next(4) == 0 ? new List<RoleClassification> { (RoleClassification)random.Next(3) } : [];
            var criterion = new RoleCriterion(roleIds, classes, roleIds.Count == 0 && classes.Count == 0 || random.Next(6) == 0);
            return new QuorumRequirement(1 + random.Next(3), criterion);
        }).ToList();
        return new QuorumRule(random.Next(7), (CountBasis)random.Next(2), requirements, random.Next(3) == 0, layMajority, random.Next(2) == 0);
    }

    private static List<SeatAtItem> RandomAttendance(Random random)
    {
        var count = 1 + random.Next(12);
        var chair = random.Next(count);
        var vice = random.Next(count);
        var seats = new List<SeatAtItem>();
        for (var i = 0; i < count; i++)
        {
            var roles = Roles.Where(_ => random.Next(4) == 0).DefaultIfEmpty(Roles[random.Next(Roles.Length)]).ToList();
            var office = i == chair ? CommitteeOffice.Chair : i == vice ? CommitteeOffice.ViceChair : CommitteeOffice.None;
            var seat = new Seat(Guid.NewGuid(), Guid.NewGuid(), $"P{i}", roles, random.Next(5) > 0, office);
            var presence = (Presence)random.Next(3);
            var ruling = random.Next(3) == 0 ? (ConflictRuling)random.Next(4) : ConflictRuling.FullPart;
            seats.Add(new SeatAtItem(seat, presence, presence == Presence.DeputyPresent ? $"D{i}" : null, ruling));
        }

        return seats;
    }
}
