using static CoCommissioning.Domain.Tests.Meetings.MeetingBuilder;

namespace CoCommissioning.Domain.Tests.Meetings;

/// <summary>
/// Which concurrency tokens a write moves: what is recorded at an item moves that item's version only, so work at
/// another item, or on attendance, never makes it stale; what is recorded of the meeting moves the meeting's.
/// </summary>
public sealed class ItemVersionTests
{
    // Written at the merger (item 2) where the command is at an item. "meeting", "item" (the merger), "other item" (the finance report).
    [Theory]
    [InlineData("Declare at the item", "item")]
    [InlineData("Rule FullPart", "item")]
    [InlineData("Rule DiscussesNoVote", "item")]
    [InlineData("Rule LeavesRoom", "item")]
    [InlineData("ConfirmQuorum", "item")]
    [InlineData("RecordOutcome", "item")]
    [InlineData("DeclareFlag", "item")]
    [InlineData("DismissFlag", "item")]
    [InlineData("Close by vote", "item")]
    [InlineData("Close by consensus", "item")]
    [InlineData("Close inquorate", "item")]
    [InlineData("TakeItem", "meeting, item")]
    [InlineData("ChangeAffectedBodies", "meeting, item")]
    [InlineData("RecordArrival", "meeting")]
    [InlineData("RecordDeparture", "meeting")]
    [InlineData("SendApologies", "meeting")]
    [InlineData("ExcludePublic", "meeting")]
    [InlineData("AddItem", "meeting")]
    [InlineData("Declare at the start", "meeting")]
    [InlineData("AddPersonInAttendance", "meeting")]
    [InlineData("ReadyToDecide", "")]
    public void Command_Succeeds_MovesOnlyTheVersionsOfWhatItWrites(string command, string moves)
    {
        var live = new LiveMeeting();
        var (meeting, item, other) = (live.Meeting.Version, live.Merger.Version, live.Finance.Version);

        live.Do(command, live.Merger).Should().BeNull();

        var moved = new (string Name, bool Moved)[] { ("meeting", meeting != live.Meeting.Version), ("item", item != live.Merger.Version), ("other item", other != live.Finance.Version) };
        moved.Where(m => m.Moved).Select(m => m.Name).Should().Equal(moves.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
