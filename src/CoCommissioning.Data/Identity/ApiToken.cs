namespace CoCommissioning.Data.Identity;

/// <summary>
/// A bearer token a user created for the JSON API. Only a SHA-256 hash is stored: the token itself is shown once.
/// </summary>
public sealed class ApiToken
{
    public const int NameMaxLength = 100;

    public ApiToken(Guid userId, string name, string prefix, string tokenHash, DateTimeOffset createdAt, DateTimeOffset? expiresAt)
    {
        Id = Guid.NewGuid();
        UserId = userId;
        Name = name;
        Prefix = prefix;
        TokenHash = tokenHash;
        CreatedAt = createdAt;
        ExpiresAt = expiresAt;
    }

    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }
    public string Name { get; private set; }

    /// <summary>The first characters of the token, so its owner can tell tokens apart.</summary>
    public string Prefix { get; private set; }

    public string TokenHash { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ExpiresAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public DateTimeOffset? LastUsedAt { get; set; }

    public bool IsUsableAt(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || now < ExpiresAt);

    public void Revoke(DateTimeOffset at) => RevokedAt ??= at;
}
