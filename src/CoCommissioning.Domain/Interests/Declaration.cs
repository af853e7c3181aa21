using CoCommissioning.Domain.Common;

namespace CoCommissioning.Domain.Interests;

/// <summary>Conflict of interest categories (NHS England guidance).</summary>
public enum InterestCategory
{
    Financial,
    NonFinancialProfessional,
    NonFinancialPersonal,
    Indirect,
}

public enum DeclarationKind
{
    Interest,
    /// <summary>"I have no interests to declare": a declaration too, for the annual cycle.</summary>
    NilReturn,
}

public enum ReviewStatus
{
    Submitted,
    ChangesRequested,
    Accepted,
}

/// <summary>What one version of a declaration says. Corrections add a version; earlier versions are kept.</summary>
public sealed record InterestDetails(
    InterestCategory Category,
    bool IsDirect,
    string? Relationship,
    Guid? ConcernsBodyId,
    string Nature,
    DateOnly From,
    DateOnly? To,
    string? Mitigation);

/// <summary>One version of a declaration, as declared on a date.</summary>
public sealed class DeclarationVersion : IGovernanceRecord, IPartOfAggregate
{
    private DeclarationVersion()
    {
        Details = null!;
    }

    internal DeclarationVersion(Guid declarationId, Guid organisationId, int number, InterestDetails? details, DateOnly declaredOn, bool late)
    {
        Id = Guid.NewGuid();
        DeclarationId = declarationId;
        OrganisationId = organisationId;
        Number = number;
        Details = details!;
        DeclaredOn = declaredOn;
        IsLate = late;
    }

    public Guid Id { get; private set; }
    public Guid DeclarationId { get; private set; }
    public Guid OrganisationId { get; private set; }
    Guid IPartOfAggregate.AggregateId => DeclarationId;
    public int Number { get; private set; }

    /// <summary>Null for a nil return.</summary>
    public InterestDetails? Details { get; private set; }

    public DateOnly DeclaredOn { get; private set; }

    /// <summary>Declared more than 28 days after the interest arose or changed.</summary>
    public bool IsLate { get; private set; }
}

/// <summary>
/// A person's declaration of an interest (or a nil return) in the register. Never deleted: ending an interest
/// records its end date, a correction adds a version, and a governance lead reviews and may withhold it from the
/// public register with a reason.
/// </summary>
public sealed class Declaration : IGovernanceRecord, IVersioned
{
    public const int NatureMaxLength = 2000;
    public const int TextMaxLength = 1000;

    private readonly List<DeclarationVersion> versions = [];

    private Declaration()
    {
    }

