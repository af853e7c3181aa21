using CoCommissioning.Domain.Meetings;

namespace CoCommissioning.Web.Features.Meetings;

/// <summary>
/// Where and how the meeting is held and where it is in its life: the venue and online joining details
/// (<see cref="Format"/> says in person, online or hybrid), cancelled (with the public reason), closed (nothing more
/// recorded), when the date last changed, and the calendar <see cref="Sequence"/>.
/// </summary>
public sealed record MeetingArrangementsDto(
    string? VenueName,
    string? VenueAddress,
    string? JoiningLink,
    string? JoiningInstructions,
    MeetingFormat Format,
    DateTimeOffset? CancelledAt,
    string? CancellationReason,
    DateTimeOffset? ClosedAt,
    DateTimeOffset? RescheduledAt,
    int Sequence)
{
    public static MeetingArrangementsDto Of(Meeting meeting) => new(
        meeting.VenueName,
        meeting.VenueAddress,
        meeting.JoiningLink,
        meeting.JoiningInstructions,
        meeting.Place.Format,
        meeting.CancelledAt,
        meeting.CancellationReason,
        meeting.ClosedAt,
        meeting.RescheduledAt,
        meeting.Sequence);
}

/// <summary>
/// The meeting's details: when it starts, the venue (name and address) and the online joining details (link and
/// instructions; both for a hybrid meeting). A new <see cref="StartsAt"/> moves the meeting; once the agenda is
/// published, a move giving less than three clear days' notice needs <see cref="ShortNoticeReason"/>.
/// </summary>
public sealed record MeetingDetailsRequest(
    DateTimeOffset? StartsAt,
    string? VenueName,
    string? VenueAddress,
    string? JoiningLink,
    string? JoiningInstructions,
    string? ShortNoticeReason,
    Guid Version);

/// <summary>Cancels the meeting; <see cref="Reason"/> is shown publicly ("Cancelled: …").</summary>
public sealed record CancelMeetingRequest(string? Reason, Guid Version);

/// <summary>Re-schedules a meeting (a cancelled one goes ahead again) to <see cref="StartsAt"/>.</summary>
public sealed record RescheduleMeetingRequest(DateTimeOffset? StartsAt, string? ShortNoticeReason, Guid Version);

public sealed record CloseMeetingRequest(Guid Version);

/// <summary>What the caller may do with this meeting: arrange it (details, agenda, papers), and run its console.</summary>
public sealed record MeetingPermissionsDto(Guid MeetingId, bool CanPrepare, bool KeepsTheRecord);
