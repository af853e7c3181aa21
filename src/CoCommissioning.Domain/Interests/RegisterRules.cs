namespace CoCommissioning.Domain.Interests;

/// <summary>The timing rules of the registers (rule book section 6, from NHS England's 2017 guidance).</summary>
public static class RegisterRules
{
    public const int DeclarationDays = 28;
    public const int PublicMonthsAfterEnd = 6;
    public const int RetentionYearsAfterEnd = 6;

    /// <summary>A declaration made more than 28 days after the interest arose or changed is late.</summary>
    public static bool IsLate(DateOnly arose, DateOnly declared) => declared > arose.AddDays(DeclarationDays);

    /// <summary>
    /// An entry is on the public register from its review until six months after it ends; never before review,
    /// never while withheld.
    /// </summary>
    public static bool IsPublicOn(DateOnly today, DateOnly? reviewed, DateOnly? ended, bool withheld) =>
        !withheld
        && reviewed is { } r && r <= today
        && (ended is null || today <= ended.Value.AddMonths(PublicMonthsAfterEnd));

    /// <summary>Records are kept six years after the interest ends, then purged.</summary>
    public static bool IsDueForPurge(DateOnly today, DateOnly? ended) =>
        ended is { } e && today > e.AddYears(RetentionYearsAfterEnd);
}
