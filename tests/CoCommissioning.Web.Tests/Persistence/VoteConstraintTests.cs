using CoCommissioning.Data.Audit;
using CoCommissioning.Domain.Committees;
using CoCommissioning.Domain.Decisions;
using CoCommissioning.Domain.Meetings;
using CoCommissioning.Domain.Quorum;
using Microsoft.EntityFrameworkCore;

namespace CoCommissioning.Web.Tests.Persistence;

/// <summary>
/// The database's own guard on decisions, on both providers: one decision per agenda item and one vote per member
/// per item, whatever the application does. Decisions are built only through the domain (Decision.RecordVote and
/// RecordConsensus, from a quorate QuorumEvaluator verdict and a Voting.Count tally), as the decision service does.
/// </summary>
public abstract class VoteConstraintTests(PersistenceFixture fixture)
{
    private static readonly DateOnly Start = new(2026, 4, 1);

    [DatabaseFact]
    public async Task Decision_WithVotes_SavesAndReloadsWithItsAuditTrail()
    {
        var setup = await SetUpAsync();
        var decision = setup.Vote(setup.FirstItem, VoteChoice.For);

        await using (var db = await fixture.CreateAsync("Emma Clarke"))
        {
            db.Decisions.Add(decision);
            await db.SaveChangesAsync();
        }

        await using var reader = await fixture.Dbs.CreateForReadingAsync();
        var loaded = await reader.Decisions.AsNoTracking().Include(d => d.Votes).SingleAsync(d => d.Id == decision.Id);
        loaded.Should().BeEquivalentTo(decision, options => options.Excluding(d => d.Votes).Excluding(d => d.DecidedAt));
        loaded.DecidedAt.Should().BeCloseTo(decision.DecidedAt, TimeSpan.FromMilliseconds(1));
        loaded.Votes.Should().ContainSingle().Which.Should().BeEquivalentTo(decision.Votes.Single());
        var audit = await reader.AuditEntries.AsNoTracking()
            .Where(a => a.RecordId == decision.Id.ToString() || a.AggregateId == decision.Id.ToString()).ToListAsync();
        audit.Select(a => (a.RecordType, a.Action, a.ActorName)).Should().BeEquivalentTo([
            (nameof(Decision), AuditAction.Insert, "Emma Clarke"),
            (nameof(VoteRecord), AuditAction.Insert, "Emma Clarke"),
        ]);
    }

    [DatabaseFact]
    public async Task Votes_SameMemberTwiceOnOneItem_RefusedByTheDatabase()
    {
        var setup = await SetUpAsync();
        await SaveAsync(setup.Vote(setup.FirstItem, VoteChoice.For));

        // The domain cannot make a second vote by one member on one item: a decision takes one dictionary of votes
        // and there is one decision per item. So make a lawful decision on the second item and, before saving,
        // re-point its vote row at the first item through EF's change tracker, as a buggy caller or a stray write
        // might. No reflection and no raw SQL: the row reaches the database exactly as EF would write it, and only
        // the (ItemId, MembershipId) unique index stands in the way.
        var stray = setup.Vote(setup.SecondItem, VoteChoice.Against);
        await using (var db = await fixture.CreateAsync())
        {
            db.Decisions.Add(stray);
            db.Entry(stray.Votes.Single()).Property(v => v.ItemId).CurrentValue = setup.FirstItem;
            var save = () => db.SaveChangesAsync();

            await save.Should().ThrowAsync<DbUpdateException>();
        }

        await using var reader = await fixture.Dbs.CreateForReadingAsync();
        var votes = await reader.Votes.AsNoTracking().Where(v => v.OrganisationId == setup.OrganisationId).ToListAsync();
        votes.Should().ContainSingle().Which.Choice.Should().Be(VoteChoice.For);
        (await reader.Decisions.CountAsync(d => d.OrganisationId == setup.OrganisationId)).Should().Be(1, "the whole save was refused, the stray decision too");
        (await reader.AuditEntries.CountAsync(a => a.RecordId == stray.Id.ToString() || a.AggregateId == stray.Id.ToString())).Should().Be(0);
    }

    [DatabaseFact]
    public async Task Decisions_SecondForTheSameItem_RefusedByTheDatabase()
    {
        var setup = await SetUpAsync();
        var first = setup.Vote(setup.FirstItem, VoteChoice.For);
        await SaveAsync(first);

        // A second secretary's consensus on the same item, which the service's check did not see in time.
        var second = setup.Consensus(setup.FirstItem);
        await using (var db = await fixture.CreateAsync())
        {
            db.Decisions.Add(second);
            var save = () => db.SaveChangesAsync();

            await save.Should().ThrowAsync<DbUpdateException>();
        }

        await using var reader = await fixture.Dbs.CreateForReadingAsync();
        (await reader.Decisions.AsNoTracking().Where(d => d.ItemId == setup.FirstItem).Select(d => d.Id).ToListAsync()).Should().Equal(first.Id);
        (await reader.AuditEntries.CountAsync(a => a.RecordId == second.Id.ToString())).Should().Be(0);
    }

