using System.Net;
using CoCommissioning.Data;
using CoCommissioning.Web.Data;
using CoCommissioning.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CoCommissioning.Web.Tests.Outages;

/// <summary>
/// Instances started together on a new database (issue 12: before the start-up lock, one of two crashed in 8 of 8 runs):
/// both come up, the migrations are applied once and the demo is seeded once.
/// </summary>
public sealed class ConcurrentStartupTests
{
    private const int Rounds = 3;

    [ProviderTheory]
    public async Task TwoInstances_StartTogetherOnAnEmptyDatabase_BothServeMigratedAndSeededOnce(DatabaseProvider provider)
    {
        // PostgreSQL three times: the race this guards against showed there, between two processes' migrations.
        var rounds = provider == DatabaseProvider.Postgres ? Rounds : 1;
        for (var round = 1; round <= rounds; round++)
        {
            await using var database = await TestDatabases.CreateAsync(provider);
            await StartTwoAndCheckAsync(database, round);
        }
    }

    private static async Task StartTwoAndCheckAsync(ITestDatabase database, int round)
    {
        await using var first = new CoWebFactory(database);
        await using var second = new CoWebFactory(database);

        // Each start runs the real Program: wait for the database, lock, migrate, seed.
        await Task.WhenAll(Task.Run(() => first.Server), Task.Run(() => second.Server));

        foreach (var instance in new[] { first, second })
        {
            using var anonymous = instance.AnonymousClient();
            (await anonymous.StatusOfAsync("/health/ready")).Should().Be(HttpStatusCode.OK, "round {0}: every instance is ready", round);
            using var member = await instance.BearerClientAsync(DemoUsers.Member);
            (await member.TheOnlySeededCommitteeAsync()).CurrentMembers.Should().Be(13, "round {0}: the demo committee was seeded whole, once", round);
        }

        var (applied, known, organisations, users) = await first.WithDatabaseAsync(async db => (
            (await db.Database.GetAppliedMigrationsAsync()).Count(),
            db.Database.GetMigrations().Count(),
            await db.Organisations.CountAsync(),
            await db.Users.CountAsync()));
        applied.Should().Be(known, "round {0}: every migration is applied, each once", round);
        organisations.Should().Be(2, "round {0}: the demo organisations are seeded once", round);
        users.Should().Be(DemoSeeder.SignIns.Count, "round {0}: the demo accounts are created once", round);
    }
}
