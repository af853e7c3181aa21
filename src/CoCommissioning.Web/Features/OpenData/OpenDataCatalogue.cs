namespace CoCommissioning.Web.Features.OpenData;

/// <summary>One dataset: its address under /public/{slug}/data, what it holds, its standard, and whether it has a CSV.</summary>
public sealed record OpenDataset(string Name, string Title, string Standard, string StandardUrl, string Holds, bool HasCsv)
{
    public string JsonUrl(string slug) => $"/public/{slug}/data/{Name}";

    public string? CsvUrl(string slug) => HasCsv ? $"/public/{slug}/data/{Name}.csv" : null;

    public string SchemaUrl => OpenDataCatalogue.SchemaUrl(Name);
}

/// <summary>The datasets every organisation publishes (ADR-0026), in the order the data page lists them.</summary>
public static class OpenDataCatalogue
{
    public const string Licence = "Open Government Licence v3.0";
    public const string LicenceUrl = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/";
    private const string Popolo = "https://www.popoloproject.com/specs/";

    public static string SchemaUrl(string name) => $"/public/data/schemas/{name}.json";

    public static IReadOnlyList<OpenDataset> Datasets { get; } =
    [
        new("organizations", "Organisation and committees", "Popolo organization", Popolo + "organization.html",
            "The organisation and each of its committees (a sub-organisation of it), with the committee's purpose and public page.", false),
        new("persons", "Committee members", "Popolo person", Popolo + "person.html",
            "The current members of the committees: name and committee pages only, never contact details.", false),
        new("posts", "Committee posts", "Popolo post", Popolo + "post.html",
            "The seats on each committee: chair, vice chair, voting member, non-voting attendee.", false),
        new("memberships", "Committee memberships", "Popolo membership", Popolo + "membership.html",
            "Who holds which post on which committee today, with their roles and the start and end of their term.", false),
        new("events", "Meetings and agendas", "Open Civic Data event (OCDEP 4)", "https://open-civic-data.readthedocs.io/en/latest/proposals/0004.html",
            "Meetings whose agenda has been published: when, status, venue or online, the public agenda items (with the bodies each affects), public papers, the public pack and approved minutes.", false),
        new("motions", "Decisions", "Popolo motion", Popolo + "motion.html",
            "The decisions on public items: the resolution, the committee, the date and whether it passed.", false),
        new("vote_events", "Votes", "Popolo vote event", Popolo + "vote-event.html",
            "The counted votes on those decisions: yes, no and abstain totals (the public minutes name no member's vote).", false),
        new("releases", "Procurement decisions (OCDS)", "Open Contracting Data Standard 1.1 release package", "https://standard.open-contracting.org/latest/en/",
            "Each procurement decision as an award release: buyer, supplier, procurement method, value, contract period, and (in the CoCommissioning conflicts extension) who decided and the conflicts of interest declared and how they were managed.", false),
        new("interests", "Register of interests", "CoCommissioning register", "/public/data/schemas/interests.json",
            "The published register of interests of decision-makers, the same entries and fields as the register page.", true),
        new("gifts", "Gifts and hospitality", "CoCommissioning register", "/public/data/schemas/gifts.json",
            "The published gifts and hospitality register, the same entries and fields as the register page.", true),
        new("procurement", "Procurement decisions register", "CoCommissioning register", "/public/data/schemas/procurement.json",
            "The procurement decisions register in its own columns, as the register page shows it.", true),
        new("breaches", "Breaches", "CoCommissioning register", "/public/data/schemas/breaches.json",
            "Breaches of the conflicts of interest policy as the register page shows them: anonymised summary, date and action taken.", true),
    ];

    public static OpenDataset Get(string name) => Datasets.Single(d => d.Name == name);
}
