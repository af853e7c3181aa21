using System.Text.Json;
using CoCommissioning.Data;
using CoCommissioning.Data.Audit;
using Microsoft.EntityFrameworkCore;

namespace CoCommissioning.Web.Infrastructure;

/// <summary>
/// Account events that are not governance records (accounts, API tokens, failed sign-ins) written to the same audit
/// trail. Each entry names the account in <see cref="AuditEntry.AggregateId"/>, so the trail's record filter with
/// the user's id finds everything that happened to that account. Never pass a password or a token.
/// </summary>
public static class SecurityAudit
{
    public const string UserAccount = nameof(UserAccount);
    public const string ApiToken = nameof(ApiToken);
    public const string SignIn = nameof(SignIn);

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>An anonymous caller, for attempts made without being signed in.</summary>
    public static AuditActor Anonymous(string clientAddress) => new(null, $"Not signed in ({clientAddress})");

    /// <summary>An entry in the same shape as the governance entries: each detail as <c>{"old": null, "new": value}</c>.</summary>
    public static AuditEntry Entry(
        Guid organisationId, AuditActor actor, string recordType, Guid recordId, Guid userId, AuditAction action, IReadOnlyDictionary<string, object?> details, DateTimeOffset at)
    {
        var changes = details.ToDictionary(d => d.Key, d => new { old = (object?)null, @new = d.Value });
        return new AuditEntry(organisationId, at, actor.UserId, actor.Name, recordType, recordId.ToString(), userId.ToString(), action, JsonSerializer.Serialize(changes, Json));
    }

    /// <summary>Writes one entry on its own, for events with no other save to join.</summary>
    public static async Task WriteAsync(this IDbContextFactory<AppDbContext> contexts, AuditEntry entry, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.AuditEntries.Add(entry);
        await db.SaveChangesAsync(ct);
    }
}
