namespace CoCommissioning.Data.Audit;

/// <summary>Who the audit trail names for the changes a context saves.</summary>
public sealed record AuditActor(Guid? UserId, string Name)
{
    public static AuditActor System(string purpose) => new(null, $"System ({purpose})");
}
