namespace CoCommissioning.Data;

/// <summary>One governance record a save inserted, changed, deleted or purged.</summary>
/// <param name="AggregateId">For a part of an aggregate (an agenda item, a membership), the aggregate's id.</param>
public sealed record GovernanceChange(string RecordType, Guid RecordId, Guid OrganisationId, Guid? AggregateId = null);

/// <summary>
/// Told about every governance save after it commits: what other parts of the app (a cache, open views of a
/// meeting) need to refresh. In-process now; an implementation can publish to other instances later.
/// </summary>
public interface IGovernanceChangeObserver
{
    Task SavedAsync(IReadOnlyList<GovernanceChange> changes, CancellationToken cancellationToken);
}
