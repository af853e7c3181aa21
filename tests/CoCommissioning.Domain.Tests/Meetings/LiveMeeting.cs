using CoCommissioning.Domain.Common;
using CoCommissioning.Domain.Meetings;
using CoCommissioning.Domain.Quorum;
using static CoCommissioning.Domain.Tests.Meetings.MeetingBuilder;

namespace CoCommissioning.Domain.Tests.Meetings;

/// <summary>
/// A meeting under way: item 1 "Finance report" (information) and item 2 "Practice merger" (decision, affecting
/// Riverside), with Helen, Aisha and Rachel present from 10:00, Lucy in Mark's seat and Sarah not yet arrived. Each
/// member has an interest in Riverside in the register, so each is flagged on the merger. Tables name commands for
/// <see cref="Do"/> and write a record as steps for <see cref="Run"/>.
/// </summary>
internal sealed class LiveMeeting
{
    public static readonly DateTimeOffset HalfPast = Ten.AddMinutes(30);

    private readonly Dictionary<Seat, RegisterInterest> interests = [];

    public LiveMeeting()
    {
        Meeting = Meeting.Schedule(Guid.NewGuid(), Guid.NewGuid(), "PCCC November", Ten).Value!;
        Finance = Meeting.AddItem("Finance report", ItemPurpose.Information, false).Value!;
        Merger = Meeting.AddItem("Practice merger: Riverside and Northgate", ItemPurpose.Decision, false, [Riverside]).Value!;
        foreach (var seat in new[] { Helen, Aisha, Rachel })
        {
            Meeting.RecordArrival(seat.MembershipId, null, Ten).Ok();
        }

        Meeting.RecordArrival(Mark.MembershipId, Lucy, Ten).Ok();
    }

    public Meeting Meeting { get; }
    public AgendaItem Finance { get; }
    public AgendaItem Merger { get; }

    public AgendaItem ItemNamed(string name) => name switch
    {
        "Finance" => Finance,
        "Merger" => Merger,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    /// <summary>The member's register interest in Riverside: the same entry every time it is asked for.</summary>
    public RegisterInterest InterestOf(Seat seat)
    {
        if (!interests.TryGetValue(seat, out var interest))
        {
            interest = Interest(seat.PersonId, Riverside);
            interests[seat] = interest;
        }

        return interest;
    }

    /// <summary>The member's likely conflict on <paramref name="item"/> (the merger unless another is named).</summary>
    public PreFlag Flag(Seat seat, AgendaItem? item = null) => new((item ?? Merger).Id, Candidate(seat), InterestOf(seat), Riverside);

    /// <summary>
    /// Runs a command by name at 10:30 at <paramref name="item"/>, for <paramref name="who"/> (Aisha unless named): the
    /// person presiding is Helen. "Rule StaysNoPart" records that ruling.
    /// </summary>
    public Failure? Do(string command, AgendaItem item, Seat? who = null)
    {
        var seat = who ?? Aisha;
        if (command.StartsWith("Rule ", StringComparison.Ordinal))
        {
            return Meeting.RecordRuling(item.Id, seat.MembershipId, "Partner at Riverside Surgery", Enum.Parse<ConflictRuling>(command[5..]), Helen.MembershipId, HalfPast).Failure;
        }

        return command switch
        {
            "Declare at the item" => Meeting.Declare(seat.MembershipId, item.Id, "Partner at Riverside Surgery", null, HalfPast).Failure,
            "Declare at the start" => Meeting.Declare(seat.MembershipId, null, "Partner at Riverside Surgery", null, HalfPast).Failure,
            "ConfirmQuorum" => Meeting.ConfirmQuorum(item.Id, Helen.MembershipId, true, "Quorate.", HalfPast).Failure,
            "RecordOutcome" => Meeting.RecordOutcome(item.Id, ItemOutcomeKind.Deferred, null, HalfPast).Failure,
            "DeclareFlag" => Meeting.DeclareFlag(Flag(seat, item), ConflictPreFlags.DeclarationText(Flag(seat, item), "Riverside Surgery"), null, HalfPast).Failure,
            "DismissFlag" => Meeting.DismissFlag(Flag(seat, item), "The item is the PCN's estates plan, not the practice.", Helen.MembershipId, HalfPast).Failure,
            "ChangeAffectedBodies" => Meeting.ChangeAffectedBodies(item.Id, [Northgate]).Failure,
            "ReadyToDecide" => Meeting.ReadyToDecide(item.Id, [], NameOf).Failure,
            "Close by vote" => Meeting.Close(item.Id, ItemClosure.Vote, [], NameOf, HalfPast).Failure,
            "Close by consensus" => Meeting.Close(item.Id, ItemClosure.Consensus, [], NameOf, HalfPast).Failure,
            "Close inquorate" => Meeting.Close(item.Id, ItemClosure.InquorateResolution, [], NameOf, HalfPast).Failure,
            "TakeItem" => Meeting.TakeItem(item.Id, Ten).Failure,
            "RecordArrival" => Meeting.RecordArrival(Sarah.MembershipId, null, HalfPast).Failure,
            "RecordDeparture" => Meeting.RecordDeparture(Rachel.MembershipId, HalfPast).Failure,
            "SendApologies" => Meeting.SendApologies(Sarah.MembershipId).Failure,
            "ExcludePublic" => Meeting.ExcludePublic(null, HalfPast).Failure,
            "AddItem" => Meeting.AddItem("Estates update", ItemPurpose.Information, false).Failure,
            "AddPersonInAttendance" => Meeting.AddPersonInAttendance("Tom Reid", "Head of Primary Care", HalfPast).Failure,
            _ => throw new ArgumentOutOfRangeException(nameof(command), command, null),
        };
    }

    /// <summary>
    /// Writes a record from steps, comma-separated, each of which must succeed: "DeclareFlag" (Aisha, at the merger),
    /// "Rachel: Declare at the item" (someone else), "DismissFlag @Finance" (another item).
    /// </summary>
    public void Run(string steps)
    {
        foreach (var step in steps.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var who = step.Contains(':') ? SeatNamed(step[..step.IndexOf(':')]) : Aisha;
            var rest = step.Contains(':') ? step[(step.IndexOf(':') + 1)..].Trim() : step;
            var item = rest.Contains('@') ? ItemNamed(rest[(rest.IndexOf('@') + 1)..]) : Merger;
            var command = rest.Contains('@') ? rest[..rest.IndexOf('@')].Trim() : rest;
            Do(command, item, who).Should().BeNull(step);
        }
    }
}
