using CoCommissioning.Domain.Common;

namespace CoCommissioning.Domain.Tests.Common;

public class UkDateTests
{
    [Theory]
    [InlineData("31/12/2026", 2026, 12, 31)]
    [InlineData("31/12/26", 2026, 12, 31)]
    [InlineData("1/2/26", 2026, 2, 1)]
    [InlineData("01/02/2026", 2026, 2, 1)]
    [InlineData("31-12-2026", 2026, 12, 31)]
    [InlineData("31.12.2026", 2026, 12, 31)]
    [InlineData("31 Dec 2026", 2026, 12, 31)]
    [InlineData("31 dec 2026", 2026, 12, 31)]
    [InlineData("31 December 2026", 2026, 12, 31)]
    [InlineData("31 DECEMBER 2026", 2026, 12, 31)]
    [InlineData("1st Sept 2026", 2026, 9, 1)]
    [InlineData("3 Mar. 2027", 2027, 3, 3)]
    [InlineData("31-Dec-2026", 2026, 12, 31)]
    [InlineData("2026-12-31", 2026, 12, 31)]
    [InlineData("  31/12/2026  ", 2026, 12, 31)]
    [InlineData("29/02/2028", 2028, 2, 29)]
    [InlineData("1/1/99", 2099, 1, 1)]
    [InlineData("1/1/00", 2000, 1, 1)]
    [InlineData("5/4/1999", 1999, 4, 5)]
    public void Parse_UkDate_ReadsDayFirst(string typed, int year, int month, int day)
    {
        var reading = UkDate.Parse(typed);

        reading.Error.Should().BeNull();
        reading.Date.Should().Be(new DateOnly(year, month, day));
    }

    [Theory]
    [InlineData("31/02/2026", "31/02/2026 is not a real date.")]
    [InlineData("29/02/2026", "29/02/2026 is not a real date.")]
    [InlineData("31 Apr 2026", "31 Apr 2026 is not a real date.")]
    [InlineData("0/1/2026", "0/1/2026 is not a real date.")]
    [InlineData("2026-02-30", "2026-02-30 is not a real date.")]
    [InlineData("12/31/2026", "12/31/2026 is not a real date: dates are day first (day/month/year), and there is no month 31.")]
    [InlineData("1/13/2026", "1/13/2026 is not a real date: dates are day first (day/month/year), and there is no month 13.")]
    [InlineData("1/1/1066", "1/1/1066 is not a real date: the year must be between 1900 and 2200.")]
    [InlineData("1/1/9999", "1/1/9999 is not a real date: the year must be between 1900 and 2200.")]
    public void Parse_ImpossibleDate_SaysItIsNotReal(string typed, string message)
    {
        var reading = UkDate.Parse(typed);

        reading.Date.Should().BeNull();
        reading.Error.Should().Be(message);
    }

    [Theory]
    [InlineData("tomorrow")]
    [InlineData("31122026")]
    [InlineData("31/12")]
    [InlineData("31/12-2026")]
    [InlineData("31 Decembre 2026")]
    [InlineData("31/12/202")]
    [InlineData("December 31, 2026")]
    public void Parse_NotADate_AsksForOneLikeTheExample(string typed)
    {
        var reading = UkDate.Parse(typed);

        reading.Date.Should().BeNull();
        reading.Error.Should().Be("Enter a date like 31/12/2026.");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Parse_Blank_IsEmptyNotAnError(string? typed)
    {
        var reading = UkDate.Parse(typed);

        reading.IsEmpty.Should().BeTrue();
    }

    [Fact]
    public void ForFieldAndInWords_WriteTheDateAsFieldsAndSentencesShowIt()
    {
        UkDate.ForField(new DateOnly(2027, 3, 1)).Should().Be("01/03/2027");
        UkDate.InWords(new DateOnly(2027, 3, 31)).Should().Be("31 March 2027");
        UkDate.Parse(UkDate.ForField(new DateOnly(2027, 3, 1))).Date.Should().Be(new DateOnly(2027, 3, 1));
    }
}
