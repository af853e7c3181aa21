using CoCommissioning.Domain.Committees;
using CoCommissioning.Domain.Common;
using CoCommissioning.Domain.Quorum;

namespace CoCommissioning.Domain.Decisions;

/// <summary>What a majority is measured against (set in the terms of reference).</summary>
public enum MajorityBasis
{
    /// <summary>More votes for than against; abstentions are not cast.</summary>
    VotesCast,
    /// <summary>More than half of the members eligible to vote on the item vote for.</summary>
    EligibleMembersPresent,
}

/// <summary>The ToR's voting settings for a committee.</summary>
public sealed record VotingRules(MajorityBasis MajorityBasis, bool DeputiesMayVote, bool PresidingPersonHasCastingVote);

public enum VoteChoice
{
    For,
    Against,
    Abstain,
}

/// <summary>Whether one seat may vote on an item, and if not, why.</summary>
public sealed record VoterEligibility(Guid MembershipId, string Name, bool MayVote, string Reason);

/// <summary>Who presides over an item, and how that was decided.</summary>
public sealed record Presiding(Guid? MembershipId, string? Name, string Explanation);

/// <summary>The result of counting votes under the ToR.</summary>
public enum VoteOutcome
{
    Carried,
    NotCarried,
    CarriedOnCastingVote,
    NotCarriedOnCastingVote,
}

public sealed record VoteTally(int For, int Against, int Abstain, int Eligible, VoteOutcome Outcome, VoteChoice? CastingVote, string Explanation);

/// <summary>
/// Voting rules of section 4: who may vote on an item, who presides, and the tally with the casting vote on a tie.
/// The decision service calls these with the same attendance it judged quorum on.
/// </summary>
public static class Voting
{
    public static IReadOnlyList<VoterEligibility> Eligibility(IReadOnlyList<SeatAtItem> seats, VotingRules rules) =>
        [.. seats.Select(s => Eligibility(s, rules))];

    public static VoterEligibility Eligibility(SeatAtItem seat, VotingRules rules)
    {
        var name = seat.AttendeeName;
        if (!seat.Seat.IsVoting)
        {
            return new(seat.Seat.MembershipId, name, false, "not a voting member");
        }

        if (seat.Presence == Presence.Absent)
        {
            return new(seat.Seat.MembershipId, name, false, "absent for this item");
        }

        if (seat.Presence == Presence.DeputyPresent && !rules.DeputiesMayVote)
        {
            return new(seat.Seat.MembershipId, name, false, "a deputy, and the terms of reference do not let deputies vote");
        }

        if (seat.Ruling.RemovesVote())
        {
            return new(seat.Seat.MembershipId, name, false, $"excluded from the vote by a conflict ruling ({seat.Ruling.Describe()})");
        }

        return new(seat.Seat.MembershipId, name, true, seat.Presence == Presence.DeputyPresent ? "votes as deputy" : "present and unconflicted");
    }

    /// <summary>
    /// The chair presides; the vice chair when the chair is conflicted or absent; otherwise the person the
    /// unconflicted voting members chose (<paramref name="chosen"/>), who must be eligible to vote.
    /// </summary>
    public static CommandResult<Presiding> WhoPresides(IReadOnlyList<SeatAtItem> seats, VotingRules rules, Guid? chosen)
    {
        foreach (var office in new[] { CommitteeOffice.Chair, CommitteeOffice.ViceChair })
        {
            var holder = seats.FirstOrDefault(s => s.Seat.Office == office);
            if (holder is { Presence: Presence.Present, Ruling: ConflictRuling.FullPart })
            {
                var why = office == CommitteeOffice.Chair
                    ? $"The chair, {holder.Seat.Name}, presides."
                    : $"The vice chair, {holder.Seat.Name}, presides because the chair is {ChairAbsence(seats)}.";
                return CommandResult<Presiding>.Success(new Presiding(holder.Seat.MembershipId, holder.Seat.Name, why));
            }
        }

        if (chosen is null)
        {
            return Failure.Rule("The chair and the vice chair are both absent or conflicted for this item: the unconflicted voting members must choose a person to preside.");
        }

        var person = seats.FirstOrDefault(s => s.Seat.MembershipId == chosen);
        if (person is null || !Eligibility(person, rules).MayVote)
        {
            return Failure.Rule("The person chosen to preside must be a voting member present for the item and not conflicted.");
        }

        return CommandResult<Presiding>.Success(new Presiding(person.Seat.MembershipId, person.AttendeeName,
            $"{person.AttendeeName} presides, chosen by the unconflicted voting members because the chair and vice chair are absent or conflicted."));
    }

