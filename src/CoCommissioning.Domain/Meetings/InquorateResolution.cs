using CoCommissioning.Domain.Common;
using CoCommissioning.Domain.Quorum;

namespace CoCommissioning.Domain.Meetings;

/// <summary>What the chair may do when conflicts make an item inquorate (rule book section 3).</summary>
public enum InquorateAction
{
    Defer,
    Refer,
    CoOpt,
}

/// <summary>
/// The chair's choice for an inquorate item, kept with the verdict that made it necessary. Co-option is open
/// only where the terms of reference allow it.
/// </summary>
public sealed class InquorateResolution : IGovernanceRecord
{
    public const int DetailMaxLength = 2000;

    private InquorateResolution()
    {
        Detail = "";
        QuorumExplanation = "";
    }

    private InquorateResolution(Guid organisationId, Guid meetingId, Guid itemId, InquorateAction action, string detail, string quorumExplanation, DateTimeOffset recordedAt)
    {
        Id = Guid.NewGuid();
        OrganisationId = organisationId;
        MeetingId = meetingId;
        ItemId = itemId;
        Action = action;
        Detail = detail;
        QuorumExplanation = quorumExplanation;
        RecordedAt = recordedAt;
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid MeetingId { get; private set; }
    public Guid ItemId { get; private set; }
    public InquorateAction Action { get; private set; }

    /// <summary>To which meeting it is deferred, to whom it is referred, or who is co-opted.</summary>
    public string Detail { get; private set; }

    public string QuorumExplanation { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    public static CommandResult<InquorateResolution> Record(
        Guid organisationId, Guid meetingId, Guid itemId, InquorateAction action, string? detail, QuorumVerdict verdict, bool coOptionAllowed, DateTimeOffset at)
    {
        if (verdict.IsQuorate)
        {
            return Failure.Rule("The item is quorate: record the decision instead of deferring, referring or co-opting.");
        }

        if (action == InquorateAction.CoOpt && !coOptionAllowed)
        {
            return Failure.Rule("The terms of reference do not allow co-opting members: defer the item or refer it.");
        }

        var text = Text.Required(nameof(Detail), detail, DetailMaxLength);
        return text.Map(clean => new InquorateResolution(organisationId, meetingId, itemId, action, clean, verdict.Explanation, at));
    }
}
