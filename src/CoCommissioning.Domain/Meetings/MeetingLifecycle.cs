using CoCommissioning.Domain.Common;
using CoCommissioning.Domain.Minutes;

namespace CoCommissioning.Domain.Meetings;

/// <summary>How people attend: in a room, online, or both (hybrid), as the meeting's details say.</summary>
public enum MeetingFormat
{
    /// <summary>Neither a venue nor joining details are recorded yet.</summary>
    NotYetSet,
    InPerson,
    Online,
    Hybrid,
}

/// <summary>Where the meeting is: a venue (name and address), online joining details (link and instructions), or both.</summary>
public sealed record MeetingPlace(string? VenueName, string? VenueAddress, string? JoiningLink, string? JoiningInstructions)
{
    public const int VenueNameMaxLength = 200;
    public const int VenueAddressMaxLength = 500;
    public const int JoiningLinkMaxLength = 1000;
    public const int JoiningInstructionsMaxLength = 2000;

    public static readonly MeetingPlace None = new(null, null, null, null);

    public MeetingFormat Format => (VenueName is not null, JoiningLink is not null) switch
    {
        (true, true) => MeetingFormat.Hybrid,
        (true, false) => MeetingFormat.InPerson,
        (false, true) => MeetingFormat.Online,
        _ => MeetingFormat.NotYetSet,
    };

    /// <summary>The place in one line, as a calendar's LOCATION shows it: "Room 2, 1 High St; online: https://…".</summary>
    public string? InOneLine()
    {
        var venue = VenueName is null ? null : VenueAddress is null ? VenueName : $"{VenueName}, {VenueAddress.ReplaceLineEndings(", ")}";
        return (venue, JoiningLink) switch
        {
            (null, null) => null,
            ({ } v, null) => v,
            (null, { } link) => $"Online: {link}",
            ({ } v, { } link) => $"{v}; online: {link}",
        };
    }

