using CoCommissioning.Domain.Meetings;
using CoCommissioning.Domain.Quorum;
using CoCommissioning.Domain.Tests.TestSupport;
using static CoCommissioning.Domain.Tests.Meetings.MeetingBuilder;

namespace CoCommissioning.Domain.Tests.Meetings;

/// <summary>
/// Likely conflicts from the register at the meeting: those of the people there must be declared (then ruled on) or
/// dismissed with a reason before the item is decided. Records are written as <see cref="LiveMeeting.Run"/> steps.
/// </summary>
public sealed class PreFlagResolutionTests
{
    private const string Dismissed = "The item is the PCN's estates plan, not the practice.";
    private static readonly DateTimeOffset HalfPast = LiveMeeting.HalfPast;

    // Whose flags count on Mark's seat: his own while he is there, his deputy Lucy's while she stands in.
    [Theory]
    [InlineData(false, Presence.Present, true)]
    [InlineData(false, Presence.DeputyPresent, false)]
    [InlineData(false, Presence.Absent, false)]
    [InlineData(true, Presence.Present, false)]
    [InlineData(true, Presence.DeputyPresent, true)]
    [InlineData(true, Presence.Absent, false)]
    public void OfThoseThere_ByWhoHoldsTheSeat_MembersOrDeputysFlagsOnly(bool deputysFlag, Presence presence, bool counts)
    {
        var flag = new PreFlag(Guid.NewGuid(), Candidate(Mark, deputysFlag), Interest(deputysFlag ? Lucy : Mark.PersonId, Riverside), Riverside);
        var seat = presence switch
        {
            Presence.Present => SeatAtItem.PresentWith(Mark),
            Presence.DeputyPresent => SeatAtItem.Deputised(Mark, "Lucy"),
            _ => SeatAtItem.AbsentFrom(Mark),
        };

        ConflictPreFlags.OfThoseThere([flag], [SeatAtItem.PresentWith(Helen), seat]).Should().HaveCount(counts ? 1 : 0);
    }

    [Fact]
    public void OfThoseThere_SeatNotListed_NoFlags() =>
        ConflictPreFlags.OfThoseThere([new LiveMeeting().Flag(Aisha)], [SeatAtItem.PresentWith(Helen)]).Should().BeEmpty();

    [Fact]
    public void OfThoseThere_FromTheRecord_AbsentPersonsFlagDoesNotHoldUpTheDecision()
    {
        var live = new LiveMeeting();
        var flags = new[] { live.Flag(Aisha), live.Flag(Sarah) };
        live.Run("DismissFlag");

        var there = ConflictPreFlags.OfThoseThere(flags, live.Meeting.SeatsAt(live.Merger.Id, Seats, HalfPast, DeputyNames));

        there.Should().Equal(live.Flag(Aisha));
        live.Meeting.ReadyToDecide(live.Merger.Id, there, NameOf).Succeeded.Should().BeTrue();
    }

    [Theory]
    [InlineData("GP partner, holds a share of the practice's profits.", true, null, "GP partner, holds a share of the practice's profits. Concerns Riverside Surgery. From the register of interests.")]
    [InlineData("GP partner", true, null, "GP partner. Concerns Riverside Surgery. From the register of interests.")]
    [InlineData("Spouse is a sales director at the company.", false, "Spouse", "Spouse is a sales director at the company (indirect: Spouse). Concerns Riverside Surgery. From the register of interests.")]
    [InlineData("A relative works there", false, null, "A relative works there. Concerns Riverside Surgery. From the register of interests.")]
    [InlineData(null, true, null, "An interest in the register. Concerns Riverside Surgery. From the register of interests.")]
    public void DeclarationText_FromTheRegisterEntry_NatureIndirectAndBody(string? nature, bool isDirect, string? relationship, string expected)
    {
        var interest = Interest(Aisha.PersonId, Riverside);
        interest = interest with { Details = nature is null ? null : interest.Details! with { Nature = nature, IsDirect = isDirect, Relationship = relationship } };

        ConflictPreFlags.DeclarationText(new PreFlag(Guid.NewGuid(), Candidate(Aisha), interest, Riverside), "Riverside Surgery").Should().Be(expected);
    }

