using CoCommissioning.Domain.Interests;

namespace CoCommissioning.Web.Features.DeclarationCycles;

public sealed record CycleSummaryDto(Guid Id, string Title, DateOnly OpensOn, DateOnly DueOn, DateOnly? ClosedOn, bool IsOpen, bool IsOverdue, int InScope, int Submitted, int Outstanding, Guid Version);

/// <summary>Where someone stands in a cycle; the dashboard shows the word, never a colour alone.</summary>
public enum CyclePersonStatus
{
    Submitted,
    Outstanding,
    Overdue,
}

/// <param name="InScopeBecause">Why the person must declare: their committee seats, or decision-making staff.</param>
public sealed record CyclePersonDto(Guid PersonId, string FullName, string? JobTitle, string? Email, string InScopeBecause, CyclePersonStatus Status, CycleReturnKind? ReturnKind, DateOnly? SubmittedOn, int RemindersSent, DateTimeOffset? LastReminderAt);

public sealed record CycleDashboardDto(CycleSummaryDto Cycle, IReadOnlyList<CyclePersonDto> People);

/// <param name="DueOn">Optional: without it, returns are due the local rules' cycle window after today.</param>
public sealed record OpenCycleRequest(string? Title, DateOnly? DueOn);

public sealed record CloseCycleRequest(Guid Version);

/// <param name="NoEmail">People outstanding who have no email address: chase them another way.</param>
public sealed record RemindersSentDto(int Sent, IReadOnlyList<string> NoEmail);

/// <param name="PersonId">Optional: a return is always the signed-in person's own; any other id is refused.</param>
public sealed record SubmitReturnRequest(CycleReturnKind Kind, Guid? PersonId);

/// <summary>The signed-in person's part in the open cycle, for their declarations page.</summary>
public sealed record MyCycleDto(Guid CycleId, string Title, DateOnly DueOn, bool InScope, bool Submitted, CycleReturnKind? Kind, DateOnly? SubmittedOn, int CurrentInterests);
