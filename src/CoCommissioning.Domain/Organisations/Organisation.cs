using CoCommissioning.Domain.Common;

namespace CoCommissioning.Domain.Organisations;

/// <summary>The kind of NHS body: CCGs were replaced by ICBs in July 2022, and both appear in the record.</summary>
public enum OrganisationKind
{
    ClinicalCommissioningGroup,
    IntegratedCareBoard,
}

/// <summary>A tenant: a CCG or ICB. Each sees only its own records.</summary>
public sealed class Organisation : IGovernanceRecord, IVersioned
{
    public const int NameMaxLength = 200;
    public const int SlugMaxLength = 60;

    private Organisation(Guid id, string name, string slug, OrganisationKind kind)
    {
        Id = id;
        Name = name;
        Slug = slug;
        Kind = kind;
        Version = Guid.NewGuid();
    }

    public Guid Id { get; private set; }

    /// <summary>An organisation owns itself; this keeps it under the same tenant and audit rules as its records.</summary>
    public Guid OrganisationId => Id;

    public string Name { get; private set; }

    /// <summary>The short name used in public addresses, such as <c>example-ccg</c>.</summary>
    public string Slug { get; private set; }

    public OrganisationKind Kind { get; private set; }

    public Guid Version { get; private set; }

    public static CommandResult<Organisation> Create(string? name, string? slug, OrganisationKind kind)
    {
        var checkedName = Text.Required(nameof(Name), name, NameMaxLength);
        if (!checkedName.TryGetValue(out var cleanName, out var failure))
        {
            return failure;
        }

        var checkedSlug = Text.Required(nameof(Slug), slug, SlugMaxLength);
        if (!checkedSlug.TryGetValue(out var cleanSlug, out var checkedSlugFailure))
        {
            return checkedSlugFailure;
        }

        if (!cleanSlug.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
        {
            return Failure.Validation(nameof(Slug), "The slug may use only lower-case letters, digits and hyphens.");
        }

        return CommandResult<Organisation>.Success(new Organisation(Guid.NewGuid(), cleanName, cleanSlug, kind));
    }

    public CommandResult Rename(string? name)
    {
        var checkedName = Text.Required(nameof(Name), name, NameMaxLength);
        if (!checkedName.TryGetValue(out var cleanName, out var failure))
        {
            return failure;
        }

        Name = cleanName;
        Version = Guid.NewGuid();
        return CommandResult.Success();
    }
}