    [Fact]
    public void DeclareFlag_Open_DeclaredAtTheItemFromTheRegister()
    {
        var live = new LiveMeeting();
        var flag = live.Flag(Aisha);
        var text = ConflictPreFlags.DeclarationText(flag, "Riverside Surgery");

        var declaration = live.Meeting.DeclareFlag(flag, text, "  Sarah ", HalfPast).Ok();

        declaration.ItemId.Should().Be(live.Merger.Id);
        declaration.MembershipId.Should().Be(Aisha.MembershipId);
        declaration.RegisterDeclarationId.Should().Be(live.InterestOf(Aisha).DeclarationId);
        declaration.Interest.Should().Be("GP partner. Concerns Riverside Surgery. From the register of interests.");
        declaration.RaisedBy.Should().Be("Sarah");
        declaration.DeclaredAt.Should().Be(HalfPast);
        live.Meeting.Declarations.Should().ContainSingle().Which.Should().BeSameAs(declaration);
    }

    [Theory]
    [InlineData(1000, 1000)]
    [InlineData(1001, 1000)]
    [InlineData(5000, 1000)]
    public void DeclareFlag_LongText_KeptToTheMaximum(int length, int kept) =>
        new LiveMeeting().Let(live => live.Meeting.DeclareFlag(live.Flag(Aisha), new string('i', length), null, HalfPast)).Ok().Interest.Should().HaveLength(kept);

    [Theory]
    [InlineData(null, "Say why the interest is not relevant to this item: the reason is kept in the record.")]
    [InlineData("", "Say why the interest is not relevant to this item: the reason is kept in the record.")]
    [InlineData("   ", "Say why the interest is not relevant to this item: the reason is kept in the record.")]
    [InlineData("1001", "The reason must be 1000 characters or fewer.")]
    public void DismissFlag_NoReasonOrTooLong_ValidationOnReason(string? reason, string message)
    {
        var live = new LiveMeeting();

        live.Meeting.DismissFlag(live.Flag(Aisha), reason == "1001" ? new string('r', 1001) : reason, Helen.MembershipId, HalfPast).Failure.ShouldBeValidation("reason", message);
        live.Meeting.FlagDismissals.Should().BeEmpty();
    }

    [Fact]
    public void DismissFlag_WithAReason_KeptWithWhoseInterestAndWhoDismissedIt()
    {
        var live = new LiveMeeting();
        var flag = live.Flag(Aisha);

        var dismissal = live.Meeting.DismissFlag(flag, $"  {Dismissed} ", Helen.MembershipId, HalfPast).Ok();

        dismissal.Should().BeEquivalentTo(new
        {
            ItemId = live.Merger.Id,
            Aisha.MembershipId,
            Aisha.PersonId,
            Aisha.Name,
            live.InterestOf(Aisha).DeclarationId,
            Reason = Dismissed,
            DismissedByMembershipId = Helen.MembershipId,
            DismissedAt = HalfPast,
            MeetingId = live.Meeting.Id,
        });
        live.Meeting.DismissalOf(flag).Should().BeSameAs(dismissal);
    }

    // Nobody dismisses their own likely conflict, nor their deputy's in their seat.
    [Theory]
    [InlineData("Aisha", false, "Aisha", false)]
    [InlineData("Mark", true, "Mark", false)]
    [InlineData("Aisha", false, "Helen", true)]
    [InlineData("Mark", true, "Helen", true)]
    public void DismissFlag_ByWhom_NeverTheFlaggedSeat(string seat, bool deputysFlag, string by, bool dismissed)
    {
        var live = new LiveMeeting();
        var flag = new PreFlag(live.Merger.Id, Candidate(SeatNamed(seat), deputysFlag), live.InterestOf(SeatNamed(seat)), Riverside);

        var result = live.Meeting.DismissFlag(flag, Dismissed, SeatNamed(by).MembershipId, HalfPast);

        if (dismissed)
        {
            result.Ok();
        }
        else
        {
            result.Failure.ShouldBeRuleViolation("A member cannot rule on their own conflict: the vice chair (or another unconflicted member) rules instead.");
            live.Meeting.FlagDismissals.Should().BeEmpty();
        }
    }

