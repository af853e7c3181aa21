using CoCommissioning.Domain.Common;

namespace CoCommissioning.Domain.Tests.Common;

public class FailureTests
{
    public static TheoryData<string, FailureKind, string> Factories => new()
    {
        { "NotFound", FailureKind.NotFound, "The committee was not found." },
        { "Conflict", FailureKind.Conflict, "Someone else changed this committee after you opened it. Refresh to see their changes, then try again." },
        { "Rule", FailureKind.RuleViolation, "A retired role cannot be given." },
        { "Forbidden", FailureKind.Forbidden, "Only a secretary can do this." },
    };

    [Theory]
    [MemberData(nameof(Factories))]
    public void Factory_NonValidation_HasKindMessageAndNoFieldErrors(string factory, FailureKind kind, string message)
    {
        var failure = factory switch
        {
            "NotFound" => Failure.NotFound("The committee"),
            "Conflict" => Failure.Conflict("committee"),
            "Rule" => Failure.Rule("A retired role cannot be given."),
            "Forbidden" => Failure.Forbidden("Only a secretary can do this."),
            _ => throw new ArgumentOutOfRangeException(nameof(factory), factory, null),
        };

        failure.Kind.Should().Be(kind);
        failure.Message.Should().Be(message);
        failure.FieldErrors.Should().BeEmpty();
    }

    [Fact]
    public void Validation_OneField_UsesFieldMessageAsMessage()
    {
        var failure = Failure.Validation("FullName", "Enter the full name.");

        failure.Kind.Should().Be(FailureKind.Validation);
        failure.Message.Should().Be("Enter the full name.");
        failure.FieldErrors.Should().ContainSingle()
            .Which.Should().Match<KeyValuePair<string, string[]>>(e => e.Key == "FullName");
        failure.FieldErrors["FullName"].Should().Equal("Enter the full name.");
    }

    [Fact]
    public void Validation_ManyFields_HasGeneralMessageAndEveryField()
    {
        var errors = new Dictionary<string, string[]>
        {
            ["FullName"] = ["Enter the full name."],
            ["Email"] = ["Enter an email address in the correct format, like name@example.nhs.uk."],
        };

        var failure = Failure.Validation(errors);

        failure.Kind.Should().Be(FailureKind.Validation);
        failure.Message.Should().Be("Some of the information given is not valid.");
        failure.FieldErrors.Should().BeEquivalentTo(errors);
    }
}
