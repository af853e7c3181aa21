namespace CoCommissioning.Domain.Common;

/// <summary>The dates a governance record can sensibly hold: anything outside is a typing mistake, not a date.</summary>
public static class Dates
{
    public const int MinYear = 1900;
    public const int MaxYear = 2200;

    public static bool IsSane(DateOnly date) => date.Year is >= MinYear and <= MaxYear;

    /// <summary>A field failure if the date is given and outside <see cref="MinYear"/>–<see cref="MaxYear"/>; null otherwise.</summary>
    public static Failure? Check(string field, DateOnly? date) =>
        date is { } d && !IsSane(d)
            ? Failure.Validation(field, $"The date must be between {MinYear} and {MaxYear}: check the year.")
            : null;
}
