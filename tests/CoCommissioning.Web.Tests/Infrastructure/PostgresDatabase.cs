using CoCommissioning.Data;
using Npgsql;

namespace CoCommissioning.Web.Tests.Infrastructure;

/// <summary>
/// A database with a random name on the server named by <c>COCO_TEST_POSTGRES</c> (a superuser connection string;
/// scripts/test.sh starts a throwaway cluster and sets it). Created empty: the app's own start-up or the test
/// applies the real migrations. Dropped, with any connections still open to it, on dispose.
/// </summary>
public sealed class PostgresDatabase : ITestDatabase
{
    public const string EnvironmentVariable = "COCO_TEST_POSTGRES";

    private PostgresDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
    }

    public DatabaseProvider Provider => DatabaseProvider.Postgres;

    public string Name { get; }

    public string ConnectionString { get; }

    /// <summary>The server connection string, or a failure that says how to get one.</summary>
    public static string ServerConnectionString
    {
        get
        {
            var value = Environment.GetEnvironmentVariable(EnvironmentVariable);
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new InvalidOperationException(
                    $"The PostgreSQL tests need a server: {EnvironmentVariable} is not set. Run the tests with scripts/test.sh "
                    + "(it starts a throwaway PostgreSQL cluster and sets the variable), or set "
                    + $"{EnvironmentVariable} to the connection string of a PostgreSQL superuser on a server the tests may "
                    + "create and drop databases on, e.g. \"Host=127.0.0.1;Port=5432;Username=postgres;Password=...;Database=postgres\".");
            }

            return value;
        }
    }

    public static async Task<PostgresDatabase> CreateAsync()
    {
        var server = new NpgsqlConnectionStringBuilder(ServerConnectionString);
        var name = "coco_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(server.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        var database = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name };
        return new PostgresDatabase(name, database.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        // Pooled connections of the app under test would otherwise hold the database open.
        await using (var pooled = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
