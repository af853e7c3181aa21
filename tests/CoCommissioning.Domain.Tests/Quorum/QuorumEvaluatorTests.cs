using CoCommissioning.Domain.Committees;
using CoCommissioning.Domain.Quorum;
using static CoCommissioning.Domain.Tests.Quorum.RuleBook;

namespace CoCommissioning.Domain.Tests.Quorum;

public sealed class QuorumEvaluatorTests
{
    // Site 4's committee (the demo PCCC), with two non-voting representatives.
    private static readonly Seat[] Pccc =
    [
        Member("Helen", LayPpi, office: CommitteeOffice.Chair),
        Member("David", LayAudit, office: CommitteeOffice.ViceChair),
        Member("Priya", LayAdvisor),
        Member("Sarah", Nurse),
        Member("James", Consultant),
        Member("Aisha", Gp),
        Member("Tom", Gp),
        Member("Rachel", ChiefOfficer),
        Member("Mark", FinanceOfficer),
        Member("Claire", NhsEngland, voting: false),
        Member("Peter", Healthwatch, voting: false),
    ];

    private static readonly Attendance At = new(Pccc);

    [Theory]
    [InlineData("Rachel, Helen, Sarah, Aisha", true,
        "Quorate. 4 voting members present and counting (at least 4 needed). Chief Officer or Chief Finance Officer: Rachel. 2 of Lay Member (Audit), Lay Member (PPI), Nurse or Secondary Care Consultant: Helen and Sarah.")]
    [InlineData("Rachel, Helen, Sarah", false,
        "Not quorate. Needs at least 4 voting members present and unconflicted; 3 are. Chief Officer or Chief Finance Officer: Rachel. 2 of Lay Member (Audit), Lay Member (PPI), Nurse or Secondary Care Consultant: Helen and Sarah.")]
    [InlineData("Rachel, Helen, Aisha, Tom", false,
        "Not quorate. 4 voting members present and counting (at least 4 needed). Chief Officer or Chief Finance Officer: Rachel. Needs 2 of Lay Member (Audit), Lay Member (PPI), Nurse or Secondary Care Consultant; only Helen (David is absent; Sarah is absent; James is absent).")]
    [InlineData("Rachel!4, Helen, Sarah, Aisha, Tom", false,
        "Not quorate. 4 voting members present and counting (at least 4 needed). Needs 1 of Chief Officer or Chief Finance Officer; none present and unconflicted (Rachel is excluded by a conflict ruling (leaves the room for the item); Mark is absent). 2 of Lay Member (Audit), Lay Member (PPI), Nurse or Secondary Care Consultant: Helen and Sarah.")]
    [InlineData("Rachel!3, Mark, Helen, Sarah, Aisha", true,
        "Quorate. 4 voting members present and counting (at least 4 needed). Chief Officer or Chief Finance Officer: Mark. 2 of Lay Member (Audit), Lay Member (PPI), Nurse or Secondary Care Consultant: Helen and Sarah.")]
    [InlineData("Rachel!2, Helen, Sarah, Aisha", true,
        "Quorate. 4 voting members present and counting (at least 4 needed). Chief Officer or Chief Finance Officer: Rachel. 2 of Lay Member (Audit), Lay Member (PPI), Nurse or Secondary Care Consultant: Helen and Sarah.")]
    [InlineData("Mark~Lucy, Helen, Sarah, Aisha", true,
        "Quorate. 4 voting members present and counting (at least 4 needed). Chief Officer or Chief Finance Officer: Lucy (deputy for Mark). 2 of Lay Member (Audit), Lay Member (PPI), Nurse or Secondary Care Consultant: Helen and Sarah.")]
    [InlineData("Rachel, Helen, Sarah, Claire, Peter", false,
        "Not quorate. Needs at least 4 voting members present and unconflicted; 3 are. Chief Officer or Chief Finance Officer: Rachel. 2 of Lay Member (Audit), Lay Member (PPI), Nurse or Secondary Care Consultant: Helen and Sarah.")]
    public void Evaluate_Site4_VerdictAndExplanation(string attendance, bool quorate, string explanation)
    {
        var verdict = QuorumEvaluator.Evaluate(Site4, At.Parse(attendance), RoleNames);

        verdict.IsQuorate.Should().Be(quorate);
        verdict.Explanation.Should().Be(explanation);
    }

