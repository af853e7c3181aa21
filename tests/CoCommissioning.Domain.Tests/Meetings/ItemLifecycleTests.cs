using CoCommissioning.Domain.Common;
using CoCommissioning.Domain.Meetings;
using CoCommissioning.Domain.Tests.TestSupport;
using static CoCommissioning.Domain.Tests.Meetings.MeetingBuilder;

namespace CoCommissioning.Domain.Tests.Meetings;

/// <summary>
/// An item is open until the meeting takes it, then closed by its outcome; once closed, its declarations, rulings and
/// outcome are the record, and nothing more can be recorded at it.
/// </summary>
public sealed class ItemLifecycleTests
{
    private static readonly DateTimeOffset HalfPast = LiveMeeting.HalfPast;

    [Fact]
    public void AddItem_New_OpenWithNoClosure()
    {
        var item = new LiveMeeting().Merger;

        item.Status.Should().Be(ItemStatus.Open);
        item.IsClosed.Should().BeFalse();
        item.ClosedAs.Should().BeNull();
        item.ClosedAt.Should().BeNull();
    }

    // Items taken in turn, and how each then stands: taking another leaves the earlier one taken, not closed.
    [Theory]
    [InlineData("", ItemStatus.Open, ItemStatus.Open, null)]
    [InlineData("Merger", ItemStatus.Open, ItemStatus.Taken, "Merger")]
    [InlineData("Finance, Merger", ItemStatus.Taken, ItemStatus.Taken, "Merger")]
    [InlineData("Merger, Finance, Merger", ItemStatus.Taken, ItemStatus.Taken, "Merger")]
    [InlineData("Merger, Merger", ItemStatus.Open, ItemStatus.Taken, "Merger")]
    public void TakeItem_InTurn_OpenBecomesTaken(string taken, ItemStatus finance, ItemStatus merger, string? current)
    {
        var live = new LiveMeeting();

        foreach (var name in taken.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            live.Meeting.TakeItem(live.ItemNamed(name).Id, Ten).Ok();
        }

        live.Finance.Status.Should().Be(finance);
        live.Merger.Status.Should().Be(merger);
        live.Meeting.CurrentItemId.Should().Be(current is null ? null : live.ItemNamed(current).Id);
    }

    [Fact]
    public void TakeItem_ClosedItem_BecomesCurrentButStaysClosed()
    {
        var live = new LiveMeeting();
        live.Run("RecordOutcome");

        live.Meeting.TakeItem(live.Merger.Id, Ten).Ok();

        live.Meeting.CurrentItemId.Should().Be(live.Merger.Id);
        live.Merger.Status.Should().Be(ItemStatus.Closed);
        live.Merger.ClosedAs.Should().Be(ItemClosure.Deferred);
    }

    [Theory]
    [InlineData(ItemClosure.Noted, false, ItemOutcomeKind.Noted)]
    [InlineData(ItemClosure.Noted, true, ItemOutcomeKind.Noted)]
    [InlineData(ItemClosure.Deferred, false, ItemOutcomeKind.Deferred)]
    [InlineData(ItemClosure.Deferred, true, ItemOutcomeKind.Deferred)]
    [InlineData(ItemClosure.Referred, false, ItemOutcomeKind.Referred)]
    [InlineData(ItemClosure.Referred, true, ItemOutcomeKind.Referred)]
    [InlineData(ItemClosure.Vote, false, null)]
    [InlineData(ItemClosure.Vote, true, null)]
    [InlineData(ItemClosure.Consensus, false, null)]
    [InlineData(ItemClosure.Consensus, true, null)]
    [InlineData(ItemClosure.InquorateResolution, false, null)]
    [InlineData(ItemClosure.InquorateResolution, true, null)]
    public void CloseOrRecordOutcome_OpenOrTaken_ClosedAsAndAt(ItemClosure closure, bool takenFirst, ItemOutcomeKind? outcome)
    {
        var live = new LiveMeeting();
        if (takenFirst)
        {
            live.Meeting.TakeItem(ItemFor(live, closure).Id, Ten).Ok();
        }

        var item = CloseAs(live, closure);
        var other = item == live.Merger ? live.Finance : live.Merger;

        item.Status.Should().Be(ItemStatus.Closed);
        item.IsClosed.Should().BeTrue();
        item.ClosedAs.Should().Be(closure);
        item.ClosedAt.Should().Be(HalfPast);
        item.Outcome.Should().Be(outcome);
        other.Status.Should().Be(ItemStatus.Open);
        live.Meeting.CurrentItemId.Should().Be(takenFirst ? item.Id : null);
    }

    /// <summary>Every command that writes or judges an item's record, named for <see cref="LiveMeeting.Do"/>.</summary>
    public static TheoryData<string> ItemCommands => new()
    {
        "Declare at the item",
        "Rule DiscussesNoVote",
        "Rule LeavesRoom",
        "ConfirmQuorum",
        "RecordOutcome",
        "DeclareFlag",
        "DismissFlag",
        "ChangeAffectedBodies",
        "ReadyToDecide",
        "Close by vote",
        "Close by consensus",
        "Close inquorate",
    };

