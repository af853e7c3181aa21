using CoCommissioning.Data;
using CoCommissioning.Web.Data;
using CoCommissioning.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoCommissioning.Web.Tests.Persistence;

/// <summary>
/// A database made by the migrations squashed into the baseline (ADR-0027): the demo's SQLite file is recreated, any
/// other database is refused at start-up with what to do, and nothing in it is touched.
/// </summary>
public sealed class PreBaselineDatabaseTests
{
    private const string SquashedMigration = "20261123195815_Initial";

    [Fact]
    public async Task DemoSqliteFile_FromBeforeTheBaseline_IsRecreatedWithTheDemo()
    {
        await using var database = SqliteDatabase.Create();
        await using (var connection = new SqliteConnection(database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"""
                CREATE TABLE "__EFMigrationsHistory" ("MigrationId" TEXT NOT NULL PRIMARY KEY, "ProductVersion" TEXT NOT NULL);
                INSERT INTO "__EFMigrationsHistory" VALUES ('{SquashedMigration}', '10.0.0');
                CREATE TABLE "Organisations" ("Id" TEXT NOT NULL PRIMARY KEY);
                """;
            await command.ExecuteNonQueryAsync();
        }

        await using var app = new CoWebFactory(database);
        using var anonymous = app.CreateClient();
        (await anonymous.GetAsync("/health/ready")).EnsureSuccessStatusCode();

        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<GovernanceDbFactory>().CreateForReadingAsync();
        (await db.Database.GetAppliedMigrationsAsync()).Should().NotContain(SquashedMigration).And.Contain(m => m.EndsWith("_Baseline", StringComparison.Ordinal));
        (await db.Organisations.CountAsync()).Should().Be(2, "the demo was seeded again");

        // Outside the demo (or on PostgreSQL) the same history stops the start and leaves the data alone.
        await db.Database.ExecuteSqlRawAsync($"INSERT INTO \"__EFMigrationsHistory\" VALUES ('{SquashedMigration}', '10.0.0')");
        var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
        var refused = await seeder.Invoking(s => s.MigrateAsync(mayRecreateDemo: false)).Should().ThrowAsync<InvalidOperationException>();
        refused.Which.Message.Should().Contain(SquashedMigration).And.Contain("baseline").And.Contain("ADR-0027");
        (await db.Organisations.CountAsync()).Should().Be(2, "nothing was deleted");
    }
}
