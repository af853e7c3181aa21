using CoCommissioning.Domain.Decisions;

namespace CoCommissioning.Domain.Tests.Decisions;

/// <summary>A decision's outcome in the one wording every page uses.</summary>
public sealed class DecisionWordingTests
{
    [Theory]
    [InlineData(DecisionKind.Vote, VoteOutcome.Carried, "Carried")]
    [InlineData(DecisionKind.Vote, VoteOutcome.NotCarried, "Not carried")]
    [InlineData(DecisionKind.Vote, VoteOutcome.CarriedOnCastingVote, "Carried on the casting vote")]
    [InlineData(DecisionKind.Vote, VoteOutcome.NotCarriedOnCastingVote, "Not carried on the casting vote")]
    [InlineData(DecisionKind.Consensus, VoteOutcome.Carried, "Agreed by consensus")]
    [InlineData(DecisionKind.Consensus, VoteOutcome.NotCarried, "Agreed by consensus")]
    [InlineData(DecisionKind.Consensus, VoteOutcome.CarriedOnCastingVote, "Agreed by consensus")]
    [InlineData(DecisionKind.Consensus, VoteOutcome.NotCarriedOnCastingVote, "Agreed by consensus")]
    public void Outcome_EachKindAndOutcome_Worded(DecisionKind kind, VoteOutcome outcome, string wording) =>
        DecisionWording.Outcome(kind, outcome).Should().Be(wording);

    [Theory]
    [InlineData(VoteOutcome.Carried, true)]
    [InlineData(VoteOutcome.CarriedOnCastingVote, true)]
    [InlineData(VoteOutcome.NotCarried, false)]
    [InlineData(VoteOutcome.NotCarriedOnCastingVote, false)]
    public void IsCarried_EachOutcome_OnlyTheCarriedOnes(VoteOutcome outcome, bool carried) =>
        DecisionWording.IsCarried(outcome).Should().Be(carried);

    [Theory]
    [InlineData(DecisionKind.Vote, 5, 2, 1, "For 5, against 2, abstentions 1")]
    [InlineData(DecisionKind.Vote, 0, 0, 0, "For 0, against 0, abstentions 0")]
    [InlineData(DecisionKind.Consensus, 0, 0, 0, null)]
    [InlineData(DecisionKind.Consensus, 3, 0, 0, null)]
    public void Tally_ByKind_CountForAVoteNoneForConsensus(DecisionKind kind, int @for, int against, int abstain, string? tally) =>
        DecisionWording.Tally(kind, @for, against, abstain).Should().Be(tally);
}
