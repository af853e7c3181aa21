using CoCommissioning.Domain.Meetings;

namespace CoCommissioning.Web.Features.Actions;

/// <summary>An action arising, with the meeting (and item) it was raised at and whether it is overdue today.</summary>
public sealed record ActionDto(
    Guid Id,
    Guid CommitteeId,
    Guid MeetingId,
    string MeetingTitle,
    DateTimeOffset MeetingStartsAt,
    Guid? ItemId,
    string? ItemTitle,
    string Description,
    Guid OwnerPersonId,
    string OwnerName,
    DateOnly? DueOn,
    ActionStatus Status,
    string? StatusNote,
    DateOnly? ClosedOn,
    bool IsOverdue,
    Guid Version);

public sealed record RaiseActionRequest(string? Description, Guid? OwnerPersonId, DateOnly? DueOn, Guid? ItemId);

public sealed record UpdateActionRequest(ActionStatus? Status, string? StatusNote, DateOnly? DueOn, Guid Version);
