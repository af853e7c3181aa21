using CoCommissioning.Domain.Committees;
using CoCommissioning.Domain.Common;
using CoCommissioning.Domain.Meetings;
using CoCommissioning.Domain.Quorum;
using CoCommissioning.Domain.Tests.TestSupport;
using static CoCommissioning.Domain.Tests.Quorum.RuleBook;

namespace CoCommissioning.Domain.Tests.Meetings;

/// <summary>
/// The meeting record the console writes: agenda publication, the current item, the resolution excluding the public,
/// declarations, quorum confirmations, people in attendance and item outcomes.
/// </summary>
public sealed class MeetingConsoleRecordTests
{
    /// <summary>Friday 27 November 2026, 10:00 UTC.</summary>
    private static readonly DateTimeOffset FridayTen = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset MondayNoon = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset TuesdayNoon = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset WednesdayNoon = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private static readonly Seat Helen = Member("Helen", LayPpi, office: CommitteeOffice.Chair);
    private static readonly Seat Sarah = Member("Sarah", Nurse);
    private static readonly Seat Aisha = Member("Aisha", Gp);
    private static readonly Seat Rachel = Member("Rachel", ChiefOfficer);
    private static readonly Seat[] Seats = [Helen, Sarah, Aisha, Rachel];
    private static readonly string TooLong1000 = new('x', 1001);

    // ----- Versions: every change moves the meeting's or the item's (ItemVersionTests says which); every refusal leaves them and the record alone -----

    public static TheoryData<string> SucceedingCommands => new()
    {
        "PublishAgenda with notice",
        "PublishAgenda short notice with reason",
        "PublishAgenda with notice and a needless reason",
        "TakeItem public",
        "TakeItem private after exclusion",
        "ExcludePublic with reason",
        "ExcludePublic blank reason",
        "Declare at the start",
        "Declare at an item",
        "Declare raised by another",
        "ConfirmQuorum quorate",
        "AddPersonInAttendance",
        "RecordOutcome Noted information",
        "RecordOutcome Noted discussion",
        "RecordOutcome Deferred decision",
        "RecordOutcome Referred with note",
        "AddItem with presenter",
        "AddItem presenter at max length",
    };

    public static TheoryData<string, FailureKind> FailingCommands => new()
    {
        { "PublishAgenda no items", FailureKind.RuleViolation },
        { "PublishAgenda short notice without reason", FailureKind.Validation },
        { "PublishAgenda short notice blank reason", FailureKind.Validation },
        { "PublishAgenda reason too long", FailureKind.Validation },
        { "TakeItem private before exclusion", FailureKind.RuleViolation },
        { "TakeItem unknown", FailureKind.NotFound },
        { "ExcludePublic twice", FailureKind.RuleViolation },
        { "ExcludePublic reason too long", FailureKind.Validation },
        { "Declare unknown item", FailureKind.NotFound },
        { "Declare blank interest", FailureKind.Validation },
        { "Declare interest too long", FailureKind.Validation },
        { "Declare raisedBy too long", FailureKind.Validation },
        { "ConfirmQuorum inquorate", FailureKind.RuleViolation },
        { "ConfirmQuorum unknown item", FailureKind.NotFound },
        { "AddPersonInAttendance blank name", FailureKind.Validation },
        { "AddPersonInAttendance blank capacity", FailureKind.Validation },
        { "RecordOutcome Noted decision", FailureKind.RuleViolation },
        { "RecordOutcome Referred without note", FailureKind.Validation },
        { "RecordOutcome twice", FailureKind.RuleViolation },
        { "RecordOutcome unknown item", FailureKind.NotFound },
        { "RecordOutcome undefined kind", FailureKind.Validation },
        { "RecordOutcome note too long", FailureKind.Validation },
        { "AddItem presenter too long", FailureKind.Validation },
        { "AddItem undefined purpose", FailureKind.Validation },
    };

    [Theory]
    [MemberData(nameof(SucceedingCommands))]
    public void Command_Succeeds_MovesAVersion(string command)
    {
        var scene = Scene.Build(command);
        var versions = scene.Meeting.Versions();

        var failure = scene.Run(command);

        failure.Should().BeNull();
        scene.Meeting.Versions().Should().NotEqual(versions);
    }

