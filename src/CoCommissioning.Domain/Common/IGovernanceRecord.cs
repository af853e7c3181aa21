namespace CoCommissioning.Domain.Common;

/// <summary>
/// A record whose every insert, update and delete goes to the audit trail, and which belongs to one organisation.
/// The organisation id is what keeps one tenant's records out of another's reach.
/// </summary>
public interface IGovernanceRecord
{
    Guid Id { get; }
    Guid OrganisationId { get; }
}

/// <summary>An aggregate a person edits: a stale save is refused by comparing <see cref="Version"/>.</summary>
public interface IVersioned
{
    Guid Version { get; }
}

/// <summary>A record that is part of a larger aggregate: its history is read with the aggregate's.</summary>
public interface IPartOfAggregate
{
    Guid AggregateId { get; }
}
