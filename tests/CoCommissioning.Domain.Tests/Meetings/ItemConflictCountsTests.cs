using CoCommissioning.Domain.Meetings;
using CoCommissioning.Domain.Quorum;
using static CoCommissioning.Domain.Tests.Meetings.MeetingBuilder;

namespace CoCommissioning.Domain.Tests.Meetings;

/// <summary>
/// The conflicts on an item counted from the record, and the public account of them: numbers and rulings, no names.
/// Records are written as <see cref="LiveMeeting.Run"/> steps; rulings are listed in the order they were recorded.
/// </summary>
public sealed class ItemConflictCountsTests
{
    [Theory]
    [InlineData("", 0, 0, "")]
    [InlineData("DeclareFlag", 1, 0, "")]
    [InlineData("DeclareFlag, Rule LeavesRoom", 1, 0, "LeavesRoom")]
    [InlineData("DismissFlag", 0, 1, "")]
    [InlineData("Declare at the item, Rule StaysNoPart", 0, 0, "StaysNoPart")]
    [InlineData("Declare at the start, Rule FullPart", 0, 0, "FullPart")]
    [InlineData("DeclareFlag, Rule DiscussesNoVote, Rachel: DismissFlag, Sarah: DismissFlag", 1, 2, "DiscussesNoVote")]
    [InlineData("DeclareFlag, Rachel: DeclareFlag, Rule LeavesRoom, Rachel: Rule LeavesRoom", 2, 0, "LeavesRoom, LeavesRoom")]
    [InlineData("DeclareFlag @Finance, Rule LeavesRoom @Finance, Rachel: DismissFlag @Finance", 0, 0, "")]
    [InlineData("Rule LeavesRoom, Rule FullPart", 0, 0, "FullPart")]
    public void Of_TheRecord_CountsThisItemsFlagsAndRulings(string record, int declared, int dismissed, string rulings)
    {
        var live = new LiveMeeting();
        live.Run(record);

        var counts = ItemConflictCounts.Of(live.Meeting, live.Merger.Id);

        counts.FlagsDeclared.Should().Be(declared);
        counts.FlagsDismissed.Should().Be(dismissed);
        counts.FlagsRaised.Should().Be(declared + dismissed);
        counts.Rulings.Should().Equal(Rulings(rulings));
    }

    [Theory]
    [InlineData(0, 0, "", "No conflicts of interest were declared.")]
    [InlineData(0, 0, "FullPart", "1 conflict of interest was declared and managed: 1 member took full part.")]
    [InlineData(0, 0, "DiscussesNoVote", "1 conflict of interest was declared and managed: 1 member took part in the discussion but did not vote.")]
    [InlineData(0, 0, "StaysNoPart", "1 conflict of interest was declared and managed: 1 member stayed in the room but took no part.")]
    [InlineData(0, 0, "LeavesRoom", "1 conflict of interest was declared and managed: 1 member left the room for the item.")]
    [InlineData(0, 0, "LeavesRoom, FullPart, LeavesRoom, StaysNoPart", "4 conflicts of interest were declared and managed: 1 member took full part; 1 member stayed in the room but took no part; 2 members left the room for the item.")]
    [InlineData(1, 0, "LeavesRoom", "The register of interests flagged 1 likely conflict for those present: 1 declared, 0 dismissed as not relevant to the item. 1 conflict of interest was declared and managed: 1 member left the room for the item.")]
    [InlineData(0, 1, "", "The register of interests flagged 1 likely conflict for those present: 0 declared, 1 dismissed as not relevant to the item. No conflicts of interest were declared.")]
    [InlineData(0, 2, "DiscussesNoVote", "The register of interests flagged 2 likely conflicts for those present: 0 declared, 2 dismissed as not relevant to the item. 1 conflict of interest was declared and managed: 1 member took part in the discussion but did not vote.")]
    [InlineData(1, 1, "LeavesRoom", "The register of interests flagged 2 likely conflicts for those present: 1 declared, 1 dismissed as not relevant to the item. 1 conflict of interest was declared and managed: 1 member left the room for the item.")]
    [InlineData(2, 0, "LeavesRoom, DiscussesNoVote", "The register of interests flagged 2 likely conflicts for those present: 2 declared, 0 dismissed as not relevant to the item. 2 conflicts of interest were declared and managed: 1 member took part in the discussion but did not vote; 1 member left the room for the item.")]
    [InlineData(1, 0, "", "The register of interests flagged 1 likely conflict for those present: 1 declared, 0 dismissed as not relevant to the item. No ruling on the declared conflicts was recorded.")]
    public void Summary_CountsAndRulings_ThePublicAccount(int declared, int dismissed, string rulings, string expected) =>
        new ItemConflictCounts(declared, dismissed, Rulings(rulings)).Summary().Should().Be(expected);

    private static ConflictRuling[] Rulings(string list) =>
        [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Enum.Parse<ConflictRuling>)];
}
