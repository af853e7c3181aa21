using CoCommissioning.Domain.Common;

namespace CoCommissioning.Domain.Interests;

/// <summary>
/// The annual declaration cycle: everyone in scope (committee members and decision-making staff) submits a return,
/// confirming their declarations or making a nil return, by the due date.
/// </summary>
public sealed class DeclarationCycle : IGovernanceRecord, IVersioned
{
    public const int TitleMaxLength = 200;

    private DeclarationCycle(Guid organisationId, string title, DateOnly opensOn, DateOnly dueOn)
    {
        Id = Guid.NewGuid();
        OrganisationId = organisationId;
        Title = title;
        OpensOn = opensOn;
        DueOn = dueOn;
        Version = Guid.NewGuid();
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public string Title { get; private set; }
    public DateOnly OpensOn { get; private set; }
    public DateOnly DueOn { get; private set; }
    public DateOnly? ClosedOn { get; private set; }
    public Guid Version { get; private set; }

    public bool IsOpen => ClosedOn is null;

    public static CommandResult<DeclarationCycle> Open(Guid organisationId, string? title, DateOnly dueOn, DateOnly today)
    {
        var errors = new ValidationErrors();
        var checkedTitle = Text.Required("title", title, TitleMaxLength);
        errors.Add(checkedTitle.Failure);
        if (dueOn < today)
        {
            errors.Add("dueOn", "The due date cannot be in the past.");
        }
        else if (dueOn > today.AddMonths(6))
        {
            errors.Add("dueOn", "The due date is more than six months away: check the year.");
        }

        return errors.Any
            ? errors.ToFailure()
            : CommandResult<DeclarationCycle>.Success(new DeclarationCycle(organisationId, checkedTitle.Value!, today, dueOn));
    }

    public CommandResult Close(DateOnly today)
    {
        if (!IsOpen)
        {
            return Failure.Rule("This declaration cycle is already closed.");
        }

        (ClosedOn, Version) = (today, Guid.NewGuid());
        return CommandResult.Success();
    }

    public bool IsOverdueOn(DateOnly today) => IsOpen && today > DueOn;
}

public enum CycleReturnKind
{
    /// <summary>"My declarations in the register are complete and correct."</summary>
    DeclarationsConfirmed,
    /// <summary>"I have no interests to declare."</summary>
    NilReturn,
}

/// <summary>One person's return in a declaration cycle. One per person per cycle (a database constraint too).</summary>
public sealed class CycleReturn : IGovernanceRecord
{
    private CycleReturn()
    {
    }

    public CycleReturn(Guid organisationId, Guid cycleId, Guid personId, CycleReturnKind kind, DateOnly submittedOn, Guid? nilReturnDeclarationId)
    {
        Id = Guid.NewGuid();
        OrganisationId = organisationId;
        CycleId = cycleId;
        PersonId = personId;
        Kind = kind;
        SubmittedOn = submittedOn;
        NilReturnDeclarationId = nilReturnDeclarationId;
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid CycleId { get; private set; }
    public Guid PersonId { get; private set; }
    public CycleReturnKind Kind { get; private set; }
    public DateOnly SubmittedOn { get; private set; }

    /// <summary>The nil return entered in the register, for a nil return.</summary>
    public Guid? NilReturnDeclarationId { get; private set; }
}

/// <summary>A reminder sent to someone outstanding in a cycle: kept so the dashboard shows who was chased and when.</summary>
public sealed class CycleReminder : IGovernanceRecord
{
    private CycleReminder()
    {
        Email = "";
    }

    public CycleReminder(Guid organisationId, Guid cycleId, Guid personId, string email, DateTimeOffset sentAt)
    {
        Id = Guid.NewGuid();
        OrganisationId = organisationId;
        CycleId = cycleId;
        PersonId = personId;
        Email = email;
        SentAt = sentAt;
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid CycleId { get; private set; }
    public Guid PersonId { get; private set; }
    public string Email { get; private set; }
    public DateTimeOffset SentAt { get; private set; }
}