    // The merger (item 2) was decided by vote.
    [Theory]
    [MemberData(nameof(ItemCommands))]
    public void Command_AtAClosedItem_RefusedAndNothingChanges(string command)
    {
        var live = new LiveMeeting();
        live.Run("TakeItem, Close by vote");
        var versions = live.Meeting.Versions();
        var before = live.Meeting.Snapshot();

        var failure = live.Do(command, live.Merger);

        failure.Should().NotBeNull();
        failure!.Kind.Should().Be(FailureKind.RuleViolation);
        failure.Message.Should().StartWith("Item 2 is already decided or concluded");
        failure.FieldErrors.Should().BeEmpty();
        live.Meeting.Versions().Should().Equal(versions);
        live.Meeting.Snapshot().Should().Equal(before);
    }

    [Theory]
    [InlineData(ItemClosure.Vote, 2, "decided by vote")]
    [InlineData(ItemClosure.Consensus, 2, "decided by consensus")]
    [InlineData(ItemClosure.Noted, 1, "noted")]
    [InlineData(ItemClosure.Deferred, 2, "deferred")]
    [InlineData(ItemClosure.Referred, 2, "referred")]
    [InlineData(ItemClosure.InquorateResolution, 2, "not quorate: the chair's choice is recorded")]
    public void Declare_AtAClosedItem_RefusalSaysHowItClosed(ItemClosure closure, int number, string how)
    {
        var live = new LiveMeeting();
        var item = CloseAs(live, closure);

        live.Do("Declare at the item", item)
            .ShouldBeRuleViolation($"Item {number} is already decided or concluded ({how}): the declarations, rulings and outcome it closed on are the record and cannot change.");
        ItemClosures.Describe(closure).Should().Be(how);
    }

    [Fact]
    public void Describe_NoClosure_Open() => ItemClosures.Describe(null).Should().Be("open");

    [Fact]
    public void Declare_AtTheStartAfterAnItemClosed_Accepted()
    {
        var live = new LiveMeeting();
        live.Run("TakeItem, Close by vote");

        live.Do("Declare at the start", live.Merger).Should().BeNull();

        live.Meeting.Declarations.Should().ContainSingle().Which.ItemId.Should().BeNull();
    }

    // Closing by vote or consensus waits on the item's business; the chair's choice when inquorate does not.
    [Theory]
    [InlineData(ItemClosure.Vote, "Declare at the item", false)]
    [InlineData(ItemClosure.Consensus, "Declare at the item", false)]
    [InlineData(ItemClosure.Vote, "", false)]
    [InlineData(ItemClosure.Consensus, "", false)]
    [InlineData(ItemClosure.InquorateResolution, "Declare at the item", true)]
    [InlineData(ItemClosure.InquorateResolution, "", true)]
    [InlineData(ItemClosure.Vote, "DeclareFlag, Rule LeavesRoom", true)]
    [InlineData(ItemClosure.Consensus, "DismissFlag", true)]
    public void Close_WithADeclarationAwaitingRulingOrAnOpenFlag_OnlyTheInquorateResolutionCloses(ItemClosure closure, string record, bool closes)
    {
        var live = new LiveMeeting();
        live.Run(record);

        var result = live.Meeting.Close(live.Merger.Id, closure, [live.Flag(Aisha)], NameOf, HalfPast);

        result.Succeeded.Should().Be(closes);
        live.Merger.IsClosed.Should().Be(closes);
        live.Merger.ClosedAs.Should().Be(closes ? closure : null);
    }

    // An item of another meeting is not found here, whatever is asked of it.
    [Theory]
    [MemberData(nameof(ItemCommands))]
    public void Command_AtAnotherMeetingsItem_NotFound(string command)
    {
        var live = new LiveMeeting();

        live.Do(command, new LiveMeeting().Merger).ShouldBeNotFound("The agenda item was not found.");
    }

    /// <summary>Noted is for an item not for decision: the finance report; everything else closes the merger.</summary>
    private static AgendaItem ItemFor(LiveMeeting live, ItemClosure closure) => closure == ItemClosure.Noted ? live.Finance : live.Merger;

    /// <summary>Closes <see cref="ItemFor"/> as <paramref name="closure"/> and returns it.</summary>
    private static AgendaItem CloseAs(LiveMeeting live, ItemClosure closure)
    {
        var result = closure switch
        {
            ItemClosure.Noted => live.Meeting.RecordOutcome(live.Finance.Id, ItemOutcomeKind.Noted, null, HalfPast),
            ItemClosure.Deferred => live.Meeting.RecordOutcome(live.Merger.Id, ItemOutcomeKind.Deferred, null, HalfPast),
            ItemClosure.Referred => live.Meeting.RecordOutcome(live.Merger.Id, ItemOutcomeKind.Referred, "To the ICB board", HalfPast),
            _ => live.Meeting.Close(live.Merger.Id, closure, [], NameOf, HalfPast),
        };
        result.Ok();
        return ItemFor(live, closure);
    }
}
