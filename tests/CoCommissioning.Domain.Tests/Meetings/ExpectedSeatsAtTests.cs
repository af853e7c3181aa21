using CoCommissioning.Domain.Quorum;
using static CoCommissioning.Domain.Tests.Meetings.MeetingBuilder;

namespace CoCommissioning.Domain.Tests.Meetings;

/// <summary>
/// Mark's seat as expected at the merger before the meeting: he comes unless he sent apologies, and then his named
/// deputy comes if he has one; a ruling already made for the item is carried to whoever is expected.
/// </summary>
public sealed class ExpectedSeatsAtTests
{
    [Theory]
    [InlineData(false, null, null, "Present FullPart")]
    [InlineData(false, "Lucy", null, "Present FullPart")]
    [InlineData(false, null, "StaysNoPart", "Present StaysNoPart")]
    [InlineData(true, null, null, "Absent FullPart")]
    [InlineData(true, null, "LeavesRoom", "Absent FullPart")]
    [InlineData(true, "Lucy", null, "DeputyPresent Lucy FullPart")]
    [InlineData(true, "Lucy", "LeavesRoom", "DeputyPresent Lucy LeavesRoom")]
    [InlineData(true, "Lucy", "DiscussesNoVote", "DeputyPresent Lucy DiscussesNoVote")]
    [InlineData(false, null, "LeavesRoom @other", "Present FullPart")]
    [InlineData(true, "Lucy", "StaysNoPart @other", "DeputyPresent Lucy FullPart")]
    public void ExpectedSeatsAt_ApologiesDeputyAndRuling_HowTheSeatIsExpected(bool apologies, string? deputy, string? ruling, string expected)
    {
        var meeting = NewMeeting(out var item);
        var other = meeting.AddItem("Finance report", Domain.Meetings.ItemPurpose.Information, false).Value!;
        if (apologies)
        {
            meeting.SendApologies(Mark.MembershipId).Ok();
        }

        if (ruling is not null)
        {
            var on = ruling.EndsWith("@other", StringComparison.Ordinal) ? other : item;
            meeting.RecordRuling(on.Id, Mark.MembershipId, "Trustee of the federation", Enum.Parse<ConflictRuling>(ruling.Split(' ')[0]), Helen.MembershipId, Ten).Ok();
        }

        var seats = meeting.ExpectedSeatsAt(item.Id, Seats, m => m == Mark.MembershipId ? deputy : null);

        seats.Of(Mark).InWords().Should().Be(expected);
        seats.Where(s => s.Seat != Mark).Should().OnlyContain(s => s.Presence == Presence.Present && s.Ruling == ConflictRuling.FullPart);
    }

    /// <summary>Issue 13: the apologies say whether the deputy comes; "no deputy" leaves the seat empty, and saying otherwise later changes it back.</summary>
    [Theory]
    [InlineData(new[] { true }, "DeputyPresent Lucy FullPart")]
    [InlineData(new[] { false }, "Absent FullPart")]
    [InlineData(new[] { false, true }, "DeputyPresent Lucy FullPart")]
    [InlineData(new[] { true, false }, "Absent FullPart")]
    public void ExpectedSeatsAt_ApologiesSayWhetherTheDeputyComes(bool[] deputyAttends, string expected)
    {
        var meeting = NewMeeting(out var item);
        foreach (var attends in deputyAttends)
        {
            meeting.SendApologies(Mark.MembershipId, attends).Ok();
        }

        var seats = meeting.ExpectedSeatsAt(item.Id, Seats, m => m == Mark.MembershipId ? "Lucy" : null);

        seats.Of(Mark).InWords().Should().Be(expected);
        meeting.Apologies.Should().ContainSingle().Which.Should().Be(Mark.MembershipId);
        meeting.ApologiesWithoutDeputy.Should().HaveCount(deputyAttends[^1] ? 0 : 1);
    }
}
