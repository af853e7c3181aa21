using CoCommissioning.Domain.Committees;
using CoCommissioning.Domain.Decisions;
using CoCommissioning.Domain.Quorum;

namespace CoCommissioning.Web.Features.TermsOfReference;

/// <summary>The editable form of a ToR document, as the editor page binds it.</summary>
public sealed class TermsOfReferenceDraft
{
    public DateTime? EffectiveFrom { get; set; }
    public CoCommissioningLevel Level { get; set; } = CoCommissioningLevel.Delegated;
    public int MinimumMeetingsPerYear { get; set; } = 6;
    public bool MeetingsPublicByDefault { get; set; } = true;
    public int MinimumPresent { get; set; }
    public CountBasis CountBasis { get; set; } = CountBasis.VotingMembers;
    public List<RequirementDraft> Requirements { get; } = [];
    public bool ChairOrViceChairRequired { get; set; }
    public bool LayMajorityRequired { get; set; }
    public bool DeputiesCount { get; set; } = true;
    public MajorityBasis MajorityBasis { get; set; } = MajorityBasis.VotesCast;
    public bool DeputiesMayVote { get; set; } = true;
    public bool PresidingPersonHasCastingVote { get; set; } = true;
    public bool CoOptionAllowed { get; set; }

    public static TermsOfReferenceDraft From(TermsOfReferenceDocument document)
    {
        var draft = new TermsOfReferenceDraft
        {
            EffectiveFrom = document.EffectiveFrom.ToDateTime(TimeOnly.MinValue),
            Level = document.Level,
            MinimumMeetingsPerYear = document.MinimumMeetingsPerYear,
            MeetingsPublicByDefault = document.MeetingsPublicByDefault,
            MinimumPresent = document.Quorum.MinimumPresent,
            CountBasis = document.Quorum.CountBasis,
            ChairOrViceChairRequired = document.Quorum.ChairOrViceChairRequired,
            LayMajorityRequired = document.Quorum.LayMajorityRequired,
            DeputiesCount = document.Quorum.DeputiesCount,
            MajorityBasis = document.Voting.MajorityBasis,
            DeputiesMayVote = document.Voting.DeputiesMayVote,
            PresidingPersonHasCastingVote = document.Voting.PresidingPersonHasCastingVote,
            CoOptionAllowed = document.CoOptionAllowed,
        };
        draft.Requirements.AddRange((document.Quorum.Requirements ?? []).Select(r => new RequirementDraft
        {
            AtLeast = r.AtLeast,
            Roles = [.. r.Roles ?? []],
            Classifications = [.. r.Classifications ?? []],
            AnyNonVotingMember = r.AnyNonVotingMember,
        }));
        return draft;
    }

    public TermsOfReferenceDocument ToDocument() =>
        new(
            TermsOfReferenceDocument.CurrentFormat,
            EffectiveFrom is { } from ? DateOnly.FromDateTime(from) : DateOnly.MinValue,
            Level,
            MinimumMeetingsPerYear,
            MeetingsPublicByDefault,
            new QuorumDocument(
                MinimumPresent,
                CountBasis,
                [.. Requirements.Select(r => new RequirementDocument(r.AtLeast, [.. r.Roles], [.. r.Classifications], r.AnyNonVotingMember))],
                ChairOrViceChairRequired,
                LayMajorityRequired,
                DeputiesCount),
            new VotingDocument(MajorityBasis, DeputiesMayVote, PresidingPersonHasCastingVote),
            CoOptionAllowed);
}

public sealed class RequirementDraft
{
    public int AtLeast { get; set; } = 1;
    public IReadOnlyCollection<string> Roles { get; set; } = [];
    public IReadOnlyCollection<RoleClassification> Classifications { get; set; } = [];
    public bool AnyNonVotingMember { get; set; }
}