    [Theory]
    [MemberData(nameof(FailingCommands))]
    public void Command_Fails_KeepsVersionsAndRecord(string command, FailureKind kind)
    {
        var scene = Scene.Build(command);
        var versions = scene.Meeting.Versions();
        var before = scene.Meeting.Snapshot();

        var failure = scene.Run(command);

        failure.Should().NotBeNull();
        failure!.Kind.Should().Be(kind);
        scene.Meeting.Versions().Should().Equal(versions);
        scene.Meeting.Snapshot().Should().Equal(before);
    }

    // ----- PublishAgenda -----

    [Fact]
    public void PublishAgenda_NoItems_Refused()
    {
        var meeting = Meeting.Schedule(Guid.NewGuid(), Guid.NewGuid(), "PCCC November", FridayTen).Value!;

        meeting.PublishAgenda(MondayNoon, null).Failure.ShouldBeRuleViolation("Add at least one agenda item before publishing the agenda.");
        meeting.AgendaPublishedAt.Should().BeNull();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void PublishAgenda_ShortNoticeWithoutReason_ValidationOnShortNoticeReasonWithTheWarning(string? reason)
    {
        var scene = Scene.Build("");

        var result = scene.Meeting.PublishAgenda(TuesdayNoon, reason);

        result.Failure.ShouldBeValidation("shortNoticeReason", AgendaNotice.ShortNoticeWarning(new DateOnly(2026, 11, 24), new DateOnly(2026, 11, 27))!);
        result.Failure!.Message.Should().Contain("2 clear days");
        scene.Meeting.AgendaPublishedAt.Should().BeNull();
        scene.Meeting.ShortNoticeReason.Should().BeNull();
    }

    [Theory]
    [InlineData("2026-11-24T12:00:00Z", "2 clear days")]
    [InlineData("2026-11-25T12:00:00Z", "1 clear day ")]
    [InlineData("2026-11-26T12:00:00Z", "0 clear days")]
    [InlineData("2026-11-27T08:00:00Z", "0 clear days")]
    public void PublishAgenda_ShortNotice_WarningSaysHowShort(string at, string says)
    {
        var scene = Scene.Build("");

        var result = scene.Meeting.PublishAgenda(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture), null);

        result.Failure!.FieldErrors["shortNoticeReason"].Should().ContainSingle().Which.Should().Contain(says);
    }

