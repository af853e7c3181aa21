using System.Data.Common;
using System.Reflection;
using CoCommissioning.Data.Audit;
using CoCommissioning.Domain.Committees;
using Microsoft.EntityFrameworkCore;

namespace CoCommissioning.Web.Tests.Persistence;

/// <summary>The same cases on both providers: the derived classes below pick PostgreSQL or SQLite.</summary>
public abstract class PersistenceTests(PersistenceFixture fixture)
{
    private static readonly DateOnly Start = new(2026, 4, 1);

    [DatabaseFact]
    public async Task Migrate_Applied_LeavesNoPendingMigrationsOrModelChanges()
    {
        await using var db = await fixture.Dbs.CreateForReadingAsync();

        (await db.Database.GetPendingMigrationsAsync()).Should().BeEmpty();
        (await db.Database.GetAppliedMigrationsAsync()).Should().Contain(m => m.EndsWith("_Baseline", StringComparison.Ordinal));
        db.Database.HasPendingModelChanges().Should().BeFalse("the {0} migrations must match the model: add a migration", fixture.Provider);
    }

    [DatabaseFact]
    public async Task Committee_SaveAndReload_KeepsMembershipsWithRolesOfficeAndDeputy()
    {
        var org = await fixture.SeedOrganisationAsync();
        var committee = PersistenceFixture.Must(Committee.Create(org.Id, "Primary Care Commissioning Committee", CommitteeType.PrimaryCareCommissioning, CoCommissioningLevel.Delegated, "Decides on GP contracts."));
        var chair = PersistenceFixture.Must(committee.AddMember(org.People[0].Id, [org.Lay, org.Nurse], true, Start, Start.AddYears(3).AddDays(-1)));
        var member = PersistenceFixture.Must(committee.AddMember(org.People[1].Id, [org.Nurse], false, Start, null));
        PersistenceFixture.Must(committee.Appoint(chair.Id, CommitteeOffice.Chair, Start.AddDays(10)));
        PersistenceFixture.Must(committee.NameDeputy(member.Id, org.People[2].Id));
        await using (var db = await fixture.CreateAsync())
        {
            db.Committees.Add(committee);
            await db.SaveChangesAsync();
        }

        await using var reader = await fixture.Dbs.CreateForReadingAsync();
        var loaded = await reader.Committees.AsNoTracking().Include(c => c.Memberships).SingleAsync(c => c.Id == committee.Id);

        loaded.Should().BeEquivalentTo(committee, options => options.Excluding(c => c.Memberships));
        loaded.Memberships.Should().HaveCount(2);
        var loadedChair = loaded.Memberships.Single(m => m.Id == chair.Id);
        loadedChair.RoleIds.Should().Equal(org.Lay.Id, org.Nurse.Id);
        loadedChair.Office.Should().Be(CommitteeOffice.Chair);
        loadedChair.IsVoting.Should().BeTrue();
        loadedChair.TermStart.Should().Be(Start);
        loadedChair.TermEnd.Should().Be(new DateOnly(2029, 3, 31));
        loadedChair.DeputyPersonId.Should().BeNull();
        var loadedMember = loaded.Memberships.Single(m => m.Id == member.Id);
        loadedMember.RoleIds.Should().Equal(org.Nurse.Id);
        loadedMember.Office.Should().Be(CommitteeOffice.None);
        loadedMember.IsVoting.Should().BeFalse();
        loadedMember.TermEnd.Should().BeNull();
        loadedMember.DeputyPersonId.Should().Be(org.People[2].Id);
        loadedMember.CommitteeId.Should().Be(committee.Id);
        loadedMember.OrganisationId.Should().Be(org.Id);
        loaded.OfficeHolder(CommitteeOffice.Chair, Start.AddDays(10))!.PersonId.Should().Be(org.People[0].Id);
    }

    [DatabaseFact]
    public async Task Committee_ChangedInTwoContexts_SecondSaveThrowsConcurrencyExceptionAndIsNotAudited()
    {
        var org = await fixture.SeedOrganisationAsync();
        var committee = await SaveCommitteeAsync(org);
        await using var first = await fixture.CreateAsync("First editor");
        await using var second = await fixture.CreateAsync("Second editor");
        var mine = await first.Committees.Include(c => c.Memberships).SingleAsync(c => c.Id == committee.Id);
        var theirs = await second.Committees.Include(c => c.Memberships).SingleAsync(c => c.Id == committee.Id);

        PersistenceFixture.Must(mine.UpdateDetails("Renamed first", mine.Type, mine.Level, "First"));
        await first.SaveChangesAsync();
        PersistenceFixture.Must(theirs.AddMember(org.People[0].Id, [org.Lay], true, Start, null));
        var save = () => second.SaveChangesAsync();

        await save.Should().ThrowAsync<DbUpdateConcurrencyException>();
        await using var reader = await fixture.Dbs.CreateForReadingAsync();
        var stored = await reader.Committees.AsNoTracking().Include(c => c.Memberships).SingleAsync(c => c.Id == committee.Id);
        stored.Name.Should().Be("Renamed first");
        stored.Memberships.Should().BeEmpty();
        var audit = await reader.AuditEntries.AsNoTracking().Where(a => a.OrganisationId == org.Id && (a.RecordId == committee.Id.ToString() || a.AggregateId == committee.Id.ToString())).ToListAsync();
        audit.Select(a => (a.Action, a.ActorName)).Should().BeEquivalentTo([(AuditAction.Insert, "Test Actor"), (AuditAction.Update, "First editor")]);
    }

