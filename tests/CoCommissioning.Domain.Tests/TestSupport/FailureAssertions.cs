using CoCommissioning.Domain.Common;

namespace CoCommissioning.Domain.Tests.TestSupport;

internal static class FailureAssertions
{
    /// <summary>Asserts a validation failure naming exactly one field with exactly one message.</summary>
    public static void ShouldBeValidation(this Failure? failure, string field, string message)
    {
        failure.Should().NotBeNull();
        failure!.Kind.Should().Be(FailureKind.Validation);
        failure.Message.Should().Be(message);
        failure.FieldErrors.Should().ContainSingle();
        failure.FieldErrors.Should().ContainKey(field);
        failure.FieldErrors[field].Should().Equal(message);
    }

    public static void ShouldBeNotFound(this Failure? failure, string message)
    {
        failure.Should().NotBeNull();
        failure!.Kind.Should().Be(FailureKind.NotFound);
        failure.Message.Should().Be(message);
        failure.FieldErrors.Should().BeEmpty();
    }

    public static void ShouldBeRuleViolation(this Failure? failure, string message)
    {
        failure.Should().NotBeNull();
        failure!.Kind.Should().Be(FailureKind.RuleViolation);
        failure.Message.Should().Be(message);
        failure.FieldErrors.Should().BeEmpty();
    }
}
