using CoCommissioning.Domain.Common;
using CoCommissioning.Domain.Interests;
using CoCommissioning.Domain.Quorum;

namespace CoCommissioning.Domain.Meetings;

/// <summary>
/// Someone whose interests are checked against a meeting's agenda: a member whose term covers the meeting date, or
/// the deputy named for that member (who may attend in their place, so their interests matter too).
/// </summary>
public sealed record PreFlagCandidate(Guid MembershipId, Guid PersonId, string Name, bool IsDeputy);

/// <summary>What the pre-flag rule needs of a register entry.</summary>
public sealed record RegisterInterest(Guid DeclarationId, Guid PersonId, DeclarationKind Kind, ReviewStatus Status, bool Withheld, InterestDetails? Details)
{
    public static RegisterInterest From(Declaration declaration) =>
        new(declaration.Id, declaration.PersonId, declaration.Kind, declaration.Status, declaration.Withheld, declaration.Details);
}

/// <summary>A likely conflict: a person's interest concerns a body the item affects.</summary>
public sealed record PreFlag(Guid ItemId, PreFlagCandidate Candidate, RegisterInterest Interest, Guid BodyId)
{
    /// <summary>Submitted but not yet accepted by the governance lead: shown, labelled, so the chair is not surprised.</summary>
    public bool NotYetReviewed => Interest.Status == ReviewStatus.Submitted;
}

/// <summary>
/// Register-driven pre-flagging (rule book section 5): for each agenda item, the members (and named deputies) whose
/// interests in the register concern a body the item affects. Pure, so the rule is tested table by table.
/// </summary>
public static class ConflictPreFlags
{
    /// <summary>Who raised a likely conflict that nobody at the meeting raised in person: the register did.</summary>
    public const string FlaggedByTheRegister = "Flagged by the register of interests";

    /// <summary>
    /// Whether an entry can flag on <paramref name="meetingDate"/>: an interest (not a nil return), accepted or
    /// awaiting review, naming a body, and current on the day. Changes requested means the governance lead sent it
    /// back as wrong, so it is not shown as if it were the member's word; the member's corrected version flags once
    /// resubmitted (a correction goes back to Submitted).
    /// </summary>
    public static bool Counts(RegisterInterest interest, DateOnly meetingDate) =>
        interest.Kind == DeclarationKind.Interest
        && interest.Status is ReviewStatus.Accepted or ReviewStatus.Submitted
        && interest.Details is { ConcernsBodyId: not null } details
        && details.From <= meetingDate
        && (details.To is null || details.To >= meetingDate);

    /// <summary>
    /// The flags of the people who hold their seats at the item now: a member's own flags while they are there, their
    /// deputy's while the deputy stands in. These must be declared or dismissed before the item is decided.
    /// </summary>
    public static IReadOnlyList<PreFlag> OfThoseThere(IEnumerable<PreFlag> flags, IReadOnlyList<SeatAtItem> seats)
    {
        var presence = seats.ToDictionary(s => s.Seat.MembershipId, s => s.Presence);
        return [.. flags.Where(f => presence.TryGetValue(f.Candidate.MembershipId, out var p)
            && (f.Candidate.IsDeputy ? p == Presence.DeputyPresent : p == Presence.Present))];
    }

    /// <summary>How a declaration made from a flag reads: the register entry's own words and the body it concerns.</summary>
    public static string DeclarationText(PreFlag flag, string bodyName)
    {
        var details = flag.Interest.Details;
        // The register's words usually end with a full stop; the sentence adds its own.
        var nature = (details?.Nature ?? "An interest in the register").TrimEnd().TrimEnd('.');
        var indirect = details is { IsDirect: false, Relationship: { } relationship } ? $" (indirect: {relationship})" : "";
        return $"{nature}{indirect}. Concerns {bodyName}. From the register of interests.";
    }

    public static IReadOnlyList<PreFlag> For(IEnumerable<AgendaItem> items, IEnumerable<PreFlagCandidate> candidates, IEnumerable<RegisterInterest> interests, DateOnly meetingDate)
    {
        var byPerson = interests.Where(i => Counts(i, meetingDate)).ToLookup(i => i.PersonId);
        var people = candidates.ToList();
        var flags = new List<PreFlag>();
        foreach (var item in items.OrderBy(i => i.Number))
        {
            var affected = item.AffectedBodyIds.ToHashSet();
            foreach (var candidate in people)
            {
                foreach (var interest in byPerson[candidate.PersonId])
                {
                    if (affected.Contains(interest.Details!.ConcernsBodyId!.Value))
                    {
                        flags.Add(new PreFlag(item.Id, candidate, interest, interest.Details.ConcernsBodyId.Value));
                    }
                }
            }
        }

        return flags;
    }
}

