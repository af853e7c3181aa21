namespace CoCommissioning.Domain.Committees;

public enum CompositionWarningKind
{
    ChairNotLay,
    NoLayAndExecutiveMajority,
    ChairAlsoChairsAuditCommittee,
    ChairVacant,
    ViceChairVacant,
    MembershipExpired,
    MembershipExpiringSoon,
}

/// <summary>A composition rule the committee breaks, in words a governance lead can act on.</summary>
public sealed record CompositionWarning(CompositionWarningKind Kind, string Message);

/// <summary>
/// The guidance on how a PCCC is made up (rule book section 2): a lay chair, a lay and executive voting majority,
/// a chair who does not also chair the audit committee, both offices filled, and terms that have not run out.
/// These are warnings, not refusals: the committee may be between appointments.
/// </summary>
public static class CompositionCheck
{
    public const int ExpiryWarningDays = 60;

    /// <param name="committee">The committee, with its memberships.</param>
    /// <param name="roles">The organisation's roles, to classify members.</param>
    /// <param name="today">The date to judge on.</param>
    /// <param name="names">Person names, for the messages.</param>
    /// <param name="auditCommitteeChairs">People who chair an audit committee of the organisation today.</param>
    public static IReadOnlyList<CompositionWarning> Check(
        Committee committee,
        IReadOnlyDictionary<Guid, MemberRole> roles,
        DateOnly today,
        IReadOnlyDictionary<Guid, string> names,
        IReadOnlyCollection<Guid> auditCommitteeChairs)
    {
        var warnings = new List<CompositionWarning>();
        string Name(Guid personId) => names.TryGetValue(personId, out var n) ? n : "A member";
        bool Has(Membership m, RoleClassification c) => m.RoleIds.Any(id => roles.TryGetValue(id, out var r) && r.Classification == c);

        var chair = committee.OfficeHolder(CommitteeOffice.Chair, today);
        if (chair is null)
        {
            warnings.Add(new(CompositionWarningKind.ChairVacant, "The chair is vacant: appoint a lay member as chair."));
        }
        else
        {
            if (!Has(chair, RoleClassification.Lay))
            {
                warnings.Add(new(CompositionWarningKind.ChairNotLay, $"The chair, {Name(chair.PersonId)}, is not a lay member: guidance says the chair should be a lay member."));
            }

            if (committee.Type == CommitteeType.PrimaryCareCommissioning && auditCommitteeChairs.Contains(chair.PersonId))
            {
                warnings.Add(new(CompositionWarningKind.ChairAlsoChairsAuditCommittee, $"The chair, {Name(chair.PersonId)}, also chairs the audit committee: guidance says the PCCC chair should not."));
            }
        }

        if (committee.OfficeHolder(CommitteeOffice.ViceChair, today) is null)
        {
            warnings.Add(new(CompositionWarningKind.ViceChairVacant, "The vice chair is vacant: the vice chair presides when the chair is conflicted or absent."));
        }

        var voting = committee.CurrentMemberships(today).Where(m => m.IsVoting).ToList();
        var layOrExecutive = voting.Count(m => (Has(m, RoleClassification.Lay) || Has(m, RoleClassification.Executive)) && !Has(m, RoleClassification.Clinical));
        if (voting.Count > 0 && layOrExecutive * 2 <= voting.Count)
        {
            warnings.Add(new(CompositionWarningKind.NoLayAndExecutiveMajority,
                $"Lay and executive (non-clinical) members are {layOrExecutive} of {voting.Count} voting members: guidance asks for a lay and executive majority."));
        }

        foreach (var m in committee.Memberships.Where(m => m.TermEnd is { } end && end < today && end >= today.AddDays(-ExpiryWarningDays)).OrderBy(m => m.TermEnd))
        {
            warnings.Add(new(CompositionWarningKind.MembershipExpired, $"{Name(m.PersonId)}'s term ended on {Format(m.TermEnd!.Value)}."));
        }

        foreach (var m in committee.CurrentMemberships(today).Where(m => m.TermEnd is { } end && end <= today.AddDays(ExpiryWarningDays)).OrderBy(m => m.TermEnd))
        {
            warnings.Add(new(CompositionWarningKind.MembershipExpiringSoon, $"{Name(m.PersonId)}'s term ends on {Format(m.TermEnd!.Value)}, within {ExpiryWarningDays} days."));
        }

        return warnings;
    }

    private static string Format(DateOnly date) => date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
}
