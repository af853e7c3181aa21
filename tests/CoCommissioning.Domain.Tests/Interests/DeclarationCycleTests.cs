using CoCommissioning.Domain.Common;
using CoCommissioning.Domain.Interests;

namespace CoCommissioning.Domain.Tests.Interests;

public sealed class DeclarationCycleTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);
    private static readonly Guid Org = Guid.NewGuid();

    [Theory]
    [InlineData(0, null)]
    [InlineData(-1, "The due date cannot be in the past.")]
    [InlineData(200, "The due date is more than six months away: check the year.")]
    [InlineData(28, null)]
    public void Open_DueDate(int daysFromToday, string? message)
    {
        var result = DeclarationCycle.Open(Org, "Annual declarations 2026/27", Today.AddDays(daysFromToday), Today);

        if (message is null)
        {
            result.Succeeded.Should().BeTrue();
            result.Value!.OpensOn.Should().Be(Today);
        }
        else
        {
            result.Failure!.FieldErrors["dueOn"].Should().Equal(message);
        }
    }

    [Fact]
    public void Open_NoTitleAndPastDate_ReportsBoth()
    {
        var failure = DeclarationCycle.Open(Org, " ", Today.AddDays(-3), Today).Failure!;

        failure.FieldErrors.Keys.Should().BeEquivalentTo("title", "dueOn");
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    public void IsOverdueOn_TheDayAfterTheDueDate(int daysAfterDue, bool overdue)
    {
        var cycle = DeclarationCycle.Open(Org, "Cycle", Today.AddDays(10), Today).Value!;

        cycle.IsOverdueOn(Today.AddDays(10 + daysAfterDue)).Should().Be(overdue);
    }

    [Fact]
    public void Close_Twice_SecondRefused()
    {
        var cycle = DeclarationCycle.Open(Org, "Cycle", Today.AddDays(10), Today).Value!;

        cycle.Close(Today).Succeeded.Should().BeTrue();
        cycle.Close(Today).Failure!.Kind.Should().Be(FailureKind.RuleViolation);
        cycle.IsOverdueOn(Today.AddDays(30)).Should().BeFalse("a closed cycle is not overdue");
    }
}

public sealed class WithholdingTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    [Theory]
    [InlineData(false, false, true)]  // no Guardian named: the governance lead decides
    [InlineData(true, false, false)]  // Guardian named, not approved
    [InlineData(true, true, true)]    // Guardian named and approved
    public void Withhold_GuardianApproval(bool guardianNamed, bool approved, bool withheld)
    {
        var guardian = Guid.NewGuid();
        var declaration = Declaration.Declare(Guid.NewGuid(), Guid.NewGuid(), new InterestDetails(InterestCategory.Indirect, false, "Sister", null, "Works at the practice", Today.AddDays(-3), null, null), Today).Value!;

        var result = declaration.Withhold(WithholdingGround.LegalBar, "Court order", guardianNamed ? guardian : null, approved ? guardian : null);

        result.Succeeded.Should().Be(withheld);
        declaration.Withheld.Should().Be(withheld);
        if (!withheld)
        {
            result.Failure!.FieldErrors.Should().ContainKey("guardianApproved");
        }
    }

    [Fact]
    public void Publish_AfterWithholding_ClearsTheReason()
    {
        var declaration = Declaration.Declare(Guid.NewGuid(), Guid.NewGuid(), new InterestDetails(InterestCategory.Financial, true, null, null, "Shares", Today.AddDays(-3), null, null), Today).Value!;
        declaration.Accept(Guid.NewGuid(), "Reviewer", null, Today);
        declaration.Withhold(WithholdingGround.RiskOfHarm, "Threats", null, null);

        declaration.Publish().Succeeded.Should().BeTrue();

        (declaration.Withheld, declaration.WithheldReason, declaration.IsPublicOn(Today)).Should().Be((false, null, true));
        declaration.Publish().Failure!.Kind.Should().Be(FailureKind.RuleViolation);
    }
}

public sealed class BreachAnonymityTests
{
    [Theory]
    [InlineData("A member voted before declaring.", "Dr Tom Gallagher", false)]
    [InlineData("Dr Tom Gallagher voted before declaring.", "Dr Tom Gallagher", true)]
    [InlineData("Gallagher voted before declaring.", "Dr Tom Gallagher", true)]
    [InlineData("gallagher's vote was set aside.", "Dr Tom Gallagher", true)]  // any case, possessive too
    [InlineData("A member voted.", null, false)]
    [InlineData("Aisha accepted hospitality.", "Dr Aisha Rahman", true)]   // a first name alone
    [InlineData("The Dr on the committee voted.", "Dr Aisha Rahman", false)]  // titles are not names
    public void NamesPerson(string text, string? person, bool names) =>
        Breach.NamesPerson(text, person).Should().Be(names);

    [Fact]
    public void Record_SummaryNamesThePerson_FieldMessage()
    {
        var today = new DateOnly(2026, 11, 26);

        var result = Breach.Record(Guid.NewGuid(), today, today.AddDays(1), "Internal", Guid.NewGuid(), "Priya Shah", "Priya Shah accepted a gift.", "Training", today);

        result.Failure!.FieldErrors.Keys.Should().BeEquivalentTo("publicSummary", "occurredOn");
    }
}
