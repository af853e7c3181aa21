using System.Net;
using CoCommissioning.Domain.Decisions;
using CoCommissioning.Domain.Quorum;
using CoCommissioning.Web.Features.Decisions;
using CoCommissioning.Web.Features.Meetings;
using CoCommissioning.Web.Tests.Infrastructure;
using static CoCommissioning.Web.Tests.Infrastructure.MeetingScenario;

namespace CoCommissioning.Web.Tests.Api;

/// <summary>
/// The decision service through HTTP on PostgreSQL: a vote or consensus is recorded only on a quorate item with
/// eligible voters, and a refusal says why and saves nothing (no decision, no vote row, no audit entry). Each test
/// schedules its own meeting of the seeded PCCC (see <see cref="MeetingScenario"/> for its terms of reference).
/// </summary>
public abstract class DecisionServiceTests(AppFixture app)
{
    private const string InquorateOptions =
        "The chair may: defer the item to a later meeting; refer it to the governing body or another committee; co-opt unconflicted members for this item, as the terms of reference allow.";

    // --- refusals: 422 (or 400) with the reason, and nothing saved ---------------------------------------------

    [DatabaseTheory]
    [InlineData(ConflictRuling.DiscussesNoVote, "takes part in discussion but does not vote")]
    [InlineData(ConflictRuling.LeavesRoom, "leaves the room for the item")]
    public async Task RecordVote_MemberRuledOutOfTheVote_Returns422AndSavesNothing(ConflictRuling ruling, string described)
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        var before = await DecisionAuditCount.ReadAsync(app);
        await meeting.ArriveAsync(Chair, Nurse, Gp, ChiefOfficer);
        await meeting.DeputyArrivesForAsync(ChiefFinanceOfficer);
        await meeting.RuleAsync(ChiefOfficer, ruling);

        using var response = await meeting.PostVoteAsync(meeting.AllFor(Chair, Nurse, Gp, ChiefFinanceOfficer, ChiefOfficer));

