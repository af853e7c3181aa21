using CoCommissioning.Domain.Common;
using CoCommissioning.Domain.Decisions;
using CoCommissioning.Domain.Quorum;

namespace CoCommissioning.Domain.Committees;

/// <summary>
/// One version of a committee's terms of reference, in force from <see cref="EffectiveFrom"/> until the next
/// version. A meeting is judged by the version in force on its date, so versions are never edited: a change
/// adopts a new version.
/// </summary>
public sealed class TermsOfReference : IGovernanceRecord, IPartOfAggregate
{
    // For EF Core.
    private TermsOfReference()
    {
        Quorum = null!;
        Voting = null!;
    }

    internal TermsOfReference(Guid committeeId, Guid organisationId, TermsOfReferenceContent content)
    {
        Id = Guid.NewGuid();
        CommitteeId = committeeId;
        OrganisationId = organisationId;
        EffectiveFrom = content.EffectiveFrom;
        Level = content.Level;
        MinimumMeetingsPerYear = content.MinimumMeetingsPerYear;
        MeetingsPublicByDefault = content.MeetingsPublicByDefault;
        Quorum = content.Quorum;
        Voting = content.Voting;
        CoOptionAllowed = content.CoOptionAllowed;
    }

    public Guid Id { get; private set; }
    public Guid CommitteeId { get; private set; }
    public Guid OrganisationId { get; private set; }
    Guid IPartOfAggregate.AggregateId => CommitteeId;
    public DateOnly EffectiveFrom { get; private set; }
    public CoCommissioningLevel Level { get; private set; }
    public int MinimumMeetingsPerYear { get; private set; }
    public bool MeetingsPublicByDefault { get; private set; }
    public QuorumRule Quorum { get; private set; }
    public VotingRules Voting { get; private set; }

    /// <summary>Whether unconflicted members may be co-opted for an item that conflicts make inquorate.</summary>
    public bool CoOptionAllowed { get; private set; }

    public TermsOfReferenceContent Content =>
        new(EffectiveFrom, Level, MinimumMeetingsPerYear, MeetingsPublicByDefault, Quorum, Voting, CoOptionAllowed);
}

/// <summary>What a ToR version says; what a governance lead edits, exports and imports.</summary>
public sealed record TermsOfReferenceContent(
    DateOnly EffectiveFrom,
    CoCommissioningLevel Level,
    int MinimumMeetingsPerYear,
    bool MeetingsPublicByDefault,
    QuorumRule Quorum,
    VotingRules Voting,
    bool CoOptionAllowed);
