using CoCommissioning.Domain.Common;

namespace CoCommissioning.Domain.Interests;

/// <summary>
/// A breach of the conflicts of interest policy, recorded by the governance lead. The internal description may name
/// people; the public sees only the anonymised summary, the dates and the action taken.
/// </summary>
public sealed class Breach : IGovernanceRecord, IVersioned
{
    public const int TextMaxLength = 2000;

    private Breach()
    {
        Description = "";
        PublicSummary = "";
        ActionTaken = "";
    }

    private Breach(Guid organisationId, DateOnly identifiedOn, DateOnly? occurredOn, string description, Guid? personId, string publicSummary, string actionTaken, DateOnly today)
    {
        Id = Guid.NewGuid();
        OrganisationId = organisationId;
        IdentifiedOn = identifiedOn;
        OccurredOn = occurredOn;
        Description = description;
        PersonId = personId;
        PublicSummary = publicSummary;
        ActionTaken = actionTaken;
        RecordedOn = today;
        Version = Guid.NewGuid();
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public DateOnly IdentifiedOn { get; private set; }
    public DateOnly? OccurredOn { get; private set; }

    /// <summary>Internal only: what happened, who was involved.</summary>
    public string Description { get; private set; }

    /// <summary>Internal only: the person concerned, when there is one.</summary>
    public Guid? PersonId { get; private set; }

    /// <summary>The anonymised account the public register shows.</summary>
    public string PublicSummary { get; private set; }

    public string ActionTaken { get; private set; }
    public DateOnly RecordedOn { get; private set; }
    public Guid Version { get; private set; }

    /// <param name="personName">The person's name, so the public summary can be checked for it.</param>
    public static CommandResult<Breach> Record(Guid organisationId, DateOnly identifiedOn, DateOnly? occurredOn, string? description, Guid? personId, string? personName, string? publicSummary, string? actionTaken, DateOnly today)
    {
        var errors = new ValidationErrors();
        var checkedDescription = Text.Required("description", description, TextMaxLength);
        var summary = Text.Required("publicSummary", publicSummary, TextMaxLength);
        var action = Text.Required("actionTaken", actionTaken, TextMaxLength);
        errors.Add(checkedDescription.Failure, summary.Failure, action.Failure);

        if (identifiedOn > today)
        {
            errors.Add("identifiedOn", "The date identified cannot be in the future.");
        }
        else if (identifiedOn.Year < 2000)
        {
            errors.Add("identifiedOn", "Enter the date the breach was identified.");
        }

        if (occurredOn is { } occurred && occurred > identifiedOn)
        {
            errors.Add("occurredOn", "A breach cannot have happened after it was identified.");
        }

        if (summary.Value is { } text && NamesPerson(text, personName))
        {
            errors.Add("publicSummary", "The public summary names the person concerned: describe the breach without naming them.");
        }

        return errors.Any
            ? errors.ToFailure()
            : CommandResult<Breach>.Success(new Breach(organisationId, identifiedOn, occurredOn, checkedDescription.Value!, personId, summary.Value!, action.Value!, today));
    }

    private static readonly HashSet<string> Titles = new(StringComparer.OrdinalIgnoreCase) { "Dr", "Mr", "Mrs", "Ms", "Miss", "Mx", "Prof", "Professor", "Cllr", "Sir", "Dame" };

    /// <summary>
    /// Whether the public text contains the person's full name or any of their names as a word (not titles, not
    /// initials): a check that catches the common slip ("Aisha accepted…", "Dr Rahman…"), not a guarantee.
    /// </summary>
    public static bool NamesPerson(string publicText, string? personName)
    {
        if (string.IsNullOrWhiteSpace(personName))
        {
            return false;
        }

        if (publicText.Contains(personName.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var names = personName.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(n => n.Trim('.', ','))
            .Where(n => n.Length > 2 && !Titles.Contains(n))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return publicText.Split([' ', ',', '.', ';', ':', '(', ')', '\'', '"', '-', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Any(names.Contains);
    }
}
