using CoCommissioning.Domain.Decisions;
using CoCommissioning.Domain.Meetings;
using CoCommissioning.Domain.Minutes;
using CoCommissioning.Domain.Quorum;
using static CoCommissioning.Domain.Tests.Minutes.MinutesRecord;

namespace CoCommissioning.Domain.Tests.Minutes;

public sealed class MinutesGeneratorTests
{
    [Theory]
    [InlineData("Helen Carter", "Chair; Lay member", "Throughout")]
    [InlineData("Rachel Adams", "Chief Officer", "Left at 10:42, returned at 10:58")]
    [InlineData("Lucy Price", "Deputy for Mark Benson (Chief Finance Officer)", "Throughout")]
    [InlineData("Sarah Whitfield", "Nurse", "Arrived at 10:20, left at 11:30")]
    public void Generate_Present_ListsEachPersonWithCapacityAndTimesInUkTime(string name, string capacity, string times)
    {
        var document = Generate(MinutesPart.Public);

        document.Present.Should().ContainSingle(p => p.Name == name).Which.Should().Be(new AttendeeLine(name, capacity, times));
    }

    [Theory]
    [InlineData(MinutesPart.Public)]
    [InlineData(MinutesPart.Private)]
    public void Generate_Present_EveryLineHasTimes(MinutesPart part)
    {
        Generate(part).Present.Should().OnlyContain(p => !string.IsNullOrWhiteSpace(p.Times));
    }

    [Theory]
    [InlineData(MinutesPart.Public)]
    [InlineData(MinutesPart.Private)]
    public void Generate_AttendanceApologiesAndInAttendance_AreInBothParts(MinutesPart part)
    {
        var document = Generate(part);

        document.Present.Select(p => p.Name).Should().Equal("Helen Carter", "Rachel Adams", "Lucy Price", "Sarah Whitfield");
        document.Apologies.Should().Equal("David Okafor", "Mark Benson (Lucy Price attended as deputy)");
        document.InAttendance.Should().Equal(new AttendeeLine("Tom Reed", "Head of Primary Care, for item 1", null));
    }

    [Theory]
    [InlineData(8, 59, null, "Throughout")]
    [InlineData(9, 0, null, "Throughout")]
    [InlineData(9, 1, null, "Throughout")]
    [InlineData(9, 2, null, "Arrived at 10:02")]
    [InlineData(9, 5, null, "Arrived at 10:05")]
    [InlineData(9, 0, 11, "Left at 11:00")]
    [InlineData(9, 30, 11, "Arrived at 10:30, left at 11:00")]
    public void Times_OneStretch_SaysThroughoutOrWhenTheyCameAndWent(int arrivedHour, int arrivedMinute, int? leftHour, string expected)
    {
        var stretch = new MinutesStretch(Chair, null, At(arrivedHour, arrivedMinute), leftHour is { } h ? At(h - 1, 0) : null);

        MinutesGenerator.Times(Start, [stretch]).Should().Be(expected);
    }

    [Fact]
    public void Times_InWinter_IsGreenwichMeanTime()
    {
        var start = new DateTimeOffset(2027, 1, 14, 14, 0, 0, TimeSpan.Zero);

        MinutesGenerator.Times(start, [new MinutesStretch(Chair, null, start.AddMinutes(25), null)]).Should().Be("Arrived at 14:25");
    }

    [Fact]
    public void Generate_Declaration_ShowsTheRulingWhoRuledAndWhenTheMemberLeftAndReturned()
    {
        var document = Generate(MinutesPart.Public);

        document.Declarations.Should().ContainSingle().Which.Should().BeEquivalentTo(new DeclarationLine(
            "Rachel Adams",
            "Spouse is a partner at Riverside Surgery",
            null,
            ["Item 1 (Merger of Riverside and Northgate): Helen Carter ruled that Rachel Adams leaves the room for the item. Left the room at 10:42 for item 1 and returned at 10:58."]));
    }

