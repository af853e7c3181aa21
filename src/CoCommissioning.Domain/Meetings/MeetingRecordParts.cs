using CoCommissioning.Domain.Common;

namespace CoCommissioning.Domain.Meetings;

/// <summary>What became of an item that was not decided by a vote or consensus (those are decisions).</summary>
public enum ItemOutcomeKind
{
    /// <summary>Taken for information or discussion and noted.</summary>
    Noted,
    /// <summary>Put off to a later meeting.</summary>
    Deferred,
    /// <summary>Sent to the governing body or another committee.</summary>
    Referred,
}

/// <summary>
/// A declaration of interest made at the meeting: at the start (no item) or at an item, by the member or raised by
/// someone else (members are expected to call out others' undeclared conflicts). The chair's ruling on it is an
/// <see cref="ItemRuling"/> for each item it touches.
/// </summary>
public sealed class MeetingDeclaration : IGovernanceRecord, IPartOfAggregate
{
    public const int InterestMaxLength = ItemRuling.InterestMaxLength;
    public const int RaisedByMaxLength = 200;

    private MeetingDeclaration()
    {
        Interest = "";
    }

    internal MeetingDeclaration(Guid meetingId, Guid organisationId, Guid? itemId, Guid membershipId, string interest, string? raisedBy, Guid? registerDeclarationId, DateTimeOffset declaredAt)
    {
        RegisterDeclarationId = registerDeclarationId;
        Id = Guid.NewGuid();
        MeetingId = meetingId;
        OrganisationId = organisationId;
        ItemId = itemId;
        MembershipId = membershipId;
        Interest = interest;
        RaisedBy = raisedBy;
        DeclaredAt = declaredAt;
    }

    public Guid Id { get; private set; }
    public Guid MeetingId { get; private set; }
    public Guid OrganisationId { get; private set; }
    Guid IPartOfAggregate.AggregateId => MeetingId;

    /// <summary>Null for a declaration taken at the start of the meeting.</summary>
    public Guid? ItemId { get; private set; }

    public Guid MembershipId { get; private set; }
    public string Interest { get; private set; }

    /// <summary>Who raised it when not the member themselves; null when the member declared.</summary>
    public string? RaisedBy { get; private set; }

    /// <summary>The register entry this declaration came from, when it was a likely conflict the register flagged.</summary>
    public Guid? RegisterDeclarationId { get; private set; }

    public DateTimeOffset DeclaredAt { get; private set; }

    /// <summary>A declaration at the start applies to every item; one at an item, to that item.</summary>
    public bool Concerns(Guid itemId) => ItemId is null || ItemId == itemId;
}

/// <summary>
/// The presiding person's confirmation that an item is quorate, with the time and the explanation they saw: the
/// minutes' evidence of quorum for the item.
/// </summary>
public sealed class QuorumConfirmation : IGovernanceRecord, IPartOfAggregate
{
    public const int ExplanationMaxLength = 4000;

    private QuorumConfirmation()
    {
        Explanation = "";
    }

    internal QuorumConfirmation(Guid meetingId, Guid organisationId, Guid itemId, Guid confirmedByMembershipId, string explanation, DateTimeOffset confirmedAt)
    {
        Id = Guid.NewGuid();
        MeetingId = meetingId;
        OrganisationId = organisationId;
        ItemId = itemId;
        ConfirmedByMembershipId = confirmedByMembershipId;
        Explanation = explanation;
        ConfirmedAt = confirmedAt;
    }

    public Guid Id { get; private set; }
    public Guid MeetingId { get; private set; }
    public Guid OrganisationId { get; private set; }
    Guid IPartOfAggregate.AggregateId => MeetingId;
    public Guid ItemId { get; private set; }
    public Guid ConfirmedByMembershipId { get; private set; }
    public string Explanation { get; private set; }
    public DateTimeOffset ConfirmedAt { get; private set; }
}

/// <summary>Someone in attendance who is not a member (officers presenting, advisers): listed in the minutes.</summary>
public sealed class PersonInAttendance : IGovernanceRecord, IPartOfAggregate
{
    public const int NameMaxLength = 200;
    public const int CapacityMaxLength = 300;

    private PersonInAttendance()
    {
        Name = "";
        Capacity = "";
    }

    internal PersonInAttendance(Guid meetingId, Guid organisationId, string name, string capacity, DateTimeOffset recordedAt)
    {
        Id = Guid.NewGuid();
        MeetingId = meetingId;
        OrganisationId = organisationId;
        Name = name;
        Capacity = capacity;
        RecordedAt = recordedAt;
    }

    public Guid Id { get; private set; }
    public Guid MeetingId { get; private set; }
    public Guid OrganisationId { get; private set; }
    Guid IPartOfAggregate.AggregateId => MeetingId;
    public string Name { get; private set; }

    /// <summary>Job title and organisation, or the item they attend for.</summary>
    public string Capacity { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }
}