        var problem = await response.ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        problem.GetProperty("detail").GetString().Should().Be($"Rachel Adams may not vote on this item: excluded from the vote by a conflict ruling ({described}).");
        await AssertNothingRecordedAsync(meeting, before);
    }

    [DatabaseFact]
    public async Task RecordVote_ItemInquorate_Returns422ListingTheChairsOptionsAndSavesNothing()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        var before = await DecisionAuditCount.ReadAsync(app);
        await meeting.ArriveAsync(Chair, Nurse, Gp, ChiefOfficer);
        await meeting.RuleAsync(ChiefOfficer, ConflictRuling.LeavesRoom);

        using var response = await meeting.PostVoteAsync(meeting.AllFor(Chair, Nurse, Gp));

        var detail = (await response.ReadProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString();
        detail.Should().StartWith("Nothing was recorded because the item is not quorate.")
            .And.Contain("Needs at least 4 voting members present and unconflicted; 3 are.")
            .And.Contain("Rachel Adams is excluded by a conflict ruling (leaves the room for the item)")
            .And.Contain("Mark Benson is absent")
            .And.EndWith(InquorateOptions);
        await AssertNothingRecordedAsync(meeting, before);
    }

    [DatabaseFact]
    public async Task RecordVote_MemberHasLeft_Returns422AbsentForThisItemAndSavesNothing()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        var before = await DecisionAuditCount.ReadAsync(app);
        await meeting.ArriveAsync(Chair, Nurse, Gp, ChiefOfficer);
        await meeting.DeputyArrivesForAsync(ChiefFinanceOfficer);
        await meeting.LeaveAsync(Gp);

        using var response = await meeting.PostVoteAsync(meeting.AllFor(Chair, Nurse, ChiefOfficer, ChiefFinanceOfficer, Gp));

        var problem = await response.ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        problem.GetProperty("detail").GetString().Should().Be("Dr Aisha Rahman may not vote on this item: absent for this item.");
        await AssertNothingRecordedAsync(meeting, before);
    }

    [DatabaseFact]
    public async Task RecordVote_TieWithoutCastingVote_Returns400NamingCastingVoteAndSavesNothing()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        var before = await DecisionAuditCount.ReadAsync(app);
        await meeting.ArriveAsync(Chair, Nurse, Gp, ChiefOfficer);

        using var response = await meeting.PostVoteAsync(meeting.Votes((Chair, VoteChoice.For), (Nurse, VoteChoice.For), (Gp, VoteChoice.Against), (ChiefOfficer, VoteChoice.Against)));

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        problem.ErrorsFor("castingVote").Should().Equal("The vote is tied (2 for, 2 against, 0 abstaining): the person presiding must give a casting vote for or against.");
        await AssertNothingRecordedAsync(meeting, before);
    }

    [DatabaseFact]
    public async Task RecordVote_SameMemberTwice_Returns400NamingVotesAndSavesNothing()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        var before = await DecisionAuditCount.ReadAsync(app);
        await meeting.ArriveAsync(Chair, Nurse, Gp, ChiefOfficer);

        using var response = await meeting.PostVoteAsync(meeting.Votes((Chair, VoteChoice.For), (Nurse, VoteChoice.For), (Gp, VoteChoice.For), (Gp, VoteChoice.Against)));

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        problem.ErrorsFor("votes").Should().Equal("Each member votes once: a member appears twice in the votes.");
        await AssertNothingRecordedAsync(meeting, before);
    }

    [DatabaseFact]
    public async Task RecordConsensus_ItemInquorate_Returns422AndSavesNothing()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        var before = await DecisionAuditCount.ReadAsync(app);
        await meeting.ArriveAsync(Chair, Nurse, Gp, ChiefOfficer);
        await meeting.RuleAsync(ChiefOfficer, ConflictRuling.StaysNoPart);

        using var response = await meeting.Secretary.PostJsonAsync($"{meeting.ItemUrl}/consensus", new { resolution = Resolution });

        var detail = (await response.ReadProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString();
        detail.Should().StartWith("Nothing was recorded because the item is not quorate.")
            .And.Contain("Rachel Adams is excluded by a conflict ruling (stays in the room but takes no part)")
            .And.EndWith(InquorateOptions);
        await AssertNothingRecordedAsync(meeting, before);
    }

    [DatabaseFact]
    public async Task RecordVote_ItemAlreadyDecided_Returns422AndKeepsTheFirstDecision()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        await meeting.ArriveAsync(Chair, Nurse, Gp, ChiefOfficer);
        using (var first = await meeting.PostVoteAsync(meeting.AllFor(Chair, Nurse, Gp, ChiefOfficer)))
        {
            await first.ReadJsonAsync<DecisionDto>(HttpStatusCode.Created);
        }

        var before = await DecisionAuditCount.ReadAsync(app);

        using var again = await meeting.PostVoteAsync(meeting.Votes((Chair, VoteChoice.Against), (Nurse, VoteChoice.Against)), resolution: "Reject the merger.");

        (await again.ReadProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString()
            .Should().Be("A decision has already been recorded for this item.");
        var decision = (await meeting.DecisionsAsync()).Should().ContainSingle().Subject;
        decision.Resolution.Should().Be(Resolution);
        decision.For.Should().Be(4);
        (await DecisionAuditCount.ReadAsync(app)).Should().Be(before);
    }

    // --- decisions recorded ----------------------------------------------------------------------------------

    [DatabaseFact]
    public async Task RecordVote_QuorumRestoredWhenTheDeputyArrives_Returns201WithTallyQuorumAndPresiding()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        var before = await DecisionAuditCount.ReadAsync(app);
        await meeting.ArriveAsync(Chair, Nurse, Gp, ChiefOfficer);
        await meeting.RuleAsync(ChiefOfficer, ConflictRuling.LeavesRoom);
        (await meeting.StatusAsync()).Verdict.IsQuorate.Should().BeFalse();

        await meeting.DeputyArrivesForAsync(ChiefFinanceOfficer);
        using var response = await meeting.PostVoteAsync(meeting.Votes((Chair, VoteChoice.For), (Nurse, VoteChoice.For), (Gp, VoteChoice.Abstain), (ChiefFinanceOfficer, VoteChoice.For)));

        var decision = await response.ReadJsonAsync<DecisionDto>(HttpStatusCode.Created);
        response.Headers.Location!.OriginalString.Should().Be($"/api/meetings/{meeting.MeetingId}/decisions");
        decision.Kind.Should().Be(DecisionKind.Vote);
        decision.MeetingId.Should().Be(meeting.MeetingId);
        decision.ItemId.Should().Be(meeting.ItemId);
        decision.Resolution.Should().Be(Resolution);
        decision.Outcome.Should().Be(VoteOutcome.Carried);
        (decision.For, decision.Against, decision.Abstain, decision.Eligible).Should().Be((3, 0, 1, 4));
        decision.CastingVote.Should().BeNull();
        decision.Explanation.Should().Be("Carried: 3 for, 0 against, 1 abstaining (majority of votes cast).");
        decision.QuorumExplanation.Should().StartWith("Quorate.").And.Contain("Lucy Price (deputy for Mark Benson)");
        decision.PresidingExplanation.Should().Be("The chair, Helen Carter, presides.");
        decision.Votes.Should().BeEquivalentTo([
            new VoteDto(meeting.Id(Chair), VoteChoice.For),
            new VoteDto(meeting.Id(Nurse), VoteChoice.For),
            new VoteDto(meeting.Id(Gp), VoteChoice.Abstain),
            new VoteDto(meeting.Id(ChiefFinanceOfficer), VoteChoice.For),
        ]);
        (await meeting.DecisionsAsync()).Should().ContainSingle().Which.Should().BeEquivalentTo(decision, o => o.ToTheMicrosecond());
        (await DecisionAuditCount.ReadAsync(app)).Should().Be(new DecisionAuditCount(before.Decisions + 1, before.Votes + 4));
    }

    [DatabaseFact]
    public async Task RecordVote_ChairConflicted_ViceChairPresides()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        await meeting.ArriveAsync(Chair, ViceChair, Nurse, Gp, ChiefOfficer);
        await meeting.RuleAsync(Chair, ConflictRuling.DiscussesNoVote, ruledBy: ViceChair);

        using var response = await meeting.PostVoteAsync(meeting.AllFor(ViceChair, Nurse, Gp, ChiefOfficer));

        var decision = await response.ReadJsonAsync<DecisionDto>(HttpStatusCode.Created);
        decision.PresidingExplanation.Should().Be("The vice chair, David Okafor, presides because the chair is conflicted (takes part in discussion but does not vote).");
        decision.Outcome.Should().Be(VoteOutcome.Carried);
        decision.Eligible.Should().Be(4, "the chair is in the room but ruled out of the vote");
    }

    [DatabaseFact]
    public async Task RecordVote_TieWithCastingVoteFor_CarriedOnCastingVote()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        await meeting.ArriveAsync(Chair, Nurse, Gp, ChiefOfficer);

        using var response = await meeting.PostVoteAsync(
            meeting.Votes((Chair, VoteChoice.For), (Nurse, VoteChoice.For), (Gp, VoteChoice.Against), (ChiefOfficer, VoteChoice.Against)),
            castingVote: VoteChoice.For);

        var decision = await response.ReadJsonAsync<DecisionDto>(HttpStatusCode.Created);
        decision.Outcome.Should().Be(VoteOutcome.CarriedOnCastingVote);
        decision.CastingVote.Should().Be(VoteChoice.For);
        decision.Explanation.Should().Be("Carried on the casting vote of the person presiding: 2 for, 2 against, 0 abstaining, a tie of votes cast.");
        decision.PresidingExplanation.Should().Be("The chair, Helen Carter, presides.");
        (await meeting.DecisionsAsync()).Should().ContainSingle().Which.Votes.Should().HaveCount(4);
    }

    [DatabaseFact]
    public async Task RecordConsensus_Quorate_Returns201CountingTheEligible()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        var before = await DecisionAuditCount.ReadAsync(app);
        await meeting.ArriveAsync(Chair, Nurse, Gp, ChiefOfficer);
        await meeting.RuleAsync(Gp, ConflictRuling.DiscussesNoVote);

        using var response = await meeting.Secretary.PostJsonAsync($"{meeting.ItemUrl}/consensus", new { resolution = Resolution });

        var decision = await response.ReadJsonAsync<DecisionDto>(HttpStatusCode.Created);
        decision.Kind.Should().Be(DecisionKind.Consensus);
        decision.Outcome.Should().Be(VoteOutcome.Carried);
        decision.Eligible.Should().Be(3);
        decision.Explanation.Should().Be("Agreed by consensus of the 3 members eligible to decide.");
        decision.Votes.Should().BeEmpty();
        (await DecisionAuditCount.ReadAsync(app)).Should().Be(before with { Decisions = before.Decisions + 1 });
    }

    [DatabaseFact]
    public async Task GetStatus_MixedAttendance_ExplainsEachSeatsEligibility()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        await meeting.ArriveAsync(Chair, Nurse, Gp, ChiefOfficer);
        await meeting.DeputyArrivesForAsync(ChiefFinanceOfficer);
        await meeting.RuleAsync(ChiefOfficer, ConflictRuling.LeavesRoom);
        await meeting.LeaveAsync(Gp);

        var status = await meeting.StatusAsync();

        status.ItemId.Should().Be(meeting.ItemId);
        var reasons = status.Eligibility.ToDictionary(e => e.MembershipId);
        reasons[meeting.Id(Chair)].Should().Be(new VoterEligibility(meeting.Id(Chair), Chair, true, "present and unconflicted"));
        reasons[meeting.Id(ChiefFinanceOfficer)].Should().Be(new VoterEligibility(meeting.Id(ChiefFinanceOfficer), "Lucy Price (deputy for Mark Benson)", true, "votes as deputy"));
        reasons[meeting.Id(ChiefOfficer)].Should().Be(new VoterEligibility(meeting.Id(ChiefOfficer), ChiefOfficer, false, "excluded from the vote by a conflict ruling (leaves the room for the item)"));
        reasons[meeting.Id(Gp)].Should().Be(new VoterEligibility(meeting.Id(Gp), Gp, false, "absent for this item"));
        reasons[meeting.Id(ViceChair)].Reason.Should().Be("absent for this item");
        reasons[meeting.Id("Claire Hughes")].Should().Be(new VoterEligibility(meeting.Id("Claire Hughes"), "Claire Hughes", false, "not a voting member"));
        status.Eligibility.Count(e => e.MayVote).Should().Be(3);
        status.Presiding.Should().Be("The chair, Helen Carter, presides.");

        // Three count (Helen Carter, Sarah Whitfield, Lucy Price): not quorate, so the chair's options are listed.
        status.Verdict.IsQuorate.Should().BeFalse();
        status.Verdict.Counted.Should().Be(3);
        status.InquorateOptions.Should().Equal(
            "defer the item to a later meeting",
            "refer it to the governing body or another committee",
            "co-opt unconflicted members for this item, as the terms of reference allow");
    }

    // --- concurrency -----------------------------------------------------------------------------------------

    /// <summary>
    /// Two secretaries record the same item at the same moment. Whichever way the race falls (the second sees the
    /// first's decision, or both pass the check and the unique index refuses the second), exactly one is recorded
    /// with its own votes, and the other is told why. Several items make a true overlap likely at least once.
    /// </summary>
    [DatabaseFact]
    public async Task RecordVote_TwoConcurrentPostsForOneItem_OneRecordedOneRefused()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        var before = await DecisionAuditCount.ReadAsync(app);
        await meeting.ArriveAsync(Chair, Nurse, Gp, ChiefOfficer);
        var items = new List<Guid> { meeting.ItemId };
        for (var i = 2; i <= 5; i++)
        {
            items.Add(await meeting.AddItemAsync($"Contract variation {i}"));
        }

        using var first = await app.CreateApiClientAsync(DemoUsers.Secretary);
        using var second = await app.CreateApiClientAsync(DemoUsers.Secretary);
        var carried = meeting.AllFor(Chair, Nurse, Gp, ChiefOfficer);
        var rejected = meeting.Votes((Chair, VoteChoice.Against), (Nurse, VoteChoice.Against), (Gp, VoteChoice.Abstain));

        foreach (var item in items)
        {
            var responses = await Task.WhenAll(
                meeting.PostVoteAsync(carried, client: first, resolution: "Approve (first secretary).", itemId: item),
                meeting.PostVoteAsync(rejected, client: second, resolution: "Reject (second secretary).", itemId: item));
            try
            {
                responses.Select(r => r.StatusCode).Should().BeEquivalentTo([HttpStatusCode.Created, HttpStatusCode.UnprocessableEntity]);
                var winner = await responses.Single(r => r.StatusCode == HttpStatusCode.Created).ReadJsonAsync<DecisionDto>(HttpStatusCode.Created);
                var loser = await responses.Single(r => r.StatusCode != HttpStatusCode.Created).ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
                loser.GetProperty("detail").GetString().Should().BeOneOf(
                    "A decision has already been recorded for this item.",
                    "A decision or vote for this item was recorded by someone else at the same moment. Refresh to see it.");

                var stored = (await meeting.DecisionsAsync()).Where(d => d.ItemId == item).Should().ContainSingle().Subject;
                stored.Should().BeEquivalentTo(winner, o => o.ToTheMicrosecond());
                var (expectedVotes, expectedOutcome) = winner.Resolution == "Approve (first secretary)."
                    ? (carried.Length, VoteOutcome.Carried)
                    : (rejected.Length, VoteOutcome.NotCarried);
                stored.Votes.Should().HaveCount(expectedVotes).And.OnlyHaveUniqueItems(v => v.MembershipId);
                stored.Outcome.Should().Be(expectedOutcome);
            }
            finally
            {
                foreach (var response in responses)
                {
                    response.Dispose();
                }
            }
        }

        var decisions = await meeting.DecisionsAsync();
        decisions.Should().HaveCount(items.Count);
        var after = await DecisionAuditCount.ReadAsync(app);
        after.Should().Be(new DecisionAuditCount(before.Decisions + items.Count, before.Votes + decisions.Sum(d => d.Votes.Count)),
            "the refused attempts leave no audit entries");
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    /// <summary>No decision for the meeting, and no Decision or VoteRecord audit entry since the test began.</summary>
    private async Task AssertNothingRecordedAsync(MeetingScenario meeting, DecisionAuditCount before)
    {
        (await meeting.DecisionsAsync()).Should().BeEmpty();
        (await DecisionAuditCount.ReadAsync(app)).Should().Be(before, "a refused decision writes no audit entry");
        using var governance = await app.CreateApiClientAsync(DemoUsers.Governance);
        (await governance.AuditOfAsync(meeting.MeetingId)).Entries.Should().NotContain(e => e.RecordType == nameof(Decision) || e.RecordType == nameof(VoteRecord));
    }
}

public sealed class PostgresDecisionServiceTests(PostgresAppFixture app) : DecisionServiceTests(app), IClassFixture<PostgresAppFixture>;

public sealed class SqliteDecisionServiceTests(SqliteAppFixture app) : DecisionServiceTests(app), IClassFixture<SqliteAppFixture>;