public enum PreFlagAnswer
{
    /// <summary>"Yes, this interest is relevant to the item": the chair will rule on it.</summary>
    Confirmed,

    /// <summary>"Not relevant to this item" (the note says why); the chair still sees the flag and the answer.</summary>
    Dismissed,
}

/// <summary>
/// A member's answer to a pre-flag before the meeting. One per item and declaration (a declaration belongs to one
/// person); answering again changes it. Audited, and read with the meeting's history.
/// </summary>
public sealed class PreFlagResponse : IGovernanceRecord, IPartOfAggregate
{
    public const int NoteMaxLength = 1000;

    private PreFlagResponse()
    {
    }

    private PreFlagResponse(Guid organisationId, Guid meetingId, Guid itemId, Guid membershipId, Guid personId, Guid declarationId)
    {
        Id = Guid.NewGuid();
        OrganisationId = organisationId;
        MeetingId = meetingId;
        ItemId = itemId;
        MembershipId = membershipId;
        PersonId = personId;
        DeclarationId = declarationId;
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid MeetingId { get; private set; }
    Guid IPartOfAggregate.AggregateId => MeetingId;
    public Guid ItemId { get; private set; }

    /// <summary>The seat the flag is for (a deputy answers against the member they stand in for).</summary>
    public Guid MembershipId { get; private set; }

    /// <summary>Who answered: the member, or the named deputy whose interest it is.</summary>
    public Guid PersonId { get; private set; }

    public Guid DeclarationId { get; private set; }
    public PreFlagAnswer Response { get; private set; }
    public string? Note { get; private set; }
    public DateTimeOffset RespondedAt { get; private set; }

    public static CommandResult<PreFlagResponse> Record(Guid organisationId, Guid meetingId, PreFlag flag, PreFlagAnswer response, string? note, DateTimeOffset at)
    {
        var made = new PreFlagResponse(organisationId, meetingId, flag.ItemId, flag.Candidate.MembershipId, flag.Candidate.PersonId, flag.Interest.DeclarationId);
        var changed = made.Change(response, note, at);
        return changed.Map(() => made);
    }

    public CommandResult Change(PreFlagAnswer response, string? note, DateTimeOffset at)
    {
        var checkedNote = Text.Optional("note", note, NoteMaxLength);
        if (checkedNote.TryGetFailure(out var failure))
        {
            return failure;
        }

        (Response, Note, RespondedAt) = (response, checkedNote.Value, at);
        return CommandResult.Success();
    }
}

/// <summary>
/// A likely conflict from the register that the person presiding dismissed at the meeting as not relevant to the
/// item, with the reason: part of the meeting record, shown with the decision and in the minutes.
/// </summary>
public sealed class PreFlagDismissal : IGovernanceRecord, IPartOfAggregate
{
    public const int ReasonMaxLength = 1000;

    private PreFlagDismissal()
    {
        Reason = "";
        Name = "";
    }

    internal PreFlagDismissal(Guid meetingId, Guid organisationId, PreFlag flag, string reason, Guid dismissedByMembershipId, DateTimeOffset at)
    {
        Id = Guid.NewGuid();
        MeetingId = meetingId;
        OrganisationId = organisationId;
        ItemId = flag.ItemId;
        MembershipId = flag.Candidate.MembershipId;
        PersonId = flag.Candidate.PersonId;
        Name = flag.Candidate.Name;
        DeclarationId = flag.Interest.DeclarationId;
        Reason = reason;
        DismissedByMembershipId = dismissedByMembershipId;
        DismissedAt = at;
    }

    public Guid Id { get; private set; }
    public Guid MeetingId { get; private set; }
    public Guid OrganisationId { get; private set; }
    Guid IPartOfAggregate.AggregateId => MeetingId;
    public Guid ItemId { get; private set; }
    public Guid MembershipId { get; private set; }

    /// <summary>Whose interest it was (the member, or the deputy standing in).</summary>
    public Guid PersonId { get; private set; }

    /// <summary>Their name as it was, since the register entry may later be purged.</summary>
    public string Name { get; private set; }

    /// <summary>The register entry (no foreign key: the retention job purges entries the meeting record outlives).</summary>
    public Guid DeclarationId { get; private set; }

    public string Reason { get; private set; }

    /// <summary>The person presiding, to whom the dismissal is attributed whoever entered it.</summary>
    public Guid DismissedByMembershipId { get; private set; }

    public DateTimeOffset DismissedAt { get; private set; }
}