    [Theory]
    [InlineData("Helen, Rachel, Aisha", true)]
    [InlineData("Helen, Mark, Aisha", true)]
    [InlineData("Helen, Rachel", false)]                   // only two present
    [InlineData("Priya, Rachel, Aisha", false)]            // a lay advisor is not a Lay Member
    [InlineData("Helen, Aisha, Sarah", false)]             // no chief officer
    [InlineData("Helen!4, David, Rachel, Aisha", true)]    // the other lay member fills the place
    [InlineData("Helen!3, Rachel, Aisha, Sarah", false)]   // the only lay member present is excluded
    public void Evaluate_Site1_ThreePresentIncludingLayAndChief(string attendance, bool quorate) =>
        QuorumEvaluator.Evaluate(Site1, At.Parse(attendance), RoleNames).IsQuorate.Should().Be(quorate);

    [Fact]
    public void Evaluate_Site1_NoChiefOfficer_NamesWhoIsMissing()
    {
        var verdict = QuorumEvaluator.Evaluate(Site1, At.Parse("Helen, Aisha, Sarah"), RoleNames);

        verdict.Lines.Should().Contain("Needs 1 of Chief Officer, Chief Finance Officer or Chief of Service Delivery and Quality; none present and unconflicted (Rachel is absent; Mark is absent).");
    }

    [Theory]
    [InlineData("Aisha, Helen, Rachel", true)]
    [InlineData("Aisha, Helen, Mark", true)]                // any executive member
    [InlineData("Aisha, Priya, Rachel", false)]             // lay advisor is not a Lay Member
    [InlineData("Aisha~Locum, Helen, Rachel", true)]        // deputies count at site 3
    [InlineData("Helen, Rachel, Mark", false)]              // no GP
    public void Evaluate_Site3_LayGpAndExecutive(string attendance, bool quorate) =>
        QuorumEvaluator.Evaluate(Site3, At.Parse(attendance), RoleNames).IsQuorate.Should().Be(quorate);

    [Fact]
    public void Evaluate_Site2_TenDistinctPeopleFillTenPlaces()
    {
        Seat[] site2 =
        [
            Member("Lay1", LayAudit), Member("Lay2", LayPpi), Member("Lay3", LayAdvisor),
            Member("Gp1", Gp),
            Member("Chief1", ChiefOfficer), Member("Chief2", ChiefOperatingOfficer),
            Member("Finance", FinanceOfficer), Member("Contracts", HeadOfContracting),
            Member("Nhse", NhsEngland, voting: false), Member("Watch", Healthwatch, voting: false),
        ];
        var at = new Attendance(site2);

        var all = QuorumEvaluator.Evaluate(Site2, at.Parse("Lay1, Lay2, Lay3, Gp1, Chief1, Chief2, Finance, Contracts, Nhse, Watch"), RoleNames);
        var oneRepresentativeShort = QuorumEvaluator.Evaluate(Site2, at.Parse("Lay1, Lay2, Lay3, Gp1, Chief1, Chief2, Finance, Contracts, Nhse"), RoleNames);
        var deputyDoesNotCount = QuorumEvaluator.Evaluate(Site2, at.Parse("Lay1, Lay2, Lay3, Gp1, Chief1, Chief2, Finance~Deputy, Contracts, Nhse, Watch"), RoleNames);

        all.IsQuorate.Should().BeTrue();
        all.Lines.Should().Contain("2 of Chief Officer, Chief Operating Officer or Chief of Service Delivery and Quality: Chief1 and Chief2.");
        oneRepresentativeShort.IsQuorate.Should().BeFalse();
        oneRepresentativeShort.Lines.Should().Contain("Needs 2 of any non-voting member; only Nhse (Watch is absent).");
        deputyDoesNotCount.IsQuorate.Should().BeFalse();
        deputyDoesNotCount.Lines.Should().Contain("Needs 1 of Chief Finance Officer; none present and unconflicted (Deputy (deputy for Finance) does not count: the terms of reference do not let deputies count).");
    }

