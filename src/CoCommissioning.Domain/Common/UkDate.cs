using System.Globalization;
using System.Text.RegularExpressions;

namespace CoCommissioning.Domain.Common;

/// <summary>What reading a typed date gave: nothing typed, a date, or the message to show under the field.</summary>
public sealed record UkDateReading(DateOnly? Date, string? Error)
{
    public bool IsEmpty => Date is null && Error is null;
}

/// <summary>
/// Reads a date typed the way people in the UK write one: day first, always. 31/12/2026, 31/12/26, 31-12-2026,
/// 31.12.2026, 31 Dec 2026, 31 December 2026 and the ISO 2026-12-31 are all 31 December 2026.
/// <para>
/// A two-digit year is in 2000–2099 (31/12/26 is 2026): the records are of this century, and an earlier date is
/// typed with four digits. There is no guessing of US order: 12/31/2026 is refused as not a real date, because
/// read day first its month would be 31.
/// </para>
/// </summary>
public static partial class UkDate
{
    public const string Example = "31/12/2026";
    public const string EnterMessage = "Enter a date like " + Example + ".";

    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    private static readonly Dictionary<string, int> Months = new(StringComparer.OrdinalIgnoreCase)
    {
        ["jan"] = 1, ["january"] = 1, ["feb"] = 2, ["february"] = 2, ["mar"] = 3, ["march"] = 3,
        ["apr"] = 4, ["april"] = 4, ["may"] = 5, ["jun"] = 6, ["june"] = 6, ["jul"] = 7, ["july"] = 7,
        ["aug"] = 8, ["august"] = 8, ["sep"] = 9, ["sept"] = 9, ["september"] = 9, ["oct"] = 10, ["october"] = 10,
        ["nov"] = 11, ["november"] = 11, ["dec"] = 12, ["december"] = 12,
    };

    /// <summary>Reads <paramref name="text"/>; blank is empty (the form decides whether the date is required).</summary>
    public static UkDateReading Parse(string? text)
    {
        var typed = (text ?? "").Trim();
        if (typed.Length == 0)
        {
            return new UkDateReading(null, null);
        }

        int day, month, year;
        if (Numeric().Match(typed) is { Success: true } numeric && (numeric.Groups["sep2"].Value == numeric.Groups["sep1"].Value))
        {
            day = int.Parse(numeric.Groups["day"].Value, CultureInfo.InvariantCulture);
            month = int.Parse(numeric.Groups["month"].Value, CultureInfo.InvariantCulture);
            year = Year(numeric.Groups["year"].Value);
        }
        else if (Named().Match(typed) is { Success: true } named && Months.TryGetValue(named.Groups["month"].Value.TrimEnd('.'), out var monthNumber))
        {
            day = int.Parse(named.Groups["day"].Value, CultureInfo.InvariantCulture);
            month = monthNumber;
            year = Year(named.Groups["year"].Value);
        }
        else if (Iso().Match(typed) is { Success: true } iso)
        {
            year = int.Parse(iso.Groups["year"].Value, CultureInfo.InvariantCulture);
            month = int.Parse(iso.Groups["month"].Value, CultureInfo.InvariantCulture);
            day = int.Parse(iso.Groups["day"].Value, CultureInfo.InvariantCulture);
        }
        else
        {
            return new UkDateReading(null, EnterMessage);
        }

        if (month is < 1 or > 12)
        {
            return new UkDateReading(null, $"{typed} is not a real date: dates are day first (day/month/year), and there is no month {month}.");
        }

        if (year is < Dates.MinYear or > Dates.MaxYear)
        {
            return new UkDateReading(null, $"{typed} is not a real date: the year must be between {Dates.MinYear} and {Dates.MaxYear}.");
        }

        if (day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return new UkDateReading(null, $"{typed} is not a real date.");
        }

        return new UkDateReading(new DateOnly(year, month, day), null);
    }

    /// <summary>How a date field shows a date: 31/12/2026.</summary>
    public static string ForField(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>How a sentence reads a date: 31 March 2027.</summary>
    public static string InWords(DateOnly date) => date.ToString("d MMMM yyyy", Uk);

    // Two digits are this century: 26 is 2026, 99 is 2099.
    private static int Year(string digits) =>
        digits.Length == 2 ? 2000 + int.Parse(digits, CultureInfo.InvariantCulture) : int.Parse(digits, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<day>\d{1,2})\s*(?<sep1>[/.-])\s*(?<month>\d{1,2})\s*(?<sep2>[/.-])\s*(?<year>\d{4}|\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Numeric();

    [GeneratedRegex(@"^(?<day>\d{1,2})(st|nd|rd|th)?[\s-]+(?<month>[A-Za-z]{3,9}\.?)[\s,-]+(?<year>\d{4}|\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Named();

    [GeneratedRegex(@"^(?<year>\d{4})-(?<month>\d{1,2})-(?<day>\d{1,2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Iso();
}
