using CoCommissioning.Domain.Common;
using CoCommissioning.Domain.Quorum;

namespace CoCommissioning.Domain.Committees;

/// <summary>
/// Checks a ToR before it is adopted: numbers in range, roles that exist in the organisation, and a quorum
/// that the committee's membership could meet at all. Field names follow the JSON document
/// (<c>quorum.requirements[1].atLeast</c>), so an imported file's mistakes point at the line to fix.
/// </summary>
public static class TermsOfReferenceCheck
{
    public const int MaxMeetingsPerYear = 52;
    public const int MaxPeople = 100;

    /// <param name="content">The ToR to check.</param>
    /// <param name="roles">The organisation's role catalogue.</param>
    /// <param name="seatsOnEffectiveDate">The committee's members on the date the ToR takes effect.</param>
    public static CommandResult Validate(TermsOfReferenceContent content, IReadOnlyCollection<MemberRole> roles, IReadOnlyList<Seat> seatsOnEffectiveDate)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string message) => errors[field] = errors.TryGetValue(field, out var m) ? [.. m, message] : [message];

        if (content.EffectiveFrom.Year is < 2000 or > 2100)
        {
            Add("effectiveFrom", "Enter the date this version takes effect.");
        }

        if (content.MinimumMeetingsPerYear is < 0 or > MaxMeetingsPerYear)
        {
            Add("minimumMeetingsPerYear", $"The minimum number of meetings a year must be between 0 and {MaxMeetingsPerYear}.");
        }

        var quorum = content.Quorum;
        if (quorum.MinimumPresent is < 0 or > MaxPeople)
        {
            Add("quorum.minimumPresent", $"The minimum number present must be between 0 and {MaxPeople}.");
        }

        var known = roles.ToDictionary(r => r.Id);
        for (var i = 0; i < quorum.Requirements.Count; i++)
        {
            var requirement = quorum.Requirements[i];
            var field = $"quorum.requirements[{i}]";
            if (requirement.AtLeast is < 1 or > MaxPeople)
            {
                Add($"{field}.atLeast", $"Requirement {i + 1} must ask for at least 1 person (and at most {MaxPeople}).");
            }

            if (requirement.Criterion.IsEmpty)
            {
                Add($"{field}.roles", $"Requirement {i + 1} must name at least one role, a classification or \"any non-voting member\".");
            }

            foreach (var roleId in requirement.Criterion.RoleIds)
            {
                if (!known.TryGetValue(roleId, out var role))
                {
                    Add($"{field}.roles", $"Requirement {i + 1} names a role that does not exist in your organisation ({roleId}).");
                }
                else if (!role.IsActive)
                {
                    Add($"{field}.roles", $"Requirement {i + 1} names the retired role \"{role.Name}\".");
                }
            }

            var canSupply = seatsOnEffectiveDate.Count(s => requirement.Criterion.IsMetBy(s));
            if (requirement.AtLeast >= 1 && !requirement.Criterion.IsEmpty && canSupply < requirement.AtLeast && !errors.ContainsKey($"{field}.roles"))
            {
                Add($"{field}.atLeast", $"Requirement {i + 1} asks for {requirement.AtLeast}, but only {canSupply} member{(canSupply == 1 ? "" : "s")} of the committee can fill it.");
            }
        }

        var countable = seatsOnEffectiveDate.Count(s => quorum.CountBasis == CountBasis.AllMembers || s.IsVoting);
        if (quorum.MinimumPresent > countable && quorum.MinimumPresent <= MaxPeople)
        {
            Add("quorum.minimumPresent", $"The quorum asks for {quorum.MinimumPresent} present, but the committee has only {countable} {(quorum.CountBasis == CountBasis.VotingMembers ? "voting " : "")}members.");
        }

        if (quorum.LayMajorityRequired && seatsOnEffectiveDate.Count > 0)
        {
            // A lay majority of those present needs enough lay members to outnumber the rest at the minimum.
            var lay = seatsOnEffectiveDate.Count(s => s.IsLay && (quorum.CountBasis == CountBasis.AllMembers || s.IsVoting));
            var needed = Math.Max(1, (quorum.MinimumPresent / 2) + 1);
            if (lay < needed)
            {
                Add("quorum.layMajorityRequired", $"A lay majority of at least {quorum.MinimumPresent} present needs at least {needed} lay members, but the committee has {lay}.");
            }
        }

        if (errors.Count == 0 && seatsOnEffectiveDate.Count > 0)
        {
            // Everyone present and unconflicted: if that is not quorate, no meeting ever will be. A lay majority is
            // left out here because full attendance can lose it while a smaller meeting keeps it (checked above).
            var everyone = seatsOnEffectiveDate.Select(s => SeatAtItem.PresentWith(s)).ToList();
            var verdict = QuorumEvaluator.Evaluate(quorum with { LayMajorityRequired = false }, everyone, roles.ToDictionary(r => r.Id, r => r.Name));
            if (!verdict.IsQuorate)
            {
                Add("quorum", "Even with every member present, this quorum cannot be met: " + string.Join(" ", verdict.Lines.Skip(1)));
            }
        }

        return errors.Count == 0 ? CommandResult.Success() : Failure.Validation(errors);
    }
}
