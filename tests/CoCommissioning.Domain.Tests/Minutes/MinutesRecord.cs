using CoCommissioning.Domain.Decisions;
using CoCommissioning.Domain.Meetings;
using CoCommissioning.Domain.Minutes;
using CoCommissioning.Domain.Quorum;

namespace CoCommissioning.Domain.Tests.Minutes;

/// <summary>
/// A meeting record for the minutes tests, in June so UK local time is UTC+1: the meeting starts at 09:00 UTC,
/// 10:00 in London. Item 1 (public, decided by vote) has Rachel Adams leaving the room; item 2 (public) was noted;
/// item 3 (private, by consensus) has Sarah Whitfield's declaration.
/// </summary>
internal static class MinutesRecord
{
    public static readonly Guid MeetingId = Guid.NewGuid();
    public static readonly Guid CommitteeId = Guid.NewGuid();
    public static readonly Guid Chair = Guid.NewGuid();
    public static readonly Guid ChiefOfficer = Guid.NewGuid();
    public static readonly Guid FinanceOfficer = Guid.NewGuid();
    public static readonly Guid Nurse = Guid.NewGuid();
    public static readonly Guid ViceChair = Guid.NewGuid();
    public static readonly Guid Merger = Guid.NewGuid();
    public static readonly Guid Finance = Guid.NewGuid();
    public static readonly Guid Contract = Guid.NewGuid();

    public static readonly DateTimeOffset Start = new(2027, 6, 10, 9, 0, 0, TimeSpan.Zero);

    /// <summary>UTC hours and minutes on the meeting day.</summary>
    public static DateTimeOffset At(int hour, int minute) => new(2027, 6, 10, hour, minute, 0, TimeSpan.Zero);

    public static MinutesSource Source() => new(
        MeetingId,
        CommitteeId,
        "NHS Riverside ICB",
        "Primary Care Commissioning Committee",
        "PCCC June meeting",
        Start,
        [
            new MinutesMember(Chair, "Helen Carter", "Chair; Lay member"),
            new MinutesMember(ViceChair, "David Okafor", "Vice chair; Lay member"),
            new MinutesMember(ChiefOfficer, "Rachel Adams", "Chief Officer"),
            new MinutesMember(FinanceOfficer, "Mark Benson", "Chief Finance Officer"),
            new MinutesMember(Nurse, "Sarah Whitfield", "Nurse"),
        ],
        [ViceChair, FinanceOfficer],
        [
            new MinutesStretch(Chair, null, At(8, 58), null),
            new MinutesStretch(ChiefOfficer, null, At(9, 0), At(9, 42)),
            new MinutesStretch(ChiefOfficer, null, At(9, 58), null),
            new MinutesStretch(FinanceOfficer, "Lucy Price", At(9, 0), null),
            new MinutesStretch(Nurse, null, At(9, 20), At(10, 30)),
        ],
        [new MinutesGuest("Tom Reed", "Head of Primary Care, for item 1")],
        [
            new MinutesDeclarationSource(ChiefOfficer, "Rachel Adams", Merger, "Spouse is a partner at Riverside Surgery", null, At(9, 35)),
            new MinutesDeclarationSource(Nurse, "Sarah Whitfield", Contract, "Director of the bidding supplier", "Helen Carter", At(10, 10)),
        ],
        [
            new MinutesRulingSource(Merger, ChiefOfficer, "Rachel Adams", "Spouse is a partner at Riverside Surgery", ConflictRuling.LeavesRoom, "Helen Carter", At(9, 40)),
            new MinutesRulingSource(Contract, Nurse, "Sarah Whitfield", "Director of the bidding supplier", ConflictRuling.StaysNoPart, "Helen Carter", At(10, 12)),
        ],
        [new MinutesQuorumSource(Merger, "Helen Carter", "Quorate: 4 voting members present.", At(9, 41))],
        new MinutesExclusionSource(ExclusionResolution.WordingFor(ExclusionResolution.ConfidentialBusiness), At(10, 5)),
        [
            new MinutesItemSource(Merger, "1", "Merger of Riverside and Northgate", ItemPurpose.Decision, "Tom Reed, Head of Primary Care", false, null, null),
            new MinutesItemSource(Finance, "2", "Finance report", ItemPurpose.Information, null, false, ItemOutcomeKind.Noted, null),
            new MinutesItemSource(Contract, "3", "Contract award", ItemPurpose.Decision, null, true, null, null),
        ],
        [
            new MinutesDecisionSource(Merger, DecisionKind.Vote, "Approve the merger.", VoteOutcome.Carried, 3, 0, 1, 4, "Carried: 3 for, 0 against, 1 abstaining (majority of votes cast).", "Helen Carter", "Quorate at the vote.", At(9, 50)),
            new MinutesDecisionSource(Contract, DecisionKind.Consensus, "Award the contract to Northgate Health.", VoteOutcome.Carried, 0, 0, 0, 3, "Agreed by consensus of the 3 members eligible to decide.", "Helen Carter", "Quorate: 3 voting members present.", At(10, 20)),
        ],
        [
            new MinutesActionSource(Merger, "Write to the practices' patients", "Rachel Adams", new DateOnly(2027, 7, 1)),
            new MinutesActionSource(Contract, "Notify the unsuccessful bidders", "Mark Benson", null),
            new MinutesActionSource(null, "Circulate the forward plan", "Helen Carter", null),
        ]);

    public static MinutesDocument Generate(MinutesPart part, MinutesSource? source = null, IReadOnlyDictionary<Guid, string>? narratives = null) =>
        MinutesGenerator.Generate(source ?? Source(), part, 1, MinutesStatus.Draft, narratives ?? new Dictionary<Guid, string>());
}
