using CoCommissioning.Domain.Committees;
using CoCommissioning.Domain.Common;
using CoCommissioning.Domain.Decisions;
using CoCommissioning.Domain.Quorum;
using CoCommissioning.Domain.Tests.Quorum;
using static CoCommissioning.Domain.Tests.Quorum.RuleBook;

namespace CoCommissioning.Domain.Tests.Decisions;

public sealed class VotingTests
{
    private static readonly Seat[] Committee =
    [
        Member("Helen", LayPpi, office: CommitteeOffice.Chair),
        Member("David", LayAudit, office: CommitteeOffice.ViceChair),
        Member("Sarah", Nurse),
        Member("Aisha", Gp),
        Member("Rachel", ChiefOfficer),
        Member("Mark", FinanceOfficer),
        Member("Claire", NhsEngland, voting: false),
    ];

    private static readonly Attendance At = new(Committee);
    private static readonly VotingRules Cast = new(MajorityBasis.VotesCast, DeputiesMayVote: true, PresidingPersonHasCastingVote: true);
    private static readonly VotingRules OfEligible = new(MajorityBasis.EligibleMembersPresent, DeputiesMayVote: false, PresidingPersonHasCastingVote: true);

    [Theory]
    [InlineData("Helen", true, "present and unconflicted")]
    [InlineData("Claire", false, "not a voting member")]
    [InlineData("-Sarah", false, "absent for this item")]
    [InlineData("Aisha!2", false, "excluded from the vote by a conflict ruling (takes part in discussion but does not vote)")]
    [InlineData("Aisha!3", false, "excluded from the vote by a conflict ruling (stays in the room but takes no part)")]
    [InlineData("Aisha!4", false, "excluded from the vote by a conflict ruling (leaves the room for the item)")]
    [InlineData("Aisha!1", true, "present and unconflicted")]
    [InlineData("Mark~Lucy", true, "votes as deputy")]
    public void Eligibility_EachSituation_SaysWhy(string attendance, bool mayVote, string reason)
    {
        var name = attendance.TrimStart('-').Split('!', '~')[0];
        var seat = At.Parse(attendance).Single(s => s.Seat.Name == name);

        var result = Voting.Eligibility(seat, Cast);

        result.MayVote.Should().Be(mayVote);
        result.Reason.Should().Be(reason);
    }

    [Fact]
    public void Eligibility_DeputyWhereToRForbids_MayNotVote()
    {
        var seat = At.Parse("Mark~Lucy").Single(s => s.Seat.Name == "Mark");

        Voting.Eligibility(seat, OfEligible).Reason.Should().Be("a deputy, and the terms of reference do not let deputies vote");
    }

    [Theory]
    [InlineData("Helen, David, Sarah", "Helen", "The chair, Helen, presides.")]
    [InlineData("-Helen, David, Sarah", "David", "The vice chair, David, presides because the chair is absent.")]
    [InlineData("Helen!4, David, Sarah", "David", "The vice chair, David, presides because the chair is conflicted (leaves the room for the item).")]
    [InlineData("Helen!2, David, Sarah", "David", "The vice chair, David, presides because the chair is conflicted (takes part in discussion but does not vote).")]
    public void WhoPresides_ChairThenViceChair(string attendance, string presiding, string explanation)
    {
        var result = Voting.WhoPresides(At.Parse(attendance), Cast, chosen: null);

        result.Value!.Name.Should().Be(presiding);
        result.Value.Explanation.Should().Be(explanation);
    }

    [Fact]
    public void WhoPresides_BothConflictedAndNoneChosen_AsksMembersToChoose()
    {
        var result = Voting.WhoPresides(At.Parse("Helen!4, David!3, Sarah, Rachel"), Cast, chosen: null);

        result.Failure!.Kind.Should().Be(FailureKind.RuleViolation);
        result.Failure.Message.Should().Be("The chair and the vice chair are both absent or conflicted for this item: the unconflicted voting members must choose a person to preside.");
    }

    [Theory]
    [InlineData("Sarah", true)]
    [InlineData("Claire", false)]   // non-voting
    [InlineData("Aisha", false)]    // conflicted
    public void WhoPresides_BothConflicted_ChosenMustBeEligible(string chosenName, bool accepted)
    {
        var seats = At.Parse("Helen!4, David!3, Sarah, Aisha!2, Claire");
        var chosen = Committee.Single(s => s.Name == chosenName).MembershipId;

        var result = Voting.WhoPresides(seats, Cast, chosen);

        result.Succeeded.Should().Be(accepted);
    }