    /// <summary>
    /// Trims and checks each part: an address or instructions need the venue or link they belong to, and the link must
    /// be a web address (https or http) people can open.
    /// </summary>
    public static CommandResult<MeetingPlace> Check(string? venueName, string? venueAddress, string? joiningLink, string? joiningInstructions)
    {
        var name = Text.Optional("venueName", venueName, VenueNameMaxLength);
        var address = Text.Optional("venueAddress", venueAddress, VenueAddressMaxLength);
        var link = Text.Optional("joiningLink", joiningLink, JoiningLinkMaxLength);
        var instructions = Text.Optional("joiningInstructions", joiningInstructions, JoiningInstructionsMaxLength);
        foreach (var part in new[] { name, address, link, instructions })
        {
            if (part.TryGetFailure(out var failure))
            {
                return failure;
            }
        }

        if (address.Value is not null && name.Value is null)
        {
            return Failure.Validation("venueName", "Name the venue the address is for (a building and room, for example).");
        }

        if (instructions.Value is not null && link.Value is null)
        {
            return Failure.Validation("joiningLink", "Give the link people use to join online: the instructions go with it.");
        }

        if (link.Value is { } l && !(Uri.TryCreate(l, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
        {
            return Failure.Validation("joiningLink", "Enter the joining link as a web address starting https:// (for example https://teams.microsoft.com/…).");
        }

        return CommandResult<MeetingPlace>.Success(new MeetingPlace(name.Value, address.Value, link.Value, instructions.Value));
    }
}

/// <summary>
/// The meeting's life around its business: where and when it is held (changed with the notice rule kept true),
/// cancelled with a reason, re-scheduled, and closed when its business is done, after which nothing more is recorded.
/// </summary>
public sealed partial class Meeting
{
    public const int CancellationReasonMaxLength = 1000;

    public string? VenueName { get; private set; }
    public string? VenueAddress { get; private set; }
    public string? JoiningLink { get; private set; }
    public string? JoiningInstructions { get; private set; }

    public MeetingPlace Place => new(VenueName, VenueAddress, JoiningLink, JoiningInstructions);

    /// <summary>When the meeting was cancelled; null while it goes ahead (re-scheduling a cancelled meeting clears it).</summary>
    public DateTimeOffset? CancelledAt { get; private set; }

    /// <summary>Why it was cancelled: shown publicly with the meeting ("Cancelled: …").</summary>
    public string? CancellationReason { get; private set; }

    /// <summary>When the meeting was closed: nothing more can be recorded at it; the minutes are drafted from the record.</summary>
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>When the date or time last changed after the meeting was first scheduled; null if it never did.</summary>
    public DateTimeOffset? RescheduledAt { get; private set; }

    /// <summary>
    /// How many times what a calendar shows of the meeting (date, time, place, cancellation) has changed: the iCalendar
    /// SEQUENCE, so calendars that took the meeting replace their copy.
    /// </summary>
    public int Sequence { get; private set; }

    public bool IsCancelled => CancelledAt is not null;

    public bool IsClosed => ClosedAt is not null;

    /// <summary>Whether anything has been recorded as happening at the meeting: then it took place, and its date is history.</summary>
    public bool HasBegun => ClosedAt is not null || CurrentItemId is not null || attendance.Count > 0 || declarations.Count > 0 || Exclusion is not null;

    /// <summary>
    /// Why nothing can be recorded at the meeting now, or null when it can: a closed meeting's record is complete, and a
    /// cancelled meeting does not take place. Every write to the meeting's record that is about the meeting as it runs
    /// asks this first.
    /// </summary>
    public Failure? RecordingRefused() =>
        ClosedAt is { } closed ? Failure.Rule($"The meeting was closed at {MinutesGenerator.Clock(closed)}: nothing more can be recorded at it. The minutes can be drafted from the record.")
        : CancelledAt is not null ? Failure.Rule($"The meeting is cancelled ({CancellationReason}), so it cannot be run. Re-schedule it first.")
        : null;

    /// <summary>Why the meeting's arrangements can no longer change, or null.</summary>
    private Failure? ArrangementsFixed() =>
        ClosedAt is not null ? RecordingRefused()
        : HasBegun ? Failure.Rule("The meeting has begun (attendance, declarations or items are recorded), so its date can no longer change or the meeting be cancelled: the record says when it was held.")
        : null;

    /// <summary>
    /// Whether the meeting starts in the same minute as <paramref name="startsAt"/>: a form sends whole minutes and a
    /// database may keep less than a tick's precision, so a time that differs by seconds is the same start, not a move.
    /// </summary>
    public bool IsAt(DateTimeOffset startsAt) => Math.Abs((startsAt.ToUniversalTime() - StartsAt).TotalSeconds) < 60
        && startsAt.ToUniversalTime().Minute == StartsAt.Minute;

    /// <summary>Sets the venue and joining details. A closed meeting's place is part of its record and stays.</summary>
    public CommandResult ChangePlace(MeetingPlace place)
    {
        ArgumentNullException.ThrowIfNull(place);
        if (ClosedAt is not null)
        {
            return RecordingRefused()!;
        }

        if (place == Place)
        {
            return CommandResult.Success();
        }

        (VenueName, VenueAddress, JoiningLink, JoiningInstructions) = (place.VenueName, place.VenueAddress, place.JoiningLink, place.JoiningInstructions);
        Sequence++;
        Touch();
        return CommandResult.Success();
    }

    /// <summary>
    /// Moves the meeting to <paramref name="startsAt"/> at <paramref name="now"/>, and re-schedules it when it was
    /// cancelled. Once the agenda is published, people learn of the new date only now, so the notice rule is read from
    /// now to the new date: with less than three clear days a reason for the short notice is required and kept (and a
    /// reason kept for the old date is dropped once the new date gives enough notice, so the record never says the
    /// notice was short when it was not). <paramref name="notice"/> is the notice period in force on the new date
    /// (local rules, ADR-0025); three clear days by default.
    /// </summary>
    public CommandResult Reschedule(DateTimeOffset startsAt, string? shortNoticeReason, DateTimeOffset now, NoticePeriod notice = NoticePeriod.ThreeClearDays)
    {
        if (ArrangementsFixed() is { } fixedNow)
        {
            return fixedNow;
        }

        var newStart = startsAt.ToUniversalTime();
        if (IsAt(newStart) && !IsCancelled)
        {
            return CommandResult.Success();
        }

        if (newStart <= now)
        {
            return Failure.Validation("startsAt", "Choose a date and time in the future: a meeting is re-scheduled to when it will be held.");
        }

        string? keptReason = null;
        if (AgendaPublishedAt is not null)
        {
            var warning = AgendaNotice.ShortNoticeWarning(DateOnly.FromDateTime(now.UtcDateTime), DateOnly.FromDateTime(newStart.UtcDateTime), notice);
            var reason = Text.Optional("shortNoticeReason", shortNoticeReason, ExclusionResolution.ReasonMaxLength);
            if (reason.TryGetFailure(out var failure))
            {
                return failure;
            }

            if (warning is not null && reason.Value is null)
            {
                return Failure.Validation("shortNoticeReason", warning.Replace("The agenda would be published", "The agenda is published, and the new date would be notified", StringComparison.Ordinal));
            }

            keptReason = warning is null ? null : reason.Value;
            ShortNoticeReason = keptReason;
        }

        StartsAt = newStart;
        RescheduledAt = now;
        CancelledAt = null;
        CancellationReason = null;
        Sequence++;
        Touch();
        return CommandResult.Success();
    }

    /// <summary>Cancels the meeting with the reason the public will read. A meeting that has begun cannot be cancelled.</summary>
    public CommandResult Cancel(string? reason, DateTimeOffset now)
    {
        if (IsCancelled)
        {
            return Failure.Rule("The meeting is already cancelled.");
        }

        if (ArrangementsFixed() is { } fixedNow)
        {
            return fixedNow;
        }

        var checkedReason = Text.Required("reason", reason, CancellationReasonMaxLength);
        if (!checkedReason.TryGetValue(out var cleanReason, out var failure))
        {
            return string.IsNullOrWhiteSpace(reason)
                ? Failure.Validation("reason", "Say why the meeting is cancelled: the reason is shown publicly with the meeting.")
                : failure;
        }

        CancelledAt = now;
        CancellationReason = cleanReason;
        Sequence++;
        Touch();
        return CommandResult.Success();
    }

    /// <summary>
    /// Closes the meeting at <paramref name="now"/>: its record is complete and nothing more can be recorded at it.
    /// The current item is left as it was (an item not reached or not concluded stays so in the minutes).
    /// </summary>
    public CommandResult CloseMeeting(DateTimeOffset now)
    {
        if (RecordingRefused() is { } refused)
        {
            return refused;
        }

        if (now < StartsAt && !HasBegun)
        {
            return Failure.Rule("The meeting has not started and nothing is recorded at it, so there is nothing to close. Cancel it if it will not take place.");
        }

        ClosedAt = now;
        CurrentItemId = null;
        Touch();
        return CommandResult.Success();
    }
}
