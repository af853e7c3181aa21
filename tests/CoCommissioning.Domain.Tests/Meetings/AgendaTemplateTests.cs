using CoCommissioning.Domain.Meetings;

namespace CoCommissioning.Domain.Tests.Meetings;

public sealed class AgendaTemplateTests
{
    [Fact]
    public void Default_TheRuleBooksStandingItems()
    {
        AgendaTemplate.Default.Select(e => $"{e.Part}: {e.Title} ({e.Purpose})").Should().Equal(
            "Opening: Welcome and apologies (Information)",
            "Opening: Declarations of interest (Information)",
            "Opening: Minutes of the previous meeting (Decision)",
            "Opening: Action log (Discussion)",
            "Closing: Any other business (Discussion)",
            "Closing: Date of next meeting (Information)");
    }

    [Fact]
    public void Create_KeepsOpeningThenClosingInTheOrderGiven()
    {
        var template = AgendaTemplate.Create(Guid.NewGuid(), Guid.NewGuid(),
        [
            new(StandingItem.Closing, "Any other business", ItemPurpose.Discussion),
            new(StandingItem.Opening, " Apologies ", ItemPurpose.Information),
            new(StandingItem.Opening, "Declarations of interest", ItemPurpose.Information),
        ]).Value!;

        template.Entries.Select(e => $"{e.Part}: {e.Title}").Should().Equal("Opening: Apologies", "Opening: Declarations of interest", "Closing: Any other business");
    }

    [Fact]
    public void Create_Empty_Allowed()
    {
        AgendaTemplate.Create(Guid.NewGuid(), Guid.NewGuid(), []).Value!.Entries.Should().BeEmpty();
    }

    [Theory]
    [InlineData("", StandingItem.Opening, ItemPurpose.Information, "entries[0].title")]
    [InlineData("  ", StandingItem.Closing, ItemPurpose.Information, "entries[0].title")]
    [InlineData("Apologies", StandingItem.None, ItemPurpose.Information, "entries[0].part")]
    [InlineData("Apologies", StandingItem.Opening, (ItemPurpose)42, "entries[0].purpose")]
    public void Replace_InvalidEntry_RefusedNamingTheField(string title, StandingItem part, ItemPurpose purpose, string field)
    {
        var template = AgendaTemplate.Create(Guid.NewGuid(), Guid.NewGuid(), AgendaTemplate.Default).Value!;
        var version = template.Version;

        var failure = template.Replace([new(part, title, purpose)]).Failure!;

        failure.FieldErrors!.Should().ContainKey(field);
        template.Version.Should().Be(version);
        template.Entries.Should().HaveCount(6);
    }

    [Fact]
    public void Replace_TooMany_Refused()
    {
        var template = AgendaTemplate.Create(Guid.NewGuid(), Guid.NewGuid(), []).Value!;

        var failure = template.Replace([.. Enumerable.Range(1, AgendaTemplate.MaxEntries + 1).Select(i => new AgendaTemplateEntry(StandingItem.Opening, $"Item {i}", ItemPurpose.Information))]).Failure!;

        failure.FieldErrors!["entries"].Should().Equal("A template has at most 20 standing items.");
    }

    [Fact]
    public void Replace_MovesTheVersion()
    {
        var template = AgendaTemplate.Create(Guid.NewGuid(), Guid.NewGuid(), []).Value!;
        var version = template.Version;

        template.Replace(AgendaTemplate.Default).Succeeded.Should().BeTrue();

        template.Version.Should().NotBe(version);
    }
}
