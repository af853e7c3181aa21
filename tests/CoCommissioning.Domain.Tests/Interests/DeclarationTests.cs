using CoCommissioning.Domain.Common;
using CoCommissioning.Domain.Interests;

namespace CoCommissioning.Domain.Tests.Interests;

public sealed class DeclarationTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly Guid Org = Guid.NewGuid();
    private static readonly Guid Person = Guid.NewGuid();

    [Theory]
    [InlineData(-28, false)]
    [InlineData(-29, true)]
    public void Declare_LateAfter28Days_Flagged(int daysAgo, bool late)
    {
        var declaration = Declaration.Declare(Org, Person, Details(Today.AddDays(daysAgo)), Today).Value!;

        declaration.Current.IsLate.Should().Be(late);
    }

    [Theory]
    [InlineData("to", "The interest cannot end before it began.")]
    [InlineData("relationship", "For an indirect interest, say who the close associate is (for example: spouse, business partner).")]
    [InlineData("from", "The start date is more than a year away: check the year.")]
    [InlineData("nature", "Enter the nature.")]
    public void Declare_BadInput_NamesField(string field, string message)
    {
        var details = field switch
        {
            "to" => Details(Today) with { To = Today.AddDays(-1) },
            "relationship" => Details(Today) with { IsDirect = false, Category = InterestCategory.Indirect, Relationship = " " },
            "from" => Details(Today.AddYears(3)),
            _ => Details(Today) with { Nature = "" },
        };

        var result = Declaration.Declare(Org, Person, details, Today);

        result.Failure!.FieldErrors[field].Should().Contain(message);
    }

    [Fact]
    public void Correct_KeepsOldVersionAndResubmits()
    {
        var declaration = Declaration.Declare(Org, Person, Details(Today.AddDays(-10)), Today).Value!;
        declaration.Accept(Guid.NewGuid(), "Leaves the room for items about Riverside", Today);

        declaration.Correct(Details(Today.AddDays(-10)) with { Nature = "Partner (corrected: salaried GP)" }, Today, Today).Succeeded.Should().BeTrue();

        declaration.Versions.Should().HaveCount(2);
        declaration.Versions.First().Details!.Nature.Should().Be("Partner at Riverside Surgery");
        declaration.Status.Should().Be(ReviewStatus.Submitted);
    }

    [Fact]
    public void End_AddsVersionWithEndDate_NeverDeletes()
    {
        var declaration = Declaration.Declare(Org, Person, Details(Today.AddYears(-1)), Today).Value!;

        declaration.End(Today, Today).Succeeded.Should().BeTrue();

        declaration.Versions.Should().HaveCount(2);
        declaration.Current.Details!.To.Should().Be(Today);
    }

    [Fact]
    public void IsPublicOn_OnlyAcceptedNotWithheldWithinWindow()
    {
        var declaration = Declaration.Declare(Org, Person, Details(Today.AddYears(-1)), Today).Value!;
        declaration.IsPublicOn(Today).Should().BeFalse("it is not reviewed");

        declaration.Accept(Guid.NewGuid(), null, Today);
        declaration.IsPublicOn(Today).Should().BeTrue();

        declaration.Withhold("Home address of a relative would be disclosed");
        declaration.IsPublicOn(Today).Should().BeFalse("it is withheld");
    }

    [Fact]
    public void RequestChanges_NeedsComment()
    {
        var declaration = Declaration.Declare(Org, Person, Details(Today), Today).Value!;

        declaration.RequestChanges(Guid.NewGuid(), "", Today).Failure!.Kind.Should().Be(FailureKind.Validation);
    }

    [Fact]
    public void NilReturn_CannotBeCorrectedOrEnded_AndIsNeverPublic()
    {
        var nil = Declaration.NilReturn(Org, Person, Today);
        nil.Accept(Guid.NewGuid(), null, Today);

        nil.End(Today, Today).Succeeded.Should().BeFalse();
        nil.IsPublicOn(Today).Should().BeFalse();
    }

    private static InterestDetails Details(DateOnly from) =>
        new(InterestCategory.Financial, true, null, null, "Partner at Riverside Surgery", from, null, null);
}
