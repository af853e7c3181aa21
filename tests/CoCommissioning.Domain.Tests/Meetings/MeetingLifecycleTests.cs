using CoCommissioning.Domain.Meetings;
using CoCommissioning.Domain.Tests.TestSupport;
using static CoCommissioning.Domain.Tests.Meetings.MeetingBuilder;

namespace CoCommissioning.Domain.Tests.Meetings;

/// <summary>The meeting's place, date, cancellation and closing (ADR-0019), meeting on Monday 23 November 2026 at 10:00.</summary>
public sealed class MeetingLifecycleTests
{
    private static readonly DateTimeOffset TwoWeeksBefore = Ten.AddDays(-14);

    [Theory]
    [InlineData(null, null, null, null, MeetingFormat.NotYetSet, null)]
    [InlineData("Room 2, Civic Centre", null, null, null, MeetingFormat.InPerson, "Room 2, Civic Centre")]
    [InlineData("Room 2", "1 High Street\nLeeds LS1 1AA", null, null, MeetingFormat.InPerson, "Room 2, 1 High Street, Leeds LS1 1AA")]
    [InlineData(null, null, "https://teams.example/join/1", "Camera on", MeetingFormat.Online, "Online: https://teams.example/join/1")]
    [InlineData("  Room 2 ", null, " https://teams.example/j ", null, MeetingFormat.Hybrid, "Room 2; online: https://teams.example/j")]
    public void Place_FormatAndOneLine(string? name, string? address, string? link, string? instructions, MeetingFormat format, string? line)
    {
        var place = MeetingPlace.Check(name, address, link, instructions).Ok();
        place.Format.Should().Be(format);
        place.InOneLine().Should().Be(line);
    }

    [Theory]
    [InlineData(null, "1 High Street", null, null, "venueName", "Name the venue the address is for (a building and room, for example).")]
    [InlineData(null, null, null, "Dial in", "joiningLink", "Give the link people use to join online: the instructions go with it.")]
    [InlineData(null, null, "teams.example/join", null, "joiningLink", "Enter the joining link as a web address starting https:// (for example https://teams.microsoft.com/…).")]
    [InlineData(null, null, "javascript:alert(1)", null, "joiningLink", "Enter the joining link as a web address starting https:// (for example https://teams.microsoft.com/…).")]
    [InlineData(null, null, "ftp://example.org/x", null, "joiningLink", "Enter the joining link as a web address starting https:// (for example https://teams.microsoft.com/…).")]
    public void Place_Refused_NamesTheField(string? name, string? address, string? link, string? instructions, string field, string message) =>
        MeetingPlace.Check(name, address, link, instructions).Failure.ShouldBeValidation(field, message);

    [Fact]
    public void ChangePlace_CountsAsACalendarChange_OnlyWhenItChanges()
    {
        var meeting = NewMeeting(out _);
        var place = MeetingPlace.Check("Room 2", null, null, null).Ok();
        meeting.ChangePlace(place).Ok();
        var version = meeting.Version;
        meeting.ChangePlace(place).Ok();

        meeting.Sequence.Should().Be(1);
        meeting.Version.Should().Be(version);
        meeting.VenueName.Should().Be("Room 2");
    }

    [Fact]
    public void Reschedule_BeforePublication_MovesWithoutNotice()
    {
        var meeting = NewMeeting(out _);
        meeting.Reschedule(Ten.AddDays(1), null, Ten.AddDays(-1)).Ok();

        meeting.StartsAt.Should().Be(Ten.AddDays(1));
        meeting.RescheduledAt.Should().Be(Ten.AddDays(-1));
        meeting.Sequence.Should().Be(1);
        meeting.ShortNoticeReason.Should().BeNull();
    }

    // Published two weeks before; on Sunday 22 November the meeting moves. Notice runs from the move, not the publication.
    [Theory]
    [InlineData(4, null, true, null)]             // Friday 27th: Monday to Thursday clear, enough notice
    [InlineData(1, null, false, null)]            // Tuesday 24th: one clear day (Monday), refused without a reason
    [InlineData(1, "Urgent contract decision", true, "Urgent contract decision")]
    [InlineData(8, "Ignored", true, null)]        // plenty of notice: a reason is not kept
    public void Reschedule_AfterPublication_NoticeFromNow(int daysAfterMonday, string? reason, bool accepted, string? kept)
    {
        var meeting = NewMeeting(out _);
        meeting.PublishAgenda(TwoWeeksBefore, null).Ok();
        var sundayBefore = Ten.AddDays(-1);

        var moved = meeting.Reschedule(Ten.AddDays(daysAfterMonday), reason, sundayBefore);

        if (accepted)
        {
            moved.Ok();
            meeting.ShortNoticeReason.Should().Be(kept);
            meeting.StartsAt.Should().Be(Ten.AddDays(daysAfterMonday));
        }
        else
        {
            moved.Failure!.FieldErrors.Should().ContainKey("shortNoticeReason");
            moved.Failure.Message.Should().StartWith("The agenda is published, and the new date would be notified with 1 clear day before the meeting");
            meeting.StartsAt.Should().Be(Ten);
        }
    }

