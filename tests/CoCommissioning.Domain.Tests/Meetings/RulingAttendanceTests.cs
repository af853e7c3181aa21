using System.Globalization;
using CoCommissioning.Domain.Common;
using CoCommissioning.Domain.Decisions;
using CoCommissioning.Domain.Meetings;
using CoCommissioning.Domain.Quorum;
using CoCommissioning.Domain.Tests.TestSupport;
using static CoCommissioning.Domain.Tests.Meetings.MeetingBuilder;
using static CoCommissioning.Domain.Tests.Quorum.RuleBook;

namespace CoCommissioning.Domain.Tests.Meetings;

/// <summary>
/// A ruling that someone leaves the room records their departure, for the item; changing it while they are out
/// records their return; they come back once the meeting has moved on, and meanwhile count for that item as present
/// and excluded by the ruling, and for other items as absent. The meeting is on the merger (item 2) from the start.
/// Steps are written "10:30 Aisha LeavesRoom" (a ruling on the merger), "10:40 Aisha FullPart item 1", "10:40 Aisha
/// arrives", "10:40 Rachel departs", "10:40 take item 1" and "10:40 close item 2" (by vote); "Lucy" is Mark's deputy in
/// his seat. Attendance is shown as "10:00-10:30 out for item 2; Lucy 10:40-".
/// </summary>
public sealed class RulingAttendanceTests
{
    private const string BothOut = "10:30 Aisha LeavesRoom, 10:30 Lucy LeavesRoom";

    [Theory]
    [InlineData("Aisha", "10:30 Aisha LeavesRoom", "10:00-10:30 out for item 2")]
    [InlineData("Aisha", "10:30 Aisha LeavesRoom item 1", "10:00-")]
    [InlineData("Aisha", "10:30 Aisha LeavesRoom item 1, 10:40 take item 1", "10:00-10:40 out for item 1")]
    [InlineData("Mark", "10:30 Lucy LeavesRoom item 1, 10:40 take item 1", "Lucy 10:00-10:40 out for item 1")]
    [InlineData("Aisha", "10:30 Aisha DiscussesNoVote item 1, 10:40 take item 1", "10:00-")]
    [InlineData("Mark", "10:30 Lucy LeavesRoom", "Lucy 10:00-10:30 out for item 2")]
    [InlineData("Sarah", "10:30 Sarah LeavesRoom", "")]
    [InlineData("Aisha", "10:30 Aisha FullPart", "10:00-")]
    [InlineData("Aisha", "10:30 Aisha DiscussesNoVote", "10:00-")]
    [InlineData("Mark", "10:30 Lucy StaysNoPart", "Lucy 10:00-")]
    [InlineData("Aisha", "10:30 Aisha LeavesRoom, 10:40 Aisha FullPart", "10:00-10:30 out for item 2; 10:40-")]
    [InlineData("Aisha", "10:30 Aisha LeavesRoom, 10:40 Aisha DiscussesNoVote", "10:00-10:30 out for item 2; 10:40-")]
    [InlineData("Aisha", "10:30 Aisha LeavesRoom, 10:40 Aisha StaysNoPart", "10:00-10:30 out for item 2; 10:40-")]
    [InlineData("Mark", "10:30 Lucy LeavesRoom, 10:40 Lucy FullPart", "Lucy 10:00-10:30 out for item 2; Lucy 10:40-")]
    [InlineData("Aisha", "10:30 Aisha LeavesRoom, 10:40 Aisha LeavesRoom", "10:00-10:30 out for item 2")]
    [InlineData("Aisha", "10:30 Aisha StaysNoPart, 10:40 Aisha LeavesRoom", "10:00-10:40 out for item 2")]
    [InlineData("Aisha", "10:30 Aisha LeavesRoom, 10:40 Aisha FullPart, 10:50 Aisha LeavesRoom", "10:00-10:30 out for item 2; 10:40-10:50 out for item 2")]
    [InlineData("Aisha", "10:30 Aisha LeavesRoom, 10:40 Aisha FullPart item 1", "10:00-10:30 out for item 2")]
    [InlineData("Sarah", "10:30 Sarah LeavesRoom, 10:40 Sarah FullPart", "")]
    [InlineData("Aisha", "10:20 Aisha departs, 10:30 Aisha LeavesRoom, 10:40 Aisha FullPart", "10:00-10:20")]
    public void RecordRuling_InTurn_AttendanceFollows(string seat, string record, string attendance)
    {
        var live = Under(record);

        Stretches(live, SeatNamed(seat)).Should().Be(attendance);
    }

