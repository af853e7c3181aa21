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

/// <summary>Why an entry is kept off the public register (rule book section 6).</summary>
public enum WithholdingGround
{
    /// <summary>Publishing would create a real risk of harm to the person or others.</summary>
    RiskOfHarm,
    /// <summary>A legal bar prevents publication.</summary>
    LegalBar,
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
    public string? ReviewedByName { get; private set; }
    public bool Withheld { get; private set; }
    public WithholdingGround? WithholdingGround { get; private set; }
    public string? WithheldReason { get; private set; }

    /// <summary>The Conflicts of Interest Guardian who approved withholding, where the organisation names one.</summary>
    public Guid? WithholdingApprovedByPersonId { get; private set; }

    /// <summary>The current details (null for a nil return), kept beside the versions so registers can be queried.</summary>
    public InterestDetails? Details { get; private set; }

    /// <summary>
    /// The details as the governance lead last accepted them: what the public register shows. A correction or an end
    /// date waits for review without taking the accepted entry off the register, so changing an entry cannot hide it.
    /// </summary>
    public InterestDetails? PublishedDetails { get; private set; }

    /// <summary>When <see cref="PublishedDetails"/> were accepted.</summary>
    public DateOnly? PublishedOn { get; private set; }

    /// <summary>Who accepted <see cref="PublishedDetails"/>.</summary>
    public string? PublishedByName { get; private set; }

    /// <summary>The date of the first version: when the interest was first declared.</summary>
    public DateOnly DeclaredOn { get; private set; }

    /// <summary>Whether the current version was declared late.</summary>
    public bool IsLate { get; private set; }
    public Guid Version { get; private set; }
    public IReadOnlyCollection<DeclarationVersion> Versions => versions.AsReadOnly();
    public DeclarationVersion Current => versions.MaxBy(v => v.Number)!;

    public static CommandResult<Declaration> Declare(Guid organisationId, Guid personId, InterestDetails details, DateOnly today)
    {
        var check = Check(details, today);
        if (!check.TryGetValue(out var checkValue, out var failure))
        {
            return failure;
        }

        var declaration = new Declaration(organisationId, personId, DeclarationKind.Interest);
        declaration.AddVersion(checkValue, today, RegisterRules.IsLate(checkValue.From, today));
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
        if (!check.TryGetValue(out var checkValue, out var failure))
        {
            return failure;
        }

        AddVersion(checkValue, today, RegisterRules.IsLate(changedOn, today));
        Status = ReviewStatus.Submitted;
        return CommandResult.Success();
    }

    /// <summary>Ends the interest: a new version with the end date. The entry stays in the register.</summary>
    public CommandResult End(DateOnly lastDay, DateOnly today)
    {
        if (Kind == DeclarationKind.NilReturn || Details is null)
        {
            return Failure.Rule("A nil return cannot be ended.");
        }

        if (Details.To is { } to && to <= lastDay)
        {
            return Failure.Validation("to", $"This interest already ends on {to.ToString("d MMMM yyyy", Uk)}.");
        }

        return Correct(Details with { To = lastDay }, lastDay, today);
    }

    public CommandResult Accept(Guid reviewerUserId, string? agreedMitigation, DateOnly today) =>
        Accept(reviewerUserId, null, agreedMitigation, today);

    public CommandResult Accept(Guid reviewerUserId, string? reviewerName, string? agreedMitigation, DateOnly today)
    {
        var mitigation = Text.Optional("agreedMitigation", agreedMitigation, TextMaxLength);
        if (mitigation.TryGetFailure(out var failure))
        {
            return failure;
        }

        (Status, AgreedMitigation, ReviewComment, ReviewedOn, ReviewedByUserId, ReviewedByName) = (ReviewStatus.Accepted, mitigation.Value, null, today, reviewerUserId, reviewerName);
        (PublishedDetails, PublishedOn, PublishedByName) = (Details, today, reviewerName);
        Touch();
        return CommandResult.Success();
    }

    public CommandResult RequestChanges(Guid reviewerUserId, string? comment, DateOnly today) =>
        RequestChanges(reviewerUserId, null, comment, today);

