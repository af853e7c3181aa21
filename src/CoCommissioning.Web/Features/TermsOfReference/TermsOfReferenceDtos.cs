using CoCommissioning.Domain.Committees;
using CoCommissioning.Domain.Decisions;
using CoCommissioning.Domain.Quorum;

namespace CoCommissioning.Web.Features.TermsOfReference;

/// <summary>
/// A committee's terms of reference as a JSON document: what the API reads and writes, and the export and import
/// format. Roles are named, not numbered, so organisations can share and compare documents (docs/terms-of-reference.md).
/// </summary>
public sealed record TermsOfReferenceDocument(
    string Format,
    DateOnly EffectiveFrom,
    CoCommissioningLevel Level,
    int MinimumMeetingsPerYear,
    bool MeetingsPublicByDefault,
    QuorumDocument Quorum,
    VotingDocument Voting,
    bool CoOptionAllowed)
{
    public const string CurrentFormat = "cocommissioning/terms-of-reference/v1";
}

public sealed record QuorumDocument(
    int MinimumPresent,
    CountBasis CountBasis,
    IReadOnlyList<RequirementDocument> Requirements,
    bool ChairOrViceChairRequired,
    bool LayMajorityRequired,
    bool DeputiesCount);

/// <summary>"At least <see cref="AtLeast"/> of": people holding any named role, any role of a classification, or any non-voting member.</summary>
public sealed record RequirementDocument(int AtLeast, IReadOnlyList<string>? Roles, IReadOnlyList<RoleClassification>? Classifications, bool AnyNonVotingMember);

public sealed record VotingDocument(MajorityBasis MajorityBasis, bool DeputiesMayVote, bool PresidingPersonHasCastingVote);

/// <summary>A version as the committee page lists it.</summary>
public sealed record TermsOfReferenceVersionDto(Guid Id, DateOnly EffectiveFrom, bool InForceToday, string QuorumInWords, TermsOfReferenceDocument Document);

/// <summary>The ToR of a committee: the version in force today, every version, and the committee version to send back.</summary>
public sealed record TermsOfReferenceDto(Guid CommitteeId, string CommitteeName, Guid CommitteeVersion, TermsOfReferenceVersionDto? InForce, IReadOnlyList<TermsOfReferenceVersionDto> Versions);

/// <summary>Adopt a new version: the document plus the committee version you read.</summary>
public sealed record AdoptTermsOfReferenceRequest(TermsOfReferenceDocument Document, Guid Version);

/// <summary>The plain-English reading of a draft and any problems with it, without saving.</summary>
public sealed record TermsOfReferencePreviewDto(string QuorumInWords, IReadOnlyDictionary<string, string[]> Problems);
