using CoCommissioning.Domain.Interests;
using CoCommissioning.Domain.Meetings;
using static CoCommissioning.Domain.Tests.Meetings.MeetingBuilder;
using static CoCommissioning.Domain.Tests.TestSupport.Dates;

namespace CoCommissioning.Domain.Tests.Meetings;

/// <summary>The pre-flag rule (ADR-0010), table by table: which register entries flag on a meeting date.</summary>
public sealed class ConflictPreFlagsTests
{
    private const string MeetingDate = "2026-11-26";
    private static readonly Guid Aisha = Guid.NewGuid();
    private static readonly Guid Lucy = Guid.NewGuid();
    private static readonly PreFlagCandidate AishaSeat = new(Guid.NewGuid(), Aisha, "Dr Aisha Rahman", IsDeputy: false);

    [Theory]
    [InlineData(ReviewStatus.Accepted, true)]
    [InlineData(ReviewStatus.Submitted, true)]
    [InlineData(ReviewStatus.ChangesRequested, false)]
    public void Counts_ByReviewStatus(ReviewStatus status, bool counts) =>
        ConflictPreFlags.Counts(Interest(Aisha, Riverside, status: status), D(MeetingDate)).Should().Be(counts);

    [Theory]
    [InlineData("2015-04-01", null, true)]
    [InlineData("2026-11-26", null, true)] // begins on the meeting day
    [InlineData("2026-11-27", null, false)] // begins the day after
    [InlineData("2015-04-01", "2026-11-26", true)] // ends on the meeting day: still held that day
    [InlineData("2015-04-01", "2026-11-25", false)] // ended the day before
    [InlineData("2018-01-01", "2026-08-26", false)] // ended three months ago (the demo federation interest)
    public void Counts_OnlyInterestsCurrentOnTheMeetingDate(string from, string? to, bool counts) =>
        ConflictPreFlags.Counts(Interest(Aisha, Riverside, from: D(from), to: OptionalD(to)), D(MeetingDate)).Should().Be(counts);

    [Fact]
    public void Counts_NilReturnOrNoBody_NeverFlags()
    {
        ConflictPreFlags.Counts(Interest(Aisha, Riverside) with { Kind = DeclarationKind.NilReturn, Details = null }, D(MeetingDate)).Should().BeFalse();
        ConflictPreFlags.Counts(Interest(Aisha, body: null), D(MeetingDate)).Should().BeFalse();
    }

    [Fact]
    public void Counts_WithheldButAccepted_StillFlagsAndSaysSo()
    {
        var withheld = Interest(Aisha, Riverside) with { Withheld = true };

        var flag = ConflictPreFlags.For([Item(Riverside)], [AishaSeat], [withheld], D(MeetingDate)).Should().ContainSingle().Subject;

        flag.Interest.Withheld.Should().BeTrue();
    }

    [Theory]
    [InlineData(true, false, 1)] // the item affects the body the interest concerns
    [InlineData(false, true, 0)] // it affects another body only
    [InlineData(true, true, 1)] // both: one flag for the one interest
    [InlineData(false, false, 0)] // an item naming no body flags nobody
    public void For_MatchesOnTheBodiesTheItemAffects(bool affectsRiverside, bool affectsNorthgate, int expected)
    {
        var bodies = new List<Guid>();
        if (affectsRiverside)
        {
            bodies.Add(Riverside);
        }

        if (affectsNorthgate)
        {
            bodies.Add(Northgate);
        }

        ConflictPreFlags.For([Item([.. bodies])], [AishaSeat], [Interest(Aisha, Riverside)], D(MeetingDate)).Should().HaveCount(expected);
    }

    [Fact]
    public void For_EachItemAndEachInterest_FlaggedSeparately_NotYetReviewedMarked()
    {
        var meeting = Meeting.Schedule(Guid.NewGuid(), Guid.NewGuid(), "PCCC", new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero)).Value!;
        var first = meeting.AddItem("Riverside contract", Domain.Meetings.ItemPurpose.Decision, false, [Riverside]).Value!;
        var second = meeting.AddItem("Merger", Domain.Meetings.ItemPurpose.Decision, false, [Riverside, Northgate]).Value!;
        var accepted = Interest(Aisha, Riverside);
        var unreviewed = Interest(Aisha, Northgate, status: ReviewStatus.Submitted);

