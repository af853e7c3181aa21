using CoCommissioning.Domain.Common;

namespace CoCommissioning.Domain.Tests.Common;

public class CommandResultTests
{
    [Fact]
    public void SuccessOfT_WithValue_SucceedsWithValueAndNoFailure()
    {
        var result = CommandResult<string>.Success("done");

        result.Succeeded.Should().BeTrue();
        result.Value.Should().Be("done");
        result.Failure.Should().BeNull();
    }

    [Fact]
    public void FailOfT_WithFailure_FailsWithFailureAndDefaultValue()
    {
        var failure = Failure.Rule("Not now.");

        var result = CommandResult<string>.Fail(failure);

        result.Succeeded.Should().BeFalse();
        result.Value.Should().BeNull();
        result.Failure.Should().BeSameAs(failure);
    }

    [Fact]
    public void ImplicitConversionOfT_FromFailure_Fails()
    {
        var failure = Failure.NotFound("The committee");

        CommandResult<int> result = failure;

        result.Succeeded.Should().BeFalse();
        result.Value.Should().Be(0);
        result.Failure.Should().BeSameAs(failure);
    }

    [Fact]
    public void Success_WithoutValue_SucceedsWithNoFailure()
    {
        var result = CommandResult.Success();

        result.Succeeded.Should().BeTrue();
        result.Failure.Should().BeNull();
    }

    [Fact]
    public void Fail_WithFailure_FailsWithThatFailure()
    {
        var failure = Failure.Forbidden("No.");

        var result = CommandResult.Fail(failure);

        result.Succeeded.Should().BeFalse();
        result.Failure.Should().BeSameAs(failure);
    }

    [Fact]
    public void ImplicitConversion_FromFailure_Fails()
    {
        var failure = Failure.Conflict("committee");

        CommandResult result = failure;

        result.Succeeded.Should().BeFalse();
        result.Failure.Should().BeSameAs(failure);
    }
}
