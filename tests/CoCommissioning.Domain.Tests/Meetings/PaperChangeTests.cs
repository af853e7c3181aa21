using CoCommissioning.Domain.Common;
using CoCommissioning.Domain.Meetings;
using static CoCommissioning.Domain.Tests.Meetings.MeetingBuilder;

namespace CoCommissioning.Domain.Tests.Meetings;

/// <summary>Moving, replacing, removing and re-classifying papers, before and after the agenda is published (ADR-0018).</summary>
public sealed class PaperChangeTests
{
    private static readonly byte[] Pdf = "%PDF-1.4\n"u8.ToArray();

    [Fact]
    public void Replace_NewVersionInTheSameSeries_EarlierSuperseded()
    {
        var (meeting, item, _) = Agenda();
        var first = Paper(meeting, item, isPublic: true);
        var version = meeting.Version;

        var second = MeetingPaper.Replace(meeting, first, null, "merger-v2.pdf", 2000, Pdf, null, Ten).Ok();

        (second.SeriesId, second.VersionNumber, second.IsPublic, second.ItemId, second.Title).Should().Be((first.Id, 2, true, item.Id, first.Title));
        first.SupersededAt.Should().Be(Ten);
        second.IsCurrent.Should().BeTrue();
        meeting.Version.Should().NotBe(version);
    }

    [Fact]
    public void Replace_EarlierVersion_Refused()
    {
        var (meeting, item, _) = Agenda();
        var first = Paper(meeting, item);
        MeetingPaper.Replace(meeting, first, null, "v2.pdf", 2000, Pdf, null, Ten).Ok();

        MeetingPaper.Replace(meeting, first, null, "v3.pdf", 2000, Pdf, null, Ten).Failure!.Message
            .Should().Be("Version 1 of this paper has been replaced: change the current version.");
    }

    [Fact]
    public void Replace_NotAPdf_RefusedOnTheFileField()
    {
        var (meeting, item, _) = Agenda();

        MeetingPaper.Replace(meeting, Paper(meeting, item), null, "v2.pdf", 2000, "MZ"u8.ToArray(), null, Ten).Failure!.FieldErrors!.Should().ContainKey("file");
    }

    [Theory]
    [InlineData(true, false, null)]
    [InlineData(false, false, null)]
    [InlineData(true, true, "itemId")]
    [InlineData(false, true, null)]
    public void MoveTo_PublicPaperToAPrivateItem_Refused(bool isPublic, bool toPrivate, string? refusedField)
    {
        var (meeting, item, other) = Agenda();
        var secret = meeting.AddItem("Contract award", ItemPurpose.Decision, true).Value!;
        var paper = Paper(meeting, item, isPublic);

        var result = paper.MoveTo(meeting, toPrivate ? secret.Id : other.Id, null, Ten);

        if (refusedField is null)
        {
            result.Ok();
            paper.ItemId.Should().Be(toPrivate ? secret.Id : other.Id);
        }
        else
        {
            result.Failure!.FieldErrors!.Should().ContainKey(refusedField);
            paper.ItemId.Should().Be(item.Id);
        }
    }

    [Fact]
    public void ChangeVisibility_PaperOfAPrivateItem_StaysPrivate()
    {
        var (meeting, _, _) = Agenda();
        var secret = meeting.AddItem("Contract award", ItemPurpose.Decision, true).Value!;
        var paper = Paper(meeting, secret);

        paper.ChangeVisibility(meeting, true, null, Ten).Failure!.FieldErrors!["isPublic"].Should().Equal("Item 3 is in the private part, so its papers are private.");
        paper.IsPublic.Should().BeFalse();
    }

    [Fact]
    public void Remove_BeforePublication_TheCallerDeletes()
    {
        var (meeting, item, _) = Agenda();

        Paper(meeting, item).Remove(meeting, null, Ten).Ok().Should().BeTrue();
    }

    [Fact]
    public void Remove_AfterPublication_NeedsAReasonAndStaysListed()
    {
        var (meeting, item, _) = Agenda();
        var paper = Paper(meeting, item, isPublic: true);
        meeting.PublishAgenda(Ten.AddDays(-7), null).Ok();

        paper.Remove(meeting, null, Ten).Failure!.FieldErrors!.Should().ContainKey("reason");
        paper.Remove(meeting, "Superseded by the verbal update", Ten).Ok().Should().BeFalse();

        (paper.RemovedAt, paper.RemovedReason).Should().Be((Ten, "Superseded by the verbal update"));
        paper.ChangeVisibility(meeting, false, "x", Ten).Failure!.Kind.Should().Be(FailureKind.RuleViolation);
    }

    [Fact]
    public void ChangesAfterPublication_KeepTheirReason()
    {
        var (meeting, item, other) = Agenda();
        var paper = Paper(meeting, item, isPublic: true);
        meeting.PublishAgenda(Ten.AddDays(-7), null).Ok();

        paper.MoveTo(meeting, other.Id, "Belongs with the finance report", Ten).Ok();

        paper.LateReason.Should().Be("Belongs with the finance report");
    }

    private static (Meeting Meeting, AgendaItem Item, AgendaItem Other) Agenda()
    {
        var meeting = Meeting.Schedule(Guid.NewGuid(), Guid.NewGuid(), "PCCC November", Ten).Value!;
        var item = meeting.AddItem("Practice merger", ItemPurpose.Decision, false).Value!;
        var other = meeting.AddItem("Finance report", ItemPurpose.Information, false).Value!;
        return (meeting, item, other);
    }

    private static MeetingPaper Paper(Meeting meeting, AgendaItem item, bool isPublic = false) =>
        MeetingPaper.Upload(meeting, item.Id, null, "merger.pdf", 1000, Pdf, isPublic, Ten.AddDays(-8)).Value!;
}
