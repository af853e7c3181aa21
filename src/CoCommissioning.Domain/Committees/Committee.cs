using CoCommissioning.Domain.Common;

namespace CoCommissioning.Domain.Committees;

/// <summary>What a committee is for: the composition rules differ (a PCCC chair may not chair the audit committee).</summary>
public enum CommitteeType
{
    PrimaryCareCommissioning,
    PrimaryCareOperationalGroup,
    Audit,
    Other,
}

/// <summary>The level of primary care co-commissioning the organisation has taken on (rule book section 1).</summary>
public enum CoCommissioningLevel
{
    GreaterInvolvement,
    Joint,
    Delegated,
}

/// <summary>
/// A committee and its membership: the aggregate a secretary edits. Every change moves <see cref="Version"/>, so
/// two people editing the same committee cannot overwrite each other's work.
/// </summary>
public sealed class Committee : IGovernanceRecord, IVersioned
{
    public const int NameMaxLength = 200;
    public const int PurposeMaxLength = 2000;

    // Messages are in British English whatever the server's culture.
    private static readonly System.Globalization.CultureInfo UkCulture = System.Globalization.CultureInfo.GetCultureInfo("en-GB");

    private readonly List<Membership> memberships = [];
    private readonly List<TermsOfReference> termsOfReference = [];

