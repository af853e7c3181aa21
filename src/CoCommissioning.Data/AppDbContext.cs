using CoCommissioning.Data.Audit;
using CoCommissioning.Data.Identity;
using CoCommissioning.Domain.Committees;
using CoCommissioning.Domain.Decisions;
using CoCommissioning.Domain.Interests;
using CoCommissioning.Domain.Meetings;
using CoCommissioning.Domain.Minutes;
using CoCommissioning.Domain.Organisations;
using CoCommissioning.Domain.People;
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
    : IdentityDbContext<ApplicationUser, IdentityRole<Guid>, Guid>(options)
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

    /// <summary>Set by <see cref="GovernanceDbFactory"/>; saving a governance change without it is a bug.</summary>
    internal AuditWriter? Audit { get; set; }

    /// <summary>Told after each committed save that changed governance records.</summary>
    internal IReadOnlyList<IGovernanceChangeObserver> Observers { get; set; } = [];

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var changes = AuditWriter.Record(this, Audit);
        var saved = base.SaveChanges(acceptAllChangesOnSuccess);
        foreach (var observer in changes.Count > 0 ? Observers : [])
        {
            observer.SavedAsync(changes, CancellationToken.None).GetAwaiter().GetResult();
        }

        return saved;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var changes = AuditWriter.Record(this, Audit);
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        foreach (var observer in changes.Count > 0 ? Observers : [])
        {
            await observer.SavedAsync(changes, cancellationToken);
        }

        return saved;
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
