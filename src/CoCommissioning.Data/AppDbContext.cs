using CoCommissioning.Data.Audit;
using CoCommissioning.Data.Identity;
using CoCommissioning.Domain.Committees;
using CoCommissioning.Domain.Decisions;
using CoCommissioning.Domain.Interests;
using CoCommissioning.Domain.Meetings;
using CoCommissioning.Domain.Minutes;
using CoCommissioning.Domain.Organisations;
using CoCommissioning.Domain.People;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CoCommissioning.Data;

/// <summary>
/// The one EF Core model, for PostgreSQL and SQLite alike. Migrations live per provider in their own assemblies.
/// Create one per operation (through <see cref="GovernanceDbFactory"/>), never one per circuit.
/// </summary>
public sealed class AppDbContext(DbContextOptions<AppDbContext> options)
    : IdentityDbContext<ApplicationUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<MemberRole> MemberRoles => Set<MemberRole>();
    public DbSet<Committee> Committees => Set<Committee>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<TermsOfReference> TermsOfReference => Set<TermsOfReference>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<Decision> Decisions => Set<Decision>();
    public DbSet<VoteRecord> Votes => Set<VoteRecord>();
    public DbSet<InquorateResolution> InquorateResolutions => Set<InquorateResolution>();
    public DbSet<PreFlagResponse> PreFlagResponses => Set<PreFlagResponse>();
    public DbSet<MeetingPaper> MeetingPapers => Set<MeetingPaper>();
    public DbSet<PaperContent> PaperContents => Set<PaperContent>();
    public DbSet<ExternalBody> ExternalBodies => Set<ExternalBody>();
    public DbSet<RegisterSettings> RegisterSettings => Set<RegisterSettings>();
    public DbSet<Declaration> Declarations => Set<Declaration>();
    public DbSet<DeclarationVersion> DeclarationVersions => Set<DeclarationVersion>();
    public DbSet<DeclarationCycle> DeclarationCycles => Set<DeclarationCycle>();
    public DbSet<CycleReturn> CycleReturns => Set<CycleReturn>();
    public DbSet<CycleReminder> CycleReminders => Set<CycleReminder>();
    public DbSet<GiftEntry> GiftEntries => Set<GiftEntry>();
    public DbSet<ProcurementDecision> ProcurementDecisions => Set<ProcurementDecision>();
    public DbSet<Breach> Breaches => Set<Breach>();
    public DbSet<ActionItem> ActionItems => Set<ActionItem>();
    public DbSet<Minutes> Minutes => Set<Minutes>();
    public DbSet<OrganisationRoleAssignment> RoleAssignments => Set<OrganisationRoleAssignment>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>
    /// The data-protection key ring (sign-in cookies, antiforgery tokens), here so every app instance on the database
    /// reads and writes the same keys.
    /// </summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Set by <see cref="GovernanceDbFactory"/>; saving a governance change without it is a bug.</summary>
    internal AuditWriter? Audit { get; set; }

    /// <summary>Told after each committed save that changed governance records.</summary>
    internal IReadOnlyList<IGovernanceChangeObserver> Observers { get; set; } = [];

    /// <summary>Where a failing observer is reported (logged by the factory's logger); the save it followed stands.</summary>
    internal Action<Exception, IGovernanceChangeObserver>? ObserverFailed { get; set; }

    // Changes saved inside an explicit transaction: observers hear of them only once it commits.
    private readonly List<GovernanceChange> uncommitted = [];

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var changes = AuditWriter.Record(this, Audit);
        var saved = base.SaveChanges(acceptAllChangesOnSuccess);
        AfterSave(changes).GetAwaiter().GetResult();
        return saved;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var changes = AuditWriter.Record(this, Audit);
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await AfterSave(changes);
        return saved;
    }

    /// <summary>
    /// Commits the transaction the caller began, then tells the observers of everything saved in it. Once the commit
    /// has returned, nothing here can fail the operation: the record is saved, and saying otherwise would be false.
    /// </summary>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        var transaction = Database.CurrentTransaction ?? throw new InvalidOperationException("No transaction to commit.");
        await transaction.CommitAsync(cancellationToken);
        List<GovernanceChange> committed = [.. uncommitted];
        uncommitted.Clear();
        await NotifyAsync(committed);
    }

    private Task AfterSave(IReadOnlyList<GovernanceChange> changes)
    {
        if (Database.CurrentTransaction is not null)
        {
            uncommitted.AddRange(changes);
            return Task.CompletedTask;
        }

        return NotifyAsync(changes);
    }

    /// <summary>
    /// Each observer in turn, each failure caught and reported: a cache that cannot be evicted expires on its own, and
    /// must not stop the live notice to open views (nor turn a committed save into an error).
    /// </summary>
    private async Task NotifyAsync(IReadOnlyList<GovernanceChange> changes)
    {
        if (changes.Count == 0)
        {
            return;
        }

        foreach (var observer in Observers)
        {
            try
            {
                // Not the request's token: the save has committed, and an aborted request must not stop the notices.
                await observer.SavedAsync(changes, CancellationToken.None);
            }
            catch (Exception ex)
            {
                ObserverFailed?.Invoke(ex, observer);
            }
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date-time-with-offset type and cannot order or compare text timestamps reliably, so store
        // UTC instants as sortable integers there. PostgreSQL keeps timestamptz.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }

        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }
}
