using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoCommissioning.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Chooses the provider and its migrations assembly from configuration (<c>Database:Provider</c>).</summary>
public static class DatabaseSetup
{
    public const string PostgresMigrationsAssembly = "CoCommissioning.Migrations.Postgres";
    public const string SqliteMigrationsAssembly = "CoCommissioning.Migrations.Sqlite";
    public const string DefaultSqliteConnection = "Data Source=App_Data/cocommissioning.db";

    /// <summary>Retries of a failed database operation on PostgreSQL (see <see cref="Configure"/>).</summary>
    public const int RetryCount = 3;

    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(2);

    public static DatabaseProvider ProviderFrom(IConfiguration configuration)
    {
        var value = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(value))
        {
            return DatabaseProvider.Sqlite;
        }

        return Enum.TryParse<DatabaseProvider>(value, ignoreCase: true, out var provider)
            ? provider
            : throw new InvalidOperationException($"Database:Provider must be Sqlite or Postgres, not \"{value}\".");
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        // A save that loses a race is an expected outcome the save pipeline answers with a 409, not an error to page
        // anyone about; a save that fails for any other reason is rethrown and logged as an error where it is handled.
        options.ConfigureWarnings(w => w.Log(
            (CoreEventId.SaveChangesFailed, LogLevel.Information),
            (CoreEventId.OptimisticConcurrencyException, LogLevel.Information)));

        switch (provider)
        {
            case DatabaseProvider.Postgres:
                // A request is answered within seconds: a few quick retries ride out a restart or a failover, and a
                // longer outage becomes a 503 rather than a request held for a minute (the provider's default).
                options.UseNpgsql(connectionString, npgsql => npgsql
                    .MigrationsAssembly(PostgresMigrationsAssembly)
                    .EnableRetryOnFailure(RetryCount, MaxRetryDelay, [.. DatabaseFailures.ShutdownStates]));
                break;
            case DatabaseProvider.Sqlite:
                options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(SqliteMigrationsAssembly));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, null);
        }
    }

    /// <summary>Registers the context factory (and a scoped context for ASP.NET Core Identity) and the audit-aware factory.</summary>
    public static IServiceCollection AddCoCommissioningDatabase(this IServiceCollection services, DatabaseProvider provider, string connectionString)
    {
        services.AddLogging();
        services.AddDbContextFactory<AppDbContext>(options => Configure(options, provider, connectionString));
        services.AddSingleton<GovernanceDbFactory>();
        return services;
    }
}