    /// <summary>
    /// Who rules on <paramref name="declaringMembershipId"/>'s conflict for an item: the person presiding, judged as
    /// if the declaring member were conflicted. So a chair who declares is never the one to rule on it: the vice chair
    /// is (or the person the unconflicted members chose).
    /// </summary>
    public static CommandResult<Presiding> WhoRulesOn(IReadOnlyList<SeatAtItem> seats, VotingRules rules, Guid declaringMembershipId, Guid? chosen)
    {
        chosen = chosen == declaringMembershipId ? null : chosen;
        var usual = WhoPresides(seats, rules, chosen);
        if (!usual.TryGetValue(out var usualPresiding, out _) || usualPresiding.MembershipId != declaringMembershipId)
        {
            return usual;
        }

        // The person who would preside declared the interest: judge as if they were out of it, but say why in those
        // words, not as a ruling nobody made.
        var asIfConflicted = seats
            .Select(s => s.Seat.MembershipId == declaringMembershipId ? s with { Ruling = ConflictRuling.LeavesRoom } : s)
            .ToList();
        var instead = WhoPresides(asIfConflicted, rules, chosen);
        if (!instead.TryGetValue(out var presiding, out _))
        {
            return instead;
        }

        var who = seats.FirstOrDefault(s => s.Seat.MembershipId == presiding.MembershipId)?.Seat.Office == CommitteeOffice.ViceChair
            ? $"The vice chair, {presiding.Name},"
            : presiding.Name;
        return CommandResult<Presiding>.Success(presiding with
        {
            Explanation = $"{who} rules on this declaration because {usualPresiding.Name}, who presides, cannot rule on their own interest.",
        });
    }

    /// <summary>
    /// Counts the votes. Every vote must come from an eligible voter, at most one each. On a tie the presiding
    /// person's casting vote decides, where the ToR gives one; without it a tie is not carried.
    /// </summary>
    public static CommandResult<VoteTally> Count(
        IReadOnlyList<SeatAtItem> seats,
        VotingRules rules,
        IReadOnlyDictionary<Guid, VoteChoice> votes,
        VoteChoice? castingVote)
    {
        var eligibility = Eligibility(seats, rules).ToDictionary(e => e.MembershipId);
        foreach (var membershipId in votes.Keys)
        {
            if (!eligibility.TryGetValue(membershipId, out var voter))
            {
                return Failure.Validation("votes", "A vote was given for someone who is not a member of this committee.");
            }

            if (!voter.MayVote)
            {
                return Failure.Rule($"{voter.Name} may not vote on this item: {voter.Reason}.");
            }
        }

        if (votes.Count == 0)
        {
            return Failure.Validation("Votes", "Record at least one vote, or record the decision as a consensus.");
        }

        var inFavour = votes.Values.Count(v => v == VoteChoice.For);
        var against = votes.Values.Count(v => v == VoteChoice.Against);
        var abstain = votes.Values.Count(v => v == VoteChoice.Abstain);
        var eligible = eligibility.Values.Count(e => e.MayVote);

        // Measured against votes cast, a tie is for == against; against eligible members, it is exactly half for.
        var (carried, tie) = rules.MajorityBasis switch
        {
            MajorityBasis.VotesCast => (inFavour > against, inFavour == against),
            _ => (inFavour * 2 > eligible, inFavour * 2 == eligible),
        };

        var basis = rules.MajorityBasis == MajorityBasis.VotesCast ? "of votes cast" : $"of the {eligible} members eligible to vote";
        var counted = $"{inFavour} for, {against} against, {abstain} abstaining";
        if (!tie)
        {
            if (castingVote is not null)
            {
                return Failure.Validation("CastingVote", "A casting vote is used only on a tie.");
            }

            var outcome = carried ? VoteOutcome.Carried : VoteOutcome.NotCarried;
            return CommandResult<VoteTally>.Success(new(inFavour, against, abstain, eligible, outcome, null,
                $"{(carried ? "Carried" : "Not carried")}: {counted} (majority {basis})."));
        }

        if (!rules.PresidingPersonHasCastingVote)
        {
            if (castingVote is not null)
            {
                return Failure.Validation("CastingVote", "The terms of reference give no casting vote.");
            }

            return CommandResult<VoteTally>.Success(new(inFavour, against, abstain, eligible, VoteOutcome.NotCarried, null,
                $"Not carried: {counted}, a tie {basis}, and the terms of reference give no casting vote."));
        }

        if (castingVote is not (VoteChoice.For or VoteChoice.Against))
        {
            return Failure.Validation("CastingVote", $"The vote is tied ({counted}): the person presiding must give a casting vote for or against.");
        }

        var onCasting = castingVote == VoteChoice.For ? VoteOutcome.CarriedOnCastingVote : VoteOutcome.NotCarriedOnCastingVote;
        return CommandResult<VoteTally>.Success(new(inFavour, against, abstain, eligible, onCasting, castingVote,
            $"{(castingVote == VoteChoice.For ? "Carried" : "Not carried")} on the casting vote of the person presiding: {counted}, a tie {basis}."));
    }

    private static string ChairAbsence(IReadOnlyList<SeatAtItem> seats)
    {
        var chair = seats.FirstOrDefault(s => s.Seat.Office == CommitteeOffice.Chair);
        return chair switch
        {
            null => "not appointed",
            { Presence: Presence.Absent } => "absent",
            { Presence: Presence.DeputyPresent } => "represented by a deputy",
            _ => $"conflicted ({chair.Ruling.Describe()})",
        };
    }
}