    public CommandResult RequestChanges(Guid reviewerUserId, string? reviewerName, string? comment, DateOnly today)
    {
        var text = Text.Required("reviewComment", comment, TextMaxLength);
        if (text.TryGetFailure(out var failure))
        {
            return failure;
        }

        (Status, ReviewComment, ReviewedOn, ReviewedByUserId, ReviewedByName) = (ReviewStatus.ChangesRequested, text.Value, today, reviewerUserId, reviewerName);
        Touch();
        return CommandResult.Success();
    }

    /// <summary>Withholds the entry from the public register (risk of harm, legal bar); the reason stays internal.</summary>
    public CommandResult Withhold(string? reason) => Withhold(Interests.WithholdingGround.RiskOfHarm, reason, guardianPersonId: null, approvedByPersonId: null);

    /// <summary>
    /// Withholds the entry: the governance lead decides, with the Conflicts of Interest Guardian's approval where the
    /// organisation names one (<paramref name="guardianPersonId"/>).
    /// </summary>
    public CommandResult Withhold(WithholdingGround ground, string? reason, Guid? guardianPersonId, Guid? approvedByPersonId)
    {
        var text = Text.Required("withheldReason", reason, TextMaxLength);
        if (text.TryGetFailure(out var failure))
        {
            return failure;
        }

        if (guardianPersonId is { } guardian && approvedByPersonId != guardian)
        {
            return Failure.Validation("guardianApproved", "The Conflicts of Interest Guardian must approve withholding this entry: record their approval.");
        }

        (Withheld, WithholdingGround, WithheldReason, WithholdingApprovedByPersonId) = (true, ground, text.Value, approvedByPersonId);
        Touch();
        return CommandResult.Success();
    }

    /// <summary>Puts a withheld entry back on the public register (the risk has passed).</summary>
    public CommandResult Publish()
    {
        if (!Withheld)
        {
            return Failure.Rule("This entry is not withheld.");
        }

        (Withheld, WithholdingGround, WithheldReason, WithholdingApprovedByPersonId) = (false, null, null, null);
        Touch();
        return CommandResult.Success();
    }

    /// <summary>The date the entry stops mattering for retention: the interest's end, or a nil return's date.</summary>
    public DateOnly? EndedOn => Kind == DeclarationKind.NilReturn ? DeclaredOn : Details?.To;

    /// <summary>Whether anyone may see this entry on the public register today.</summary>
    public bool IsPublicOn(DateOnly today) =>
        Kind == DeclarationKind.Interest && PublishedDetails is not null && RegisterRules.IsPublicOn(today, PublishedOn, PublishedDetails.To, Withheld);

    private static readonly System.Globalization.CultureInfo Uk = System.Globalization.CultureInfo.GetCultureInfo("en-GB");

    private static CommandResult<InterestDetails> Check(InterestDetails details, DateOnly today)
    {
        var errors = new ValidationErrors();
        var nature = Text.Required("nature", details.Nature, NatureMaxLength);
        var relationship = Text.Optional("relationship", details.Relationship, TextMaxLength);
        var mitigation = Text.Optional("mitigation", details.Mitigation, TextMaxLength);
        errors.Add(nature.Failure, relationship.Failure, mitigation.Failure);

        if (!details.IsDirect && relationship.Value is null && relationship.Succeeded)
        {
            errors.Add("relationship", "For an indirect interest, say who the close associate is (for example: spouse, business partner).");
        }

        if (details.To is { } to && to < details.From)
        {
            errors.Add("to", "The interest cannot end before it began.");
        }

        if (details.From > today.AddYears(1))
        {
            errors.Add("from", "The start date is more than a year away: check the year.");
        }

        if (details.From.Year < 1950)
        {
            errors.Add("from", "Enter the date the interest began.");
        }

        return errors.Any
            ? errors.ToFailure()
            : CommandResult<InterestDetails>.Success(details with { Nature = nature.Value!, Relationship = relationship.Value, Mitigation = mitigation.Value });
    }

    private void AddVersion(InterestDetails? details, DateOnly today, bool late)
    {
        versions.Add(new DeclarationVersion(Id, OrganisationId, versions.Count + 1, details, today, late));
        if (versions.Count == 1)
        {
            DeclaredOn = today;
        }

        // Once late, always late: correcting a late declaration does not make it timely.
        (Details, IsLate) = (details, IsLate || late);
        Touch();
    }

    private void Touch() => Version = Guid.NewGuid();
}