    [Theory]
    [InlineData(null, null, "Left the room at 10:42 for item 1 and did not return.")]
    [InlineData(9, 44, "Left the room at 10:42 for item 1 and returned at 10:44.")]
    public void Generate_LeavesTheRoom_EvidenceFromTheAttendanceStretches(int? returnHour, int? returnMinute, string evidence)
    {
        var source = Source() with
        {
            Attendance =
            [
                new MinutesStretch(ChiefOfficer, null, At(9, 0), At(9, 42)),
                .. returnHour is { } h ? [new MinutesStretch(ChiefOfficer, null, At(h, returnMinute!.Value), null)] : Array.Empty<MinutesStretch>(),
            ],
        };

        Generate(MinutesPart.Public, source).Declarations.Single().Management.Single().Should().EndWith(evidence);
    }

    [Theory]
    [InlineData(9, 55, "No departure is recorded between the ruling and the decision.")]
    [InlineData(9, 38, "Had left the room at 10:38 (before the ruling was recorded) and did not return.")]
    public void Generate_LeavesTheRoom_NoDepartureBetweenRulingAndDecision_SaysWhatTheRecordShows(int leftHour, int leftMinute, string evidence)
    {
        var source = Source() with { Attendance = [new MinutesStretch(ChiefOfficer, null, At(9, 0), At(leftHour, leftMinute))] };

        Generate(MinutesPart.Public, source).Declarations.Single().Management.Single().Should().EndWith(evidence);
    }

    [Fact]
    public void Generate_LeavesTheRoom_DepartureRecordedBeforeTheRuling_GivesItWithTheReturn()
    {
        var source = Source() with
        {
            Attendance = [new MinutesStretch(ChiefOfficer, null, At(9, 0), At(9, 39)), new MinutesStretch(ChiefOfficer, null, At(9, 58), null)],
        };

        Generate(MinutesPart.Public, source).Declarations.Single().Management.Single()
            .Should().EndWith("Had left the room at 10:39 (before the ruling was recorded) and returned at 10:58.");
    }

    [Fact]
    public void Generate_LeavesTheRoom_NeverArrived_SaysTheyWereNotInTheRoom()
    {
        var source = Source() with { Attendance = [] };

        Generate(MinutesPart.Public, source).Declarations.Single().Management.Single().Should().EndWith("Was not in the room when the ruling was recorded.");
    }

    [Fact]
    public void Generate_LeavesTheRoom_NoDecisionAndNoDeparture_SaysSo()
    {
        var source = Source() with { Decisions = [], Attendance = [new MinutesStretch(ChiefOfficer, null, At(9, 0), null)] };

        Generate(MinutesPart.Public, source).Declarations.Single().Management.Single().Should().EndWith("No departure is recorded after the ruling.");
    }

    [Theory]
    [InlineData(ConflictRuling.FullPart, "Item 1 (Merger of Riverside and Northgate): Helen Carter ruled that Rachel Adams takes full part.")]
    [InlineData(ConflictRuling.DiscussesNoVote, "Item 1 (Merger of Riverside and Northgate): Helen Carter ruled that Rachel Adams takes part in discussion but does not vote.")]
    [InlineData(ConflictRuling.StaysNoPart, "Item 1 (Merger of Riverside and Northgate): Helen Carter ruled that Rachel Adams stays in the room but takes no part.")]
    public void Generate_OtherRulings_AreStatedWithWhoRuled(ConflictRuling ruling, string expected)
    {
        var source = Source();
        source = source with { Rulings = [source.Rulings[0] with { Ruling = ruling }, source.Rulings[1]] };

        Generate(MinutesPart.Public, source).Declarations.Single().Management.Should().Equal(expected);
    }

    [Fact]
    public void Generate_DeclarationAtTheStart_IsManagedItemByItemWithinThePart()
    {
        var source = Source();
        source = source with
        {
            Declarations = [new MinutesDeclarationSource(Nurse, "Sarah Whitfield", null, "Practice nurse at Northgate", null, At(9, 21))],
            Rulings = [new MinutesRulingSource(Merger, Nurse, "Sarah Whitfield", "Practice nurse at Northgate", ConflictRuling.DiscussesNoVote, "Helen Carter", At(9, 40))],
        };

        var publicPart = Generate(MinutesPart.Public, source);
        var privatePart = Generate(MinutesPart.Private, source);

        publicPart.Declarations.Should().ContainSingle().Which.Management.Should().Equal("Item 1 (Merger of Riverside and Northgate): Helen Carter ruled that Sarah Whitfield takes part in discussion but does not vote.");
        privatePart.Declarations.Should().ContainSingle().Which.Management.Should().BeEmpty();
    }

