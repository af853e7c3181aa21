namespace CoCommissioning.Web.Features.Meetings;

/// <summary>A meeting in a committee's schedule: enough to list it and open it.</summary>
public sealed record ScheduledMeetingDto(Guid Id, string Title, DateTimeOffset StartsAt, int ItemCount);

/// <summary>
/// A committee's meetings in one NHS financial year (1 April to 31 March, <see cref="FinancialYear"/> "2026/27"),
/// earliest first, against the minimum its terms of reference require. <see cref="MinimumMeetingsPerYear"/> is null
/// when no terms of reference apply to the year; <see cref="Warning"/> is null unless fewer than the minimum are
/// scheduled.
/// </summary>
public sealed record MeetingScheduleDto(
    Guid CommitteeId,
    string FinancialYear,
    DateOnly YearStart,
    DateOnly YearEnd,
    int? MinimumMeetingsPerYear,
    int Scheduled,
    IReadOnlyList<ScheduledMeetingDto> Meetings,
    string? Warning);
