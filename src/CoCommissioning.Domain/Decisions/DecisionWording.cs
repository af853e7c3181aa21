namespace CoCommissioning.Domain.Decisions;

/// <summary>
/// How a decision's outcome is put in words, everywhere it is shown (console, chair's view, decisions log, public
/// pages, minutes), so a vote carried on the casting vote never reads as "Not carried" in one place.
/// </summary>
public static class DecisionWording
{
    public static bool IsCarried(VoteOutcome outcome) => outcome is VoteOutcome.Carried or VoteOutcome.CarriedOnCastingVote;

    public static string Outcome(DecisionKind kind, VoteOutcome outcome) => (kind, outcome) switch
    {
        (DecisionKind.Consensus, _) => "Agreed by consensus",
        (_, VoteOutcome.Carried) => "Carried",
        (_, VoteOutcome.CarriedOnCastingVote) => "Carried on the casting vote",
        (_, VoteOutcome.NotCarriedOnCastingVote) => "Not carried on the casting vote",
        _ => "Not carried",
    };

    /// <summary>The count of a vote; null for a consensus decision, which has no count to show.</summary>
    public static string? Tally(DecisionKind kind, int @for, int against, int abstain) =>
        kind == DecisionKind.Consensus ? null : $"For {@for}, against {against}, abstentions {abstain}";
}