    [Fact]
    public void Generate_QuorumConfirmation_IsStatedForTheItem()
    {
        var item = Generate(MinutesPart.Public).Items.Single(i => i.ItemId == Merger);

        item.Quorum.Should().Be("Quorum confirmed by Helen Carter at 10:41. Quorate: 4 voting members present.");
    }

    [Fact]
    public void Generate_NoConfirmationButADecision_GivesTheQuorumWhenDecided()
    {
        var item = Generate(MinutesPart.Private).Items.Single();

        item.Quorum.Should().Be("Quorate when the decision was recorded at 11:20. Quorate: 3 voting members present.");
    }

    [Theory]
    [InlineData(DecisionKind.Vote, VoteOutcome.Carried, "Carried: 3 for, 0 against, 1 abstaining (majority of votes cast).", "RESOLVED (by vote): Approve the merger. Carried: 3 for, 0 against, 1 abstaining (majority of votes cast). Helen Carter presided.")]
    [InlineData(DecisionKind.Vote, VoteOutcome.NotCarried, "Not carried: 1 for, 3 against, 0 abstaining (majority of votes cast).", "Not resolved (by vote): Approve the merger. Not carried: 1 for, 3 against, 0 abstaining (majority of votes cast). Helen Carter presided.")]
    [InlineData(DecisionKind.Vote, VoteOutcome.CarriedOnCastingVote, "Carried on the casting vote of the person presiding: 2 for, 2 against, 0 abstaining, a tie of votes cast.", "RESOLVED (by vote): Approve the merger. Carried on the casting vote of the person presiding: 2 for, 2 against, 0 abstaining, a tie of votes cast. Helen Carter presided.")]
    [InlineData(DecisionKind.Consensus, VoteOutcome.Carried, "Agreed by consensus of the 4 members eligible to decide.", "RESOLVED (by consensus): Approve the merger. Agreed by consensus of the 4 members eligible to decide. Helen Carter presided.")]
    public void Outcome_Decision_GivesTheTallyOrConsensus(DecisionKind kind, VoteOutcome outcome, string explanation, string expected)
    {
        var source = Source();
        var decision = source.Decisions[0] with { Kind = kind, Outcome = outcome, Explanation = explanation };

        MinutesGenerator.Outcome(source.Items[0], decision).Should().Be(expected);
    }

    [Theory]
    [InlineData(ItemOutcomeKind.Noted, null, "Noted.")]
    [InlineData(ItemOutcomeKind.Noted, "With thanks to the team", "Noted: With thanks to the team.")]
    [InlineData(ItemOutcomeKind.Deferred, "To the July meeting", "Deferred: To the July meeting.")]
    [InlineData(ItemOutcomeKind.Referred, "The ICB board", "Referred: The ICB board.")]
    public void Outcome_NotADecision_SaysWhatBecameOfTheItem(ItemOutcomeKind kind, string? note, string expected)
    {
        var item = Source().Items[1] with { Outcome = kind, OutcomeNote = note };

        MinutesGenerator.Outcome(item, null).Should().Be(expected);
    }

    [Theory]
    [InlineData(InquorateAction.Defer, "To the July meeting", "Not quorate: deferred. To the July meeting.")]
    [InlineData(InquorateAction.Refer, "The ICB board", "Not quorate: referred. The ICB board.")]
    public void Outcome_Inquorate_SaysTheChairsChoice(InquorateAction action, string detail, string expected)
    {
        var item = Source().Items[0] with { InquorateAction = action, InquorateDetail = detail };

        MinutesGenerator.Outcome(item, null).Should().Be(expected);
    }

    [Fact]
    public void Generate_PublicPart_HasPublicItemsOnlyAndOnlyTheFactOfTheExclusion()
    {
        var document = Generate(MinutesPart.Public);

        document.Items.Select(i => i.Number).Should().Equal("1", "2");
        document.Declarations.Should().NotContain(d => d.Name == "Sarah Whitfield");
        document.ExclusionResolution.Should().Be("At 11:05 the committee resolved that the public be excluded from the remainder of the meeting.");
        document.Items.SelectMany(i => i.Actions).Select(a => a.Description).Should().Equal("Write to the practices' patients");
        document.GeneralActions.Should().Equal(new ActionLine("Circulate the forward plan", "Helen Carter", null));
    }

