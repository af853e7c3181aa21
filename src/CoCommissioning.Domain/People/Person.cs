using CoCommissioning.Domain.Common;

namespace CoCommissioning.Domain.People;

/// <summary>
/// Someone the organisation's governance records name: a committee member, a deputy, an employee who declares.
/// A person need not be able to sign in; a user account links to a person when they do.
/// </summary>
public sealed class Person : IGovernanceRecord, IVersioned
{
    public const int NameMaxLength = 200;
    public const int EmailMaxLength = 256;
    public const int JobTitleMaxLength = 200;

    private Person(Guid id, Guid organisationId, string fullName, string? email, string? jobTitle, bool isDecisionMakingStaff)
    {
        Id = id;
        OrganisationId = organisationId;
        FullName = fullName;
        Email = email;
        JobTitle = jobTitle;
        IsDecisionMakingStaff = isDecisionMakingStaff;
        Version = Guid.NewGuid();
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public string FullName { get; private set; }
    public string? Email { get; private set; }
    public string? JobTitle { get; private set; }

    /// <summary>Staff involved in decisions must declare interests even when they sit on no committee.</summary>
    public bool IsDecisionMakingStaff { get; private set; }

    public Guid Version { get; private set; }

    public static CommandResult<Person> Create(Guid organisationId, string? fullName, string? email, string? jobTitle, bool isDecisionMakingStaff)
    {
        var details = CheckDetails(fullName, email, jobTitle);
        if (details.TryGetFailure(out var failure))
        {
            return failure;
        }

        var (name, mail, title) = details.Value;
        return CommandResult<Person>.Success(new Person(Guid.NewGuid(), organisationId, name, mail, title, isDecisionMakingStaff));
    }

    public CommandResult Update(string? fullName, string? email, string? jobTitle, bool isDecisionMakingStaff)
    {
        var details = CheckDetails(fullName, email, jobTitle);
        if (details.TryGetFailure(out var failure))
        {
            return failure;
        }

        (FullName, Email, JobTitle) = details.Value;
        IsDecisionMakingStaff = isDecisionMakingStaff;
        Version = Guid.NewGuid();
        return CommandResult.Success();
    }

    private static CommandResult<(string Name, string? Email, string? JobTitle)> CheckDetails(string? fullName, string? email, string? jobTitle)
    {
        var errors = new ValidationErrors();
        var name = Text.Required(nameof(FullName), fullName, NameMaxLength);
        var mail = Text.Optional(nameof(Email), email, EmailMaxLength);
        var title = Text.Optional(nameof(JobTitle), jobTitle, JobTitleMaxLength);
        errors.Add(name.Failure, mail.Failure, title.Failure);
        if (mail.Value is { } address && !LooksLikeEmail(address))
        {
            errors.Add(nameof(Email), "Enter an email address in the correct format, like name@example.nhs.uk.");
        }

        return errors.Any
            ? errors.ToFailure()
            : CommandResult<(string, string?, string?)>.Success((name.Value!, mail.Value, title.Value));
    }

    private static bool LooksLikeEmail(string address)
    {
        var at = address.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == address.LastIndexOf('@') && address.IndexOf('.', at) > at + 1 && !address.EndsWith('.') && !address.Any(char.IsWhiteSpace);
    }
}