/// <summary>
/// The resolution excluding the public before the private part, in the words of the Public Bodies (Admission to
/// Meetings) Act 1960, section 1(2), with the special reason the committee stated.
/// </summary>
public sealed record ExclusionResolution(string Reason, string Wording, DateTimeOffset PassedAt)
{
    public const int ReasonMaxLength = 1000;

    /// <summary>The confidential-business ground of section 1(2), used when the secretary gives no other reason.</summary>
    public const string ConfidentialBusiness = "the confidential nature of the business to be transacted";

    public static string WordingFor(string reason) =>
        "RESOLVED that representatives of the press, and other members of the public, be excluded from the remainder of this meeting "
        + $"having regard to {reason}, publicity on which would be prejudicial to the public interest "
        + "(Section 1(2), Public Bodies (Admission to Meetings) Act 1960).";
}

/// <summary>
/// The agenda notice period an organisation works to (rule book sections 7.2 and 9): three clear days (the 1960 Act's
/// minimum, the default), five working days, or seven days.
/// </summary>
public enum NoticePeriod
{
    /// <summary>Three whole days between publication and the meeting, counting neither day.</summary>
    ThreeClearDays,
    /// <summary>Five weekdays between publication and the meeting, counting neither day; weekends do not count.</summary>
    FiveWorkingDays,
    /// <summary>Seven days: published at least a week before, on the same weekday or earlier.</summary>
    SevenDays,
}

/// <summary>How much notice the published agenda gave: three clear days by default (rule book section 7).</summary>
public static class AgendaNotice
{
    public const int ClearDaysRequired = 3;

    /// <summary>
    /// Whole days between publication and the meeting, counting neither the day of publication nor the day of the
    /// meeting: published on Monday for a Friday meeting gives three clear days (Tuesday, Wednesday, Thursday).
    /// </summary>
    public static int ClearDays(DateOnly publishedOn, DateOnly meetingOn) => Math.Max(0, meetingOn.DayNumber - publishedOn.DayNumber - 1);

    /// <summary>
    /// Weekdays between publication and the meeting, counting neither day. Weekends are skipped; bank holidays are
    /// not (the code holds no bank holiday calendar: ADR-0025).
    /// </summary>
    public static int WorkingDays(DateOnly publishedOn, DateOnly meetingOn)
    {
        var count = 0;
        for (var day = publishedOn.AddDays(1); day < meetingOn; day = day.AddDays(1))
        {
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Days from publication to the meeting: published on a Friday for the next Friday gives seven.</summary>
    public static int Days(DateOnly publishedOn, DateOnly meetingOn) => Math.Max(0, meetingOn.DayNumber - publishedOn.DayNumber);

    /// <summary>The number of days the period needs.</summary>
    public static int Required(NoticePeriod period) => period switch
    {
        NoticePeriod.ThreeClearDays => ClearDaysRequired,
        NoticePeriod.FiveWorkingDays => 5,
        NoticePeriod.SevenDays => 7,
        _ => throw new ArgumentOutOfRangeException(nameof(period), period, "Unknown notice period."),
    };

    /// <summary>The days of notice publication on <paramref name="publishedOn"/> gives, counted as the period counts them.</summary>
    public static int Given(NoticePeriod period, DateOnly publishedOn, DateOnly meetingOn) => period switch
    {
        NoticePeriod.ThreeClearDays => ClearDays(publishedOn, meetingOn),
        NoticePeriod.FiveWorkingDays => WorkingDays(publishedOn, meetingOn),
        NoticePeriod.SevenDays => Days(publishedOn, meetingOn),
        _ => throw new ArgumentOutOfRangeException(nameof(period), period, "Unknown notice period."),
    };

    /// <summary>The period in words, for "published at least … before the meeting".</summary>
    public static string Describe(NoticePeriod period) => period switch
    {
        NoticePeriod.ThreeClearDays => "three clear days",
        NoticePeriod.FiveWorkingDays => "five working days",
        NoticePeriod.SevenDays => "seven days",
        _ => throw new ArgumentOutOfRangeException(nameof(period), period, "Unknown notice period."),
    };

    public static string? ShortNoticeWarning(DateOnly publishedOn, DateOnly meetingOn) =>
        ShortNoticeWarning(publishedOn, meetingOn, NoticePeriod.ThreeClearDays);

    /// <summary>Null when publication on <paramref name="publishedOn"/> gives the notice the period needs; otherwise what is short.</summary>
    public static string? ShortNoticeWarning(DateOnly publishedOn, DateOnly meetingOn, NoticePeriod period)
    {
        var given = Given(period, publishedOn, meetingOn);
        var required = Required(period);
        if (given >= required)
        {
            return null;
        }

        var unit = period switch
        {
            NoticePeriod.ThreeClearDays => given == 1 ? "clear day" : "clear days",
            NoticePeriod.FiveWorkingDays => given == 1 ? "working day" : "working days",
            _ => given == 1 ? "day" : "days",
        };
        return $"The agenda would be published with {given} {unit} before the meeting; at least {required} are required. Publish only if the chair agrees the short notice, and record why.";
    }
}
