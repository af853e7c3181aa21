using CoCommissioning.Domain.Committees;
using CoCommissioning.Domain.Common;
using CoCommissioning.Domain.Decisions;
using CoCommissioning.Domain.Quorum;
using CoCommissioning.Domain.Tests.Quorum;
using CoCommissioning.Domain.Tests.TestSupport;
using static CoCommissioning.Domain.Tests.Quorum.RuleBook;

namespace CoCommissioning.Domain.Tests.Decisions;

/// <summary>
/// Who rules on a member's declared conflict: the person presiding, judged as if the declaring member were conflicted,
/// so nobody rules on their own conflict. Attendance is written as in <see cref="Attendance"/>.
/// </summary>
public sealed class WhoRulesOnTests
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
    private static readonly VotingRules Rules = new(MajorityBasis.VotesCast, DeputiesMayVote: true, PresidingPersonHasCastingVote: true);
    private static readonly VotingRules NoDeputyVotes = Rules with { DeputiesMayVote = false };

    private const string ChooseSomeone = "The chair and the vice chair are both absent or conflicted for this item: the unconflicted voting members must choose a person to preside.";
    private const string ChosenMustBeEligible = "The person chosen to preside must be a voting member present for the item and not conflicted.";

    [Theory]
    [InlineData("Helen, David, Sarah, Aisha", "Aisha", null, "Helen", "The chair, Helen, presides.")]
    [InlineData("Helen, David, Sarah, Aisha", "David", null, "Helen", "The chair, Helen, presides.")]
    [InlineData("Helen, -David, Sarah, Aisha", "Sarah", null, "Helen", "The chair, Helen, presides.")]
    [InlineData("Helen, David, Sarah, Aisha", "Aisha", "Sarah", "Helen", "The chair, Helen, presides.")]   // a choice is not needed
    [InlineData("Helen, David, Sarah, Aisha!4", "Aisha", null, "Helen", "The chair, Helen, presides.")]    // already ruled on
    [InlineData("Helen, David, Sarah, Aisha", "Claire", null, "Helen", "The chair, Helen, presides.")]     // a non-voting member's conflict
    public void WhoRulesOn_ChairPresentAndUnconflicted_RulesOnSomeoneElsesConflict(string attendance, string declaring, string? chosen, string rules, string explanation)
    {
        var result = Voting.WhoRulesOn(At.Parse(attendance), Rules, Id(declaring), chosen is null ? null : Id(chosen));

        result.Value!.MembershipId.Should().Be(Id(rules));
        result.Value.Name.Should().Be(rules);
        result.Value.Explanation.Should().Be(explanation);
    }

    [Theory]
    [InlineData("Helen, David, Sarah", "Helen", null, "David")]
    [InlineData("Helen, David, Sarah", "Helen", "Sarah", "David")]     // a choice is not needed
    [InlineData("Helen!2, David, Sarah", "Helen", null, "David")]
    public void WhoRulesOn_ChairsOwnConflict_ViceChairRules(string attendance, string declaring, string? chosen, string rules)
    {
        var result = Voting.WhoRulesOn(At.Parse(attendance), Rules, Id(declaring), chosen is null ? null : Id(chosen));

        result.Value!.MembershipId.Should().Be(Id(rules));
        result.Value.Name.Should().Be(rules);
        result.Value.Explanation.Should().StartWith($"The vice chair, {rules}, ");
    }

    // The chair has declared but not been ruled on (or was ruled 2, discussion without a vote): the explanation the
    // console shows ("You cannot rule on your own conflict. The vice chair, David, presides because ...") should not
    // say the chair leaves the room, a ruling nobody made.
    [Theory]
    [InlineData("Helen, David, Sarah")]
    [InlineData("Helen!2, David, Sarah")]
    public void WhoRulesOn_ChairsOwnConflict_ExplanationDoesNotInventARuling(string attendance)
    {
        var result = Voting.WhoRulesOn(At.Parse(attendance), Rules, Id("Helen"), null);

        result.Value!.Explanation.Should().NotContain("leaves the room");
    }

    [Theory]
    [InlineData("-Helen, David, Sarah", "Aisha", null, "David", "The vice chair, David, presides because the chair is absent.")]
    [InlineData("Helen!3, David, Sarah, Aisha", "Aisha", null, "David", "The vice chair, David, presides because the chair is conflicted (stays in the room but takes no part).")]
    [InlineData("Helen~Jo, David, Sarah", "Sarah", null, "David", "The vice chair, David, presides because the chair is represented by a deputy.")]
    public void WhoRulesOn_ChairAway_ViceChairRules(string attendance, string declaring, string? chosen, string rules, string explanation)
    {
        var result = Voting.WhoRulesOn(At.Parse(attendance), Rules, Id(declaring), chosen is null ? null : Id(chosen));

        result.Value!.MembershipId.Should().Be(Id(rules));
        result.Value.Explanation.Should().Be(explanation);
    }

    [Theory]
    [InlineData("Helen, -David, Sarah, Aisha", "Helen")]        // the chair's own conflict, vice chair absent
    [InlineData("Helen, David!4, Sarah, Aisha", "Helen")]       // the chair's own conflict, vice chair conflicted
    [InlineData("Helen, David~Jo, Sarah, Aisha", "Helen")]      // the chair's own conflict, vice chair deputised
    [InlineData("-Helen, David, Sarah, Aisha", "David")]        // the vice chair's own conflict, chair absent
    [InlineData("-Helen, -David, Sarah, Aisha", "Sarah")]       // neither there
    public void WhoRulesOn_NoOfficeHolderFree_AsksMembersToChoose(string attendance, string declaring)
    {
        var result = Voting.WhoRulesOn(At.Parse(attendance), Rules, Id(declaring), chosen: null);

        result.Failure.ShouldBeRuleViolation(ChooseSomeone);
    }

    [Theory]
    [InlineData("Helen, -David, Sarah, Aisha", "Helen")]
    [InlineData("-Helen, -David, Sarah, Aisha", "Sarah")]
    [InlineData("-Helen, David, Sarah, Aisha", "David")]
    public void WhoRulesOn_ChosenIsTheDeclaringMember_Ignored(string attendance, string declaring)
    {
        var result = Voting.WhoRulesOn(At.Parse(attendance), Rules, Id(declaring), chosen: Id(declaring));

        result.Failure.ShouldBeRuleViolation(ChooseSomeone);
    }

    [Theory]
    [InlineData("-Helen, -David, Sarah, Aisha, Rachel", "Aisha", "Sarah")]
    [InlineData("-Helen, -David, Sarah, Aisha, Rachel", "Aisha", "Rachel")]
    [InlineData("Helen, -David, Sarah, Aisha", "Helen", "Sarah")]            // the chair's own conflict: another member chosen
    [InlineData("Helen!4, David!4, Sarah, Aisha", "Aisha", "Sarah")]
    public void WhoRulesOn_ChairAndViceChairNotFree_ChosenEligibleMemberAccepted(string attendance, string declaring, string chosen)
    {
        var result = Voting.WhoRulesOn(At.Parse(attendance), Rules, Id(declaring), Id(chosen));

        result.Value!.MembershipId.Should().Be(Id(chosen));
        result.Value.Name.Should().Be(chosen);
        result.Value.Explanation.Should().BeOneOf(
            $"{chosen} presides, chosen by the unconflicted voting members because the chair and vice chair are absent or conflicted.",
            $"{chosen} rules on this declaration because {declaring}, who presides, cannot rule on their own interest.");
    }

    [Fact]
    public void WhoRulesOn_ChosenDeputy_NamedAsTheDeputy()
    {
        var result = Voting.WhoRulesOn(At.Parse("-Helen, -David, Sarah~Jo, Aisha"), Rules, Id("Aisha"), Id("Sarah"));

        result.Value!.MembershipId.Should().Be(Id("Sarah"));
        result.Value.Name.Should().Be("Jo (deputy for Sarah)");
    }

    [Theory]
    [InlineData("-Helen, -David, Sarah, Aisha, Claire", "Aisha", "Claire", "Rules")]         // non-voting
    [InlineData("-Helen, -David, -Sarah, Aisha", "Aisha", "Sarah", "Rules")]                 // absent
    [InlineData("-Helen, -David, Sarah!2, Aisha", "Aisha", "Sarah", "Rules")]                // conflicted on the item
    [InlineData("-Helen, -David, Sarah~Jo, Aisha", "Aisha", "Sarah", "NoDeputyVotes")]       // a deputy where deputies may not vote
    [InlineData("Helen, -David, Sarah, Aisha", "Helen", "Helen", "Rules")]                   // the declaring chair chosen: ignored, so asked to choose
    public void WhoRulesOn_ChosenNotEligible_Refused(string attendance, string declaring, string chosen, string rules)
    {
        var result = Voting.WhoRulesOn(At.Parse(attendance), rules == "Rules" ? Rules : NoDeputyVotes, Id(declaring), Id(chosen));

        result.Failure!.Kind.Should().Be(FailureKind.RuleViolation);
        result.Failure.Message.Should().BeOneOf(ChosenMustBeEligible, ChooseSomeone);
        if (chosen == declaring)
        {
            result.Failure.Message.Should().Be(ChooseSomeone);
        }
        else
        {
            result.Failure.Message.Should().Be(ChosenMustBeEligible);
        }
    }

    [Fact]
    public void WhoRulesOn_ChosenNotOnTheCommittee_Refused() =>
        Voting.WhoRulesOn(At.Parse("-Helen, -David, Sarah, Aisha"), Rules, Id("Aisha"), Guid.NewGuid()).Failure.ShouldBeRuleViolation(ChosenMustBeEligible);

    [Fact]
    public void WhoRulesOn_LeavesTheSeatsAsTheyWere()
    {
        var seats = At.Parse("Helen, David, Sarah");
        var before = seats.ToList();

        Voting.WhoRulesOn(seats, Rules, Id("Helen"), null);

        seats.Should().Equal(before);
        seats.Single(s => s.Seat.Name == "Helen").Ruling.Should().Be(ConflictRuling.FullPart);
    }

    [Theory]
    [InlineData("Helen, David, Sarah, Aisha", "Aisha")]
    [InlineData("-Helen, David, Sarah, Aisha", "Sarah")]
    [InlineData("Helen!4, David, Sarah", "Sarah")]
    public void WhoRulesOn_SomeoneElsesConflict_SameAsWhoPresides(string attendance, string declaring)
    {
        var seats = At.Parse(attendance);

        Voting.WhoRulesOn(seats, Rules, Id(declaring), null).Value.Should().Be(Voting.WhoPresides(seats, Rules, null).Value);
    }

    private static Guid Id(string name) => Committee.Single(s => s.Name == name).MembershipId;
}