    [Fact]
    public void Generate_PrivatePart_HasPrivateItemsTheirDeclarationsAndTheResolutionInFull()
    {
        var document = Generate(MinutesPart.Private);

        document.Items.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            ItemId = Contract,
            Number = "3",
            Title = "Contract award",
            Purpose = "For decision",
            Outcome = "RESOLVED (by consensus): Award the contract to Northgate Health. Agreed by consensus of the 3 members eligible to decide. Helen Carter presided.",
            Actions = new[] { new ActionLine("Notify the unsuccessful bidders", "Mark Benson", null) },
        });
        document.Declarations.Should().ContainSingle().Which.Should().BeEquivalentTo(new DeclarationLine(
            "Sarah Whitfield", "Director of the bidding supplier", "Helen Carter",
            ["Item 3 (Contract award): Helen Carter ruled that Sarah Whitfield stays in the room but takes no part."]));
        document.ExclusionResolution.Should().StartWith("RESOLVED that representatives of the press").And.Contain("the confidential nature of the business");
        document.GeneralActions.Should().BeEmpty();
    }

    [Fact]
    public void Generate_Item_CarriesTheNarrativePurposePresenterAndOutcome()
    {
        var document = Generate(MinutesPart.Public, narratives: new Dictionary<Guid, string> { [Merger] = "The committee **discussed** access." });

        document.Items[0].Should().BeEquivalentTo(new
        {
            Title = "Merger of Riverside and Northgate",
            Purpose = "For decision",
            Presenter = "Tom Reed, Head of Primary Care",
            Narrative = "The committee **discussed** access.",
            Outcome = "RESOLVED (by vote): Approve the merger. Carried: 3 for, 0 against, 1 abstaining (majority of votes cast). Helen Carter presided.",
        });
        document.Items[1].Should().BeEquivalentTo(new { Narrative = "", Outcome = "Noted.", Purpose = "For information", Quorum = (string?)null });
    }

    [Fact]
    public void Generate_WithoutAnExclusion_HasNone()
    {
        var document = Generate(MinutesPart.Public, Source() with { Exclusion = null });

        document.ExclusionResolution.Should().BeNull();
        document.ExclusionAfterItems.Should().BeNull();
    }

    /// <summary>
    /// Agendas as "P" (public) and "X" (private) items numbered from 1: where the resolution stands among the items of
    /// each part. It is passed before the first private item, so it opens the private part and follows the public items
    /// taken before it.
    /// </summary>
    [Theory]
    [InlineData("PPX", MinutesPart.Public, 2)]
    [InlineData("PPX", MinutesPart.Private, 0)]
    [InlineData("PXX", MinutesPart.Public, 1)]
    [InlineData("PXX", MinutesPart.Private, 0)]
    [InlineData("PXP", MinutesPart.Public, 1)]
    [InlineData("PXP", MinutesPart.Private, 0)]
    [InlineData("XPP", MinutesPart.Public, 0)]
    [InlineData("PPP", MinutesPart.Public, 3)]
    [InlineData("PPP", MinutesPart.Private, 0)]
    public void Generate_Exclusion_StandsBeforeTheFirstPrivateItem(string agenda, MinutesPart part, int itemsBefore)
    {
        var source = Source() with
        {
            Items = [.. agenda.Select((kind, i) => new MinutesItemSource(Guid.NewGuid(), $"{i + 1}", $"Item {i + 1}", ItemPurpose.Information, null, kind == 'X', ItemOutcomeKind.Noted, null))],
        };

        var document = Generate(part, source);

        document.ExclusionAfterItems.Should().Be(itemsBefore);
        document.ItemsBeforeExclusion().Should().Be(itemsBefore);
    }

    [Theory]
    [InlineData(MinutesPart.Public, 2)]
    [InlineData(MinutesPart.Private, 0)]
    public void ItemsBeforeExclusion_NotRecorded_AsInMinutesApprovedEarlier_PlacesItByPart(MinutesPart part, int itemsBefore)
    {
        var document = Generate(part) with { ExclusionAfterItems = null };

        document.ItemsBeforeExclusion().Should().Be(itemsBefore);
    }

    [Fact]
    public void Generate_RecordsTheFormatOfItsWording()
    {
        Generate(MinutesPart.Public).Format.Should().Be(MinutesGenerator.Format);
    }
}