    [Fact]
    public void Evaluate_OnePersonHoldingTwoRoles_FillsOnlyOnePlace()
    {
        var dual = new Seat(Guid.NewGuid(), Guid.NewGuid(), "Dual", [Gp, ChiefOfficer], true, CommitteeOffice.None);
        var at = new Attendance([dual, Member("Helen", LayPpi), Member("Rachel", ChiefOfficer)]);

        var alone = QuorumEvaluator.Evaluate(Site3, at.Parse("Dual, Helen"), RoleNames);
        var withExecutive = QuorumEvaluator.Evaluate(Site3, at.Parse("Dual, Helen, Rachel"), RoleNames);

        alone.IsQuorate.Should().BeFalse();
        alone.Lines.Should().Contain(l => l.Contains("Dual fills requirement", StringComparison.Ordinal));
        withExecutive.IsQuorate.Should().BeTrue();
        withExecutive.Lines.Should().Contain("GP: Dual.").And.Contain("Any executive member: Rachel.");
    }

    [Fact]
    public void Evaluate_GreedyOrderWouldFail_AssignmentStillFindsQuorum()
    {
        // Dual comes first and could take the GP place, leaving Aisha nothing: the matching moves Dual to the
        // chief officer place instead.
        var dual = new Seat(Guid.NewGuid(), Guid.NewGuid(), "Dual", [Gp, ChiefOfficer], true, CommitteeOffice.None);
        var rule = new QuorumRule(0, CountBasis.VotingMembers, [new(1, RoleCriterion.Roles(Gp.RoleId)), new(1, RoleCriterion.Roles(ChiefOfficer.RoleId))], false, false, true);
        var at = new Attendance([dual, Member("Aisha", Gp)]);

        var verdict = QuorumEvaluator.Evaluate(rule, at.Parse("Dual, Aisha"), RoleNames);

        verdict.IsQuorate.Should().BeTrue();
        verdict.Explanation.Should().Be("Quorate. GP: Aisha. Chief Officer: Dual.");
    }

    [Theory]
    [InlineData("Helen, David, Priya, Rachel", true,
        "Quorate. 4 voting members present and counting (at least 4 needed). The chair or vice chair is present. Lay majority: 3 of 4.")]
    [InlineData("Helen, David, Rachel, Mark", false,
        "Not quorate. 4 voting members present and counting (at least 4 needed). The chair or vice chair is present. Needs a lay majority; 2 of 4 voting members counted are lay.")]
    [InlineData("Helen!4, David!3, Priya, Sarah, Rachel, Mark", false,
        "Not quorate. 4 voting members present and counting (at least 4 needed). Needs the chair or the vice chair present and unconflicted; the chair, Helen, is excluded by a conflict ruling (leaves the room for the item); the vice chair, David, is excluded by a conflict ruling (stays in the room but takes no part). Needs a lay majority; 1 of 4 voting members counted are lay.")]
    [InlineData("Helen, Priya, James, Claire, Peter", false,
        "Not quorate. Needs at least 4 voting members present and unconflicted; 3 are. The chair or vice chair is present. Lay majority: 2 of 3.")]
    public void Evaluate_LayMajorityWithChairOrViceChair(string attendance, bool quorate, string explanation)
    {
        var verdict = QuorumEvaluator.Evaluate(LayMajority, At.Parse(attendance), RoleNames);

        verdict.IsQuorate.Should().Be(quorate);
        verdict.Explanation.Should().Be(explanation);
    }

    [Fact]
    public void Evaluate_LateArrivalAndEarlyDeparture_JudgedPerItem()
    {
        // The service works out presence per item from arrival and departure; the evaluator judges what it is given.
        var itemOne = QuorumEvaluator.Evaluate(Site4, At.Parse("Helen, Sarah, Aisha"), RoleNames);            // Rachel not yet arrived
        var itemTwo = QuorumEvaluator.Evaluate(Site4, At.Parse("Rachel, Helen, Sarah, Aisha"), RoleNames);    // Rachel arrived
        var itemThree = QuorumEvaluator.Evaluate(Site4, At.Parse("Rachel, Helen, Aisha"), RoleNames);         // Sarah left

        itemOne.IsQuorate.Should().BeFalse();
        itemTwo.IsQuorate.Should().BeTrue();
        itemThree.IsQuorate.Should().BeFalse();
    }
}
