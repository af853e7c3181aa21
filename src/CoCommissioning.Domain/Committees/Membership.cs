using CoCommissioning.Domain.Common;

namespace CoCommissioning.Domain.Committees;

/// <summary>An office on a committee. Chair and vice chair rights follow from holding one.</summary>
public enum CommitteeOffice
{
    None,
    Chair,
    ViceChair,
}

/// <summary>
/// A person's seat on a committee for a term, with the roles they hold there. Part of the <see cref="Committee"/>
/// aggregate: change it only through the committee, so the committee's version moves with every change.
/// </summary>
public sealed class Membership : IGovernanceRecord, IPartOfAggregate
{
    private List<Guid> roleIds = [];

    // For EF Core.
    private Membership()
    {
    }

    internal Membership(Guid committeeId, Guid organisationId, Guid personId, IEnumerable<Guid> roleIds, bool isVoting, DateOnly termStart, DateOnly? termEnd)
    {
        Id = Guid.NewGuid();
        CommitteeId = committeeId;
        OrganisationId = organisationId;
        PersonId = personId;
        this.roleIds = [.. roleIds];
        IsVoting = isVoting;
        TermStart = termStart;
        TermEnd = termEnd;
    }

    public Guid Id { get; private set; }
    public Guid CommitteeId { get; private set; }
    Guid IPartOfAggregate.AggregateId => CommitteeId;
    public Guid OrganisationId { get; private set; }
    public Guid PersonId { get; private set; }
    public IReadOnlyList<Guid> RoleIds => roleIds;
    public bool IsVoting { get; private set; }
    public DateOnly TermStart { get; private set; }

    /// <summary>The last day of the term; open-ended when null.</summary>
    public DateOnly? TermEnd { get; private set; }

    public CommitteeOffice Office { get; private set; }

    /// <summary>The named deputy who may attend in this member's place (what the deputy may do is set by the ToR).</summary>
    public Guid? DeputyPersonId { get; private set; }

    public bool IsCurrentOn(DateOnly date) => TermStart <= date && (TermEnd is null || date <= TermEnd);

    /// <summary>True when this term and the given one share at least one day.</summary>
    public bool Overlaps(DateOnly start, DateOnly? end) =>
        (end is null || TermStart <= end) && (TermEnd is null || start <= TermEnd);

    internal void Change(IEnumerable<Guid> newRoleIds, bool isVoting, DateOnly termStart, DateOnly? termEnd)
    {
        roleIds = [.. newRoleIds];
        IsVoting = isVoting;
        TermStart = termStart;
        TermEnd = termEnd;
    }

    internal void End(DateOnly lastDay)
    {
        TermEnd = lastDay;
        Office = CommitteeOffice.None;
    }

    internal void Hold(CommitteeOffice office) => Office = office;

    internal void NameDeputy(Guid? deputyPersonId) => DeputyPersonId = deputyPersonId;
}
