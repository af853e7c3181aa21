using CoCommissioning.Data;
using CoCommissioning.Data.Audit;
using CoCommissioning.Domain.Committees;
using CoCommissioning.Domain.Common;
using CoCommissioning.Domain.Organisations;
using CoCommissioning.Domain.People;
using CoCommissioning.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoCommissioning.Web.Tests.Persistence;

/// <summary>
/// The data layer alone, registered as the app registers it (AddCoCommissioningDatabase), on a fresh database of
/// one provider that the real migrations build. One database per test class; each test seeds an organisation of
/// its own, so tests do not see one another's rows.
/// </summary>
public abstract class PersistenceFixture(DatabaseProvider provider) : IAsyncLifetime, IAsyncDisposable, IDatabaseFixture
{
    private ServiceProvider? services;
    private ITestDatabase? database;

    public DatabaseProvider Provider { get; } = provider;

    public GovernanceDbFactory Dbs => (services ?? throw new InvalidOperationException("The fixture has not started."))
        .GetRequiredService<GovernanceDbFactory>();

    public async Task InitializeAsync()
    {
        database = await TestDatabases.CreateAsync(Provider);
        services = new ServiceCollection()
            .AddSingleton(TimeProvider.System)
            .AddCoCommissioningDatabase(Provider, database.ConnectionString)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await using var db = await Dbs.CreateForReadingAsync();
        await db.Database.MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        if (services is not null)
        {
            await services.DisposeAsync();
            services = null;
        }

        if (database is not null)
        {
            await database.DisposeAsync();
            database = null;
        }
    }

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await DisposeAsync();
        GC.SuppressFinalize(this);
    }

    public Task<AppDbContext> CreateAsync(string actor = "Test Actor") => Dbs.CreateAsync(new AuditActor(Guid.NewGuid(), actor));

    /// <summary>An organisation of its own with two roles and three people, saved as the system.</summary>
    public async Task<SeededOrganisation> SeedOrganisationAsync()
    {
        var suffix = Guid.NewGuid().ToString("N")[..12];
        var organisation = Must(Organisation.Create($"Test organisation {suffix}", $"test-{suffix}", OrganisationKind.ClinicalCommissioningGroup));
        var lay = Must(MemberRole.Create(organisation.Id, "Lay Member", RoleClassification.Lay));
        var nurse = Must(MemberRole.Create(organisation.Id, "Registered Nurse", RoleClassification.Clinical));
        var people = Enumerable.Range(1, 3)
            .Select(i => Must(Person.Create(organisation.Id, $"Person {i}", $"person{i}@{suffix}.example", "Member", true)))
            .ToArray();

        await using var db = await Dbs.CreateAsync(AuditActor.System("test seed"));
        db.Organisations.Add(organisation);
        db.MemberRoles.AddRange(lay, nurse);
        db.People.AddRange(people);
        await db.SaveChangesAsync();
        return new SeededOrganisation(organisation.Id, lay, nurse, people);
    }

    public static T Must<T>(CommandResult<T> result) =>
        result.Succeeded ? result.Value! : throw new InvalidOperationException(result.Failure!.Message);

    public static void Must(CommandResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(result.Failure!.Message);
        }
    }
}

public sealed record SeededOrganisation(Guid Id, MemberRole Lay, MemberRole Nurse, IReadOnlyList<Person> People);

public sealed class PostgresPersistenceFixture() : PersistenceFixture(DatabaseProvider.Postgres);

public sealed class SqlitePersistenceFixture() : PersistenceFixture(DatabaseProvider.Sqlite);