    // Votes written as "Name:F", "Name:A", "Name:X" (abstain).
    [Theory]
    [InlineData("F F A", null, VoteOutcome.Carried, "Carried: 2 for, 1 against, 0 abstaining (majority of votes cast).")]
    [InlineData("F A A", null, VoteOutcome.NotCarried, "Not carried: 1 for, 2 against, 0 abstaining (majority of votes cast).")]
    [InlineData("F X X X", null, VoteOutcome.Carried, "Carried: 1 for, 0 against, 3 abstaining (majority of votes cast).")]
    [InlineData("F A", VoteChoice.For, VoteOutcome.CarriedOnCastingVote, "Carried on the casting vote of the person presiding: 1 for, 1 against, 0 abstaining, a tie of votes cast.")]
    [InlineData("F A X", VoteChoice.Against, VoteOutcome.NotCarriedOnCastingVote, "Not carried on the casting vote of the person presiding: 1 for, 1 against, 1 abstaining, a tie of votes cast.")]
    public void Count_VotesCast(string choices, VoteChoice? casting, VoteOutcome outcome, string explanation)
    {
        var seats = At.Parse("Helen, David, Sarah, Aisha, Rachel, Mark");
        var votes = Votes(choices);

        var result = Voting.Count(seats, Cast, votes, casting);

        result.Value!.Outcome.Should().Be(outcome);
        result.Value.Explanation.Should().Be(explanation);
    }

    [Theory]
    [InlineData("F F F F", null, VoteOutcome.Carried)]            // 4 of 6 eligible
    [InlineData("F F F X X X", VoteChoice.For, VoteOutcome.CarriedOnCastingVote)] // exactly half: tie
    [InlineData("F F A X X", null, VoteOutcome.NotCarried)]       // 2 of 6 is not a majority of those eligible
    public void Count_EligibleMembersPresent(string choices, VoteChoice? casting, VoteOutcome outcome)
    {
        var seats = At.Parse("Helen, David, Sarah, Aisha, Rachel, Mark");

        var result = Voting.Count(seats, OfEligible, Votes(choices), casting);

        result.Value!.Outcome.Should().Be(outcome);
        result.Value.Eligible.Should().Be(6);
    }

    [Fact]
    public void Count_TieWithoutCastingVote_IsRefusedWithReason()
    {
        var result = Voting.Count(At.Parse("Helen, David"), Cast, Votes("F A"), castingVote: null);

        result.Failure!.FieldErrors["CastingVote"].Should().ContainSingle().Which.Should().Be("The vote is tied (1 for, 1 against, 0 abstaining): the person presiding must give a casting vote for or against.");
    }

    [Fact]
    public void Count_TieWhereToRGivesNoCastingVote_IsNotCarried()
    {
        var rules = Cast with { PresidingPersonHasCastingVote = false };

        var result = Voting.Count(At.Parse("Helen, David"), rules, Votes("F A"), castingVote: null);

        result.Value!.Outcome.Should().Be(VoteOutcome.NotCarried);
    }

    [Theory]
    [InlineData("Aisha!2", "Aisha may not vote on this item: excluded from the vote by a conflict ruling (takes part in discussion but does not vote).")]
    [InlineData("-Aisha", "Aisha may not vote on this item: absent for this item.")]
    public void Count_VoteFromIneligibleMember_IsRefused(string aisha, string message)
    {
        var seats = At.Parse($"Helen, David, {aisha}");
        var votes = new Dictionary<Guid, VoteChoice> { [Id("Helen")] = VoteChoice.For, [Id("Aisha")] = VoteChoice.For };

        var result = Voting.Count(seats, Cast, votes, null);

        result.Failure!.Message.Should().Be(message);
    }

    private static Guid Id(string name) => Committee.Single(s => s.Name == name).MembershipId;

    // Choices in committee order of the voting members: Helen, David, Sarah, Aisha, Rachel, Mark.
    private static Dictionary<Guid, VoteChoice> Votes(string choices) =>
        choices.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select((c, i) => (Committee[i].MembershipId, c switch { "F" => VoteChoice.For, "A" => VoteChoice.Against, _ => VoteChoice.Abstain }))
            .ToDictionary(x => x.MembershipId, x => x.Item2);
}
