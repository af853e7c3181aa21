using CoCommissioning.Domain.Common;

namespace CoCommissioning.Domain.Organisations;

/// <summary>The kinds of body that interests concern and agenda items affect (rule book section 5).</summary>
public enum BodyKind
{
    GpPractice,
    PrimaryCareNetwork,
    GpFederation,
    Supplier,
    OtherBody,
}

/// <summary>
/// A practice, PCN, federation, supplier or other body in an organisation's list. Interests name the body they
/// concern and agenda items the bodies they affect, which is what lets the product flag likely conflicts.
/// </summary>
public sealed class ExternalBody : IGovernanceRecord, IVersioned
{
    public const int NameMaxLength = 200;
    public const int CodeMaxLength = 20;

    private ExternalBody(Guid organisationId, string name, BodyKind kind, string? code)
    {
        Id = Guid.NewGuid();
        OrganisationId = organisationId;
        Name = name;
        Kind = kind;
        Code = code;
        Version = Guid.NewGuid();
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public string Name { get; private set; }
    public BodyKind Kind { get; private set; }

    /// <summary>The ODS code where the body has one (practices: a letter and five digits, such as M85001).</summary>
    public string? Code { get; private set; }

    public Guid Version { get; private set; }

    public static CommandResult<ExternalBody> Create(Guid organisationId, string? name, BodyKind kind, string? code)
    {
        var details = Check(name, code);
        return details.Map(checkedDetails => new ExternalBody(organisationId, checkedDetails.Name, kind, checkedDetails.Code));
    }

    public CommandResult Update(string? name, BodyKind kind, string? code)
    {
        var details = Check(name, code);
        if (details.TryGetFailure(out var failure))
        {
            return failure;
        }

        (Name, Kind, Code, Version) = (details.Value.Name, kind, details.Value.Code, Guid.NewGuid());
        return CommandResult.Success();
    }

    private static CommandResult<(string Name, string? Code)> Check(string? name, string? code)
    {
        var errors = new ValidationErrors();
        var checkedName = Text.Required("name", name, NameMaxLength);
        var checkedCode = Text.Optional("code", code, CodeMaxLength);
        errors.Add(checkedName.Failure, checkedCode.Failure);
        if (checkedCode.Value is { } c && !c.All(char.IsAsciiLetterOrDigit))
        {
            errors.Add("code", "The code may use only letters and digits, like M85001.");
        }

        return errors.Any
            ? errors.ToFailure()
            : CommandResult<(string, string?)>.Success((checkedName.Value!, checkedCode.Value?.ToUpperInvariant()));
    }
}