    private Declaration(Guid organisationId, Guid personId, DeclarationKind kind)
    {
        Id = Guid.NewGuid();
        OrganisationId = organisationId;
        PersonId = personId;
        Kind = kind;
        Version = Guid.NewGuid();
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid PersonId { get; private set; }
    public DeclarationKind Kind { get; private set; }
    public ReviewStatus Status { get; private set; }
    public string? ReviewComment { get; private set; }
    public string? AgreedMitigation { get; private set; }
    public DateOnly? ReviewedOn { get; private set; }
    public Guid? ReviewedByUserId { get; private set; }
    public bool Withheld { get; private set; }
    public string? WithheldReason { get; private set; }
    public Guid Version { get; private set; }
    public IReadOnlyCollection<DeclarationVersion> Versions => versions.AsReadOnly();
    public DeclarationVersion Current => versions.MaxBy(v => v.Number)!;

    public static CommandResult<Declaration> Declare(Guid organisationId, Guid personId, InterestDetails details, DateOnly today)
    {
        var check = Check(details, today);
        if (!check.Succeeded)
        {
            return check.Failure!;
        }

        var declaration = new Declaration(organisationId, personId, DeclarationKind.Interest);
        declaration.AddVersion(check.Value!, today, RegisterRules.IsLate(check.Value!.From, today));
        return CommandResult<Declaration>.Success(declaration);
    }

    public static Declaration NilReturn(Guid organisationId, Guid personId, DateOnly today)
    {
        var declaration = new Declaration(organisationId, personId, DeclarationKind.NilReturn);
        declaration.AddVersion(null, today, late: false);
        return declaration;
    }

    /// <summary>A correction or change: a new version, judged late against the date the change happened.</summary>
    public CommandResult Correct(InterestDetails details, DateOnly changedOn, DateOnly today)
    {
        if (Kind == DeclarationKind.NilReturn)
        {
            return Failure.Rule("A nil return has no details to correct: declare the interest instead.");
        }

        var check = Check(details, today);
        if (!check.Succeeded)
        {
            return check.Failure!;
        }

        AddVersion(check.Value!, today, RegisterRules.IsLate(changedOn, today));
        Status = ReviewStatus.Submitted;
        return CommandResult.Success();
    }

    /// <summary>Ends the interest: a new version with the end date. The entry stays in the register.</summary>
    public CommandResult End(DateOnly lastDay, DateOnly today)
    {
        if (Kind == DeclarationKind.NilReturn || Current.Details is null)
        {
            return Failure.Rule("A nil return cannot be ended.");
        }

        if (Current.Details.To is { } to && to <= lastDay)
        {
            return Failure.Validation("to", $"This interest already ends on {to.ToString("d MMMM yyyy", Uk)}.");
        }

        return Correct(Current.Details with { To = lastDay }, lastDay, today);
    }

    public CommandResult Accept(Guid reviewerUserId, string? agreedMitigation, DateOnly today)
    {
        var mitigation = Text.Optional("agreedMitigation", agreedMitigation, TextMaxLength);
        if (!mitigation.Succeeded)
        {
            return mitigation.Failure!;
        }

        (Status, AgreedMitigation, ReviewComment, ReviewedOn, ReviewedByUserId) = (ReviewStatus.Accepted, mitigation.Value, null, today, reviewerUserId);
        Touch();
        return CommandResult.Success();
    }

    public CommandResult RequestChanges(Guid reviewerUserId, string? comment, DateOnly today)
    {
        var text = Text.Required("reviewComment", comment, TextMaxLength);
        if (!text.Succeeded)
        {
            return text.Failure!;
        }

        (Status, ReviewComment, ReviewedOn, ReviewedByUserId) = (ReviewStatus.ChangesRequested, text.Value, today, reviewerUserId);
        Touch();
        return CommandResult.Success();
    }

    /// <summary>Withholds the entry from the public register (risk of harm, legal bar); the reason stays internal.</summary>
    public CommandResult Withhold(string? reason)
    {
        var text = Text.Required("withheldReason", reason, TextMaxLength);
        if (!text.Succeeded)
        {
            return text.Failure!;
        }

        (Withheld, WithheldReason) = (true, text.Value);
        Touch();
        return CommandResult.Success();
    }

    /// <summary>Whether anyone may see this entry on the public register today.</summary>
    public bool IsPublicOn(DateOnly today) =>
        Kind == DeclarationKind.Interest && Status == ReviewStatus.Accepted && RegisterRules.IsPublicOn(today, ReviewedOn, Current.Details?.To, Withheld);

    private static readonly System.Globalization.CultureInfo Uk = System.Globalization.CultureInfo.GetCultureInfo("en-GB");

    private static CommandResult<InterestDetails> Check(InterestDetails details, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        var nature = Text.Required("nature", details.Nature, NatureMaxLength);
        var relationship = Text.Optional("relationship", details.Relationship, TextMaxLength);
        var mitigation = Text.Optional("mitigation", details.Mitigation, TextMaxLength);
        foreach (var failure in new[] { nature.Failure, relationship.Failure, mitigation.Failure })
        {
            foreach (var (field, messages) in failure?.FieldErrors ?? new Dictionary<string, string[]>())
            {
                errors[field] = messages;
            }
        }

        if (!details.IsDirect && relationship.Value is null && relationship.Succeeded)
        {
            errors["relationship"] = ["For an indirect interest, say who the close associate is (for example: spouse, business partner)."];
        }

        if (details.To is { } to && to < details.From)
        {
            errors["to"] = ["The interest cannot end before it began."];
        }

        if (details.From > today.AddYears(1))
        {
            errors["from"] = ["The start date is more than a year away: check the year."];
        }

        if (details.From.Year < 1950)
        {
            errors["from"] = ["Enter the date the interest began."];
        }

        return errors.Count > 0
            ? Failure.Validation(errors)
            : CommandResult<InterestDetails>.Success(details with { Nature = nature.Value!, Relationship = relationship.Value, Mitigation = mitigation.Value });
    }

    private void AddVersion(InterestDetails? details, DateOnly today, bool late)
    {
        versions.Add(new DeclarationVersion(Id, OrganisationId, versions.Count + 1, details, today, late));
        Touch();
    }

    private void Touch() => Version = Guid.NewGuid();
}