    [Fact]
    public void Reschedule_ToThePast_Refused() =>
        NewMeeting(out _).Reschedule(Ten.AddDays(-20), null, Ten.AddDays(-10)).Failure
            .ShouldBeValidation("startsAt", "Choose a date and time in the future: a meeting is re-scheduled to when it will be held.");

    [Fact]
    public void Cancel_KeepsTheReason_AndRescheduleReinstates()
    {
        var meeting = NewMeeting(out _);
        meeting.Cancel("  The chair is unwell ", Ten.AddDays(-3)).Ok();
        meeting.IsCancelled.Should().BeTrue();
        meeting.CancellationReason.Should().Be("The chair is unwell");
        meeting.Sequence.Should().Be(1);
        meeting.Cancel("Again", Ten.AddDays(-3)).Failure.ShouldBeRuleViolation("The meeting is already cancelled.");

        meeting.Reschedule(Ten.AddDays(7), null, Ten.AddDays(-2)).Ok();
        meeting.IsCancelled.Should().BeFalse();
        meeting.CancellationReason.Should().BeNull();
        meeting.Sequence.Should().Be(2);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void Cancel_WithoutReason_Refused(string? reason) =>
        NewMeeting(out _).Cancel(reason, Ten.AddDays(-3)).Failure
            .ShouldBeValidation("reason", "Say why the meeting is cancelled: the reason is shown publicly with the meeting.");

    [Fact]
    public void Cancelled_CannotBeRun()
    {
        var meeting = NewMeeting(out _);
        meeting.Cancel("Not quorate expected", Ten.AddDays(-3)).Ok();
        meeting.RecordingRefused().ShouldBeRuleViolation("The meeting is cancelled (Not quorate expected), so it cannot be run. Re-schedule it first.");
        meeting.CloseMeeting(Ten.AddHours(1)).Failure.ShouldBeRuleViolation("The meeting is cancelled (Not quorate expected), so it cannot be run. Re-schedule it first.");
    }

    [Fact]
    public void Begun_CannotBeCancelledOrMoved()
    {
        var meeting = NewMeeting(out _);
        meeting.RecordArrival(Helen.MembershipId, null, Ten).Ok();
        const string Begun = "The meeting has begun (attendance, declarations or items are recorded), so its date can no longer change or the meeting be cancelled: the record says when it was held.";

        meeting.Cancel("Too late", Ten.AddMinutes(5)).Failure.ShouldBeRuleViolation(Begun);
        meeting.Reschedule(Ten.AddDays(7), null, Ten.AddMinutes(5)).Failure.ShouldBeRuleViolation(Begun);
    }

    [Fact]
    public void Close_RecordsTheTime_ThenNothingMore()
    {
        var meeting = NewMeeting(out var item);
        meeting.RecordArrival(Helen.MembershipId, null, Ten).Ok();
        meeting.TakeItem(item.Id, Ten).Ok();
        var closedAt = new DateTimeOffset(2026, 11, 23, 16, 42, 0, TimeSpan.Zero);

        meeting.CloseMeeting(closedAt).Ok();

        meeting.ClosedAt.Should().Be(closedAt);
        meeting.CurrentItemId.Should().BeNull();
        const string Closed = "The meeting was closed at 16:42: nothing more can be recorded at it. The minutes can be drafted from the record.";
        meeting.RecordingRefused().ShouldBeRuleViolation(Closed);
        meeting.CloseMeeting(closedAt.AddMinutes(1)).Failure.ShouldBeRuleViolation(Closed);
        meeting.ChangePlace(MeetingPlace.Check("Room 9", null, null, null).Ok()).Failure.ShouldBeRuleViolation(Closed);
        meeting.Cancel("After the event", closedAt.AddMinutes(1)).Failure.ShouldBeRuleViolation(Closed);
    }

    [Fact]
    public void Close_BeforeItStarts_WithNothingRecorded_Refused() =>
        NewMeeting(out _).CloseMeeting(Ten.AddHours(-2)).Failure
            .ShouldBeRuleViolation("The meeting has not started and nothing is recorded at it, so there is nothing to close. Cancel it if it will not take place.");
}

public sealed class MeetingStartTests
{
    [Theory]
    [InlineData(0, true)]
    [InlineData(0.0001, true)]      // a database's lost precision
    [InlineData(30, true)]          // seconds within the minute
    [InlineData(60, false)]         // the next minute is a move
    [InlineData(-1, false)]         // the previous minute
    public void IsAt_SameMinute(double seconds, bool same)
    {
        var meeting = MeetingBuilder.NewMeeting(out _);
        meeting.IsAt(MeetingBuilder.Ten.AddSeconds(seconds)).Should().Be(same);
    }
}
