using CoCommissioning.Domain.Common;
using CoCommissioning.Domain.Meetings;
using static CoCommissioning.Domain.Tests.Meetings.MeetingBuilder;

namespace CoCommissioning.Domain.Tests.Meetings;

/// <summary>
/// Agenda editing and its numbers (ADR-0018). Each row is a script of steps and the agenda it leaves, in order, as
/// "number title" with marks. Steps: "+A" adds public item A, "+A!" a private one, "+C>B" C as a sub-item of B,
/// "^C:0" moves C to the first place among its siblings, "-B" removes B, "~B:X" renames B to X, "publish" publishes
/// the agenda; after publishing every step gives a reason.
/// </summary>
public sealed class AgendaEditingTests
{
    private static readonly DateTimeOffset Published = Ten.AddDays(-7);

    [Theory]
    [InlineData("+A +B +C", "1 A, 2 B, 3 C")]
    [InlineData("+A +B +C ^C:0", "1 C, 2 A, 3 B")]
    [InlineData("+A +B +C ^A:2", "1 B, 2 C, 3 A")]
    [InlineData("+A +B +C ^B:1", "1 A, 2 B, 3 C")]
    [InlineData("+A +B +C -B", "1 A, 2 C")]
    [InlineData("+A +B -A", "1 B")]
    [InlineData("+A +B ~A:Z", "1 Z, 2 B")]
    [InlineData("+A +B +C>B +D>B +E", "1 A, 2 B, 2.1 C, 2.2 D, 3 E")]
    [InlineData("+A +B +C>B +D>B ^D:0", "1 A, 2 B, 2.1 D, 2.2 C")]
    [InlineData("+A +B +C>B ^B:0", "1 B, 1.1 C, 2 A")]
    [InlineData("+A +B +C>B +D>B -C", "1 A, 2 B, 2.1 D")]
    [InlineData("+A +B +C>B +D", "1 A, 2 B, 2.1 C, 3 D")]
    [InlineData("+P! +A", "1 A, 2 P private")]
    [InlineData("+P! +A +Q! +B ^Q:0", "1 A, 2 B, 3 Q private, 4 P private")]
    [InlineData("+P! +S>P +A", "1 A, 2 P private, 2.1 S private")]
    [InlineData("+A +B +C publish -B", "1 A, 2 B withdrawn, 3 C")]
    [InlineData("+A +B publish +L", "1 A, 2 B, 3 L late")]
    [InlineData("+A +B +C publish -C +D", "1 A, 2 B, 3 C withdrawn, 4 D late")]
    [InlineData("+A +B +C>B publish +D>B", "1 A, 2 B, 2.1 C, 2.2 D late")]
    [InlineData("+A +B +C publish ^C:0", "3 C late, 1 A, 2 B")]
    [InlineData("+A +B publish ~A:Z", "1 Z late, 2 B")]
    [InlineData("+A +P! publish +B", "1 A, 3 B late, 2 P private")]
    public void Script_LeavesTheAgenda(string script, string agenda)
    {
        var meeting = Run(script);

        Describe(meeting).Should().Be(agenda);
    }

    [Fact]
    public void ApplyTemplate_OpeningItemsLeadAndClosingItemsStayLast()
    {
        var meeting = Meeting.Schedule(Guid.NewGuid(), Guid.NewGuid(), "PCCC November", Ten).Value!;
        meeting.ApplyTemplate(AgendaTemplate.Default);

        meeting.AddItem("Practice merger", ItemPurpose.Decision, false).Ok();
        meeting.AddItem("Contract award", ItemPurpose.Decision, true).Ok();

        Describe(meeting).Should().Be("1 Welcome and apologies, 2 Declarations of interest, 3 Minutes of the previous meeting, 4 Action log, "
            + "5 Practice merger, 6 Any other business, 7 Date of next meeting, 8 Contract award private");
        meeting.Agenda.Select(i => i.Standing).Should().Equal(
            StandingItem.Opening, StandingItem.Opening, StandingItem.Opening, StandingItem.Opening, StandingItem.None, StandingItem.Closing, StandingItem.Closing, StandingItem.None);
    }

