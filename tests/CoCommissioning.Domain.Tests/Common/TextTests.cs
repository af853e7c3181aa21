using CoCommissioning.Domain.Common;
using CoCommissioning.Domain.Tests.TestSupport;

namespace CoCommissioning.Domain.Tests.Common;

public class TextTests
{
    [Theory]
    [InlineData("FullName", null, "Enter the full name.")]
    [InlineData("FullName", "", "Enter the full name.")]
    [InlineData("FullName", "   ", "Enter the full name.")]
    [InlineData("FullName", "\t\r\n ", "Enter the full name.")]
    [InlineData("Name", "", "Enter the name.")]
    [InlineData("Slug", " ", "Enter the slug.")]
    [InlineData("JobTitle", null, "Enter the job title.")]
    [InlineData("DeputyPersonId", null, "Enter the deputy person id.")]
    public void Required_Blank_FailsWithEnterMessageForField(string field, string? value, string message)
    {
        var result = Text.Required(field, value, 10);

        result.Succeeded.Should().BeFalse();
        result.Value.Should().BeNull();
        result.Failure.ShouldBeValidation(field, message);
    }

    [Theory]
    [InlineData("FullName", 201, 200, "The full name must be 200 characters or fewer.")]
    [InlineData("Name", 121, 120, "The name must be 120 characters or fewer.")]
    [InlineData("Purpose", 2001, 2000, "The purpose must be 2000 characters or fewer.")]
    [InlineData("Name", 2, 1, "The name must be 1 characters or fewer.")]
    public void Required_TooLong_FailsWithLengthMessageForField(string field, int length, int maxLength, string message)
    {
        var result = Text.Required(field, new string('a', length), maxLength);

        result.Failure.ShouldBeValidation(field, message);
    }

    [Theory]
    [InlineData("Jane Smith", 200, "Jane Smith")]
    [InlineData("  Jane Smith  ", 200, "Jane Smith")]
    [InlineData("\tJane Smith\n", 200, "Jane Smith")]
    [InlineData("abcde", 5, "abcde")]
    [InlineData("   abcde   ", 5, "abcde")]
    [InlineData("x", 1, "x")]
    [InlineData("Jane  Smith", 200, "Jane  Smith")]
    public void Required_WithinLimitAfterTrimming_SucceedsWithTrimmedValue(string value, int maxLength, string expected)
    {
        var result = Text.Required("FullName", value, maxLength);

        result.Succeeded.Should().BeTrue();
        result.Failure.Should().BeNull();
        result.Value.Should().Be(expected);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void Optional_Blank_SucceedsWithNull(string? value)
    {
        var result = Text.Optional("Email", value, 10);

        result.Succeeded.Should().BeTrue();
        result.Value.Should().BeNull();
    }

    [Theory]
    [InlineData("Chief Finance Officer", 200, "Chief Finance Officer")]
    [InlineData("  Chief Finance Officer  ", 200, "Chief Finance Officer")]
    [InlineData("   abcde   ", 5, "abcde")]
    public void Optional_WithinLimitAfterTrimming_SucceedsWithTrimmedValue(string value, int maxLength, string expected)
    {
        var result = Text.Optional("JobTitle", value, maxLength);

        result.Succeeded.Should().BeTrue();
        result.Value.Should().Be(expected);
    }

    [Theory]
    [InlineData("Email", 257, 256, "The email must be 256 characters or fewer.")]
    [InlineData("JobTitle", 201, 200, "The job title must be 200 characters or fewer.")]
    [InlineData("Purpose", 2001, 2000, "The purpose must be 2000 characters or fewer.")]
    public void Optional_TooLong_FailsWithLengthMessageForField(string field, int length, int maxLength, string message)
    {
        var result = Text.Optional(field, "  " + new string('a', length) + "  ", maxLength);

        result.Succeeded.Should().BeFalse();
        result.Failure.ShouldBeValidation(field, message);
    }

    [Theory]
    [InlineData("Bad\u0000name")]
    [InlineData("Bell\u0007")]
    [InlineData("Escape\u001b[31m")]
    [InlineData("Delete\u007f")]
    [InlineData("C1\u0085x")]
    public void RequiredAndOptional_ControlCharacter_FailWithCannotBeStored(string value)
    {
        Text.Required("FullName", value, 200).Failure.ShouldBeValidation("FullName", "The full name contains a character that cannot be stored.");
        Text.Optional("JobTitle", value, 200).Failure.ShouldBeValidation("JobTitle", "The job title contains a character that cannot be stored.");
    }

    [Fact]
    public void RequiredAndOptional_TabAndLineBreaks_AreKept()
    {
        Text.Required("Purpose", "One\tTwo\r\nThree\nFour", 200).Value.Should().Be("One\tTwo\r\nThree\nFour");
        Text.Optional("Purpose", "One\tTwo\r\nThree", 200).Value.Should().Be("One\tTwo\r\nThree");
    }
}