    private Committee(Guid id, Guid organisationId, string name, CommitteeType type, CoCommissioningLevel level, string? purpose)
    {
        Id = id;
        OrganisationId = organisationId;
        Name = name;
        Type = type;
        Level = level;
        Purpose = purpose;
        Version = Guid.NewGuid();
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public string Name { get; private set; }
    public CommitteeType Type { get; private set; }
    public CoCommissioningLevel Level { get; private set; }
    public string? Purpose { get; private set; }
    public Guid Version { get; private set; }
    public IReadOnlyCollection<Membership> Memberships => memberships.AsReadOnly();

    /// <summary>Every version of the terms of reference ever adopted, oldest first.</summary>
    public IReadOnlyCollection<TermsOfReference> TermsOfReferenceVersions => termsOfReference.AsReadOnly();

    /// <summary>The terms of reference in force on a date, if any were adopted by then.</summary>
    public TermsOfReference? TermsOfReferenceOn(DateOnly date) =>
        termsOfReference.Where(t => t.EffectiveFrom <= date).MaxBy(t => t.EffectiveFrom);

    /// <summary>
    /// Adopts a new version of the terms of reference from its effective date. A version with the same date is
    /// refused rather than overwritten: the record must show what was in force when.
    /// </summary>
    public CommandResult<TermsOfReference> AdoptTermsOfReference(TermsOfReferenceContent content, IReadOnlyCollection<MemberRole> roles, IReadOnlyList<Quorum.Seat> seatsOnEffectiveDate)
    {
        var check = TermsOfReferenceCheck.Validate(content, roles, seatsOnEffectiveDate);
        if (check.TryGetFailure(out var failure))
        {
            return failure;
        }

        if (termsOfReference.Any(t => t.EffectiveFrom == content.EffectiveFrom))
        {
            return Failure.Validation("effectiveFrom", $"A version already takes effect on {content.EffectiveFrom.ToString("d MMMM yyyy", UkCulture)}. Choose another date for the new version.");
        }

        var adopted = new TermsOfReference(Id, OrganisationId, content);
        termsOfReference.Add(adopted);
        if (TermsOfReferenceOn(DateOnly.MaxValue) == adopted)
        {
            Level = content.Level;
        }

        Touch();
        return CommandResult<TermsOfReference>.Success(adopted);
    }

    public static CommandResult<Committee> Create(Guid organisationId, string? name, CommitteeType type, CoCommissioningLevel level, string? purpose)
    {
        var details = CheckDetails(name, purpose);
        return details.Map(checkedDetails => new Committee(Guid.NewGuid(), organisationId, checkedDetails.Name, type, level, checkedDetails.Purpose));
    }

    public CommandResult UpdateDetails(string? name, CommitteeType type, CoCommissioningLevel level, string? purpose)
    {
        var details = CheckDetails(name, purpose);
        if (details.TryGetFailure(out var failure))
        {
            return failure;
        }

        (Name, Purpose) = details.Value;
        Type = type;
        Level = level;
        Touch();
        return CommandResult.Success();
    }

    /// <summary>The membership holding an office on a date, if any.</summary>
    public Membership? OfficeHolder(CommitteeOffice office, DateOnly on) =>
        memberships.FirstOrDefault(m => m.Office == office && m.IsCurrentOn(on));

    public IEnumerable<Membership> CurrentMemberships(DateOnly on) => memberships.Where(m => m.IsCurrentOn(on));

    public CommandResult<Membership> AddMember(Guid personId, IReadOnlyCollection<MemberRole> roles, bool isVoting, DateOnly termStart, DateOnly? termEnd)
    {
        var check = CheckTerm(roles, termStart, termEnd);
        if (check.TryGetFailure(out var failure))
        {
            return failure;
        }

        if (memberships.Any(m => m.PersonId == personId && m.Overlaps(termStart, termEnd)))
        {
            return Failure.Validation(nameof(Membership.TermStart), "This person already has a membership of this committee for part of that term. Change or end that membership instead.");
        }

        var membership = new Membership(Id, OrganisationId, personId, roles.Select(r => r.Id).Distinct(), isVoting, termStart, termEnd);
        memberships.Add(membership);
        Touch();
        return CommandResult<Membership>.Success(membership);
    }

    public CommandResult ChangeMembership(Guid membershipId, IReadOnlyCollection<MemberRole> roles, bool isVoting, DateOnly termStart, DateOnly? termEnd)
    {
        var membership = memberships.FirstOrDefault(m => m.Id == membershipId);
        if (membership is null)
        {
            return Failure.NotFound("The membership");
        }

        var check = CheckTerm(roles, termStart, termEnd);
        if (!check.Succeeded)
        {
            return check;
        }

        if (memberships.Any(m => m.Id != membershipId && m.PersonId == membership.PersonId && m.Overlaps(termStart, termEnd)))
        {
            return Failure.Validation(nameof(Membership.TermStart), "That term overlaps another membership this person holds on this committee.");
        }

        membership.Change(roles.Select(r => r.Id).Distinct(), isVoting, termStart, termEnd);
        Touch();
        return CommandResult.Success();
    }

    /// <summary>Ends a membership on its last day. Memberships are ended, never deleted: past meetings name them.</summary>
    public CommandResult EndMembership(Guid membershipId, DateOnly lastDay)
    {
        var membership = memberships.FirstOrDefault(m => m.Id == membershipId);
        if (membership is null)
        {
            return Failure.NotFound("The membership");
        }

        if (lastDay < membership.TermStart)
        {
            return Failure.Validation(nameof(Membership.TermEnd), "The last day cannot be before the membership started.");
        }

        if (membership.TermEnd is { } end && end < lastDay)
        {
            return Failure.Validation(nameof(Membership.TermEnd), $"This membership already ended on {end.ToString("d MMMM yyyy", UkCulture)}.");
        }

        membership.End(lastDay);
        Touch();
        return CommandResult.Success();
    }

    /// <summary>Appoints a current member to an office; whoever held it before steps down from it.</summary>
    public CommandResult Appoint(Guid membershipId, CommitteeOffice office, DateOnly today)
    {
        if (office == CommitteeOffice.None)
        {
            return Failure.Validation("Office", "Choose the chair or the vice chair.");
        }

        var membership = memberships.FirstOrDefault(m => m.Id == membershipId);
        if (membership is null)
        {
            return Failure.NotFound("The membership");
        }

        // An incoming member is appointed when their term starts, so the committee is never left without its chair.
        if (!membership.IsCurrentOn(today))
        {
            return Failure.Rule("Only a current member can hold an office: this membership has not started or has ended.");
        }

        foreach (var holder in memberships.Where(m => m.Office == office && m.Id != membershipId))
        {
            holder.Hold(CommitteeOffice.None);
        }

        membership.Hold(office);
        Touch();
        return CommandResult.Success();
    }

    public CommandResult Vacate(CommitteeOffice office)
    {
        if (office == CommitteeOffice.None)
        {
            return Failure.Validation("Office", "Choose the chair or the vice chair.");
        }

        foreach (var holder in memberships.Where(m => m.Office == office))
        {
            holder.Hold(CommitteeOffice.None);
        }

        Touch();
        return CommandResult.Success();
    }

    /// <summary>Names (or with null, removes) the deputy who may attend in a member's place.</summary>
    public CommandResult NameDeputy(Guid membershipId, Guid? deputyPersonId)
    {
        var membership = memberships.FirstOrDefault(m => m.Id == membershipId);
        if (membership is null)
        {
            return Failure.NotFound("The membership");
        }

        if (deputyPersonId == membership.PersonId)
        {
            return Failure.Validation("DeputyPersonId", "A member cannot be their own deputy.");
        }

        membership.NameDeputy(deputyPersonId);
        Touch();
        return CommandResult.Success();
    }

    private CommandResult CheckTerm(IReadOnlyCollection<MemberRole> roles, DateOnly termStart, DateOnly? termEnd)
    {
        if (roles.Count == 0)
        {
            return Failure.Validation(nameof(Membership.RoleIds), "Choose at least one role for this member.");
        }

        if (roles.Any(r => r.OrganisationId != OrganisationId))
        {
            // The service resolves roles within the organisation; a stranger's role here is a bug, not bad input.
            throw new InvalidOperationException("A role of another organisation was offered to a committee.");
        }

        if (roles.FirstOrDefault(r => !r.IsActive) is { } retired)
        {
            return Failure.Validation(nameof(Membership.RoleIds), $"The role \"{retired.Name}\" has been retired and cannot be given to a member.");
        }

        if (termEnd is { } end && end < termStart)
        {
            return Failure.Validation(nameof(Membership.TermEnd), "The term cannot end before it starts.");
        }

        return CommandResult.Success();
    }

    private static CommandResult<(string Name, string? Purpose)> CheckDetails(string? name, string? purpose)
    {
        var checkedName = Text.Required(nameof(Name), name, NameMaxLength);
        if (!checkedName.TryGetValue(out var cleanName, out var failure))
        {
            return failure;
        }

        var checkedPurpose = Text.Optional(nameof(Purpose), purpose, PurposeMaxLength);
        return checkedPurpose.Map(cleanPurpose => (cleanName, cleanPurpose));
    }

    private void Touch() => Version = Guid.NewGuid();
}