    [Theory]
    [InlineData("remove")]
    [InlineData("move")]
    [InlineData("edit")]
    [InlineData("add")]
    public void AfterPublication_WithoutReason_RefusedNamingTheReason(string change)
    {
        var meeting = Run("+A +B publish");
        var a = Item(meeting, "A");
        var before = meeting.Snapshot();

        var failure = change switch
        {
            "remove" => meeting.RemoveItem(a.Id, null, Ten).Failure,
            "move" => meeting.MoveItem(a.Id, 1, " ", Ten).Failure,
            "edit" => meeting.EditItem(a.Id, "Z", ItemPurpose.Decision, null, false, null, Ten).Failure,
            _ => meeting.AddItem("L", ItemPurpose.Decision, false, at: Ten).Failure,
        };

        failure!.Kind.Should().Be(FailureKind.Validation);
        failure.FieldErrors!.Should().ContainKey("reason");
        meeting.Snapshot().Should().Equal(before);
    }

    [Theory]
    [InlineData("declaration", "Item 1 cannot be removed: it has declarations of interest recorded, which is part of the meeting's record.")]
    [InlineData("ruling", "Item 1 cannot be removed: it has conflict rulings recorded, which is part of the meeting's record.")]
    [InlineData("taken", "Item 1 cannot be removed: it has been taken at the meeting recorded, which is part of the meeting's record.")]
    [InlineData("noted", "Item 1 cannot be removed: it has an outcome (noted) recorded, which is part of the meeting's record.")]
    public void RemoveItem_WithARecord_RefusedSayingWhy(string record, string message)
    {
        var meeting = Meeting.Schedule(Guid.NewGuid(), Guid.NewGuid(), "PCCC November", Ten).Value!;
        var item = meeting.AddItem("Finance report", ItemPurpose.Information, false).Value!;
        _ = record switch
        {
            "declaration" => meeting.Declare(Aisha.MembershipId, item.Id, "Partner at Riverside Surgery", null, Ten).Failure,
            "ruling" => meeting.RecordRuling(item.Id, Aisha.MembershipId, "Partner at Riverside Surgery", Domain.Quorum.ConflictRuling.FullPart, Helen.MembershipId, Ten).Failure,
            "taken" => meeting.TakeItem(item.Id, Ten).Failure,
            _ => meeting.RecordOutcome(item.Id, ItemOutcomeKind.Noted, null, Ten).Failure,
        };

        var failure = meeting.RemoveItem(item.Id, null, Ten).Failure!;

        failure.Kind.Should().Be(FailureKind.RuleViolation);
        failure.Message.Should().Be(message);
        meeting.Items.Should().ContainSingle();
    }

    [Fact]
    public void RemoveItem_WithSubItems_Refused()
    {
        var meeting = Run("+A +B>A");

        meeting.RemoveItem(Item(meeting, "A").Id, null, Ten).Failure!.Message.Should().Be("Item 1 has sub-items: remove them or move them first.");
    }

    [Theory]
    [InlineData("+A +B", "A", -1)]
    [InlineData("+A +B", "A", 2)]
    [InlineData("+A +B>A", "B", 1)]
    public void MoveItem_OutsideItsSiblings_RefusedNamingThePlaces(string script, string title, int toIndex)
    {
        var meeting = Run(script);

        meeting.MoveItem(Item(meeting, title).Id, toIndex, null, Ten).Failure!.FieldErrors!.Should().ContainKey("toIndex");
    }

    [Fact]
    public void AddItem_SubItemOfASubItem_Refused()
    {
        var meeting = Run("+A +B>A");

        var failure = meeting.AddItem("C", ItemPurpose.Information, false, parentItemId: Item(meeting, "B").Id).Failure!;

        failure.FieldErrors!["parentItemId"].Should().Equal("Item 1.1 is itself a sub-item: sub-items go one level deep.");
    }

    [Fact]
    public void AddItem_SubItemInTheOtherPart_Refused()
    {
        var meeting = Run("+A");

        var failure = meeting.AddItem("C", ItemPurpose.Information, true, parentItemId: Item(meeting, "A").Id).Failure!;

        failure.FieldErrors!["IsPrivate"].Should().Equal("A sub-item is in its parent's part: item 1 is public.");
    }

    [Fact]
    public void EditItem_ToThePrivatePart_TakesItsSubItemsAndGoesLast()
    {
        var meeting = Run("+A +B +C>A +P!");

        meeting.EditItem(Item(meeting, "A").Id, "A", ItemPurpose.Decision, null, true, null, Ten).Ok();

        Describe(meeting).Should().Be("1 B, 2 P private, 3 A private, 3.1 C private");
    }

    [Fact]
    public void EditItem_ClosedItem_RefusedAsTheRecord()
    {
        var meeting = Run("+A");
        var item = Item(meeting, "A");
        meeting.RecordOutcome(item.Id, ItemOutcomeKind.Deferred, null, Ten).Ok();

        meeting.EditItem(item.Id, "Z", ItemPurpose.Decision, null, false, null, Ten).Failure!.Kind.Should().Be(FailureKind.RuleViolation);
    }

