using CoCommissioning.Domain.Common;

namespace CoCommissioning.Domain.Meetings;

public enum ActionStatus
{
    Open,
    InProgress,
    Done,
    Dropped,
}

/// <summary>
/// An action arising from a meeting: who owns it, when it is due, how it stands. It belongs to the committee and is
/// carried from meeting to meeting until it is done or dropped.
/// </summary>
public sealed class ActionItem : IGovernanceRecord, IVersioned
{
    public const int DescriptionMaxLength = 1000;
    public const int StatusNoteMaxLength = 1000;

    private ActionItem()
    {
        Description = "";
    }

    private ActionItem(Guid organisationId, Guid committeeId, Guid meetingId, DateOnly raisedOn, Guid? itemId, string description, Guid ownerPersonId, DateOnly? dueOn)
    {
        Id = Guid.NewGuid();
        OrganisationId = organisationId;
        CommitteeId = committeeId;
        MeetingId = meetingId;
        RaisedOn = raisedOn;
        ItemId = itemId;
        Description = description;
        OwnerPersonId = ownerPersonId;
        DueOn = dueOn;
        Status = ActionStatus.Open;
        Version = Guid.NewGuid();
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid CommitteeId { get; private set; }

    /// <summary>The meeting the action was raised at.</summary>
    public Guid MeetingId { get; private set; }

    /// <summary>The date of the meeting it was raised at: due dates are checked against it.</summary>
    public DateOnly RaisedOn { get; private set; }

    /// <summary>The agenda item it arose from, when there is one.</summary>
    public Guid? ItemId { get; private set; }

    public string Description { get; private set; }
    public Guid OwnerPersonId { get; private set; }
    public DateOnly? DueOn { get; private set; }
    public ActionStatus Status { get; private set; }
    public string? StatusNote { get; private set; }

    /// <summary>Set when the action is done or dropped; cleared when it is reopened.</summary>
    public DateOnly? ClosedOn { get; private set; }

    public Guid Version { get; private set; }

    public bool IsClosed => Status is ActionStatus.Done or ActionStatus.Dropped;

    /// <summary>The caller checks that the owner is a person of the organisation and the item belongs to the meeting.</summary>
    public static CommandResult<ActionItem> Raise(Guid organisationId, Guid committeeId, Guid meetingId, DateOnly meetingDate, Guid? itemId, string? description, Guid ownerPersonId, DateOnly? dueOn)
    {
        var errors = new ValidationErrors();
        var checkedDescription = Text.Required("description", description, DescriptionMaxLength);
        errors.Add(checkedDescription.Failure);
        if (ownerPersonId == Guid.Empty)
        {
            errors.Add("ownerPersonId", "Choose the person who owns the action.");
        }

        CheckDueOn(errors, dueOn, meetingDate);
        return errors.Any
            ? errors.ToFailure()
            : CommandResult<ActionItem>.Success(new ActionItem(organisationId, committeeId, meetingId, meetingDate, itemId, checkedDescription.Value!, ownerPersonId, dueOn));
    }

    /// <summary>Changes the status, note and due date. Done or dropped closes the action today; reopening clears that.</summary>
    public CommandResult Update(ActionStatus status, string? statusNote, DateOnly? dueOn, DateOnly today)
    {
        var errors = new ValidationErrors();
        if (!Enum.IsDefined(status))
        {
            errors.Add("status", "Choose a status: open, in progress, done or dropped.");
        }

        var note = Text.Optional("statusNote", statusNote, StatusNoteMaxLength);
        errors.Add(note.Failure);
        CheckDueOn(errors, dueOn, RaisedOn);
        if (errors.Any)
        {
            return errors.ToFailure();
        }

        var wasClosed = IsClosed;
        Status = status;
        StatusNote = note.Value;
        DueOn = dueOn;
        if (!IsClosed)
        {
            ClosedOn = null;
        }
        else if (!wasClosed || ClosedOn is null)
        {
            ClosedOn = today;
        }

        Version = Guid.NewGuid();
        return CommandResult.Success();
    }

    /// <summary>Still open (or in progress) after its due date.</summary>
    public bool IsOverdueOn(DateOnly today) => !IsClosed && DueOn is { } due && due < today;

    private static void CheckDueOn(ValidationErrors errors, DateOnly? dueOn, DateOnly meetingDate)
    {
        if (dueOn is not { } due)
        {
            return;
        }

        if (due < meetingDate)
        {
            errors.Add("dueOn", "The due date cannot be before the meeting the action was raised at.");
        }
        else if (due > meetingDate.AddYears(2))
        {
            errors.Add("dueOn", "The due date must be within two years of the meeting the action was raised at.");
        }
    }
}