    [Theory]
    [InlineData("DeclareFlag", "DeclareFlag", "declared")]
    [InlineData("DeclareFlag", "DismissFlag", "declared")]
    [InlineData("DismissFlag", "DeclareFlag", "dismissed")]
    [InlineData("DismissFlag", "DismissFlag", "dismissed")]
    public void DeclareOrDismissFlag_AlreadyResolved_RefusedAndTheFirstStands(string first, string second, string already)
    {
        var live = new LiveMeeting();
        live.Run(first);
        var before = live.Meeting.Snapshot();

        live.Do(second, live.Merger).ShouldBeRuleViolation($"The likely conflict of Aisha on this item is already {already}.");
        live.Meeting.Snapshot().Should().Equal(before);
    }

    // What became of Aisha's likely conflict on the merger, from what was recorded.
    [Theory]
    [InlineData("", false, false)]
    [InlineData("DeclareFlag", true, false)]
    [InlineData("DismissFlag", false, true)]
    [InlineData("DeclareFlag, Rule LeavesRoom", true, false)]
    [InlineData("Declare at the item", false, false)]
    [InlineData("Declare at the start", false, false)]
    [InlineData("DeclareFlag @Finance", false, false)]
    [InlineData("DismissFlag @Finance", false, false)]
    [InlineData("Rachel: DeclareFlag, Rachel: DismissFlag @Finance", false, false)]
    public void IsResolved_FromTheRecord_DeclaredOrDismissedAtThisItem(string record, bool declared, bool dismissed)
    {
        var live = new LiveMeeting();
        live.Run(record);
        var flag = live.Flag(Aisha);

        live.Meeting.IsDeclared(flag).Should().Be(declared);
        (live.Meeting.DismissalOf(flag) is not null).Should().Be(dismissed);
        live.Meeting.IsResolved(flag).Should().Be(declared || dismissed);
    }

    // Aisha and Rachel are there and flagged on the merger; Aisha is flagged on the finance report too, never resolved.
    [Theory]
    [InlineData("", "Nothing was recorded: the register flags likely conflicts on this item for people present that have not been declared or dismissed (Aisha: GP partner.; Rachel: GP partner.). Declare each (the person presiding then rules on it) or dismiss it with a reason first.")]
    [InlineData("Rachel: DismissFlag", "Nothing was recorded: the register flags likely conflicts on this item for people present that have not been declared or dismissed (Aisha: GP partner.). Declare each (the person presiding then rules on it) or dismiss it with a reason first.")]
    [InlineData("DeclareFlag, Rachel: DismissFlag", "Nothing was recorded: the declarations of Aisha on this item await the ruling of the person presiding. Rule on them first.")]
    [InlineData("DeclareFlag, Rachel: DeclareFlag", "Nothing was recorded: the declarations of Aisha, Rachel on this item await the ruling of the person presiding. Rule on them first.")]
    [InlineData("DeclareFlag, Rule DiscussesNoVote, Rachel: DismissFlag", null)]
    [InlineData("DismissFlag, Rachel: DismissFlag", null)]
    [InlineData("DismissFlag, Rachel: DismissFlag, Helen: Declare at the start", "Nothing was recorded: the declarations of Helen on this item await the ruling of the person presiding. Rule on them first.")]
    [InlineData("DismissFlag, Rachel: DeclareFlag, Rachel: Rule LeavesRoom, Sarah: Declare at the item", "Nothing was recorded: the declarations of Sarah on this item await the ruling of the person presiding. Rule on them first.")]
    [InlineData("DismissFlag, Rachel: DeclareFlag, Rachel: Rule LeavesRoom, Sarah: Declare at the item, Sarah: Rule FullPart", null)]
    public void ReadyToDecide_FlagsAndDeclarations_RefusedUntilEachIsResolvedAndRuled(string record, string? refusal)
    {
        var live = new LiveMeeting();
        live.Run(record);

        var result = live.Meeting.ReadyToDecide(live.Merger.Id, [live.Flag(Aisha), live.Flag(Rachel), live.Flag(Aisha, live.Finance)], NameOf);

        if (refusal is null)
        {
            result.Ok();
        }
        else
        {
            result.Failure.ShouldBeRuleViolation(refusal);
        }
    }

    [Fact]
    public void ReadyToDecide_FlagWithoutDetails_NamesAnInterestInTheRegister()
    {
        var live = new LiveMeeting();
        var flag = live.Flag(Aisha) with { Interest = live.InterestOf(Aisha) with { Details = null } };

        live.Meeting.ReadyToDecide(live.Merger.Id, [flag], NameOf).Failure!.Message.Should().Contain("(Aisha: an interest in the register)");
    }

}
