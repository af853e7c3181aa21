namespace CoCommissioning.Domain.Notices;

/// <summary>When notices go: retries after a failed send, the due-date reminder window, and who may be sent one.</summary>
public static class NoticeRules
{
    /// <summary>Reminders go for actions due within this many days (today included).</summary>
    public const int DueSoonDays = 7;

    /// <summary>The waits between automatic attempts: after the last, a failed notice waits for a person to resend it.</summary>
    private static readonly TimeSpan[] Retries = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2)];

    public static int AutomaticAttempts => Retries.Length + 1;

    /// <summary>How long to wait after <paramref name="attempts"/> failed attempts; null when no automatic attempt is left.</summary>
    public static TimeSpan? RetryDelay(int attempts) => attempts >= 1 && attempts <= Retries.Length ? Retries[attempts - 1] : null;

    /// <summary>An open action due from today to <see cref="DueSoonDays"/> days ahead; an overdue one is not "due soon".</summary>
    public static bool IsDueSoon(DateOnly? dueOn, bool closed, DateOnly today) =>
        !closed && dueOn is { } due && due >= today && due.DayNumber - today.DayNumber <= DueSoonDays;

    /// <summary>One reminder per action, person and due date: a moved due date gets its own.</summary>
    public static string DueSoonKey(Guid actionId, Guid personId, DateOnly dueOn) => $"due-soon:{actionId:N}:{personId:N}:{dueOn:yyyy-MM-dd}";

    /// <summary>Whether <paramref name="preference"/> (null: none saved, all on) lets a notice of <paramref name="kind"/> go.</summary>
    public static bool Allows(NoticePreference? preference, NoticeKind kind) => preference?.Allows(kind) ?? true;

    /// <summary>A notice needs an address; a person with none is simply not sent one.</summary>
    public static bool CanReceive(string? email) => !string.IsNullOrWhiteSpace(email);
}
