using System.Text.Json.Nodes;
using CoCommissioning.Domain.Common;
using CoCommissioning.Domain.Minutes;
using CoCommissioning.Domain.Quorum;
using CoCommissioning.Domain.Tests.TestSupport;
using static CoCommissioning.Domain.Tests.Minutes.MinutesRecord;
using MinutesAggregate = CoCommissioning.Domain.Minutes.Minutes;

namespace CoCommissioning.Domain.Tests.Minutes;

public sealed class MinutesTests
{
    private static readonly Guid NextMeeting = Guid.NewGuid();
    private static readonly Guid MinutesItem = Guid.NewGuid();
    private static readonly Guid[] ItemIds = [Merger, Finance, Contract];
    private static readonly MinutesActor Secretary = new(Guid.NewGuid(), "Priya Shah", Start.AddDays(1));
    private static readonly MinutesActor AtNextMeeting = new(Guid.NewGuid(), "Priya Shah", Start.AddDays(30).AddMinutes(10));

    private static MinutesApproval Approval(Guid? committeeId = null, Guid? meetingId = null, DateTimeOffset? startsAt = null, string title = "Minutes of the previous meeting") =>
        new(meetingId ?? NextMeeting, committeeId ?? CommitteeId, startsAt ?? Start.AddDays(30), MinutesItem, title);

    private static MinutesAggregate Started() => MinutesAggregate.Start(Guid.NewGuid(), CommitteeId, MeetingId, Secretary);

    private static MinutesAggregate Approved()
    {
        var minutes = Started();
        minutes.EditNarrative(1, Merger, "The committee discussed access.", ItemIds).Succeeded.Should().BeTrue();
        minutes.Approve(1, Approval(), Source(), AtNextMeeting).Failure.Should().BeNull();
        return minutes;
    }

