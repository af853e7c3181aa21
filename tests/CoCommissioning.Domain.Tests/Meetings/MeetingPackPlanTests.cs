using CoCommissioning.Domain.Meetings;

namespace CoCommissioning.Domain.Tests.Meetings;

/// <summary>What goes in each part of the meeting pack, in what order, under which bookmarks; and when it must be built again.</summary>
public sealed class MeetingPackPlanTests
{
    private static readonly DateTimeOffset StartsAt = new(2026, 11, 26, 14, 0, 0, TimeSpan.Zero);

    private static PackPaper Pdf(string title, bool isPublic = true, long size = 1000) =>
        new(Guid.NewGuid(), title, title.ToLowerInvariant().Replace(' ', '-') + ".pdf", "application/pdf", size, isPublic);

    private static PackPaper Word(string title, bool isPublic = true) =>
        new(Guid.NewGuid(), title, title.ToLowerInvariant().Replace(' ', '-') + ".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", 2000, isPublic);

    private static PackItem Item(string number, string title, bool isPrivate = false, params PackPaper[] papers) =>
        new(Guid.NewGuid(), number, title, ItemPurpose.Decision, "Helen Carter", isPrivate, papers);

    private static PackMeeting Meeting(params PackItem[] items) =>
        new("Example ICB", "Primary Care Commissioning Committee", "November meeting", StartsAt, null, items);

    /// <summary>
    /// The agenda used by the table: 1 public (a public PDF, a private PDF, a Word paper), 2 private (a PDF),
    /// 3 public without papers, 10 public, 2.1 public: given out of order.
    /// </summary>
    private static PackMeeting Agenda() => Meeting(
        Item("10", "Any other business"),
        Item("2", "Contract breach", true, Pdf("Breach letter", isPublic: false)),
        Item("1", "Merger", false, Pdf("Merger report"), Pdf("Legal advice", isPublic: false), Word("Finance workbook")),
        Item("2.1", "Breach follow-up", false, Pdf("Follow-up note")),
        Item("3", "Minutes of the last meeting"));

    public static TheoryData<PackPart, string[]> Bookmarks => new()
    {
        {
            PackPart.Public,
            [
                "Item 1: Merger", "  Merger report", "  Finance workbook (attached separately)",
                "Item 2.1: Breach follow-up", "  Follow-up note",
                "Item 3: Minutes of the last meeting",
                "Item 10: Any other business",
            ]
        },
        {
            PackPart.Private,
            [
                "Item 1: Merger (confidential papers)", "  Legal advice",
                "Item 2: Contract breach", "  Breach letter",
            ]
        },
    };

    [Theory]
    [MemberData(nameof(Bookmarks))]
    public void Plan_OrdersItemsByNumberAndKeepsEachPartToItself(PackPart part, string[] expected)
    {
        var plan = MeetingPackPlanner.Plan(Agenda(), part);

        var outline = plan.Items.SelectMany(i => new[] { i.Bookmark }.Concat(i.Papers.Select(p => "  " + p.Bookmark))).ToArray();
        outline.Should().Equal(expected);
        plan.Part.Should().Be(part);
    }

    [Fact]
    public void Plan_EveryPaperIsInExactlyOnePart_AndNoPrivatePaperOrItemIsPublic()
    {
        var agenda = Agenda();

        var publicPlan = MeetingPackPlanner.Plan(agenda, PackPart.Public);
        var privatePlan = MeetingPackPlanner.Plan(agenda, PackPart.Private);

        var publicPapers = publicPlan.Items.SelectMany(i => i.Papers).Select(p => p.Paper).ToList();
        var privatePapers = privatePlan.Items.SelectMany(i => i.Papers).Select(p => p.Paper).ToList();
        publicPapers.Should().OnlyContain(p => p.IsPublic);
        publicPlan.Items.Should().OnlyContain(i => !i.Item.IsPrivate);
        privatePapers.Should().OnlyContain(p => !p.IsPublic);
        publicPapers.Concat(privatePapers).Select(p => p.Id).Should().BeEquivalentTo(agenda.Items.SelectMany(i => i.Papers).Select(p => p.Id));
    }

    [Fact]
    public void Plan_MergesPdfsAndListsOtherFilesAsAttachedSeparately()
    {
        var plan = MeetingPackPlanner.Plan(Agenda(), PackPart.Public);

        plan.Items[0].Papers.Select(p => (p.Paper.Title, p.Merged)).Should().Equal(("Merger report", true), ("Finance workbook", false));
        plan.PaperCount.Should().Be(3);
    }