    [DatabaseFact]
    public async Task Decisions_OnDifferentItemsBySameMembers_AreBothKept()
    {
        var setup = await SetUpAsync();

        await SaveAsync(setup.Vote(setup.FirstItem, VoteChoice.For));
        await SaveAsync(setup.Vote(setup.SecondItem, VoteChoice.Against));

        await using var reader = await fixture.Dbs.CreateForReadingAsync();
        (await reader.Votes.CountAsync(v => v.OrganisationId == setup.OrganisationId && v.MembershipId == setup.Voter)).Should().Be(2);
    }

    private async Task SaveAsync(Decision decision)
    {
        await using var db = await fixture.CreateAsync();
        db.Decisions.Add(decision);
        await db.SaveChangesAsync();
    }

    /// <summary>An organisation with a committee of one voting member, and a meeting with two items.</summary>
    private async Task<Setup> SetUpAsync()
    {
        var org = await fixture.SeedOrganisationAsync();
        var committee = PersistenceFixture.Must(Committee.Create(org.Id, "Primary Care Commissioning Committee", CommitteeType.PrimaryCareCommissioning, CoCommissioningLevel.Delegated, null));
        var membership = PersistenceFixture.Must(committee.AddMember(org.People[0].Id, [org.Lay], true, Start, null));
        var meeting = PersistenceFixture.Must(Meeting.Schedule(org.Id, committee.Id, "Meeting", new DateTimeOffset(2026, 5, 1, 10, 0, 0, TimeSpan.Zero)));
        var first = PersistenceFixture.Must(meeting.AddItem("Merger", ItemPurpose.Decision, false));
        var second = PersistenceFixture.Must(meeting.AddItem("Contract variation", ItemPurpose.Decision, false));
        await using (var db = await fixture.CreateAsync())
        {
            db.Committees.Add(committee);
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync();
        }

        var seat = new Seat(membership.Id, org.People[0].Id, org.People[0].FullName, [new SeatRole(org.Lay.Id, org.Lay.Name, org.Lay.Classification)], true, CommitteeOffice.None);
        return new Setup(org.Id, meeting.Id, first.Id, second.Id, membership.Id, [SeatAtItem.PresentWith(seat)]);
    }

    private sealed record Setup(Guid OrganisationId, Guid MeetingId, Guid FirstItem, Guid SecondItem, Guid Voter, IReadOnlyList<SeatAtItem> Seats)
    {
        private static readonly QuorumRule OnePresent = new(1, CountBasis.VotingMembers, [], ChairOrViceChairRequired: false, LayMajorityRequired: false, DeputiesCount: true);
        private static readonly VotingRules Rules = new(MajorityBasis.VotesCast, DeputiesMayVote: true, PresidingPersonHasCastingVote: true);

        public Decision Vote(Guid itemId, VoteChoice choice)
        {
            var (verdict, presiding) = Judge();
            var votes = new Dictionary<Guid, VoteChoice> { [Voter] = choice };
            var tally = PersistenceFixture.Must(Voting.Count(Seats, Rules, votes, castingVote: null));
            return PersistenceFixture.Must(Decision.RecordVote(OrganisationId, MeetingId, itemId, "Resolved.", verdict, presiding, tally, votes, DateTimeOffset.UtcNow, null));
        }

        public Decision Consensus(Guid itemId)
        {
            var (verdict, presiding) = Judge();
            return PersistenceFixture.Must(Decision.RecordConsensus(OrganisationId, MeetingId, itemId, "Agreed.", verdict, presiding, 1, DateTimeOffset.UtcNow, null));
        }

        private (QuorumVerdict Verdict, Presiding Presiding) Judge()
        {
            var verdict = QuorumEvaluator.Evaluate(OnePresent, Seats, new Dictionary<Guid, string>());
            verdict.IsQuorate.Should().BeTrue();

            // No chair or vice chair on this committee: the member chosen by the unconflicted voting members presides.
            return (verdict, PersistenceFixture.Must(Voting.WhoPresides(Seats, Rules, chosen: Voter)));
        }
    }
}

public sealed class PostgresVoteConstraintTests(PostgresPersistenceFixture fixture) : VoteConstraintTests(fixture), IClassFixture<PostgresPersistenceFixture>;

public sealed class SqliteVoteConstraintTests(SqlitePersistenceFixture fixture) : VoteConstraintTests(fixture), IClassFixture<SqlitePersistenceFixture>;
