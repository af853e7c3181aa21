using CoCommissioning.Domain.Common;
using CoCommissioning.Domain.Decisions;
using CoCommissioning.Domain.Meetings;
using CoCommissioning.Domain.Quorum;
using static CoCommissioning.Domain.Tests.Meetings.MeetingBuilder;
using static CoCommissioning.Domain.Tests.Quorum.RuleBook;

namespace CoCommissioning.Domain.Tests.Meetings;

public sealed class MeetingTests
{
    [Fact]
    public void SeatsAt_ArrivalsDeparturesAndDeputies_JudgedAtTheMoment()
    {
        var meeting = NewMeeting(out var item);
        meeting.RecordArrival(Helen.MembershipId, null, Ten);
        meeting.RecordArrival(Rachel.MembershipId, null, Ten.AddMinutes(20));
        meeting.RecordArrival(Mark.MembershipId, Lucy, Ten);
        meeting.RecordArrival(Sarah.MembershipId, null, Ten);
        meeting.RecordDeparture(Sarah.MembershipId, Ten.AddMinutes(30));

        var at10 = meeting.SeatsAt(item.Id, Seats, Ten.AddMinutes(5), DeputyNames);
        var at25 = meeting.SeatsAt(item.Id, Seats, Ten.AddMinutes(25), DeputyNames);
        var at35 = meeting.SeatsAt(item.Id, Seats, Ten.AddMinutes(35), DeputyNames);

        at10.PresenceOf(Rachel).Should().Be(Presence.Absent);
        at25.PresenceOf(Rachel).Should().Be(Presence.Present);
        at25.PresenceOf(Mark).Should().Be(Presence.DeputyPresent);
        at25.Of(Mark).AttendeeName.Should().Be("Lucy (deputy for Mark)");
        at25.PresenceOf(Sarah).Should().Be(Presence.Present);
        at35.PresenceOf(Sarah).Should().Be(Presence.Absent);
        at35.PresenceOf(Aisha).Should().Be(Presence.Absent);
    }

    [Fact]
    public void SeatsAt_RulingAppliesToItsItemOnly()
    {
        var meeting = NewMeeting(out var first);
        var second = meeting.AddItem("Second item", ItemPurpose.Decision, false).Value!;
        meeting.RecordArrival(Aisha.MembershipId, null, Ten);
        meeting.RecordRuling(first.Id, Aisha.MembershipId, "Partner at Riverside Surgery", ConflictRuling.LeavesRoom, Helen.MembershipId, Ten);

        meeting.SeatsAt(first.Id, Seats, Ten.AddMinutes(1), DeputyNames).Of(Aisha).Ruling.Should().Be(ConflictRuling.LeavesRoom);
        meeting.SeatsAt(second.Id, Seats, Ten.AddMinutes(1), DeputyNames).Of(Aisha).Ruling.Should().Be(ConflictRuling.FullPart);
    }

    [Fact]
    public void RecordRuling_OnOwnConflict_Refused()
    {
        var meeting = NewMeeting(out var item);

        var result = meeting.RecordRuling(item.Id, Helen.MembershipId, "Trustee of the surgery", ConflictRuling.LeavesRoom, Helen.MembershipId, Ten);

        result.Failure!.Message.Should().Be("A member cannot rule on their own conflict: the vice chair (or another unconflicted member) rules instead.");
    }

    [Fact]
    public void RecordArrival_AlreadyPresent_Refused()
    {
        var meeting = NewMeeting(out _);
        meeting.RecordArrival(Helen.MembershipId, null, Ten);

        meeting.RecordArrival(Helen.MembershipId, null, Ten.AddMinutes(1)).Failure!.Kind.Should().Be(FailureKind.RuleViolation);
    }

    [Fact]
    public void RecordDeparture_ThenReturn_TwoStretches()
    {
        var meeting = NewMeeting(out var item);
        meeting.RecordArrival(Helen.MembershipId, null, Ten);
        meeting.RecordDeparture(Helen.MembershipId, Ten.AddMinutes(10)).Succeeded.Should().BeTrue();
        meeting.RecordArrival(Helen.MembershipId, null, Ten.AddMinutes(20)).Succeeded.Should().BeTrue();

        meeting.Attendance.Should().HaveCount(2);
        meeting.SeatsAt(item.Id, Seats, Ten.AddMinutes(15), DeputyNames).PresenceOf(Helen).Should().Be(Presence.Absent);
        meeting.SeatsAt(item.Id, Seats, Ten.AddMinutes(25), DeputyNames).PresenceOf(Helen).Should().Be(Presence.Present);
    }

    [Fact]
    public void RecordVote_InquorateVerdict_RefusedWithExplanation()
    {
        var meeting = NewMeeting(out var item);
        meeting.RecordArrival(Helen.MembershipId, null, Ten);
        var seats = meeting.SeatsAt(item.Id, Seats, Ten.AddMinutes(1), DeputyNames);
        var verdict = QuorumEvaluator.Evaluate(Site4, seats, RoleNames);
        var rules = new VotingRules(MajorityBasis.VotesCast, true, true);
        var votes = new Dictionary<Guid, VoteChoice> { [Helen.MembershipId] = VoteChoice.For };
        var tally = Voting.Count(seats, rules, votes, null).Value!;

        var result = Decision.RecordVote(meeting.OrganisationId, meeting.Id, item.Id, "Approve the merger", verdict, new Presiding(Helen.MembershipId, "Helen", "The chair presides."), tally, votes, Ten, null);

        result.Failure!.Kind.Should().Be(FailureKind.RuleViolation);
        result.Failure.Message.Should().StartWith("Nothing was recorded because the item is not quorate. Needs at least 4 voting members present and unconflicted; 1 is.");
    }

    [Fact]
    public void RecordVote_Quorate_KeepsEvidenceAndVotes()
    {
        var meeting = NewMeeting(out var item);
        foreach (var seat in new[] { Helen, Sarah, Aisha, Rachel })
        {
            meeting.RecordArrival(seat.MembershipId, null, Ten);
        }

        var seats = meeting.SeatsAt(item.Id, Seats, Ten.AddMinutes(1), DeputyNames);
        var verdict = QuorumEvaluator.Evaluate(Site4, seats, RoleNames);
        var rules = new VotingRules(MajorityBasis.VotesCast, true, true);
        var votes = new Dictionary<Guid, VoteChoice> { [Helen.MembershipId] = VoteChoice.For, [Sarah.MembershipId] = VoteChoice.For, [Rachel.MembershipId] = VoteChoice.Against };
        var tally = Voting.Count(seats, rules, votes, null).Value!;

        var decision = Decision.RecordVote(meeting.OrganisationId, meeting.Id, item.Id, "Approve the merger", verdict, new Presiding(Helen.MembershipId, "Helen", "The chair presides."), tally, votes, Ten, null).Value!;

        decision.Outcome.Should().Be(VoteOutcome.Carried);
        decision.QuorumExplanation.Should().StartWith("Quorate. 4 voting members present and counting");
        decision.Votes.Should().HaveCount(3);
        decision.Explanation.Should().Be("Carried: 2 for, 1 against, 0 abstaining (majority of votes cast).");
    }
}
