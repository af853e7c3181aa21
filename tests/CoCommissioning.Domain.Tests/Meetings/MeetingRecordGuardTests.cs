using CoCommissioning.Domain.Common;
using CoCommissioning.Domain.Meetings;
using CoCommissioning.Domain.Quorum;

namespace CoCommissioning.Domain.Tests.Meetings;

/// <summary>
/// Guards found by a new-user review: notice is given once and before the meeting, a member present cannot send
/// apologies, and every declaration on an item is ruled on before its quorum is confirmed.
/// </summary>
public sealed class MeetingRecordGuardTests
{
    private static readonly DateTimeOffset Starts = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid Aisha = Guid.NewGuid();
    private static readonly Guid Rachel = Guid.NewGuid();
    private static readonly Guid Helen = Guid.NewGuid();

    [Fact]
    public void PublishAgenda_Twice_RefusedAndTheFirstPublicationStands()
    {
        var (meeting, _) = NewMeeting();
        var first = Starts.AddDays(-7);
        meeting.PublishAgenda(first, null).Succeeded.Should().BeTrue();
        var version = meeting.Version;

        var again = meeting.PublishAgenda(Starts.AddDays(-1), "x");

        again.Failure!.Kind.Should().Be(FailureKind.RuleViolation);
        meeting.AgendaPublishedAt.Should().Be(first);
        meeting.ShortNoticeReason.Should().BeNull();
        meeting.Version.Should().Be(version);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, false)]
    [InlineData(-1, true)]
    public void PublishAgenda_AtOrAfterTheStart_Refused(int minutesAfterStart, bool published)
    {
        var (meeting, _) = NewMeeting();

        var result = meeting.PublishAgenda(Starts.AddMinutes(minutesAfterStart), "Urgent");

        result.Succeeded.Should().Be(published);
        (meeting.AgendaPublishedAt is not null).Should().Be(published);
    }

    [Fact]
    public void SendApologies_MemberPresent_RefusedUntilTheyLeave()
    {
        var (meeting, _) = NewMeeting();
        meeting.RecordArrival(Rachel, null, Starts).Succeeded.Should().BeTrue();

        meeting.SendApologies(Rachel).Failure!.Kind.Should().Be(FailureKind.RuleViolation);
        meeting.Apologies.Should().BeEmpty();

        meeting.RecordDeparture(Rachel, Starts.AddMinutes(5));
        meeting.SendApologies(Rachel).Succeeded.Should().BeTrue();
    }

    public static TheoryData<string, string[]> AwaitingCases => new()
    {
        { "", [] },
        { "Aisha@item", ["Aisha"] },
        { "Aisha@start", ["Aisha"] },
        { "Aisha@other", [] },
        { "Aisha@item, Aisha ruled", [] },
        { "Aisha@start, Rachel@item, Aisha ruled", ["Rachel"] },
        { "Aisha@item, Aisha@start", ["Aisha"] },
        { "Aisha@item, Rachel ruled", ["Aisha"] },
        { "Aisha@start, Aisha ruled other", ["Aisha"] },
    };

    [Theory]
    [MemberData(nameof(AwaitingCases))]
    public void DeclarationsAwaitingRuling_ListsEachDeclarantWithoutARulingForTheItem(string record, string[] awaiting)
    {
        var (meeting, item) = NewMeeting();
        var other = meeting.AddItem("Finance report", ItemPurpose.Discussion, false).Value!.Id;
        var ids = new Dictionary<string, Guid> { ["Aisha"] = Aisha, ["Rachel"] = Rachel };
        foreach (var part in record.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var words = part.Split(' ');
            var who = part.Split('@', ' ')[0];
            if (part.Contains('@'))
            {
                var at = part.Split('@')[1] switch { "item" => item, "other" => other, _ => (Guid?)null };
                meeting.Declare(ids[who], at, "Partner at Riverside Surgery", null, Starts).Succeeded.Should().BeTrue();
            }
            else
            {
                var on = words.Length > 2 && words[2] == "other" ? other : item;
                meeting.RecordRuling(on, ids[who], "Partner at Riverside Surgery", ConflictRuling.LeavesRoom, Helen, Starts).Succeeded.Should().BeTrue();
            }
        }

        meeting.DeclarationsAwaitingRuling(item).Should().BeEquivalentTo(awaiting.Select(n => ids[n]));
    }

    [Fact]
    public void ConfirmQuorum_WhileADeclarationAwaitsARuling_RefusedThenAllowedOnceRuled()
    {
        var (meeting, item) = NewMeeting();
        meeting.Declare(Aisha, item, "Partner at Riverside Surgery", null, Starts);
        var version = meeting.Version;

        meeting.ConfirmQuorum(item, Helen, true, "Quorate.", Starts).Failure!.Kind.Should().Be(FailureKind.RuleViolation);
        meeting.Version.Should().Be(version);
        meeting.QuorumConfirmations.Should().BeEmpty();

        meeting.RecordRuling(item, Aisha, "Partner at Riverside Surgery", ConflictRuling.DiscussesNoVote, Helen, Starts);
        meeting.ConfirmQuorum(item, Helen, true, "Quorate.", Starts).Succeeded.Should().BeTrue();
    }

    private static (Meeting Meeting, Guid ItemId) NewMeeting()
    {
        var meeting = Meeting.Schedule(Guid.NewGuid(), Guid.NewGuid(), "PCCC November", Starts).Value!;
        var item = meeting.AddItem("Riverside merger", ItemPurpose.Decision, false).Value!;
        return (meeting, item.Id);
    }
}
