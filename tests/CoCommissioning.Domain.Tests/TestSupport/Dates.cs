using System.Globalization;

namespace CoCommissioning.Domain.Tests.TestSupport;

/// <summary>Dates for test tables: attributes cannot hold a <see cref="DateOnly"/>, so tables hold ISO strings.</summary>
internal static class Dates
{
    public static DateOnly D(string isoDate) => DateOnly.ParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly? OptionalD(string? isoDate) => isoDate is null ? null : D(isoDate);
}