    [Fact]
    public void Plan_NoPrivateItemsOrPapers_PrivatePartIsEmpty()
    {
        var plan = MeetingPackPlanner.Plan(Meeting(Item("1", "Welcome", false, Pdf("Paper"))), PackPart.Private);

        plan.Items.Should().BeEmpty();
    }

    public static TheoryData<string, Func<PackMeeting, PackMeeting>> Changes => new()
    {
        { "a paper added", m => m with { Items = [.. m.Items.Select((i, n) => n == 2 ? i with { Papers = [.. i.Papers, Pdf("Late paper")] } : i)] } },
        { "a paper replaced (a new id)", m => m with { Items = [.. m.Items.Select((i, n) => n == 2 ? i with { Papers = [i.Papers[0] with { Id = Guid.NewGuid() }, .. i.Papers.Skip(1)] } : i)] } },
        { "a paper's size", m => m with { Items = [.. m.Items.Select((i, n) => n == 2 ? i with { Papers = [i.Papers[0] with { SizeBytes = 1001 }, .. i.Papers.Skip(1)] } : i)] } },
        { "a paper made private", m => m with { Items = [.. m.Items.Select((i, n) => n == 2 ? i with { Papers = [i.Papers[0] with { IsPublic = false }, .. i.Papers.Skip(1)] } : i)] } },
        { "a paper removed", m => m with { Items = [.. m.Items.Select((i, n) => n == 2 ? i with { Papers = [.. i.Papers.Skip(1)] } : i)] } },
        { "an item renumbered", m => m with { Items = [.. m.Items.Select((i, n) => n == 0 ? i with { Number = "11" } : i)] } },
        { "an item retitled", m => m with { Items = [.. m.Items.Select((i, n) => n == 4 ? i with { Title = "Minutes of 22 October" } : i)] } },
        { "the meeting moved", m => m with { StartsAt = m.StartsAt.AddDays(1) } },
        { "a venue set", m => m with { Venue = "Boardroom, Riverside House" } },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void Fingerprint_ChangesWhenWhatThePublicPackShowsChanges(string change, Func<PackMeeting, PackMeeting> apply)
    {
        var agenda = Agenda();

        var before = MeetingPackPlanner.Plan(agenda, PackPart.Public).Fingerprint;
        var after = MeetingPackPlanner.Plan(apply(agenda), PackPart.Public).Fingerprint;

        after.Should().NotBe(before, change);
        before.Should().MatchRegex("^[0-9a-f]{64}$");
    }

    [Fact]
    public void Fingerprint_SameInputs_SameFingerprint_AndAPrivateChangeLeavesThePublicPackAlone()
    {
        var agenda = Agenda();
        var privateRetitled = agenda with { Items = [.. agenda.Items.Select(i => i.IsPrivate ? i with { Title = "Renamed" } : i)] };

        MeetingPackPlanner.Plan(agenda, PackPart.Public).Fingerprint.Should().Be(MeetingPackPlanner.Plan(agenda, PackPart.Public).Fingerprint);
        MeetingPackPlanner.Plan(privateRetitled, PackPart.Public).Fingerprint.Should().Be(MeetingPackPlanner.Plan(agenda, PackPart.Public).Fingerprint);
        MeetingPackPlanner.Plan(privateRetitled, PackPart.Private).Fingerprint.Should().NotBe(MeetingPackPlanner.Plan(agenda, PackPart.Private).Fingerprint);
        MeetingPackPlanner.Plan(agenda, PackPart.Private).Fingerprint.Should().NotBe(MeetingPackPlanner.Plan(agenda, PackPart.Public).Fingerprint);
    }

    [Theory]
    [InlineData(new[] { "3", "1", "2" }, new[] { "1", "2", "3" })]
    [InlineData(new[] { "10", "9", "2.1", "2", "2.10", "2.2" }, new[] { "2", "2.1", "2.2", "2.10", "9", "10" })]
    [InlineData(new[] { "B", "1", "A" }, new[] { "1", "A", "B" })]
    public void InAgendaOrder_ReadsNumbersAsDottedNumbers(string[] given, string[] expected)
    {
        var ordered = MeetingPackPlanner.InAgendaOrder(given.Select(n => Item(n, "Item " + n)));

        ordered.Select(i => i.Number).Should().Equal(expected);
    }
}
