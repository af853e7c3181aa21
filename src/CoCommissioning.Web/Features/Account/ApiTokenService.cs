using System.Security.Cryptography;
using System.Text;
using CoCommissioning.Data;
using CoCommissioning.Data.Audit;
using CoCommissioning.Data.Identity;
using CoCommissioning.Domain.Common;
using CoCommissioning.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CoCommissioning.Web.Features.Account;

public sealed record ApiTokenDto(Guid Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt, bool IsActive);

/// <summary>The new token is in <see cref="Token"/>; it is shown this once and never again.</summary>
public sealed record CreatedApiTokenDto(ApiTokenDto Details, string Token);

public sealed record CreateApiTokenRequest(string? Name, int? ExpiresInDays);

/// <summary>Bearer tokens a user creates for the JSON API and revokes when done.</summary>
public sealed class ApiTokenService(IDbContextFactory<AppDbContext> contexts, TimeProvider clock, ILogger<ApiTokenService> logger)
{
    public const string TokenPrefix = "coco_";
    public const int MaxExpiryDays = 366;

    /// <summary>A token nobody asked to expire still does: a forgotten token in an old script should not work for ever.</summary>
    public const int DefaultExpiryDays = 90;

    public async Task<IReadOnlyList<ApiTokenDto>> ListAsync(CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var tokens = await db.ApiTokens.Where(t => t.UserId == user.UserId).ToListAsync(ct);
        var now = clock.Now();
        return [.. tokens.OrderByDescending(t => t.CreatedAt).Select(t => ToDto(t, now))];
    }

    public Task<CommandResult<CreatedApiTokenDto>> CreateAsync(CurrentUser user, CreateApiTokenRequest request, CancellationToken ct = default) =>
        CreateForUserAsync(user.UserId, request, ct);

    /// <summary>Creates a token for a user whose password was just checked (or who is signed in).</summary>
    public async Task<CommandResult<CreatedApiTokenDto>> CreateForUserAsync(Guid userId, CreateApiTokenRequest request, CancellationToken ct = default)
    {
        var name = Text.Required(nameof(request.Name), request.Name, ApiToken.NameMaxLength);
        if (!name.Succeeded)
        {
            return name.Failure!;
        }

        if (request.ExpiresInDays is < 1 or > MaxExpiryDays)
        {
            return Failure.Validation(nameof(request.ExpiresInDays), $"A token can last from 1 to {MaxExpiryDays} days; leave this empty for {DefaultExpiryDays} days.");
        }

        var secret = TokenPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        var now = clock.Now();
        var token = new ApiToken(userId, name.Value!, secret[..(TokenPrefix.Length + 6)], Hash(secret), now, now.AddDays(request.ExpiresInDays ?? DefaultExpiryDays));

        await using var db = await contexts.CreateDbContextAsync(ct);
        db.ApiTokens.Add(token);
        db.AuditEntries.Add(await AuditAsync(db, token, AuditAction.Insert, new Dictionary<string, object?> { ["name"] = token.Name, ["expiresAt"] = token.ExpiresAt }, now, ct));
        await db.SaveChangesAsync(ct);
        logger.LogInformation("API token {TokenId} created for user {UserId}", token.Id, userId);
        return CommandResult<CreatedApiTokenDto>.Success(new CreatedApiTokenDto(ToDto(token, now), secret));
    }

    public async Task<CommandResult> RevokeAsync(CurrentUser user, Guid tokenId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == tokenId && t.UserId == user.UserId, ct);
        if (token is null)
        {
            return Failure.NotFound("The token");
        }

        var now = clock.Now();
        token.Revoke(now);
        db.AuditEntries.Add(await AuditAsync(db, token, AuditAction.Update, new Dictionary<string, object?> { ["name"] = token.Name, ["revokedAt"] = token.RevokedAt }, now, ct));
        await db.SaveChangesAsync(ct);
        logger.LogInformation("API token {TokenId} revoked by user {UserId}", token.Id, user.UserId);
        return CommandResult.Success();
    }

    /// <summary>The user a presented token belongs to, if the token is live.</summary>
    public async Task<Guid?> FindUserAsync(string presented, CancellationToken ct = default)
    {
        if (!presented.StartsWith(TokenPrefix, StringComparison.Ordinal) || presented.Length > 200)
        {
            return null;
        }

        var hash = Hash(presented);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var token = await db.ApiTokens.AsNoTracking().SingleOrDefaultAsync(t => t.TokenHash == hash, ct);
        return token is not null && token.IsUsableAt(clock.Now()) ? token.UserId : null;
    }

    // The token's owner is the actor: only they create and revoke their tokens. Never the secret, nor its prefix.
    private static async Task<AuditEntry> AuditAsync(AppDbContext db, ApiToken token, AuditAction action, Dictionary<string, object?> details, DateTimeOffset now, CancellationToken ct)
    {
        var owner = await db.Users.AsNoTracking().Where(u => u.Id == token.UserId).Select(u => new { u.DisplayName, u.DefaultOrganisationId }).SingleAsync(ct);
        return SecurityAudit.Entry(owner.DefaultOrganisationId, new AuditActor(token.UserId, owner.DisplayName), SecurityAudit.ApiToken, token.Id, token.UserId, action, details, now);
    }

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static ApiTokenDto ToDto(ApiToken t, DateTimeOffset now) =>
        new(t.Id, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.IsUsableAt(now));
}