    [Theory]
    [InlineData("", "Aisha", false)]
    [InlineData("", "Lucy", false)]
    [InlineData("10:40 take item 1", "Aisha", true)]
    [InlineData("10:40 take item 1", "Lucy", true)]
    [InlineData("10:40 close item 2", "Aisha", true)]
    [InlineData("10:40 close item 2", "Lucy", true)]
    [InlineData("10:40 take item 1, 10:45 take item 2", "Aisha", false)]
    public void RecordArrival_OutOfTheRoomForTheOpenCurrentItem_RefusedUntilTheMeetingMovesOn(string then, string who, bool allowed)
    {
        var live = Under($"{BothOut}, {then}");

        var failure = Step(live, $"10:50 {who} arrives");

        if (allowed)
        {
            failure.Should().BeNull();
            Stretches(live, Holder(who)).Should().EndWith("10:00-10:30 out for item 2; " + (who == "Lucy" ? "Lucy 10:50-" : "10:50-"));
        }
        else
        {
            failure.ShouldBeRuleViolation("The person presiding ruled that this member leaves the room for item 2. Record their return once the item is closed or another item is taken, or change the ruling.");
            Stretches(live, Holder(who)).Should().EndWith("10:00-10:30 out for item 2");
        }
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("10:30 Aisha LeavesRoom", "")]
    [InlineData("10:30 Aisha LeavesRoom, 10:40 take item 1", "Aisha for item 2")]
    [InlineData("10:30 Aisha LeavesRoom, 10:40 close item 2", "Aisha for item 2")]
    [InlineData(BothOut + ", 10:40 close item 2", "Aisha for item 2; Mark for item 2")]
    [InlineData("10:30 Aisha LeavesRoom, 10:40 take item 1, 10:45 take item 2", "")]
    [InlineData("10:30 Aisha LeavesRoom, 10:40 take item 1, 10:45 Aisha arrives", "")]
    [InlineData("10:30 Aisha LeavesRoom, 10:40 Aisha FullPart, 10:45 take item 1", "")]
    [InlineData("10:30 Rachel departs, 10:40 take item 1", "")]
    public void ReturnsDue_OutForAnItemClosedOrNotCurrent_Listed(string record, string due)
    {
        var live = Under(record);

        string.Join("; ", live.Meeting.ReturnsDue().Select(r => $"{NameOf(r.MembershipId)} for item {r.LeftFor.Number}")).Should().Be(due);
    }

    // Aisha and Lucy (in Mark's seat) left the room for the merger at 10:30.
    [Theory]
    [InlineData("Aisha", 2, "10:45", "Present LeavesRoom")]
    [InlineData("Mark", 2, "10:45", "DeputyPresent Lucy LeavesRoom")]
    [InlineData("Aisha", 2, "10:15", "Present LeavesRoom")]
    [InlineData("Aisha", 1, "10:45", "Absent FullPart")]
    [InlineData("Mark", 1, "10:45", "Absent FullPart")]
    [InlineData("Aisha", 1, "10:15", "Present FullPart")]
    [InlineData("Rachel", 2, "10:45", "Present FullPart")]
    [InlineData("Sarah", 2, "10:45", "Absent FullPart")]
    public void SeatsAt_OutOfTheRoomForThisItem_PresentWithTheRulingAndAbsentFromOthers(string seat, int item, string moment, string expected)
    {
        var live = Under(BothOut);

        live.Meeting.SeatsAt(ItemNumbered(live, item).Id, Seats, Time(moment), DeputyNames).Of(SeatNamed(seat)).InWords().Should().Be(expected);
    }