        var flags = ConflictPreFlags.For(meeting.Items, [AishaSeat], [accepted, unreviewed], D(MeetingDate));

        flags.Select(f => (f.ItemId, f.Interest.DeclarationId, f.NotYetReviewed)).Should().BeEquivalentTo(
        [
            (first.Id, accepted.DeclarationId, false),
            (second.Id, accepted.DeclarationId, false),
            (second.Id, unreviewed.DeclarationId, true),
        ]);
    }

    [Fact]
    public void For_OnlyCandidatesInterestsCount_DeputiesIncludedAgainstTheirMembersSeat()
    {
        var lucyForMark = new PreFlagCandidate(Guid.NewGuid(), Lucy, "Lucy Price", IsDeputy: true);
        var stranger = Interest(Guid.NewGuid(), Riverside);
        var lucys = Interest(Lucy, Riverside);

        var flags = ConflictPreFlags.For([Item(Riverside)], [AishaSeat, lucyForMark], [stranger, lucys], D(MeetingDate));

        var flag = flags.Should().ContainSingle().Subject;
        flag.Candidate.Should().Be(lucyForMark);
        flag.Interest.DeclarationId.Should().Be(lucys.DeclarationId);
    }

    [Fact]
    public void ChangeAffectedBodies_UnknownItem_NotFound_AndMovesVersionOtherwise()
    {
        var meeting = Meeting.Schedule(Guid.NewGuid(), Guid.NewGuid(), "PCCC", DateTimeOffset.UtcNow).Value!;
        var item = meeting.AddItem("Item", Domain.Meetings.ItemPurpose.Decision, false, [Riverside, Riverside]).Value!;
        item.AffectedBodyIds.Should().Equal(Riverside);
        var version = meeting.Version;

        meeting.ChangeAffectedBodies(Guid.NewGuid(), [Northgate]).Failure!.Kind.Should().Be(Domain.Common.FailureKind.NotFound);
        meeting.ChangeAffectedBodies(item.Id, [Northgate]).Succeeded.Should().BeTrue();

        item.AffectedBodyIds.Should().Equal(Northgate);
        meeting.Version.Should().NotBe(version);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("Not about the practice: the item is the PCN's estates plan.", true)]
    public void Response_Note_IsOptional(string? note, bool succeeds)
    {
        var flag = new PreFlag(Guid.NewGuid(), AishaSeat, Interest(Aisha, Riverside), Riverside);

        PreFlagResponse.Record(Guid.NewGuid(), Guid.NewGuid(), flag, PreFlagAnswer.Dismissed, note, DateTimeOffset.UtcNow).Succeeded.Should().Be(succeeds);
    }

    [Fact]
    public void Response_NoteTooLong_IsAFieldMessageOnNote()
    {
        var flag = new PreFlag(Guid.NewGuid(), AishaSeat, Interest(Aisha, Riverside), Riverside);

        var result = PreFlagResponse.Record(Guid.NewGuid(), Guid.NewGuid(), flag, PreFlagAnswer.Confirmed, new string('x', PreFlagResponse.NoteMaxLength + 1), DateTimeOffset.UtcNow);

        result.Failure!.FieldErrors.Should().ContainKey("note");
    }

    [Fact]
    public void DeclarationText_IsTheRegistersWords_WithOneFullStopEach()
    {
        var flag = new PreFlag(Guid.NewGuid(), AishaSeat, Interest(Aisha, Riverside), Riverside);

        ConflictPreFlags.DeclarationText(flag, "Riverside Surgery").Should().Be("GP partner. Concerns Riverside Surgery. From the register of interests.");
    }

    private static AgendaItem Item(params Guid[] bodies)
    {
        var meeting = Meeting.Schedule(Guid.NewGuid(), Guid.NewGuid(), "PCCC", DateTimeOffset.UtcNow).Value!;
        return meeting.AddItem("Item", Domain.Meetings.ItemPurpose.Decision, false, bodies).Value!;
    }
}
