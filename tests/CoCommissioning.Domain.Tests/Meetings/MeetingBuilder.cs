using CoCommissioning.Domain.Committees;
using CoCommissioning.Domain.Common;
using CoCommissioning.Domain.Interests;
using CoCommissioning.Domain.Meetings;
using CoCommissioning.Domain.Quorum;
using static CoCommissioning.Domain.Tests.Quorum.RuleBook;
using static CoCommissioning.Domain.Tests.TestSupport.Dates;

namespace CoCommissioning.Domain.Tests.Meetings;

/// <summary>
/// The committee and meetings of the meeting tests: Helen (chair, lay), Sarah (nurse), Aisha (GP), Rachel (chief
/// officer) and Mark (chief finance officer, whose named deputy is Lucy), meeting on Monday 23 November 2026 at 10:00.
/// Aisha is a partner at Riverside Surgery, which the merger item affects.
/// </summary>
internal static class MeetingBuilder
{
    public static readonly DateTimeOffset Ten = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    public static readonly Seat Helen = Member("Helen", LayPpi, office: CommitteeOffice.Chair);
    public static readonly Seat Sarah = Member("Sarah", Nurse);
    public static readonly Seat Aisha = Member("Aisha", Gp);
    public static readonly Seat Rachel = Member("Rachel", ChiefOfficer);
    public static readonly Seat Mark = Member("Mark", FinanceOfficer);
    public static readonly Seat[] Seats = [Helen, Sarah, Aisha, Rachel, Mark];
    public static readonly Guid Lucy = Guid.NewGuid();
    public static readonly Dictionary<Guid, string> DeputyNames = new() { [Lucy] = "Lucy" };
    public static readonly Guid Riverside = Guid.NewGuid();
    public static readonly Guid Northgate = Guid.NewGuid();

    public static Meeting NewMeeting(out AgendaItem item)
    {
        var meeting = Meeting.Schedule(Guid.NewGuid(), Guid.NewGuid(), "PCCC November", Ten).Value!;
        item = meeting.AddItem("Practice merger: Riverside and Northgate", ItemPurpose.Decision, false, [Riverside]).Value!;
        return meeting;
    }

    public static SeatAtItem Of(this IReadOnlyList<SeatAtItem> seats, Seat seat) => seats.Single(s => s.Seat == seat);

    public static Presence PresenceOf(this IReadOnlyList<SeatAtItem> seats, Seat seat) => seats.Of(seat).Presence;

    /// <summary>A seat at an item in a table cell's words: "Present FullPart", "DeputyPresent Lucy LeavesRoom".</summary>
    public static string InWords(this SeatAtItem seat) =>
        string.Join(" ", new object?[] { seat.Presence, seat.DeputyName, seat.Ruling }.Where(x => x is not null));

    /// <summary>A register entry: by default an accepted, direct financial interest current since 2015.</summary>
    public static RegisterInterest Interest(Guid person, Guid? body, ReviewStatus status = ReviewStatus.Accepted, DateOnly? from = null, DateOnly? to = null) =>
        new(Guid.NewGuid(), person, DeclarationKind.Interest, status, Withheld: false,
            new InterestDetails(InterestCategory.Financial, true, null, body, "GP partner.", from ?? D("2015-04-01"), to, null));

    /// <summary>The seat's member as a pre-flag candidate, or with <paramref name="deputy"/> Mark's deputy Lucy.</summary>
    public static PreFlagCandidate Candidate(Seat seat, bool deputy = false) =>
        deputy ? new(seat.MembershipId, Lucy, "Lucy", IsDeputy: true) : new(seat.MembershipId, seat.PersonId, seat.Name, IsDeputy: false);

    public static string NameOf(Guid membershipId) => Seats.Single(s => s.MembershipId == membershipId).Name;

    public static Seat SeatNamed(string name) => Seats.Single(s => s.Name == name);

    /// <summary>Asserts the command succeeded, showing its failure when it did not.</summary>
    public static T Ok<T>(this CommandResult<T> result)
    {
        result.Failure.Should().BeNull(result.Failure?.Message);
        return result.Value!;
    }

    public static void Ok(this CommandResult result) => result.Failure.Should().BeNull(result.Failure?.Message);

    /// <summary>The meeting's version and each item's, in agenda order: what a person's stale view is checked against.</summary>
    public static List<Guid> Versions(this Meeting meeting) => [meeting.Version, .. meeting.Agenda.Select(i => i.Version)];

    /// <summary>Everything a refused command must leave as it was.</summary>
    public static List<string> Snapshot(this Meeting meeting) =>
    [
        $"{meeting.AgendaPublishedAt:O}|{meeting.ShortNoticeReason}|{meeting.Exclusion}|{meeting.CurrentItemId}|{string.Join(",", meeting.Apologies)}",
        .. meeting.Items.Select(i => $"item {i.Id}|{i.Number}|{i.Title}|{i.Purpose}|{i.IsPrivate}|{i.Presenter}|{string.Join(",", i.AffectedBodyIds)}|{i.Outcome}|{i.OutcomeNote}|{i.OutcomeAt:O}|{i.Status}|{i.ClosedAs}|{i.ClosedAt:O}"),
        .. meeting.Attendance.Select(a => $"attendance {a.Id}|{a.MembershipId}|{a.DeputyPersonId}|{a.ArrivedAt:O}|{a.LeftAt:O}|{a.LeftForItemId}"),
        .. meeting.Declarations.Select(d => $"declaration {d.Id}|{d.ItemId}|{d.MembershipId}|{d.Interest}|{d.RaisedBy}|{d.RegisterDeclarationId}"),
        .. meeting.Rulings.Select(r => $"ruling {r.Id}|{r.ItemId}|{r.MembershipId}|{r.Interest}|{r.Ruling}|{r.RuledByMembershipId}|{r.RecordedAt:O}"),
        .. meeting.QuorumConfirmations.Select(q => $"confirmation {q.Id}|{q.ItemId}|{q.ConfirmedByMembershipId}"),
        .. meeting.FlagDismissals.Select(x => $"dismissal {x.Id}|{x.ItemId}|{x.MembershipId}|{x.DeclarationId}|{x.Reason}"),
        .. meeting.InAttendance.Select(p => $"in attendance {p.Id}|{p.Name}|{p.Capacity}"),
    ];
}