    // Rachel (the chief officer) and Lucy (for the chief finance officer) left the room for the merger: neither counts for
    // the requirement one of them must fill, and why is the ruling at the merger, an absence at the finance report.
    [Theory]
    [InlineData(2, "Rachel is excluded by a conflict ruling (leaves the room for the item)", "excluded from the vote by a conflict ruling (leaves the room for the item)")]
    [InlineData(1, "Rachel is absent", "absent for this item")]
    public void SeatsAt_OutOfTheRoom_QuorumAndEligibilitySayWhy(int item, string quorumSays, string eligibilitySays)
    {
        var live = Under("10:30 Rachel LeavesRoom, 10:30 Lucy LeavesRoom");
        var seats = live.Meeting.SeatsAt(ItemNumbered(live, item).Id, Seats, Time("10:45"), DeputyNames);

        QuorumEvaluator.Evaluate(Site4, seats, RoleNames).Explanation.Should().Contain(quorumSays);
        Voting.Eligibility(seats.Of(Rachel), new VotingRules(MajorityBasis.VotesCast, true, true)).Reason.Should().Be(eligibilitySays);
    }

    /// <summary>The live meeting on the merger, with <paramref name="record"/> written; every step must succeed.</summary>
    private static LiveMeeting Under(string record)
    {
        var live = new LiveMeeting();
        live.Meeting.TakeItem(live.Merger.Id, Ten).Ok();
        foreach (var step in record.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            Step(live, step).Should().BeNull(step);
        }

        return live;
    }

    private static Failure? Step(LiveMeeting live, string step)
    {
        var words = step.Split(' ');
        var at = Time(words[0]);
        var item = words.Length > 3 && words[^2] == "item" ? ItemNumbered(live, int.Parse(words[^1], CultureInfo.InvariantCulture)) : live.Merger;
        return (words[1], words[2]) switch
        {
            ("take", _) => live.Meeting.TakeItem(item.Id, at).Failure,
            ("close", _) => live.Meeting.Close(item.Id, ItemClosure.Vote, [], NameOf, at).Failure,
            (var who, "arrives") => live.Meeting.RecordArrival(Holder(who).MembershipId, who == "Lucy" ? Lucy : null, at).Failure,
            (var who, "departs") => live.Meeting.RecordDeparture(Holder(who).MembershipId, at).Failure,
            (var who, var ruling) => live.Meeting.RecordRuling(item.Id, Holder(who).MembershipId, "Partner at Riverside Surgery", Enum.Parse<ConflictRuling>(ruling), Helen.MembershipId, at).Failure,
        };
    }

    private static Seat Holder(string name) => name == "Lucy" ? Mark : SeatNamed(name);

    private static AgendaItem ItemNumbered(LiveMeeting live, int number) => live.Meeting.Items.Single(i => i.Number == number.ToString(CultureInfo.InvariantCulture));

    private static DateTimeOffset Time(string hhmm) => new(Ten.Date + TimeSpan.ParseExact(hhmm, @"hh\:mm", CultureInfo.InvariantCulture), TimeSpan.Zero);

    private static string Stretches(LiveMeeting live, Seat seat) => string.Join("; ", live.Meeting.Attendance
        .Where(a => a.MembershipId == seat.MembershipId)
        .OrderBy(a => a.ArrivedAt)
        .Select(a => string.Create(CultureInfo.InvariantCulture,
            $"{(a.DeputyPersonId is { } deputy ? DeputyNames[deputy] + " " : "")}{a.ArrivedAt:HH:mm}-{a.LeftAt:HH:mm}{(a.LeftForItemId is { } left ? $" out for item {live.Meeting.Items.Single(i => i.Id == left).Number}" : "")}")));
}