    [Fact]
    public void Start_GivesAnEmptyDraftVersionOne()
    {
        var minutes = Started();

        minutes.Versions.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Number = 1,
            Status = MinutesStatus.Draft,
            CreatedBy = "Priya Shah",
            CreatedAt = Secretary.At,
            CorrectionReason = (string?)null,
            ContentHash = (string?)null,
        });
        minutes.Latest.Narratives.Should().BeEmpty();
    }

    [Fact]
    public void EditNarrative_OnTheDraft_StoresTheMarkdownAsTypedAndMovesTheVersion()
    {
        var minutes = Started();
        var before = minutes.Version;

        var result = minutes.EditNarrative(1, Merger, "  <script>alert(1)</script> **bold**", ItemIds);

        result.Succeeded.Should().BeTrue();
        minutes.Latest.Narratives[Merger].Should().Be("  <script>alert(1)</script> **bold**");
        minutes.Version.Should().NotBe(before);
    }

    [Fact]
    public void EditNarrative_Blank_ClearsIt()
    {
        var minutes = Started();
        minutes.EditNarrative(1, Merger, "Text", ItemIds);

        minutes.EditNarrative(1, Merger, "   ", ItemIds).Succeeded.Should().BeTrue();

        minutes.Latest.Narratives.Should().BeEmpty();
    }

    [Fact]
    public void EditNarrative_TooLong_IsRefusedNamingTheField()
    {
        var minutes = Started();

        var result = minutes.EditNarrative(1, Merger, new string('a', MinutesVersion.NarrativeMaxLength + 1), ItemIds);

        result.Failure.ShouldBeValidation("narrative", "The narrative must be 20000 characters or fewer.");
    }

    [Fact]
    public void EditNarrative_ItemOfAnotherMeeting_IsNotFound()
    {
        Started().EditNarrative(1, Guid.NewGuid(), "Text", ItemIds).Failure.ShouldBeNotFound("The agenda item was not found.");
    }

    [Fact]
    public void EditNarrative_ApprovedVersion_IsRefusedAndUnchanged()
    {
        var minutes = Approved();
        var hash = minutes.Latest.ContentHash;
        var version = minutes.Version;

        var result = minutes.EditNarrative(1, Merger, "Rewritten", ItemIds);

        result.Failure.ShouldBeRuleViolation("Version 1 of the minutes was approved and is fixed. To change it, make a correction: that creates a new version with the reason.");
        minutes.Find(1)!.Narratives[Merger].Should().Be("The committee discussed access.");
        minutes.Find(1)!.ContentHash.Should().Be(hash);
        minutes.Version.Should().Be(version);
    }

    [Fact]
    public void Approve_AtTheNextMeetingsMinutesItem_StoresBothPartsAndTheirHash()
    {
        var minutes = Approved();

        var version = minutes.Find(1)!;
        version.Should().BeEquivalentTo(new
        {
            Status = MinutesStatus.Approved,
            ApprovedAt = AtNextMeeting.At,
            ApprovedBy = "Priya Shah",
            ApprovedAtMeetingId = NextMeeting,
            ApprovedAtItemId = MinutesItem,
        });
        version.ContentHash.Should().MatchRegex("^[0-9a-f]{64}$");
        version.HashVerifies().Should().BeTrue();
        var parts = version.ApprovedParts()!;
        parts.Public.Items.Select(i => i.Number).Should().Equal("1", "2");
        parts.Public.Status.Should().Be("Approved");
        parts.Public.Items[0].Narrative.Should().Be("The committee discussed access.");
        parts.Private.Items.Select(i => i.Number).Should().Equal("3");
        version.ContentHash.Should().Be(MinutesContent.Hash(new MinutesParts(
            MinutesGenerator.Generate(Source(), MinutesPart.Public, 1, MinutesStatus.Approved, version.Narratives),
            MinutesGenerator.Generate(Source(), MinutesPart.Private, 1, MinutesStatus.Approved, version.Narratives))));
    }

    public static TheoryData<string, MinutesApproval, string> Refusals => new()
    {
        { "another committee", Approval(committeeId: Guid.NewGuid()), "Minutes are approved at a later meeting of the same committee: choose that meeting's \"Minutes of the previous meeting\" item." },
        { "the same meeting", Approval(meetingId: MeetingId, startsAt: Start.AddHours(1)), "Minutes are approved at a later meeting of the same committee: choose that meeting's \"Minutes of the previous meeting\" item." },
        { "an earlier meeting", Approval(startsAt: Start.AddDays(-30)), "Minutes are approved at a later meeting of the same committee: choose that meeting's \"Minutes of the previous meeting\" item." },
        { "a meeting at the same time", Approval(startsAt: Start), "Minutes are approved at a later meeting of the same committee: choose that meeting's \"Minutes of the previous meeting\" item." },
        { "another item", Approval(title: "Finance report"), "Minutes are approved at the agenda item \"Minutes of the previous meeting\"; \"Finance report\" is not that item." },
        { "a meeting not started", Approval(startsAt: AtNextMeeting.At.AddMinutes(1)), "The meeting approving the minutes has not started yet: minutes are approved at the meeting." },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Approve_NotAtALaterMeetingsMinutesItem_IsRefusedAndStaysADraft(string why, MinutesApproval approval, string message)
    {
        var minutes = Started();

        var result = minutes.Approve(1, approval, Source(), AtNextMeeting);

        result.Failure.ShouldBeRuleViolation(message);
        minutes.Latest.Status.Should().Be(MinutesStatus.Draft, why);
        minutes.Latest.ContentHash.Should().BeNull();
    }

    [Fact]
    public void Approve_AlreadyApproved_IsRefused()
    {
        var minutes = Approved();
        var hash = minutes.Latest.ContentHash;

        minutes.Approve(1, Approval(), Source() with { MeetingTitle = "Changed" }, AtNextMeeting).Failure.ShouldBeRuleViolation("Version 1 of the minutes is already approved.");
        minutes.Latest.ContentHash.Should().Be(hash);
    }

    [Fact]
    public void Approve_UnknownVersion_IsNotFound()
    {
        Started().Approve(2, Approval(), Source(), AtNextMeeting).Failure.ShouldBeNotFound("The version of the minutes was not found.");
    }

    [Theory]
    [InlineData("Minutes of the previous meeting", true)]
    [InlineData("2. Minutes of the Previous  Meeting and matters arising", true)]
    [InlineData("MINUTES OF THE LAST MEETING", true)]
    [InlineData("Minutes of the previous meetings held in private", false)]
    [InlineData("Previous minutes", false)]
    [InlineData("Action log", false)]
    [InlineData("", false)]
    public void IsMinutesItem_RecognisesTheStandardTitle(string title, bool expected)
    {
        MinutesAggregate.IsMinutesItem(title).Should().Be(expected);
    }

    [Fact]
    public void Correct_ApprovedVersion_CreatesADraftWithTheReasonAndKeepsTheApprovedOneUnchanged()
    {
        var minutes = Approved();
        var approved = minutes.Find(1)!;
        var hash = approved.ContentHash;
        var content = approved.ApprovedContent;
        var correction = new MinutesActor(Guid.NewGuid(), "Priya Shah", AtNextMeeting.At.AddDays(2));

        var result = minutes.Correct(1, "  The tally for item 1 was misread.  ", correction);

        result.Succeeded.Should().BeTrue();
        result.Value!.Should().BeEquivalentTo(new
        {
            Number = 2,
            Status = MinutesStatus.Draft,
            CorrectionReason = "The tally for item 1 was misread.",
            CorrectsVersion = 1,
            CreatedAt = correction.At,
        });
        result.Value!.Narratives.Should().BeEquivalentTo(approved.Narratives);
        minutes.Versions.Select(v => v.Number).Should().BeEquivalentTo([1, 2]);
        approved.Status.Should().Be(MinutesStatus.Approved);
        approved.ContentHash.Should().Be(hash);
        approved.ApprovedContent.Should().Be(content);
        minutes.EditNarrative(2, Merger, "Corrected", ItemIds).Succeeded.Should().BeTrue();
        approved.Narratives[Merger].Should().Be("The committee discussed access.");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void Correct_WithoutAReason_IsRefused(string? reason)
    {
        var minutes = Approved();

        minutes.Correct(1, reason, AtNextMeeting).Failure.ShouldBeValidation("reason", "Enter the reason.");
        minutes.Versions.Should().ContainSingle();
    }

    [Fact]
    public void Correct_ADraft_IsRefused()
    {
        Started().Correct(1, "Typo", Secretary).Failure.ShouldBeRuleViolation("Version 1 is a draft: edit it directly. Only approved minutes are corrected by a new version.");
    }

    [Fact]
    public void Correct_AVersionAlreadyCorrected_IsRefused()
    {
        var minutes = Approved();
        minutes.Correct(1, "Typo", AtNextMeeting);

        minutes.Correct(1, "Another", AtNextMeeting).Failure.ShouldBeRuleViolation("Version 1 has already been corrected: the latest is version 2.");
        minutes.EditNarrative(1, Merger, "x", ItemIds).Failure!.Kind.Should().Be(FailureKind.RuleViolation);
    }

    [Fact]
    public void Correction_IsApprovedLikeAnyDraft()
    {
        var minutes = Approved();
        minutes.Correct(1, "Typo", AtNextMeeting);

        minutes.Approve(2, Approval(), Source(), AtNextMeeting).Succeeded.Should().BeTrue();

        minutes.Versions.Should().OnlyContain(v => v.IsApproved && v.HashVerifies());
        minutes.Find(2)!.ContentHash.Should().NotBe(minutes.Find(1)!.ContentHash, "the version number is part of the document");
    }

    // --- the hash ------------------------------------------------------------------------------------------------

    private static string HashOf(MinutesSource source) => MinutesContent.Hash(new MinutesParts(
        MinutesGenerator.Generate(source, MinutesPart.Public, 1, MinutesStatus.Approved, new Dictionary<Guid, string>()),
        MinutesGenerator.Generate(source, MinutesPart.Private, 1, MinutesStatus.Approved, new Dictionary<Guid, string>())));

    [Fact]
    public void Hash_SameRecord_IsTheSame()
    {
        HashOf(Source()).Should().Be(HashOf(Source()));
    }

    [Fact]
    public void Hash_SameInstantInAnotherOffset_IsTheSame()
    {
        HashOf(Source() with { StartsAt = Start.ToOffset(TimeSpan.FromHours(1)) }).Should().Be(HashOf(Source()));
    }

    public static TheoryData<string, Func<MinutesSource, MinutesSource>> FactChanges => new()
    {
        { "the tally", s => s with { Decisions = [s.Decisions[0] with { Explanation = "Carried: 4 for, 0 against, 0 abstaining (majority of votes cast)." }, s.Decisions[1]] } },
        { "a ruling", s => s with { Rulings = [s.Rulings[0] with { Ruling = ConflictRuling.StaysNoPart }, s.Rulings[1]] } },
        { "an attendance time", s => s with { Attendance = [.. s.Attendance.Take(4), s.Attendance[4] with { LeftAt = null }] } },
        { "an apology", s => s with { Apologies = [s.Apologies[0]] } },
        { "a private item's action", s => s with { Actions = [s.Actions[0], s.Actions[1] with { Owner = "Helen Carter" }, s.Actions[2]] } },
    };

    [Theory]
    [MemberData(nameof(FactChanges))]
    public void Hash_AFactChanges_IsDifferent(string fact, Func<MinutesSource, MinutesSource> change)
    {
        HashOf(change(Source())).Should().NotBe(HashOf(Source()), fact);
    }

    [Fact]
    public void Content_RoundTrips()
    {
        var parts = new MinutesParts(Generate(MinutesPart.Public), Generate(MinutesPart.Private));
        var canonical = MinutesContent.Canonical(parts);

        MinutesContent.Canonical(MinutesContent.Read(canonical)).Should().Be(canonical);
    }

    [Fact]
    public void Content_ApprovedBeforeThePlaceOfTheExclusionAndTheFormatWereRecorded_StillReadsAndHashes()
    {
        // Stored JSON as approved then: no exclusionAfterItems or format, and no times for members there throughout.
        var earlier = JsonNode.Parse(MinutesContent.Canonical(new MinutesParts(Generate(MinutesPart.Public), Generate(MinutesPart.Private))))!;
        foreach (var part in new[] { "public", "private" })
        {
            var document = earlier[part]!.AsObject();
            document.Remove("exclusionAfterItems");
            document.Remove("format");
            foreach (var line in document["present"]!.AsArray())
            {
                if ((string?)line!["times"] == MinutesGenerator.Throughout)
                {
                    line["times"] = null;
                }
            }
        }

        var stored = earlier.ToJsonString();
        var read = MinutesContent.Read(stored);

        read.Public.Should().BeEquivalentTo(new { ExclusionAfterItems = (int?)null, Format = (int?)null });
        read.Public.ItemsBeforeExclusion().Should().Be(read.Public.Items.Count);
        read.Private.ItemsBeforeExclusion().Should().Be(0);
        read.Public.Present.Should().Contain(p => p.Name == "Helen Carter" && p.Times == null);
    }
}
