using CoCommissioning.Data.Audit;
using CoCommissioning.Domain.Interests;
using CoCommissioning.Domain.Organisations;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using static CoCommissioning.Web.Tests.Persistence.PersistenceFixture;

namespace CoCommissioning.Web.Tests.Persistence;

/// <summary>The registers' value objects (an interest's details, an offer) survive a round trip on each provider.</summary>
public abstract class RegisterPersistenceTests(PersistenceFixture fixture)
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    [DatabaseFact]
    public async Task Declaration_CorrectedAndReloaded_KeepsEveryVersionAndTheCurrentDetails()
    {
        var org = await fixture.SeedOrganisationAsync();
        var body = Must(ExternalBody.Create(org.Id, "Riverside Surgery", BodyKind.GpPractice, "m85001"));
        var details = new InterestDetails(InterestCategory.Financial, true, null, body.Id, "Partner in the practice", Today.AddMonths(-3), null, null);
        var declaration = Must(Declaration.Declare(org.Id, org.People[0].Id, details, Today));
        var nil = Declaration.NilReturn(org.Id, org.People[1].Id, Today);
        await using (var db = await fixture.CreateAsync())
        {
            db.ExternalBodies.Add(body);
            db.Declarations.AddRange(declaration, nil);
            await db.SaveChangesAsync();
        }

        await using (var db = await fixture.CreateAsync())
        {
            var loaded = await db.Declarations.Include(d => d.Versions).SingleAsync(d => d.Id == declaration.Id);
            Must(loaded.End(Today.AddDays(-1), Today));
            await db.SaveChangesAsync();
        }

        await using (var db = await fixture.Dbs.CreateForReadingAsync())
        {
            var loaded = await db.Declarations.Include(d => d.Versions).SingleAsync(d => d.Id == declaration.Id);
            loaded.Versions.Should().HaveCount(2);
            loaded.Details!.To.Should().Be(Today.AddDays(-1));
            loaded.Details.ConcernsBodyId.Should().Be(body.Id);
            loaded.Versions.Single(v => v.Number == 1).Details!.To.Should().BeNull();
            loaded.DeclaredOn.Should().Be(Today);

            var loadedNil = await db.Declarations.Include(d => d.Versions).SingleAsync(d => d.Id == nil.Id);
            loadedNil.Details.Should().BeNull();
            loadedNil.Versions.Single().Details.Should().BeNull();

            var audit = await db.AuditEntries.Where(a => a.RecordId == declaration.Id.ToString() && a.Action == AuditAction.Update).ToListAsync();
            audit.Should().ContainSingle().Which.Changes.Should().Contain("Details.To");

            var publicQuery = await db.Declarations.Where(d => d.OrganisationId == org.Id && d.Details != null && d.Details.To == null).CountAsync();
            publicQuery.Should().Be(0);
            (await db.ExternalBodies.SingleAsync(b => b.Id == body.Id)).Code.Should().Be("M85001");
        }
    }

    [DatabaseFact]
    public async Task GiftEntryAndSettings_SavedAndReloaded_KeepTheirValues()
    {
        var org = await fixture.SeedOrganisationAsync();
        var settings = RegisterSettings.DefaultsFor(org.Id);
        Must(settings.Update(GiftThresholds.Guidance2017 with { GiftDeclarationLimit = 40m }, org.People[2].Id));
        var offer = new OfferDetails(OfferKind.Hospitality, "Dinner at a conference", "Acme Health Ltd", "Digital services", OfferorKind.SupplierOrContractor, null, 60.50m, false, false, Today.AddDays(-2), Today.AddDays(-1), OfferOutcome.Accepted, null, null);
        var gift = Must(GiftEntry.Declare(org.Id, org.People[0].Id, offer, [], settings.Thresholds, Today));
        await using (var db = await fixture.CreateAsync())
        {
            db.RegisterSettings.Add(settings);
            db.GiftEntries.Add(gift);
            await db.SaveChangesAsync();
        }

        await using (var db = await fixture.Dbs.CreateForReadingAsync())
        {
            var loaded = await db.GiftEntries.SingleAsync(g => g.Id == gift.Id);
            loaded.Details.Should().Be(gift.Details);
            loaded.Advice.Should().Be(OfferAdvice.MayAcceptAndDeclare);
            (await db.RegisterSettings.SingleAsync(s => s.Id == org.Id)).Thresholds.GiftDeclarationLimit.Should().Be(40m);
        }
    }

    [DatabaseFact]
    public async Task CycleReturn_SecondForTheSamePerson_RefusedByTheDatabase()
    {
        var org = await fixture.SeedOrganisationAsync();
        var cycle = Must(DeclarationCycle.Open(org.Id, "Annual declarations 2026", Today.AddDays(28), Today));
        await using (var db = await fixture.CreateAsync())
        {
            db.DeclarationCycles.Add(cycle);
            db.CycleReturns.Add(new CycleReturn(org.Id, cycle.Id, org.People[0].Id, CycleReturnKind.DeclarationsConfirmed, Today, null));
            await db.SaveChangesAsync();
        }

        await using (var db = await fixture.CreateAsync())
        {
            db.CycleReturns.Add(new CycleReturn(org.Id, cycle.Id, org.People[0].Id, CycleReturnKind.DeclarationsConfirmed, Today, null));
            var save = () => db.SaveChangesAsync();
            await save.Should().ThrowAsync<DbUpdateException>();
        }
    }
}

public sealed class PostgresRegisterPersistenceTests(PostgresPersistenceFixture fixture) : RegisterPersistenceTests(fixture), IClassFixture<PostgresPersistenceFixture>;

public sealed class SqliteRegisterPersistenceTests(SqlitePersistenceFixture fixture) : RegisterPersistenceTests(fixture), IClassFixture<SqlitePersistenceFixture>;
