using CoCommissioning.Data.Audit;
using CoCommissioning.Data.Identity;
using CoCommissioning.Domain.Committees;
using CoCommissioning.Domain.Decisions;
using CoCommissioning.Domain.Interests;
using CoCommissioning.Domain.Meetings;
using CoCommissioning.Domain.Minutes;
using CoCommissioning.Domain.Notices;
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
    public DbSet<CommitteeSecretary> CommitteeSecretaries => Set<CommitteeSecretary>();
    public DbSet<Decision> Decisions => Set<Decision>();
    public DbSet<VoteRecord> Votes => Set<VoteRecord>();
    public DbSet<InquorateResolution> InquorateResolutions => Set<InquorateResolution>();
    public DbSet<PreFlagResponse> PreFlagResponses => Set<PreFlagResponse>();
    public DbSet<MeetingPaper> MeetingPapers => Set<MeetingPaper>();
    public DbSet<PaperContent> PaperContents => Set<PaperContent>();

    /// <summary>Built meeting packs with the fingerprint of what they were built from (ADR-0020).</summary>
    public DbSet<StoredMeetingPack> MeetingPacks => Set<StoredMeetingPack>();
    public DbSet<AgendaTemplate> AgendaTemplates => Set<AgendaTemplate>();
    public DbSet<ExternalBody> ExternalBodies => Set<ExternalBody>();
    public DbSet<RegisterSettings> RegisterSettings => Set<RegisterSettings>();

    /// <summary>Each organisation's local rules, one row per dated version (ADR-0025).</summary>
    public DbSet<LocalRulesVersion> LocalRules => Set<LocalRulesVersion>();
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
    public DbSet<Notice> Notices => Set<Notice>();
    public DbSet<NoticePreference> NoticePreferences => Set<NoticePreference>();

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
        var saved = Database.CurrentTransaction is null && Database.CreateExecutionStrategy().RetriesOnFailure
            ? await SaveWithOneCommitAsync(acceptAllChangesOnSuccess, cancellationToken)
            : await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await AfterSave(changes);
        return saved;
    }

    /// <summary>
    /// A save on its own, under a retrying strategy. Left to EF, the strategy would retry the whole save when its commit
    /// fails, and a commit that failed on a broken connection may have gone through: the retry would then write twice
    /// (or trip over its own keys and report a saved change as an error). So only the work before the commit is
    /// retried, and the commit runs once (<see cref="CommitCurrentAsync"/>).
    /// </summary>
    private async Task<int> SaveWithOneCommitAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        var saved = await Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            try
            {
                await Database.BeginTransactionAsync(ct);

                // Changes stay pending until the commit, so a retry saves them again from the same state.
                return await base.SaveChangesAsync(acceptAllChangesOnSuccess: false, ct);
            }
            catch
            {
                await AbandonTransactionAsync();
                throw;
            }
        }, cancellationToken);
        await CommitCurrentAsync(cancellationToken);
        if (acceptAllChangesOnSuccess)
        {
            ChangeTracker.AcceptAllChanges();
        }

        return saved;
    }

    /// <summary>
    /// Runs <paramref name="attempt"/>, which begins a transaction and does everything up to (not including) its commit,
    /// as one retriable unit of the execution strategy: on a transient failure the transaction is rolled back, what the
    /// attempt loaded and changed is forgotten, and the whole attempt runs again from the start. The caller then commits
    /// with <see cref="CommitAsync"/>, once, outside the retries. Without a retrying strategy (SQLite) it runs once.
    /// </summary>
    public Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> attempt, CancellationToken cancellationToken) =>
        Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            try
            {
                return await attempt(ct);
            }
            catch
            {
                await AbandonTransactionAsync();
                ChangeTracker.Clear();
                uncommitted.Clear();
                throw;
            }
        }, cancellationToken);

    private async Task AbandonTransactionAsync()
    {
        if (Database.CurrentTransaction is not { } transaction)
        {
            return;
        }

        try
        {
            await transaction.DisposeAsync();
        }
        catch (Exception)
        {
            // Disposing rolls back; on a broken connection that can fail, and the server rolls back an open
            // transaction whose session ended. The failure that brought us here is what the caller hears about.
        }
    }

    /// <summary>
    /// Commits the transaction the caller began, then tells the observers of everything saved in it. Once the commit
    /// has returned, nothing here can fail the operation: the record is saved, and saying otherwise would be false.
    /// </summary>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await CommitCurrentAsync(cancellationToken);
        List<GovernanceChange> committed = [.. uncommitted];
        uncommitted.Clear();
        await NotifyAsync(committed);
    }

    /// <summary>
    /// The commit, never retried. It fails only when the connection fails (the schema has no deferred constraints), and
    /// then the server may or may not have committed: that is said as it is (<see cref="CommitOutcomeUnknownException"/>).
    /// </summary>
    private async Task CommitCurrentAsync(CancellationToken cancellationToken)
    {
        await using var transaction = Database.CurrentTransaction ?? throw new InvalidOperationException("No transaction to commit.");
        try
        {
            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw new CommitOutcomeUnknownException(ex);
        }
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
