using CoCommissioning.Data;
using CoCommissioning.Data.Audit;
using CoCommissioning.Data.Identity;
using CoCommissioning.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CoCommissioning.Web.Features.Account;

public enum PasswordCheckOutcome
{
    Succeeded,

    /// <summary>Unknown email or wrong password: the caller must not learn which.</summary>
    Failed,

    /// <summary>The password was right but an administrator has locked the account.</summary>
    LockedOut,
}

public sealed record PasswordCheckResult(PasswordCheckOutcome Outcome, ApplicationUser? User);

/// <summary>
/// The one password check behind the sign-in form and the token exchange. Failed attempts never lock the account
/// (a stranger could lock anyone); the per-address rate limit bounds guessing instead (ADR-0016). Every path hashes
/// once, so an unknown email takes as long as a known one and the response time does not reveal who has an account.
/// </summary>
public sealed class PasswordCheck(
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signIn,
    DummyPasswordHash dummy,
    IDbContextFactory<AppDbContext> contexts,
    IHttpContextAccessor http,
    TimeProvider clock,
    ILogger<PasswordCheck> logger)
{
    public const string FailedMessage = "The email address or password is not right.";

    public async Task<PasswordCheckResult> CheckAsync(string? email, string? password, string channel, CancellationToken ct = default)
    {
        var user = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email.Trim());
        var client = http.HttpContext is { } context ? SignInRateLimiting.ClientAddress(context) : "unknown";
        if (user is null)
        {
            dummy.Verify(users.PasswordHasher, password ?? "");
            logger.LogWarning("Failed sign-in ({Channel}) for an unknown email address from {ClientAddress}", channel, client);
            return new PasswordCheckResult(PasswordCheckOutcome.Failed, null);
        }

        // The password is checked before the lock, so a locked account answers "locked" only to someone who knows
        // the password, and takes the same time as any other attempt.
        var passwordRight = await users.CheckPasswordAsync(user, password ?? "");
        if (passwordRight && await users.IsLockedOutAsync(user))
        {
            await AuditAsync(user, "refused: the account is locked", channel, client, ct);
            return new PasswordCheckResult(PasswordCheckOutcome.LockedOut, user);
        }

        if (!passwordRight || !await signIn.CanSignInAsync(user))
        {
            await AuditAsync(user, "wrong password", channel, client, ct);
            return new PasswordCheckResult(PasswordCheckOutcome.Failed, user);
        }

        return new PasswordCheckResult(PasswordCheckOutcome.Succeeded, user);
    }

    private async Task AuditAsync(ApplicationUser user, string outcome, string channel, string client, CancellationToken ct)
    {
        logger.LogWarning("Failed sign-in ({Channel}) for user {UserId} from {ClientAddress}: {Outcome}", channel, user.Id, client, outcome);
        var details = new Dictionary<string, object?> { ["outcome"] = outcome, ["channel"] = channel, ["clientAddress"] = client };
        await contexts.WriteAsync(SecurityAudit.Entry(user.DefaultOrganisationId, SecurityAudit.Anonymous(client), SecurityAudit.SignIn, Guid.NewGuid(), user.Id, AuditAction.Insert, details, clock.Now()), ct);
    }
}

/// <summary>A hash of a random password, verified for unknown emails so they cost the same hashing as known ones.</summary>
/// <remarks>The hasher is passed in, not injected: Identity registers it scoped, and this hash lives for the app.</remarks>
public sealed class DummyPasswordHash
{
    private static readonly ApplicationUser Nobody = new();
    private string? hash;

    public void Verify(IPasswordHasher<ApplicationUser> hasher, string password)
    {
        var dummy = LazyInitializer.EnsureInitialized(ref hash, () => hasher.HashPassword(Nobody, Guid.NewGuid().ToString()));
        hasher.VerifyHashedPassword(Nobody, dummy, password);
    }
}
