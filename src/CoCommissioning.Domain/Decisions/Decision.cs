using CoCommissioning.Domain.Common;
using CoCommissioning.Domain.Quorum;

namespace CoCommissioning.Domain.Decisions;

public enum DecisionKind
{
    Vote,
    Consensus,
}

/// <summary>One member's vote on an item. One per member per item, also in the database.</summary>
public sealed class VoteRecord : IGovernanceRecord, IPartOfAggregate
{
    private VoteRecord()
    {
    }

    internal VoteRecord(Guid decisionId, Guid organisationId, Guid itemId, Guid membershipId, VoteChoice choice)
    {
        Id = Guid.NewGuid();
        DecisionId = decisionId;
        OrganisationId = organisationId;
        ItemId = itemId;
        MembershipId = membershipId;
        Choice = choice;
    }

    public Guid Id { get; private set; }
    public Guid DecisionId { get; private set; }
    public Guid OrganisationId { get; private set; }
    Guid IPartOfAggregate.AggregateId => DecisionId;
    public Guid ItemId { get; private set; }
    public Guid MembershipId { get; private set; }
    public VoteChoice Choice { get; private set; }
}

/// <summary>
/// A decision on an agenda item, by vote or by consensus, stored with the evidence that it was allowed: the
/// quorum verdict and its explanation at that moment, who presided, and the tally. It can only be made from a
/// verdict that was quorate (see <see cref="RecordVote"/>), so no decision exists without its proof.
/// </summary>
public sealed class Decision : IGovernanceRecord
{
    public const int ResolutionMaxLength = 4000;

    private readonly List<VoteRecord> votes = [];

    private Decision()
    {
        Resolution = "";
        QuorumExplanation = "";
        PresidingExplanation = "";
        Explanation = "";
    }

    private Decision(Guid organisationId, Guid meetingId, Guid itemId, DecisionKind kind, string resolution, QuorumVerdict verdict, Presiding presiding, DateTimeOffset decidedAt, Guid? recordedByUserId)
    {
        Id = Guid.NewGuid();
        OrganisationId = organisationId;
        MeetingId = meetingId;
        ItemId = itemId;
        Kind = kind;
        Resolution = resolution;
        QuorumExplanation = verdict.Explanation;
        CountedPresent = verdict.Counted;
        PresidingMembershipId = presiding.MembershipId;
        PresidingExplanation = presiding.Explanation;
        DecidedAt = decidedAt;
        RecordedByUserId = recordedByUserId;
        Explanation = "";
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid MeetingId { get; private set; }
    public Guid ItemId { get; private set; }
    public DecisionKind Kind { get; private set; }
    public string Resolution { get; private set; }
    public VoteOutcome Outcome { get; private set; }
    public int For { get; private set; }
    public int Against { get; private set; }
    public int Abstain { get; private set; }
    public int Eligible { get; private set; }
    public VoteChoice? CastingVote { get; private set; }

    /// <summary>The tally in words, or "Agreed by consensus …".</summary>
    public string Explanation { get; private set; }

    /// <summary>The quorum verdict's explanation when the decision was made: who filled which requirement.</summary>
    public string QuorumExplanation { get; private set; }

    public int CountedPresent { get; private set; }
    public Guid? PresidingMembershipId { get; private set; }
    public string PresidingExplanation { get; private set; }
    public DateTimeOffset DecidedAt { get; private set; }
    public Guid? RecordedByUserId { get; private set; }
    public IReadOnlyCollection<VoteRecord> Votes => votes.AsReadOnly();

    /// <summary>
    /// Records a vote, but only on a quorate verdict and a tally the voting rules accepted: both are computed by
    /// the caller from the same attendance at the same moment. Anything else is refused with the reason.
    /// </summary>
    public static CommandResult<Decision> RecordVote(
        Guid organisationId, Guid meetingId, Guid itemId, string? resolution,
        QuorumVerdict verdict, Presiding presiding, VoteTally tally, IReadOnlyDictionary<Guid, VoteChoice> votes,
        DateTimeOffset decidedAt, Guid? recordedBy)
    {
        var start = Start(organisationId, meetingId, itemId, DecisionKind.Vote, resolution, verdict, presiding, decidedAt, recordedBy);
        if (!start.TryGetValue(out var decision, out _))
        {
            return start;
        }

        (decision.Outcome, decision.For, decision.Against, decision.Abstain, decision.Eligible, decision.CastingVote, decision.Explanation) =
            (tally.Outcome, tally.For, tally.Against, tally.Abstain, tally.Eligible, tally.CastingVote, tally.Explanation);
        decision.votes.AddRange(votes.Select(v => new VoteRecord(decision.Id, organisationId, itemId, v.Key, v.Value)));
        return CommandResult<Decision>.Success(decision);
    }

    /// <summary>A decision by consensus passes the same quorum check as a vote.</summary>
    public static CommandResult<Decision> RecordConsensus(
        Guid organisationId, Guid meetingId, Guid itemId, string? resolution,
        QuorumVerdict verdict, Presiding presiding, int eligible, DateTimeOffset decidedAt, Guid? recordedBy)
    {
        var start = Start(organisationId, meetingId, itemId, DecisionKind.Consensus, resolution, verdict, presiding, decidedAt, recordedBy);
        if (!start.TryGetValue(out var decision, out _))
        {
            return start;
        }

        decision.Outcome = VoteOutcome.Carried;
        decision.Eligible = eligible;
        decision.Explanation = $"Agreed by consensus of the {eligible} members eligible to decide.";
        return CommandResult<Decision>.Success(decision);
    }

    private static CommandResult<Decision> Start(
        Guid organisationId, Guid meetingId, Guid itemId, DecisionKind kind, string? resolution,
        QuorumVerdict verdict, Presiding presiding, DateTimeOffset decidedAt, Guid? recordedBy)
    {
        if (!verdict.IsQuorate)
        {
            return Failure.Rule("Nothing was recorded because the item is not quorate. " + string.Join(" ", verdict.Lines.Skip(1)));
        }

        var text = Text.Required(nameof(Resolution), resolution, ResolutionMaxLength);
        return text.Map(clean => new Decision(organisationId, meetingId, itemId, kind, clean, verdict, presiding, decidedAt, recordedBy));
    }
}
