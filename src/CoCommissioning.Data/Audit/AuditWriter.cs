using System.Text.Json;
using CoCommissioning.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CoCommissioning.Data.Audit;

/// <summary>
/// Turns the governance changes a context is about to save into audit entries added to the same save, so the
/// change and its audit entry commit or fail together.
/// </summary>
internal sealed class AuditWriter(AuditActor actor, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public AuditActor Actor { get; } = actor;

    /// <summary>Set for the retention job: deletes are recorded as purges with this reason.</summary>
    public string? PurgeReason { get; init; }

    private TimeProvider Clock { get; } = clock;

    /// <summary>Adds the audit entries to the save; returns the governance records the save changes.</summary>
    public static IReadOnlyList<GovernanceChange> Record(DbContext context, AuditWriter? writer)
    {
        context.ChangeTracker.DetectChanges();
        var tracked = context.ChangeTracker.Entries().ToList();

        if (tracked.Any(e => e.Entity is AuditEntry && e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Audit entries are append-only: they cannot be changed or deleted.");
        }

        var changes = tracked
            .Where(e => e.Entity is IGovernanceRecord && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        if (changes.Count == 0)
        {
            return [];
        }

        if (writer is null)
        {
            throw new InvalidOperationException("Governance records were changed through a context with no audit actor. Create it with GovernanceDbFactory.");
        }

        var now = writer.Clock.Now();
        var saved = new List<GovernanceChange>(changes.Count);
        foreach (var entry in changes)
        {
            var record = (IGovernanceRecord)entry.Entity;

            // Observers hear of a version move too (a decision moves its meeting's version); the audit does not need it.
            saved.Add(new GovernanceChange(entry.Metadata.ClrType.Name, record.Id, record.OrganisationId, (entry.Entity as IPartOfAggregate)?.AggregateId));
            var purging = entry.State == EntityState.Deleted && writer.PurgeReason is not null;
            var diff = purging ? new Dictionary<string, AuditValue> { ["retention"] = new(null, writer.PurgeReason) } : Describe(entry);
            if (entry.State == EntityState.Modified && diff.Count == 0)
            {
                continue;
            }

            context.Add(new AuditEntry(
                record.OrganisationId,
                now,
                writer.Actor.UserId,
                writer.Actor.Name,
                entry.Metadata.ClrType.Name,
                record.Id.ToString(),
                (entry.Entity as IPartOfAggregate)?.AggregateId.ToString(),
                entry.State switch
                {
                    _ when purging => AuditAction.Purge,
                    EntityState.Added => AuditAction.Insert,
                    EntityState.Deleted => AuditAction.Delete,
                    _ => AuditAction.Update,
                },
                JsonSerializer.Serialize(diff, Json)));
        }

        return saved;
    }

    private static Dictionary<string, AuditValue> Describe(EntityEntry entry)
    {
        var diff = new Dictionary<string, AuditValue>();
        Describe(entry.State, entry.Properties, "", diff);

        // Value objects (an interest's details, an offer) are complex properties: their fields are audited too.
        foreach (var complex in entry.ComplexProperties)
        {
            Describe(entry.State, complex.Properties, complex.Metadata.Name + ".", diff);
        }

        return diff;
    }

    private static void Describe(EntityState state, IEnumerable<PropertyEntry> properties, string prefix, Dictionary<string, AuditValue> diff)
    {
        foreach (var property in properties)
        {
            // The concurrency token changes on every save and says nothing a reader needs.
            if (property.Metadata.IsConcurrencyToken)
            {
                continue;
            }

            var name = prefix + property.Metadata.Name;
            switch (state)
            {
                case EntityState.Added:
                    diff[name] = new AuditValue(null, property.CurrentValue);
                    break;
                case EntityState.Deleted:
                    diff[name] = new AuditValue(property.OriginalValue, null);
                    break;
                case EntityState.Modified when property.IsModified && !Equals(Normalise(property.OriginalValue), Normalise(property.CurrentValue)):
                    diff[name] = new AuditValue(property.OriginalValue, property.CurrentValue);
                    break;
            }
        }
    }

    // Collections compare by reference; compare what they hold.
    private static object? Normalise(object? value) =>
        value is System.Collections.IEnumerable items and not string ? JsonSerializer.Serialize(items, Json) : value;

    private sealed record AuditValue(object? Old, object? New);
}
