using System.Net;
using CoCommissioning.Data;
using CoCommissioning.Data.Audit;
using CoCommissioning.Domain.Interests;
using CoCommissioning.Web.Features.Retention;
using CoCommissioning.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoCommissioning.Web.Tests.Api;

public sealed class RetentionTests(PostgresAppFixture app) : RetentionTestsBase(app), IClassFixture<PostgresAppFixture>;

public sealed class RetentionOnSqliteTests(SqliteAppFixture app) : RetentionTestsBase(app), IClassFixture<SqliteAppFixture>;

/// <summary>
/// The retention purge through HTTP: six years after an entry ends it goes, and the audit says so; runs asked for at
/// once never overlap (issue 12: four concurrent runs gave three 500s).
/// </summary>
public abstract class RetentionTestsBase(AppFixture app)
{
    [DatabaseFact]
    public async Task Run_FourAtOnce_AllSucceedAndTheEntryIsPurgedOnce()
    {
        var today = ApiScenario.Today;
        var dbs = app.Factory.Services.GetRequiredService<GovernanceDbFactory>();
        Guid old;
        await using (var db = await dbs.CreateAsync(AuditActor.System("test seed")))
        {
            var org = await db.Organisations.SingleAsync(o => o.Slug == "example-ccg");
            var person = await db.People.FirstAsync(p => p.OrganisationId == org.Id);
            var ended = today.AddYears(-7);
            var entry = Must(Declaration.Declare(org.Id, person.Id, new InterestDetails(InterestCategory.Financial, true, null, null, "Ended seven years ago", ended.AddYears(-2), ended, null), ended));
            db.Declarations.Add(entry);
            await db.SaveChangesAsync();
            old = entry.Id;
        }

        using var governance = await app.CreateApiClientAsync(DemoUsers.Governance);
        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => governance.PostAsync("/api/retention/run", null)));
        var runs = new List<RetentionRunDto>();
        foreach (var response in responses)
        {
            using (response)
            {
                runs.Add(await response.ReadJsonAsync<RetentionRunDto>(HttpStatusCode.OK));
            }
        }

        await using var check = await dbs.CreateForReadingAsync();
        (await check.Declarations.AnyAsync(d => d.Id == old)).Should().BeFalse();
        (await check.AuditEntries.CountAsync(a => a.Action == AuditAction.Purge && a.RecordId == old.ToString())).Should().Be(1, "the entry is purged by one run only");
        runs.Sum(r => r.Declarations).Should().BeGreaterThanOrEqualTo(1);
    }

    [DatabaseFact]
    public async Task Run_EntryEndedOverSixYearsAgo_PurgedWithAnAuditEntryThatKeepsNoContents()
    {
        var today = ApiScenario.Today;
        var canary = $"canary-{Guid.NewGuid():N}";
        var dbs = app.Factory.Services.GetRequiredService<GovernanceDbFactory>();
        Guid old, recent, gift;
        await using (var db = await dbs.CreateAsync(AuditActor.System("test seed")))
        {
            var org = await db.Organisations.SingleAsync(o => o.Slug == "example-ccg");
            var person = await db.People.FirstAsync(p => p.OrganisationId == org.Id);
            var ended = today.AddYears(-6).AddDays(-1);
            var oldEntry = Must(Declaration.Declare(org.Id, person.Id, new InterestDetails(InterestCategory.Financial, true, null, null, $"Old {canary}", ended.AddYears(-3), ended, null), ended));
            var recentEntry = Must(Declaration.Declare(org.Id, person.Id, new InterestDetails(InterestCategory.Financial, true, null, null, "Ended exactly six years ago", ended.AddYears(-3), today.AddYears(-6), null), today.AddYears(-6)));
            var offer = new OfferDetails(OfferKind.Gift, $"Old gift {canary}", "Someone", null, OfferorKind.Other, null, 10m, false, false, ended.AddDays(-3), ended, OfferOutcome.Accepted, null, null);
            var oldGift = Must(GiftEntry.Declare(org.Id, person.Id, offer, [], GiftThresholds.Guidance2017, ended));
            db.Declarations.AddRange(oldEntry, recentEntry);
            db.GiftEntries.Add(oldGift);
            await db.SaveChangesAsync();
            (old, recent, gift) = (oldEntry.Id, recentEntry.Id, oldGift.Id);
        }

        var member = await app.CreateApiClientAsync(DemoUsers.Member);
        (await member.PostAsync("/api/retention/run", null)).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        var governance = await app.CreateApiClientAsync(DemoUsers.Governance);
        using var response = await governance.PostAsync("/api/retention/run", null);
        var run = await response.ReadJsonAsync<RetentionRunDto>(HttpStatusCode.OK);

        run.Declarations.Should().BeGreaterThanOrEqualTo(1);
        run.GiftEntries.Should().BeGreaterThanOrEqualTo(1);
        await using var check = await dbs.CreateForReadingAsync();
        (await check.Declarations.AnyAsync(d => d.Id == old)).Should().BeFalse();
        (await check.DeclarationVersions.AnyAsync(v => v.DeclarationId == old)).Should().BeFalse();
        (await check.GiftEntries.AnyAsync(g => g.Id == gift)).Should().BeFalse();
        (await check.Declarations.AnyAsync(d => d.Id == recent)).Should().BeTrue("an entry is kept until six years have passed since it ended");

        var purges = await check.AuditEntries.Where(a => a.Action == AuditAction.Purge && (a.RecordId == old.ToString() || a.AggregateId == old.ToString() || a.RecordId == gift.ToString())).ToListAsync();
        purges.Should().HaveCount(3, "the declaration, its version and the gift are each recorded as purged");
        purges.Should().OnlyContain(a => a.Changes.Contains("Retention: ended more than 6 years") && !a.Changes.Contains(canary) && a.ActorName == "Sophie Turner");
    }

    private static T Must<T>(CoCommissioning.Domain.Common.CommandResult<T> result) =>
        result.Succeeded ? result.Value! : throw new InvalidOperationException(result.Failure!.Message);
}