    [Fact]
    public void PublishAgenda_ShortNoticeWithReason_PublishedAndReasonKept()
    {
        var scene = Scene.Build("");

        var result = scene.Meeting.PublishAgenda(TuesdayNoon, "  Urgent contract decision agreed by the chair  ");

        result.Succeeded.Should().BeTrue();
        scene.Meeting.AgendaPublishedAt.Should().Be(TuesdayNoon);
        scene.Meeting.ShortNoticeReason.Should().Be("Urgent contract decision agreed by the chair");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Published early")]
    public void PublishAgenda_WithEnoughNotice_PublishedAndNoReasonKept(string? reason)
    {
        var scene = Scene.Build("");

        var result = scene.Meeting.PublishAgenda(MondayNoon, reason);

        result.Succeeded.Should().BeTrue();
        scene.Meeting.AgendaPublishedAt.Should().Be(MondayNoon);
        scene.Meeting.ShortNoticeReason.Should().BeNull();
    }

    [Fact]
    public void PublishAgenda_ReasonTooLong_RefusedOnTheReason()
    {
        var scene = Scene.Build("");

        var result = scene.Meeting.PublishAgenda(TuesdayNoon, TooLong1000);

        result.Failure!.Kind.Should().Be(FailureKind.Validation);
        result.Failure.Message.Should().Be("The short notice reason must be 1000 characters or fewer.");
        // The API camel-cases field names and the Web matches them ignoring case.
        result.Failure.FieldErrors.Keys.Should().ContainSingle().Which.Should().BeEquivalentTo("shortNoticeReason");
    }

    // ----- TakeItem and ExcludePublic -----

    [Theory]
    [InlineData(false, false, true)]
    [InlineData(false, true, true)]
    [InlineData(true, false, false)]
    [InlineData(true, true, true)]
    public void TakeItem_PrivateOnlyAfterExclusion(bool isPrivate, bool excluded, bool taken)
    {
        var scene = Scene.Build("");
        if (excluded)
        {
            scene.Meeting.ExcludePublic(null, FridayTen.AddHours(1)).Succeeded.Should().BeTrue();
        }

        var item = isPrivate ? scene.Private : scene.Decision;

        var result = scene.Meeting.TakeItem(item.Id, FridayTen);

        result.Succeeded.Should().Be(taken);
        scene.Meeting.CurrentItemId.Should().Be(taken ? item.Id : null);
        if (!taken)
        {
            result.Failure.ShouldBeRuleViolation("This item is in the private part: pass the resolution excluding the public before taking it.");
        }
    }

    [Fact]
    public void TakeItem_UnknownItem_NotFound()
    {
        var scene = Scene.Build("");

        scene.Meeting.TakeItem(Guid.NewGuid(), FridayTen).Failure.ShouldBeNotFound("The agenda item was not found.");
    }

    [Fact]
    public void TakeItem_Another_MovesTheCurrentItem()
    {
        var scene = Scene.Build("");
        scene.Meeting.TakeItem(scene.Decision.Id, FridayTen);

        scene.Meeting.TakeItem(scene.Information.Id, FridayTen).Succeeded.Should().BeTrue();

        scene.Meeting.CurrentItemId.Should().Be(scene.Information.Id);
    }

    [Theory]
    [InlineData(null, ExclusionResolution.ConfidentialBusiness)]
    [InlineData("", ExclusionResolution.ConfidentialBusiness)]
    [InlineData("   ", ExclusionResolution.ConfidentialBusiness)]
    [InlineData("  the commercial terms of the tender  ", "the commercial terms of the tender")]
    public void ExcludePublic_Reason_BlankUsesTheConfidentialBusinessGround(string? reason, string stated)
    {
        var scene = Scene.Build("");
        var at = FridayTen.AddHours(1);

        scene.Meeting.ExcludePublic(reason, at).Succeeded.Should().BeTrue();

        scene.Meeting.Exclusion.Should().Be(new ExclusionResolution(stated, ExclusionResolution.WordingFor(stated), at));
        scene.Meeting.Exclusion!.Wording.Should().Contain("Public Bodies (Admission to Meetings) Act 1960").And.Contain(stated);
    }

    [Fact]
    public void ExcludePublic_SecondTime_RefusedAndFirstKept()
    {
        var scene = Scene.Build("");
        var first = new DateTimeOffset(2026, 11, 27, 11, 5, 0, TimeSpan.Zero);
        scene.Meeting.ExcludePublic("the commercial terms of the tender", first);

        var result = scene.Meeting.ExcludePublic(null, first.AddMinutes(10));

        result.Failure.ShouldBeRuleViolation("The public have already been excluded: the resolution is recorded.");
        scene.Meeting.Exclusion!.Reason.Should().Be("the commercial terms of the tender");
        scene.Meeting.Exclusion.PassedAt.Should().Be(first);
    }

    [Theory]
    [InlineData(1000, true)]
    [InlineData(1001, false)]
    public void ExcludePublic_ReasonLength_MaxAccepted(int length, bool accepted)
    {
        var scene = Scene.Build("");

        var result = scene.Meeting.ExcludePublic(new string('r', length), FridayTen);

        result.Succeeded.Should().Be(accepted);
        if (!accepted)
        {
            result.Failure.ShouldBeValidation("reason", "The reason must be 1000 characters or fewer.");
            scene.Meeting.Exclusion.Should().BeNull();
        }
    }

    // ----- Declare -----

    [Fact]
    public void Declare_UnknownItem_NotFound()
    {
        var scene = Scene.Build("");

        scene.Meeting.Declare(Aisha.MembershipId, Guid.NewGuid(), "Partner at Riverside Surgery", null, FridayTen)
            .Failure.ShouldBeNotFound("The agenda item was not found.");
        scene.Meeting.Declarations.Should().BeEmpty();
    }

    [Theory]
    [InlineData(null, "Enter the interest.")]
    [InlineData("", "Enter the interest.")]
    [InlineData("  ", "Enter the interest.")]
    [InlineData(1001, "The interest must be 1000 characters or fewer.")]
    public void Declare_BadInterest_NamesTheField(object? interest, string message)
    {
        var scene = Scene.Build("");
        var text = interest is int length ? new string('i', length) : (string?)interest;

        scene.Meeting.Declare(Aisha.MembershipId, scene.Decision.Id, text, null, FridayTen).Failure.ShouldBeValidation("interest", message);
    }

    [Fact]
    public void Declare_RaisedByTooLong_NamesTheField()
    {
        var scene = Scene.Build("");

        scene.Meeting.Declare(Aisha.MembershipId, null, "Partner at Riverside Surgery", new string('r', 201), FridayTen)
            .Failure.ShouldBeValidation("raisedBy", "The raised by must be 200 characters or fewer.");
    }

    [Theory]
    [InlineData(false, null, null)]
    [InlineData(false, "  Helen (chair)  ", "Helen (chair)")]
    [InlineData(true, null, null)]
    [InlineData(true, "Sarah", "Sarah")]
    [InlineData(true, "   ", null)]
    public void Declare_Recorded_WithItemAndRaisedBy(bool atItem, string? raisedBy, string? kept)
    {
        var scene = Scene.Build("");
        Guid? itemId = atItem ? scene.Decision.Id : null;

        var declaration = scene.Meeting.Declare(Aisha.MembershipId, itemId, "  Partner at Riverside Surgery  ", raisedBy, FridayTen).Value!;

        declaration.ItemId.Should().Be(itemId);
        declaration.MembershipId.Should().Be(Aisha.MembershipId);
        declaration.Interest.Should().Be("Partner at Riverside Surgery");
        declaration.RaisedBy.Should().Be(kept);
        declaration.DeclaredAt.Should().Be(FridayTen);
        declaration.MeetingId.Should().Be(scene.Meeting.Id);
        declaration.OrganisationId.Should().Be(scene.Meeting.OrganisationId);
        scene.Meeting.Declarations.Should().ContainSingle().Which.Should().BeSameAs(declaration);
    }

    // Where: null at the start, or the item the declaration was made at. Asked about: the item Concerns is given.
    [Theory]
    [InlineData(null, "Decision", true)]
    [InlineData(null, "Private", true)]
    [InlineData(null, "Unknown", true)]
    [InlineData("Decision", "Decision", true)]
    [InlineData("Decision", "Information", false)]
    [InlineData("Decision", "Private", false)]
    [InlineData("Private", "Private", true)]
    [InlineData("Private", "Unknown", false)]
    public void Concerns_AtTheStartEveryItem_AtAnItemThatItemOnly(string? madeAt, string askedAbout, bool concerns)
    {
        var scene = Scene.Build("");
        var declaration = scene.Meeting.Declare(Aisha.MembershipId, madeAt is null ? null : scene.Item(madeAt).Id, "Partner at Riverside Surgery", null, FridayTen).Value!;

        declaration.Concerns(askedAbout == "Unknown" ? Guid.NewGuid() : scene.Item(askedAbout).Id).Should().Be(concerns);
    }

    // ----- ConfirmQuorum -----

    [Fact]
    public void ConfirmQuorum_Inquorate_RefusedWithTheExplanation()
    {
        var scene = Scene.Build("");
        var verdict = QuorumEvaluator.Evaluate(Site4, [SeatAtItem.PresentWith(Helen), SeatAtItem.AbsentFrom(Sarah), SeatAtItem.AbsentFrom(Aisha), SeatAtItem.AbsentFrom(Rachel)], RoleNames);
        verdict.IsQuorate.Should().BeFalse();

        var result = scene.Meeting.ConfirmQuorum(scene.Decision.Id, Helen.MembershipId, verdict.IsQuorate, verdict.Explanation, FridayTen);

        result.Failure.ShouldBeRuleViolation("The item is not quorate, so quorum cannot be confirmed. " + verdict.Explanation);
        scene.Meeting.QuorumConfirmations.Should().BeEmpty();
    }

    [Fact]
    public void ConfirmQuorum_Quorate_RecordedWithTimeAndPresidingMembership()
    {
        var scene = Scene.Build("");
        var verdict = QuorumEvaluator.Evaluate(Site4, [.. Seats.Select(s => SeatAtItem.PresentWith(s))], RoleNames);
        verdict.IsQuorate.Should().BeTrue();
        var at = FridayTen.AddMinutes(12);

        var confirmation = scene.Meeting.ConfirmQuorum(scene.Decision.Id, Helen.MembershipId, verdict.IsQuorate, verdict.Explanation, at).Value!;

        confirmation.ItemId.Should().Be(scene.Decision.Id);
        confirmation.ConfirmedByMembershipId.Should().Be(Helen.MembershipId);
        confirmation.ConfirmedAt.Should().Be(at);
        confirmation.Explanation.Should().Be(verdict.Explanation);
        confirmation.MeetingId.Should().Be(scene.Meeting.Id);
        scene.Meeting.QuorumConfirmations.Should().ContainSingle().Which.Should().BeSameAs(confirmation);
    }

    [Theory]
    [InlineData(4000, 4000)]
    [InlineData(4001, 4000)]
    [InlineData(9000, 4000)]
    public void ConfirmQuorum_LongExplanation_KeptToTheMaximum(int length, int kept)
    {
        var scene = Scene.Build("");

        var confirmation = scene.Meeting.ConfirmQuorum(scene.Decision.Id, Helen.MembershipId, true, new string('q', length), FridayTen).Value!;

        confirmation.Explanation.Should().HaveLength(kept);
    }

    [Fact]
    public void ConfirmQuorum_UnknownItem_NotFound()
    {
        var scene = Scene.Build("");

        scene.Meeting.ConfirmQuorum(Guid.NewGuid(), Helen.MembershipId, true, "Quorate.", FridayTen).Failure.ShouldBeNotFound("The agenda item was not found.");
    }

    // ----- AddPersonInAttendance -----

    [Theory]
    [InlineData(null, "Head of Primary Care", "name", "Enter the name.")]
    [InlineData("  ", "Head of Primary Care", "name", "Enter the name.")]
    [InlineData("Tom Reid", null, "capacity", "Enter the capacity.")]
    [InlineData("Tom Reid", " ", "capacity", "Enter the capacity.")]
    [InlineData("201", "Head of Primary Care", "name", "The name must be 200 characters or fewer.")]
    [InlineData("Tom Reid", "301", "capacity", "The capacity must be 300 characters or fewer.")]
    public void AddPersonInAttendance_BothRequired(string? name, string? capacity, string field, string message)
    {
        var scene = Scene.Build("");

        var result = scene.Meeting.AddPersonInAttendance(Lengthen(name, 'n'), Lengthen(capacity, 'c'), FridayTen);

        result.Failure.ShouldBeValidation(field, message);
        scene.Meeting.InAttendance.Should().BeEmpty();
    }

    [Fact]
    public void AddPersonInAttendance_Valid_RecordedTrimmed()
    {
        var scene = Scene.Build("");

        var person = scene.Meeting.AddPersonInAttendance("  Tom Reid ", " Head of Primary Care, ICB ", FridayTen).Value!;

        person.Name.Should().Be("Tom Reid");
        person.Capacity.Should().Be("Head of Primary Care, ICB");
        person.RecordedAt.Should().Be(FridayTen);
        scene.Meeting.InAttendance.Should().ContainSingle().Which.Should().BeSameAs(person);
    }

    // ----- RecordOutcome -----

    [Theory]
    [InlineData("Decision", ItemOutcomeKind.Noted, null, false)]
    [InlineData("Private", ItemOutcomeKind.Noted, "Noted", false)]
    [InlineData("Information", ItemOutcomeKind.Noted, null, true)]
    [InlineData("Discussion", ItemOutcomeKind.Noted, "The committee noted the update", true)]
    [InlineData("Decision", ItemOutcomeKind.Deferred, null, true)]
    [InlineData("Information", ItemOutcomeKind.Deferred, "Papers late", true)]
    [InlineData("Decision", ItemOutcomeKind.Referred, "To the ICB board", true)]
    [InlineData("Discussion", ItemOutcomeKind.Referred, "To the quality committee", true)]
    [InlineData("Decision", ItemOutcomeKind.Referred, null, false)]
    [InlineData("Information", ItemOutcomeKind.Referred, "   ", false)]
    public void RecordOutcome_ByPurposeAndKind(string item, ItemOutcomeKind outcome, string? note, bool accepted)
    {
        var scene = Scene.Build("");
        var target = scene.Item(item);
        var at = FridayTen.AddMinutes(40);

        var result = scene.Meeting.RecordOutcome(target.Id, outcome, note, at);

        result.Succeeded.Should().Be(accepted);
        target.Outcome.Should().Be(accepted ? outcome : null);
        target.OutcomeNote.Should().Be(accepted ? note?.Trim() : null);
        target.OutcomeAt.Should().Be(accepted ? at : null);
    }

    [Fact]
    public void RecordOutcome_NotedOnADecisionItem_RefusedWithWhatToDo() =>
        Scene.Build("").Let(s => s.Meeting.RecordOutcome(s.Decision.Id, ItemOutcomeKind.Noted, null, FridayTen))
            .Failure.ShouldBeRuleViolation("This item is for decision: record a vote or a consensus decision, or defer or refer it.");

    [Fact]
    public void RecordOutcome_ReferredWithoutNote_AsksWhere() =>
        Scene.Build("").Let(s => s.Meeting.RecordOutcome(s.Decision.Id, ItemOutcomeKind.Referred, " ", FridayTen))
            .Failure.ShouldBeValidation("note", "Say where the item is referred to (the governing body or which committee).");

    [Theory]
    [InlineData(ItemOutcomeKind.Noted, "noted")]
    [InlineData(ItemOutcomeKind.Deferred, "deferred")]
    [InlineData(ItemOutcomeKind.Referred, "referred")]
    public void RecordOutcome_Second_RefusedAndFirstKept(ItemOutcomeKind first, string said)
    {
        var scene = Scene.Build("");
        scene.Meeting.RecordOutcome(scene.Discussion.Id, first, "To the ICB board", FridayTen).Succeeded.Should().BeTrue();

        var result = scene.Meeting.RecordOutcome(scene.Discussion.Id, ItemOutcomeKind.Deferred, null, FridayTen.AddMinutes(5));

        result.Failure.ShouldBeRuleViolation($"Item 2 is already decided or concluded ({said}): the declarations, rulings and outcome it closed on are the record and cannot change.");
        scene.Discussion.Outcome.Should().Be(first);
        scene.Discussion.OutcomeAt.Should().Be(FridayTen);
    }

    [Fact]
    public void RecordOutcome_UnknownItem_NotFound() =>
        Scene.Build("").Meeting.RecordOutcome(Guid.NewGuid(), ItemOutcomeKind.Deferred, null, FridayTen).Failure.ShouldBeNotFound("The agenda item was not found.");

    [Fact]
    public void RecordOutcome_UndefinedKind_Refused() =>
        Scene.Build("").Let(s => s.Meeting.RecordOutcome(s.Discussion.Id, (ItemOutcomeKind)99, null, FridayTen))
            .Failure.ShouldBeValidation("outcome", "Choose noted, deferred or referred.");

    [Fact]
    public void RecordOutcome_NoteTooLong_Refused() =>
        Scene.Build("").Let(s => s.Meeting.RecordOutcome(s.Discussion.Id, ItemOutcomeKind.Deferred, new string('n', 2001), FridayTen))
            .Failure.ShouldBeValidation("note", "The note must be 2000 characters or fewer.");

    // ----- AddItem: presenter and purpose -----

    [Theory]
    [InlineData(null, null)]
    [InlineData("   ", null)]
    [InlineData("  Dr Patel, Clinical Director  ", "Dr Patel, Clinical Director")]
    [InlineData("200", "200")]
    public void AddItem_Presenter_OptionalAndTrimmed(string? presenter, string? kept)
    {
        var scene = Scene.Build("");

        var item = scene.Meeting.AddItem("Estates update", ItemPurpose.Information, false, presenter: Lengthen(presenter, 'p')).Value!;

        item.Presenter.Should().Be(Lengthen(kept, 'p'));
    }

    [Fact]
    public void AddItem_PresenterTooLong_Refused()
    {
        var scene = Scene.Build("");
        var count = scene.Meeting.Items.Count;

        var result = scene.Meeting.AddItem("Estates update", ItemPurpose.Information, false, presenter: new string('p', 201));

        result.Failure.ShouldBeValidation("Presenter", "The presenter must be 200 characters or fewer.");
        scene.Meeting.Items.Should().HaveCount(count);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    [InlineData(42)]
    public void AddItem_UndefinedPurpose_Refused(int purpose)
    {
        var scene = Scene.Build("");
        var count = scene.Meeting.Items.Count;

        var result = scene.Meeting.AddItem("Estates update", (ItemPurpose)purpose, false);

        result.Failure.ShouldBeValidation("Purpose", "Choose the purpose: decision, discussion or information.");
        scene.Meeting.Items.Should().HaveCount(count);
    }

    [Theory]
    [InlineData(ItemPurpose.Decision)]
    [InlineData(ItemPurpose.Discussion)]
    [InlineData(ItemPurpose.Information)]
    public void AddItem_EachPurpose_Accepted(ItemPurpose purpose) =>
        Scene.Build("").Meeting.AddItem("Estates update", purpose, false).Value!.Purpose.Should().Be(purpose);

    // A table cell of digits stands for a string of that many characters.
    private static string? Lengthen(string? cell, char fill) => cell is not null && int.TryParse(cell, out var n) ? new string(fill, n) : cell;

    /// <summary>
    /// A Friday meeting with a public decision item, a discussion item, an information item and a private decision
    /// item; what each command needs first is done in <see cref="Build"/>, before the version is read.
    /// </summary>
    private sealed record Scene(Meeting Meeting, AgendaItem Decision, AgendaItem Discussion, AgendaItem Information, AgendaItem Private)
    {
        public static Scene Build(string command)
        {
            var meeting = Meeting.Schedule(Guid.NewGuid(), Guid.NewGuid(), "PCCC November", FridayTen).Value!;
            if (command == "PublishAgenda no items")
            {
                return new Scene(meeting, null!, null!, null!, null!);
            }

            var scene = new Scene(
                meeting,
                meeting.AddItem("Practice merger: Riverside and Northgate", ItemPurpose.Decision, false).Value!,
                meeting.AddItem("Access recovery plan", ItemPurpose.Discussion, false, presenter: "Tom Reid, Head of Primary Care").Value!,
                meeting.AddItem("Finance report", ItemPurpose.Information, false).Value!,
                meeting.AddItem("APMS contract award", ItemPurpose.Decision, true).Value!);

            switch (command)
            {
                case "TakeItem private after exclusion":
                case "ExcludePublic twice":
                    meeting.ExcludePublic(null, FridayTen.AddHours(1)).Succeeded.Should().BeTrue();
                    break;
                case "RecordOutcome twice":
                    meeting.RecordOutcome(scene.Discussion.Id, ItemOutcomeKind.Deferred, null, FridayTen).Succeeded.Should().BeTrue();
                    break;
            }

            return scene;
        }

        public AgendaItem Item(string name) => name switch
        {
            "Decision" => Decision,
            "Discussion" => Discussion,
            "Information" => Information,
            "Private" => Private,
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
        };

        public Failure? Run(string command) => command switch
        {
            "PublishAgenda with notice" => Meeting.PublishAgenda(MondayNoon, null).Failure,
            "PublishAgenda short notice with reason" => Meeting.PublishAgenda(TuesdayNoon, "Urgent contract decision").Failure,
            "PublishAgenda with notice and a needless reason" => Meeting.PublishAgenda(MondayNoon, "Published early").Failure,
            "TakeItem public" => Meeting.TakeItem(Decision.Id, FridayTen).Failure,
            "TakeItem private after exclusion" => Meeting.TakeItem(Private.Id, FridayTen).Failure,
            "ExcludePublic with reason" => Meeting.ExcludePublic("the commercial terms of the tender", FridayTen).Failure,
            "ExcludePublic blank reason" => Meeting.ExcludePublic(" ", FridayTen).Failure,
            "Declare at the start" => Meeting.Declare(Aisha.MembershipId, null, "Partner at Riverside Surgery", null, FridayTen).Failure,
            "Declare at an item" => Meeting.Declare(Aisha.MembershipId, Decision.Id, "Partner at Riverside Surgery", null, FridayTen).Failure,
            "Declare raised by another" => Meeting.Declare(Aisha.MembershipId, Decision.Id, "Partner at Riverside Surgery", "Sarah", FridayTen).Failure,
            "ConfirmQuorum quorate" => Meeting.ConfirmQuorum(Decision.Id, Helen.MembershipId, true, "Quorate.", FridayTen).Failure,
            "AddPersonInAttendance" => Meeting.AddPersonInAttendance("Tom Reid", "Head of Primary Care", FridayTen).Failure,
            "RecordOutcome Noted information" => Meeting.RecordOutcome(Information.Id, ItemOutcomeKind.Noted, null, FridayTen).Failure,
            "RecordOutcome Noted discussion" => Meeting.RecordOutcome(Discussion.Id, ItemOutcomeKind.Noted, null, FridayTen).Failure,
            "RecordOutcome Deferred decision" => Meeting.RecordOutcome(Decision.Id, ItemOutcomeKind.Deferred, null, FridayTen).Failure,
            "RecordOutcome Referred with note" => Meeting.RecordOutcome(Decision.Id, ItemOutcomeKind.Referred, "To the ICB board", FridayTen).Failure,
            "AddItem with presenter" => Meeting.AddItem("Estates update", ItemPurpose.Information, false, presenter: "Dr Patel").Failure,
            "AddItem presenter at max length" => Meeting.AddItem("Estates update", ItemPurpose.Information, false, presenter: new string('p', 200)).Failure,

            "PublishAgenda no items" => Meeting.PublishAgenda(MondayNoon, null).Failure,
            "PublishAgenda short notice without reason" => Meeting.PublishAgenda(TuesdayNoon, null).Failure,
            "PublishAgenda short notice blank reason" => Meeting.PublishAgenda(WednesdayNoon, "  ").Failure,
            "PublishAgenda reason too long" => Meeting.PublishAgenda(TuesdayNoon, TooLong1000).Failure,
            "TakeItem private before exclusion" => Meeting.TakeItem(Private.Id, FridayTen).Failure,
            "TakeItem unknown" => Meeting.TakeItem(Guid.NewGuid(), FridayTen).Failure,
            "ExcludePublic twice" => Meeting.ExcludePublic("another reason", FridayTen.AddHours(2)).Failure,
            "ExcludePublic reason too long" => Meeting.ExcludePublic(TooLong1000, FridayTen).Failure,
            "Declare unknown item" => Meeting.Declare(Aisha.MembershipId, Guid.NewGuid(), "Partner at Riverside Surgery", null, FridayTen).Failure,
            "Declare blank interest" => Meeting.Declare(Aisha.MembershipId, Decision.Id, " ", null, FridayTen).Failure,
            "Declare interest too long" => Meeting.Declare(Aisha.MembershipId, Decision.Id, TooLong1000, null, FridayTen).Failure,
            "Declare raisedBy too long" => Meeting.Declare(Aisha.MembershipId, Decision.Id, "Partner at Riverside Surgery", new string('r', 201), FridayTen).Failure,
            "ConfirmQuorum inquorate" => Meeting.ConfirmQuorum(Decision.Id, Helen.MembershipId, false, "Not quorate.", FridayTen).Failure,
            "ConfirmQuorum unknown item" => Meeting.ConfirmQuorum(Guid.NewGuid(), Helen.MembershipId, true, "Quorate.", FridayTen).Failure,
            "AddPersonInAttendance blank name" => Meeting.AddPersonInAttendance(" ", "Head of Primary Care", FridayTen).Failure,
            "AddPersonInAttendance blank capacity" => Meeting.AddPersonInAttendance("Tom Reid", null, FridayTen).Failure,
            "RecordOutcome Noted decision" => Meeting.RecordOutcome(Decision.Id, ItemOutcomeKind.Noted, null, FridayTen).Failure,
            "RecordOutcome Referred without note" => Meeting.RecordOutcome(Decision.Id, ItemOutcomeKind.Referred, null, FridayTen).Failure,
            "RecordOutcome twice" => Meeting.RecordOutcome(Discussion.Id, ItemOutcomeKind.Noted, null, FridayTen).Failure,
            "RecordOutcome unknown item" => Meeting.RecordOutcome(Guid.NewGuid(), ItemOutcomeKind.Deferred, null, FridayTen).Failure,
            "RecordOutcome undefined kind" => Meeting.RecordOutcome(Discussion.Id, (ItemOutcomeKind)7, null, FridayTen).Failure,
            "RecordOutcome note too long" => Meeting.RecordOutcome(Discussion.Id, ItemOutcomeKind.Deferred, new string('n', 2001), FridayTen).Failure,
            "AddItem presenter too long" => Meeting.AddItem("Estates update", ItemPurpose.Information, false, presenter: new string('p', 201)).Failure,
            "AddItem undefined purpose" => Meeting.AddItem("Estates update", (ItemPurpose)3, false).Failure,
            _ => throw new ArgumentOutOfRangeException(nameof(command), command, null),
        };
    }
}

internal static class SceneExtensions
{
    /// <summary>Runs <paramref name="act"/> on a value built inline, for one-line arrange-and-act tests.</summary>
    public static TResult Let<T, TResult>(this T value, Func<T, TResult> act) => act(value);
}
