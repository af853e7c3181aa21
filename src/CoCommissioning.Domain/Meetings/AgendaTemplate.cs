using CoCommissioning.Domain.Common;

namespace CoCommissioning.Domain.Meetings;

/// <summary>One standing item of an agenda template: an opening or a closing item.</summary>
public sealed record AgendaTemplateEntry(StandingItem Part, string Title, ItemPurpose Purpose);

/// <summary>
/// A committee's standing items, added to every meeting it schedules: opening items (welcome and apologies,
/// declarations of interest, minutes of the previous meeting, action log) before the business, closing items (any
/// other business, date of next meeting) after it. A committee without one uses <see cref="Default"/>.
/// </summary>
public sealed class AgendaTemplate : IGovernanceRecord, IVersioned
{
    public const int MaxEntries = 20;

    private List<AgendaTemplateItem> entries = [];

    private AgendaTemplate()
    {
    }

    private AgendaTemplate(Guid organisationId, Guid committeeId)
    {
        Id = Guid.NewGuid();
        OrganisationId = organisationId;
        CommitteeId = committeeId;
        Version = Guid.NewGuid();
    }

    /// <summary>
    /// The rule book's standard items: the declarations of interest come at the start of every meeting (the guidance
    /// asks for declarations as the meeting opens), and minutes of one meeting are approved at the next.
    /// </summary>
    public static IReadOnlyList<AgendaTemplateEntry> Default { get; } =
    [
        new(StandingItem.Opening, "Welcome and apologies", ItemPurpose.Information),
        new(StandingItem.Opening, "Declarations of interest", ItemPurpose.Information),
        new(StandingItem.Opening, "Minutes of the previous meeting", ItemPurpose.Decision),
        new(StandingItem.Opening, "Action log", ItemPurpose.Discussion),
        new(StandingItem.Closing, "Any other business", ItemPurpose.Discussion),
        new(StandingItem.Closing, "Date of next meeting", ItemPurpose.Information),
    ];

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid CommitteeId { get; private set; }
    public Guid Version { get; private set; }
    public IReadOnlyList<AgendaTemplateItem> Items => entries;

    /// <summary>The entries in order: opening items, then closing items.</summary>
    public IReadOnlyList<AgendaTemplateEntry> Entries =>
        [.. entries.OrderBy(e => e.Part == StandingItem.Closing).ThenBy(e => e.Position).Select(e => new AgendaTemplateEntry(e.Part, e.Title, e.Purpose))];

    public static CommandResult<AgendaTemplate> Create(Guid organisationId, Guid committeeId, IReadOnlyList<AgendaTemplateEntry>? entries)
    {
        var template = new AgendaTemplate(organisationId, committeeId);
        var replaced = template.Replace(entries);
        return replaced.Map(() => template);
    }

    /// <summary>
    /// Replaces the standing items. Each needs a title and a purpose, and is an opening or a closing item; the list
    /// may be empty (a committee that wants no standing items), and at most <see cref="MaxEntries"/> long.
    /// </summary>
    public CommandResult Replace(IReadOnlyList<AgendaTemplateEntry>? entries)
    {
        var list = entries ?? [];
        var errors = new ValidationErrors();
        if (list.Count > MaxEntries)
        {
            errors.Add("entries", $"A template has at most {MaxEntries} standing items.");
        }

        for (var i = 0; i < list.Count; i++)
        {
            var entry = list[i];
            if (entry is null)
            {
                errors.Add($"entries[{i}]", "Each standing item needs a title.");
                continue;
            }

            var title = Text.Required($"entries[{i}].title", entry.Title, AgendaItem.TitleMaxLength);
            errors.Add(title.Failure);
            if (entry.Part is not (StandingItem.Opening or StandingItem.Closing))
            {
                errors.Add($"entries[{i}].part", "Choose opening or closing.");
            }

            if (!Enum.IsDefined(entry.Purpose))
            {
                errors.Add($"entries[{i}].purpose", "Choose the purpose: decision, discussion or information.");
            }
        }

        if (errors.Any)
        {
            return errors.ToFailure();
        }

        var positions = new Dictionary<StandingItem, int>();
        this.entries = [.. list.Select(e =>
        {
            positions[e.Part] = positions.GetValueOrDefault(e.Part) + 1;
            return new AgendaTemplateItem(Id, OrganisationId, e.Part, positions[e.Part], e.Title.Trim(), e.Purpose);
        })];
        Version = Guid.NewGuid();
        return CommandResult.Success();
    }
}

/// <summary>A stored standing item of a template.</summary>
public sealed class AgendaTemplateItem : IGovernanceRecord, IPartOfAggregate
{
    private AgendaTemplateItem()
    {
        Title = "";
    }

    internal AgendaTemplateItem(Guid templateId, Guid organisationId, StandingItem part, int position, string title, ItemPurpose purpose)
    {
        Id = Guid.NewGuid();
        TemplateId = templateId;
        OrganisationId = organisationId;
        Part = part;
        Position = position;
        Title = title;
        Purpose = purpose;
    }

    public Guid Id { get; private set; }
    public Guid TemplateId { get; private set; }
    public Guid OrganisationId { get; private set; }
    Guid IPartOfAggregate.AggregateId => TemplateId;
    public StandingItem Part { get; private set; }
    public int Position { get; private set; }
    public string Title { get; private set; }
    public ItemPurpose Purpose { get; private set; }
}