    [DatabaseFact]
    public async Task SaveChanges_GovernanceChange_WritesItsAuditEntryInTheSameSave()
    {
        var org = await fixture.SeedOrganisationAsync();
        var userId = Guid.NewGuid();
        var committee = PersistenceFixture.Must(Committee.Create(org.Id, "Audit Committee", CommitteeType.Audit, CoCommissioningLevel.Joint, null));
        var membership = PersistenceFixture.Must(committee.AddMember(org.People[0].Id, [org.Lay], true, Start, null));

        await using (var db = await fixture.Dbs.CreateAsync(new AuditActor(userId, "Emma Clarke")))
        {
            db.Committees.Add(committee);
            var written = await db.SaveChangesAsync();
            written.Should().Be(4, "the committee, its membership and an audit entry for each");
        }

        await using var reader = await fixture.Dbs.CreateForReadingAsync();
        var entries = await reader.AuditEntries.AsNoTracking().Where(a => a.AggregateId == committee.Id.ToString() || a.RecordId == committee.Id.ToString()).ToListAsync();
        entries.Should().HaveCount(2).And.OnlyContain(e => e.Action == AuditAction.Insert && e.UserId == userId && e.ActorName == "Emma Clarke" && e.OrganisationId == org.Id);
        entries.Select(e => e.RecordType).Should().BeEquivalentTo(nameof(Committee), nameof(Membership));
        entries.Single(e => e.RecordType == nameof(Membership)).RecordId.Should().Be(membership.Id.ToString());
        entries.Select(e => e.OccurredAt).Distinct().Should().ContainSingle("one save, one moment");
        entries[0].OccurredAt.Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));
    }

    [DatabaseFact]
    public async Task SaveChanges_RefusedByTheDatabase_LeavesNeitherTheChangeNorAnAuditEntry()
    {
        var org = await fixture.SeedOrganisationAsync();
        await SaveCommitteeAsync(org, "Same name");
        await using var reader = await fixture.Dbs.CreateForReadingAsync();
        var before = await reader.AuditEntries.CountAsync(a => a.OrganisationId == org.Id);

        await using (var db = await fixture.CreateAsync())
        {
            // The domain does not know the other committee; the unique (organisation, name) index does.
            db.Committees.Add(PersistenceFixture.Must(Committee.Create(org.Id, "Same name", CommitteeType.Other, CoCommissioningLevel.Joint, null)));
            var save = () => db.SaveChangesAsync();
            await save.Should().ThrowAsync<DbUpdateException>();
        }

        (await reader.AuditEntries.CountAsync(a => a.OrganisationId == org.Id)).Should().Be(before);
        (await reader.Committees.CountAsync(c => c.OrganisationId == org.Id)).Should().Be(1);
    }

    [DatabaseFact]
    public async Task OfficeIndex_TwoChairs_RefusedByTheDatabase()
    {
        var org = await fixture.SeedOrganisationAsync();
        var committee = PersistenceFixture.Must(Committee.Create(org.Id, "Two chairs", CommitteeType.Audit, CoCommissioningLevel.Joint, null));
        var first = PersistenceFixture.Must(committee.AddMember(org.People[0].Id, [org.Lay], true, Start, null));
        var second = PersistenceFixture.Must(committee.AddMember(org.People[1].Id, [org.Lay], true, Start, null));
        PersistenceFixture.Must(committee.AddMember(org.People[2].Id, [org.Lay], true, Start, null));
        PersistenceFixture.Must(committee.Appoint(first.Id, CommitteeOffice.Chair, Start));
        await using (var db = await fixture.CreateAsync())
        {
            db.Committees.Add(committee);
            await db.SaveChangesAsync();
        }

        await using var other = await fixture.CreateAsync();
        var loaded = await other.Committees.Include(c => c.Memberships).SingleAsync(c => c.Id == committee.Id);
        // The domain would move the office (Appoint), so go round it as a buggy caller might: a second chair.
        Hold(loaded.Memberships.Single(m => m.Id == second.Id), CommitteeOffice.Chair);
        var save = () => other.SaveChangesAsync();

        await save.Should().ThrowAsync<DbUpdateException>();
        await using var reader = await fixture.Dbs.CreateForReadingAsync();
        (await reader.Memberships.CountAsync(m => m.CommitteeId == committee.Id && m.Office == CommitteeOffice.Chair)).Should().Be(1);
        (await reader.Memberships.CountAsync(m => m.CommitteeId == committee.Id && m.Office == CommitteeOffice.None)).Should().Be(2, "the index ignores members without an office");
    }

    [DatabaseTheory]
    [InlineData("""UPDATE "AuditEntries" SET "ActorName" = 'Someone else' WHERE "OrganisationId" = {0}""")]
    [InlineData("""DELETE FROM "AuditEntries" WHERE "OrganisationId" = {0}""")]
    public async Task AuditEntries_RawSqlUpdateOrDelete_RefusedByTheDatabase(string sql)
    {
        var org = await fixture.SeedOrganisationAsync();
        await using var db = await fixture.CreateAsync();
        var before = await db.AuditEntries.AsNoTracking().Where(a => a.OrganisationId == org.Id).OrderBy(a => a.RecordId).ToListAsync();
        before.Should().NotBeEmpty();

        var tamper = () => db.Database.ExecuteSqlRawAsync(sql, Key(org.Id));

        (await tamper.Should().ThrowAsync<DbException>()).Which.Message.Should().Contain("audit entries are append-only");
        var after = await db.AuditEntries.AsNoTracking().Where(a => a.OrganisationId == org.Id).OrderBy(a => a.RecordId).ToListAsync();
        after.Should().BeEquivalentTo(before);
    }

    [DatabaseFact]
    public async Task AuditEntries_BulkUpdateOrDelete_RefusedByTheDatabase()
    {
        var org = await fixture.SeedOrganisationAsync();
        await using var db = await fixture.CreateAsync();
        var entries = db.AuditEntries.Where(a => a.OrganisationId == org.Id);

        var update = () => entries.ExecuteUpdateAsync(s => s.SetProperty(a => a.ActorName, "Someone else"));
        var delete = () => entries.ExecuteDeleteAsync();

        await update.Should().ThrowAsync<DbException>();
        await delete.Should().ThrowAsync<DbException>();
        (await entries.CountAsync(a => a.ActorName == "System (test seed)")).Should().Be(6);
    }

    [DatabaseFact]
    public async Task AuditEntries_ChangedThroughTheContext_RefusedByTheApp()
    {
        var org = await fixture.SeedOrganisationAsync();
        await using var db = await fixture.CreateAsync();
        var entry = await db.AuditEntries.FirstAsync(a => a.OrganisationId == org.Id);

        db.Entry(entry).Property(a => a.ActorName).CurrentValue = "Someone else";
        var update = () => db.SaveChangesAsync();
        await update.Should().ThrowAsync<InvalidOperationException>().WithMessage("*append-only*");

        db.Entry(entry).State = EntityState.Deleted;
        var delete = () => db.SaveChangesAsync();
        await delete.Should().ThrowAsync<InvalidOperationException>().WithMessage("*append-only*");
    }

    [DatabaseFact]
    public async Task SaveChanges_GovernanceChangeWithoutAnActor_Throws()
    {
        var org = await fixture.SeedOrganisationAsync();
        await using var db = await fixture.Dbs.CreateForReadingAsync();
        db.Committees.Add(PersistenceFixture.Must(Committee.Create(org.Id, "Unaudited", CommitteeType.Other, CoCommissioningLevel.Joint, null)));

        var save = () => db.SaveChangesAsync();

        await save.Should().ThrowAsync<InvalidOperationException>().WithMessage("*no audit actor*");
    }

    private async Task<Committee> SaveCommitteeAsync(SeededOrganisation org, string name = "Committee")
    {
        var committee = PersistenceFixture.Must(Committee.Create(org.Id, name, CommitteeType.Other, CoCommissioningLevel.Joint, null));
        await using var db = await fixture.CreateAsync();
        db.Committees.Add(committee);
        await db.SaveChangesAsync();
        return committee;
    }

    // A raw SQL parameter matching how each provider stores a Guid: a uuid in PostgreSQL, upper-case text in SQLite.
    private object Key(Guid id) => fixture.Provider == CoCommissioning.Data.DatabaseProvider.Sqlite ? id.ToString().ToUpperInvariant() : id;

    private static void Hold(Membership membership, CommitteeOffice office) =>
        typeof(Membership).GetMethod("Hold", BindingFlags.Instance | BindingFlags.NonPublic)!.Invoke(membership, [office]);
}

public sealed class PostgresPersistenceTests(PostgresPersistenceFixture fixture) : PersistenceTests(fixture), IClassFixture<PostgresPersistenceFixture>;

public sealed class SqlitePersistenceTests(SqlitePersistenceFixture fixture) : PersistenceTests(fixture), IClassFixture<SqlitePersistenceFixture>;
