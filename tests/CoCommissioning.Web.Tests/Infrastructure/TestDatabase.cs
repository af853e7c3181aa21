using CoCommissioning.Data;

namespace CoCommissioning.Web.Tests.Infrastructure;

/// <summary>An empty, throwaway database of one provider; disposing it removes it.</summary>
public interface ITestDatabase : IAsyncDisposable
{
    DatabaseProvider Provider { get; }

    string ConnectionString { get; }
}

public static class TestDatabases
{
    public static async Task<ITestDatabase> CreateAsync(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Postgres => await PostgresDatabase.CreateAsync(),
        DatabaseProvider.Sqlite => SqliteDatabase.Create(),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };
}
