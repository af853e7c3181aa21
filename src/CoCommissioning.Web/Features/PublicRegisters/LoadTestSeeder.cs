using System.Diagnostics;
using System.Globalization;
using CoCommissioning.Data;
using CoCommissioning.Data.Audit;
using CoCommissioning.Domain.Common;
using CoCommissioning.Domain.Interests;
using CoCommissioning.Domain.Organisations;
using CoCommissioning.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace CoCommissioning.Web.Features.PublicRegisters;

/// <summary>
/// Seeds organisations for tests/load/public-register-load.sh, only when <c>LoadTest:Seed</c> is true: "load-test-icb"
/// with <c>LoadTest:People</c> (5,000) decision-making people and <c>LoadTest:Declarations</c> (20,000) accepted,
/// public interests, and, when <c>LoadTest:LargeDeclarations</c> is above zero, "load-test-icb-large" with that many
/// (100,000 for the CSV memory test). Inserts go through EF in batches with the audit trail as usual.
/// </summary>
public static class LoadTestSeeder
{
    public const string Slug = "load-test-icb";
    public const string LargeSlug = "load-test-icb-large";
    private const int BatchSize = 2_500;

    public static async Task SeedAsync(IServiceProvider services, IConfiguration configuration, CancellationToken ct = default)
    {
        if (!configuration.GetValue("LoadTest:Seed", false))
        {
            return;
        }

        var dbs = services.GetRequiredService<GovernanceDbFactory>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(LoadTestSeeder));
        var today = services.GetRequiredService<TimeProvider>().Today();
        await SeedOrganisationAsync(dbs, logger, "Load Test ICB", Slug, configuration.GetValue("LoadTest:People", 5_000), configuration.GetValue("LoadTest:Declarations", 20_000), today, ct);
        var large = configuration.GetValue("LoadTest:LargeDeclarations", 0);
        if (large > 0)
        {
            await SeedOrganisationAsync(dbs, logger, "Load Test ICB (large)", LargeSlug, Math.Max(1, large / 20), large, today, ct);
        }
    }

    private static async Task SeedOrganisationAsync(GovernanceDbFactory dbs, ILogger logger, string name, string slug, int peopleCount, int declarationCount, DateOnly today, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var actor = AuditActor.System("load test seed");
        await using (var check = await dbs.CreateForReadingAsync(ct))
        {
            if (await check.Organisations.AnyAsync(o => o.Slug == slug, ct))
            {
                logger.LogInformation("Load test organisation {OrganisationSlug} already seeded", slug);
                return;
            }
        }

        var organisation = Must(Organisation.Create(name, slug, OrganisationKind.IntegratedCareBoard));
        var bodies = Enumerable.Range(1, 100)
            .Select(i => Must(ExternalBody.Create(organisation.Id, $"Practice {i:D3}", BodyKind.GpPractice, $"L{i:D5}")))
            .ToList();
        var people = Enumerable.Range(1, peopleCount)
            .Select(i => Must(Person.Create(organisation.Id, $"{Given[i % Given.Length]} {Family[i / Given.Length % Family.Length]}-{i.ToString(CultureInfo.InvariantCulture)}", null, i % 3 == 0 ? "GP partner" : "Clinical lead", isDecisionMakingStaff: true)))
            .ToList();
        await using (var db = await dbs.CreateAsync(actor, ct))
        {
            db.Organisations.Add(organisation);
            db.ExternalBodies.AddRange(bodies);
            db.People.AddRange(people);
            await db.SaveChangesAsync(ct);
        }

        var reviewer = Guid.NewGuid();
        for (var first = 0; first < declarationCount; first += BatchSize)
        {
            await using var db = await dbs.CreateAsync(actor, ct);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = first; i < Math.Min(first + BatchSize, declarationCount); i++)
            {
                var direct = i % 5 != 0;
                var from = today.AddDays(-30 - (i % 1_500));
                var details = new InterestDetails(
                    (InterestCategory)(i % 4),
                    direct,
                    direct ? null : "Spouse",
                    bodies[i % bodies.Count].Id,
                    $"Interest {i.ToString(CultureInfo.InvariantCulture)}: partner or shareholder in the practice, paid sessions or an advisory role",
                    from,
                    i % 7 == 0 ? today.AddDays(-(i % 150)) : null,
                    i % 3 == 0 ? "Leaves the meeting for items about the practice" : null);
                var declaration = Must(Declaration.Declare(organisation.Id, people[i % people.Count].Id, details, today));
                Check(declaration.Accept(reviewer, "Load test governance lead", null, today));
                db.Declarations.Add(declaration);
            }

            await db.SaveChangesAsync(ct);
        }

        logger.LogInformation("Seeded load test organisation {OrganisationSlug}: {People} people, {Declarations} declarations in {Elapsed} ms", slug, peopleCount, declarationCount, watch.ElapsedMilliseconds);
    }

    private static readonly string[] Given = ["Aisha", "Ben", "Chloe", "Dev", "Ella", "Femi", "Grace", "Hamid", "Isla", "Jack"];
    private static readonly string[] Family = ["Ahmed", "Brown", "Clarke", "Davies", "Evans", "Fisher", "Green", "Hughes", "Iqbal", "Jones", "Khan", "Lewis"];

    private static T Must<T>(CommandResult<T> result) =>
        result.Succeeded ? result.Value! : throw new InvalidOperationException($"Load test data is invalid: {result.Failure!.Message}");

    private static void Check(CommandResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Load test data is invalid: {result.Failure!.Message}");
        }
    }
}
