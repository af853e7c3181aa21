using CoCommissioning.Domain.Committees;

namespace CoCommissioning.Domain.Quorum;

/// <summary>A role as quorum rules see it.</summary>
public sealed record SeatRole(Guid RoleId, string Name, RoleClassification Classification);

/// <summary>A member's seat on the committee on the meeting date: who holds it and what it counts for.</summary>
public sealed record Seat(Guid MembershipId, Guid PersonId, string Name, IReadOnlyList<SeatRole> Roles, bool IsVoting, CommitteeOffice Office)
{
    public bool IsLay => Roles.Any(r => r.Classification == RoleClassification.Lay);
}

/// <summary>How a member is at an item: there in person, represented by their named deputy, or not there.</summary>
public enum Presence
{
    Absent,
    Present,
    DeputyPresent,
}

/// <summary>The chair's ruling on a declared conflict for an item (rule book section 5).</summary>
public enum ConflictRuling
{
    /// <summary>1. No action needed: takes full part.</summary>
    FullPart,
    /// <summary>2. Stays and takes part in discussion; does not vote.</summary>
    DiscussesNoVote,
    /// <summary>3. Stays in the room; takes no part unless asked a question by the independent members.</summary>
    StaysNoPart,
    /// <summary>4. Leaves the room for the item (discussion and vote).</summary>
    LeavesRoom,
}

public static class ConflictRulings
{
    /// <summary>Rulings 2 to 4 remove the vote.</summary>
    public static bool RemovesVote(this ConflictRuling ruling) => ruling != ConflictRuling.FullPart;

    /// <summary>Rulings 3 and 4 remove the person from quorum for the item.</summary>
    public static bool RemovesFromQuorum(this ConflictRuling ruling) => ruling is ConflictRuling.StaysNoPart or ConflictRuling.LeavesRoom;

    public static string Describe(this ConflictRuling ruling) => ruling switch
    {
        ConflictRuling.FullPart => "takes full part",
        ConflictRuling.DiscussesNoVote => "takes part in discussion but does not vote",
        ConflictRuling.StaysNoPart => "stays in the room but takes no part",
        _ => "leaves the room for the item",
    };
}

/// <summary>
/// One seat at one agenda item: whether the member (or their deputy) is there for the item, and the conflict
/// ruling on whoever is there. The service works presence out from arrival and departure times.
/// </summary>
public sealed record SeatAtItem(Seat Seat, Presence Presence, string? DeputyName, ConflictRuling Ruling)
{
    public static SeatAtItem PresentWith(Seat seat, ConflictRuling ruling = ConflictRuling.FullPart) => new(seat, Presence.Present, null, ruling);

    public static SeatAtItem AbsentFrom(Seat seat) => new(seat, Presence.Absent, null, ConflictRuling.FullPart);

    public static SeatAtItem Deputised(Seat seat, string deputyName, ConflictRuling ruling = ConflictRuling.FullPart) => new(seat, Presence.DeputyPresent, deputyName, ruling);

    /// <summary>The name of the person actually there for this seat.</summary>
    public string AttendeeName => Presence == Presence.DeputyPresent ? $"{DeputyName} (deputy for {Seat.Name})" : Seat.Name;
}