    [Fact]
    public void WithdrawnItem_CannotBeTaken()
    {
        var meeting = Run("+A +B publish -A");

        meeting.TakeItem(Item(meeting, "A").Id, Ten).Failure!.Message.Should().Be("Item 1 was withdrawn from the agenda: because");
    }

    [Fact]
    public void LateItem_KeepsItsReasonAndTime()
    {
        var meeting = Run("+A publish +L");
        var late = Item(meeting, "L");

        (late.LateReason, late.LateAt, late.Number).Should().Be(("because", Ten, "2"));
    }

    [Fact]
    public void EveryAgendaChange_MovesTheMeetingsVersion()
    {
        var meeting = Run("+A +B +C");
        var versions = new List<Guid> { meeting.Version };

        meeting.MoveItem(Item(meeting, "C").Id, 0, null, Ten).Ok();
        versions.Add(meeting.Version);
        meeting.EditItem(Item(meeting, "A").Id, "Z", ItemPurpose.Decision, null, false, null, Ten).Ok();
        versions.Add(meeting.Version);
        meeting.RemoveItem(Item(meeting, "B").Id, null, Ten).Ok();
        versions.Add(meeting.Version);

        versions.Should().OnlyHaveUniqueItems();
    }

    [Theory]
    [InlineData(new[] { "1", "2", "3" }, null, "4")]
    [InlineData(new[] { "1", "2", "2.1", "2.2" }, "2", "2.3")]
    [InlineData(new[] { "1", "2" }, "2", "2.1")]
    [InlineData(new string[0], null, "1")]
    [InlineData(new[] { "1", "3" }, null, "4")]
    public void Next_TakesTheNumberAfterEveryNumberUsed(string[] numbers, string? parentNumber, string next)
    {
        var entries = new List<Entry>();
        foreach (var number in numbers)
        {
            var parent = number.Contains('.', StringComparison.Ordinal) ? entries.Single(e => e.Number == number.Split('.')[0]).Id : (Guid?)null;
            entries.Add(new Entry(Guid.NewGuid(), parent, false, entries.Count + 1, number));
        }

        AgendaNumbering.Next(entries, parentNumber is null ? null : entries.Single(e => e.Number == parentNumber)).Should().Be(next);
    }

    private sealed record Entry(Guid Id, Guid? ParentItemId, bool IsPrivate, int Position, string Number) : IAgendaEntry;

    private static Meeting Run(string script)
    {
        var meeting = Meeting.Schedule(Guid.NewGuid(), Guid.NewGuid(), "PCCC November", Ten).Value!;
        foreach (var step in script.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var reason = meeting.AgendaPublishedAt is null ? null : "because";
            if (step == "publish")
            {
                meeting.PublishAgenda(Published, null).Ok();
            }
            else if (step[0] == '+')
            {
                var name = step[1..].TrimEnd('!');
                var parent = name.Split('>') is [var child, var of] ? (child, Item(meeting, of).Id) : (name, (Guid?)null);
                var isPrivate = step.EndsWith('!') || (parent.Item2 is { } p && meeting.Items.Single(i => i.Id == p).IsPrivate);
                meeting.AddItem(parent.Item1, ItemPurpose.Decision, isPrivate, parentItemId: parent.Item2, reason: reason, at: Ten).Ok();
            }
            else if (step[0] == '^')
            {
                var (title, to) = (step[1..].Split(':')[0], int.Parse(step.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture));
                meeting.MoveItem(Item(meeting, title).Id, to, reason, Ten).Ok();
            }
            else if (step[0] == '-')
            {
                meeting.RemoveItem(Item(meeting, step[1..]).Id, reason, Ten).Ok();
            }
            else if (step[0] == '~')
            {
                var item = Item(meeting, step[1..].Split(':')[0]);
                meeting.EditItem(item.Id, step.Split(':')[1], item.Purpose, item.Presenter, item.IsPrivate, reason, Ten).Ok();
            }
        }

        return meeting;
    }

    private static AgendaItem Item(Meeting meeting, string title) => meeting.Items.Single(i => i.Title == title);

    private static string Describe(Meeting meeting) => string.Join(", ", meeting.Agenda.Select(i =>
        string.Join(" ", new[] { i.Number, i.Title, i.IsPrivate ? "private" : null, i.IsWithdrawn ? "withdrawn" : i.LateReason is not null ? "late" : null }.Where(x => x is not null))));
}
