using CoCommissioning.Domain.Committees;

namespace CoCommissioning.Domain.Quorum;

/// <summary>Whom the minimum number present counts: the ToR says "members" meaning voting members, or all members.</summary>
public enum CountBasis
{
    VotingMembers,
    AllMembers,
}

/// <summary>
/// Who can fill a requirement: a person holding any of the named roles, or any role of the named classifications
/// ("one Executive member"), or, with <see cref="AnyNonVotingMember"/>, any non-voting member.
/// </summary>
public sealed record RoleCriterion(IReadOnlyList<Guid> RoleIds, IReadOnlyList<RoleClassification> Classifications, bool AnyNonVotingMember)
{
    public static RoleCriterion Roles(params Guid[] roleIds) => new(roleIds, [], false);

    public static RoleCriterion Classes(params RoleClassification[] classifications) => new([], classifications, false);

    public static RoleCriterion NonVoting() => new([], [], true);

    public bool IsEmpty => RoleIds.Count == 0 && Classifications.Count == 0 && !AnyNonVotingMember;

    public bool IsMetBy(Seat seat) =>
        (AnyNonVotingMember && !seat.IsVoting)
        || seat.Roles.Any(r => RoleIds.Contains(r.RoleId) || Classifications.Contains(r.Classification));
}

/// <summary>"At least <see cref="AtLeast"/> present holding any of …": each person fills at most one place.</summary>
public sealed record QuorumRequirement(int AtLeast, RoleCriterion Criterion);

/// <summary>
/// A committee's quorum clause, composed as the rule book's section 3 describes. Distinct people fill distinct
/// requirements; members removed from an item by a conflict ruling do not count for it.
/// </summary>
public sealed record QuorumRule(
    int MinimumPresent,
    CountBasis CountBasis,
    IReadOnlyList<QuorumRequirement> Requirements,
    bool ChairOrViceChairRequired,
    bool LayMajorityRequired,
    bool DeputiesCount)
{
    /// <summary>The total of all requirement places: no quorum can be met with fewer people than this.</summary>
    public int RequiredPlaces => Requirements.Sum(r => r.AtLeast);
}
