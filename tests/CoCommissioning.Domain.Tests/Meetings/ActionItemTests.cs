using CoCommissioning.Domain.Common;
using CoCommissioning.Domain.Meetings;

namespace CoCommissioning.Domain.Tests.Meetings;

public sealed class ActionItemTests
{
    private static readonly DateOnly MeetingDate = new(2026, 11, 23);
    private static readonly Guid Owner = Guid.NewGuid();

    private static CommandResult<ActionItem> Raise(string? description = "Write to the practices about the merger", Guid? owner = null, DateOnly? dueOn = null) =>
        ActionItem.Raise(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), MeetingDate, null, description, owner ?? Owner, dueOn);

    private static ActionItem Raised(DateOnly? dueOn = null) => Raise(dueOn: dueOn).Value!;

    [Fact]
    public void Raise_Valid_IsOpenWithTrimmedDescription()
    {
        var action = Raise("  Write to the practices  ", dueOn: MeetingDate.AddDays(14)).Value!;

        action.Status.Should().Be(ActionStatus.Open);
        action.Description.Should().Be("Write to the practices");
        action.DueOn.Should().Be(MeetingDate.AddDays(14));
        action.RaisedOn.Should().Be(MeetingDate);
        action.ClosedOn.Should().BeNull();
        action.Version.Should().NotBeEmpty();
    }

    public static TheoryData<string?, bool, int?, string> BadRaises => new()
    {
        { null, false, null, "description" },
        { "   ", false, null, "description" },
        { new string('x', 1001), false, null, "description" },
        { "Fine", true, null, "ownerPersonId" },
        { "Fine", false, -1, "dueOn" },
        { "Fine", false, 366 * 2 + 1, "dueOn" },
    };

    [Theory]
    [MemberData(nameof(BadRaises))]
    public void Raise_BadInput_NamesTheField(string? description, bool noOwner, int? dueInDays, string field)
    {
        var result = Raise(description, noOwner ? Guid.Empty : null, dueInDays is { } d ? MeetingDate.AddDays(d) : null);

        result.Succeeded.Should().BeFalse();
        result.Failure!.Kind.Should().Be(FailureKind.Validation);
        result.Failure.FieldErrors.Should().ContainKey(field);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(730)]
    public void Raise_DueWithinTwoYearsOfTheMeeting_IsAccepted(int days) =>
        Raise(dueOn: MeetingDate.AddDays(days)).Succeeded.Should().BeTrue();

    [Fact]
    public void Raise_EveryMistake_ReportedAtOnce()
    {
        var result = Raise("", Guid.Empty, MeetingDate.AddDays(-3));

        result.Failure!.FieldErrors.Keys.Should().BeEquivalentTo("description", "ownerPersonId", "dueOn");
    }

    [Theory]
    [InlineData(ActionStatus.Done, true)]
    [InlineData(ActionStatus.Dropped, true)]
    [InlineData(ActionStatus.InProgress, false)]
    [InlineData(ActionStatus.Open, false)]
    public void Update_Status_SetsClosedOnOnlyWhenClosed(ActionStatus status, bool closed)
    {
        var action = Raised();
        var before = action.Version;
        var today = MeetingDate.AddDays(10);

        action.Update(status, " Letter sent ", null, today).Succeeded.Should().BeTrue();

        action.Status.Should().Be(status);
        action.StatusNote.Should().Be("Letter sent");
        action.ClosedOn.Should().Be(closed ? today : null);
        action.Version.Should().NotBe(before);
    }

    [Fact]
    public void Update_Reopened_ClearsClosedOn()
    {
        var action = Raised();
        action.Update(ActionStatus.Done, null, null, MeetingDate.AddDays(3));

        action.Update(ActionStatus.InProgress, "Not finished after all", null, MeetingDate.AddDays(5)).Succeeded.Should().BeTrue();

        action.ClosedOn.Should().BeNull();
    }

    [Fact]
    public void Update_DoneThenDropped_KeepsTheFirstClosingDate()
    {
        var action = Raised();
        action.Update(ActionStatus.Done, null, null, MeetingDate.AddDays(3));

        action.Update(ActionStatus.Dropped, null, null, MeetingDate.AddDays(5));

        action.ClosedOn.Should().Be(MeetingDate.AddDays(3));
    }

    public static TheoryData<ActionStatus, string?, int?, string> BadUpdates => new()
    {
        { (ActionStatus)42, null, null, "status" },
        { ActionStatus.Open, new string('x', 1001), null, "statusNote" },
        { ActionStatus.Open, null, -1, "dueOn" },
        { ActionStatus.Open, null, 800, "dueOn" },
    };

    [Theory]
    [MemberData(nameof(BadUpdates))]
    public void Update_BadInput_NamesTheFieldAndChangesNothing(ActionStatus status, string? note, int? dueInDays, string field)
    {
        var action = Raised();
        var before = action.Version;

        var result = action.Update(status, note, dueInDays is { } d ? MeetingDate.AddDays(d) : null, MeetingDate);

        result.Failure!.FieldErrors.Should().ContainKey(field);
        action.Version.Should().Be(before);
        action.Status.Should().Be(ActionStatus.Open);
    }

    [Theory]
    [InlineData(null, ActionStatus.Open, 30, false)]
    [InlineData(10, ActionStatus.Open, 10, false)]
    [InlineData(10, ActionStatus.Open, 11, true)]
    [InlineData(10, ActionStatus.InProgress, 11, true)]
    [InlineData(10, ActionStatus.Done, 11, false)]
    [InlineData(10, ActionStatus.Dropped, 11, false)]
    public void IsOverdueOn_OpenPastItsDueDate(int? dueInDays, ActionStatus status, int todayInDays, bool overdue)
    {
        var action = Raised(dueInDays is { } d ? MeetingDate.AddDays(d) : null);
        action.Update(status, null, action.DueOn, MeetingDate);

        action.IsOverdueOn(MeetingDate.AddDays(todayInDays)).Should().Be(overdue);
    }
}
