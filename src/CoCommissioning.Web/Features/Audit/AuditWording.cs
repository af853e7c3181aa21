using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CoCommissioning.Data.Audit;
using CoCommissioning.Domain.Committees;
using CoCommissioning.Domain.Common;
using CoCommissioning.Web.Components;

namespace CoCommissioning.Web.Features.Audit;

/// <summary>The facts of one audit entry the wording needs.</summary>
public sealed record AuditFacts(string ActorName, string RecordType, string RecordId, string? AggregateId, AuditAction Action, string Changes);

/// <summary>One field of a change, in words.</summary>
public sealed record AuditFieldWords(string Field, string Old, string New);

/// <summary>An audit entry in words: the sentence a governance lead reads, and each field's change.</summary>
public sealed record AuditWords(string Sentence, IReadOnlyList<AuditFieldWords> Fields);

/// <summary>What the wording asks of the database: names for ids, and what a record said when it was made.</summary>
public interface IAuditNames
{
    /// <summary>The name of a person, user, committee, meeting, body, role or organisation; null if there is none (now).</summary>
    string? NameOf(Guid id);

    /// <summary>The id a record's <paramref name="field"/> held when it was added (from its insert entry); null if unknown.</summary>
    Guid? RecordedId(string recordId, string field);
}

/// <summary>Whose record an entry is about: the record itself, a field of it, or its aggregate (or a field of that).</summary>
public enum AuditSubject
{
    None,
    Self,
    Field,
    Aggregate,
    AggregateField,
}

/// <summary>A kind of record in words: its label in the filter, its noun in a sentence, and whose it is.</summary>
public sealed record AuditKind(string RecordType, string Label, string Noun, AuditSubject Subject, string Connector = "of", string? SubjectField = null, IReadOnlyDictionary<string, string>? FieldLabels = null);

/// <summary>
/// Turns an audit entry into words: "Emma Clarke changed the declaration of Dr Aisha Rahman: end date from — to
/// 31 March 2027". Pure: the names come from <see cref="IAuditNames"/>; an id with no name is "(removed record)".
/// </summary>
public static partial class AuditWording
{
    public const string Removed = "(removed record)";
    public const string Empty = "—";
    private const int SentenceValueLength = 80;

    private static readonly Dictionary<string, string> DeclarationFields = new()
    {
        ["Details.From"] = "start date",
        ["Details.To"] = "end date",
        ["Details.Nature"] = "nature of the interest",
        ["Details.Category"] = "category",
        ["Details.IsDirect"] = "direct interest",
        ["Details.ConcernsBodyId"] = "organisation concerned",
        ["Details.Relationship"] = "relationship",
        ["Details.Mitigation"] = "mitigation",
        ["Kind"] = "kind",
        ["Status"] = "review status",
        ["Withheld"] = "withheld from the public register",
        ["WithholdingApprovedByPersonId"] = "withholding approved by",
    };

    private static readonly Dictionary<string, string> CommonFields = new()
    {
        ["FullName"] = "full name",
        ["JobTitle"] = "job title",
        ["IsDecisionMakingStaff"] = "decision-making staff",
        ["IsVoting"] = "voting member",
        ["TermStart"] = "term start",
        ["TermEnd"] = "term end",
        ["DeputyPersonId"] = "deputy",
        ["OwnerPersonId"] = "owner",
        ["RoleIds"] = "roles",
        ["ReviewedByUserId"] = "reviewed by",
        ["StartsAt"] = "start",
        ["DueOn"] = "due date",
        ["ClosedOn"] = "closed on",
        ["RaisedOn"] = "raised on",
        ["DeclaredOn"] = "declared on",
        ["ReviewedOn"] = "reviewed on",
        ["ItemId"] = "agenda item",
        ["ConcernsBodyId"] = "organisation concerned",
        ["AffectedBodyIds"] = "organisations affected",
        ["ApologiesWithoutDeputy"] = "apologies with no deputy attending",
    };

    /// <summary>The kinds of record the audit trail names, in words. Others read by splitting their type name.</summary>
    public static IReadOnlyList<AuditKind> Kinds { get; } =
    [
        new("Committee", "Committee", "committee", AuditSubject.Self, ""),
        new("Membership", "Committee membership", "committee membership", AuditSubject.Field, SubjectField: "PersonId"),
        new("MemberRole", "Member role", "member role", AuditSubject.Self, ""),
        new("TermsOfReference", "Terms of reference", "terms of reference", AuditSubject.Aggregate),
        new("Person", "Person", "details", AuditSubject.Self),
        new("Organisation", "Organisation", "organisation", AuditSubject.Self, ""),
        new("ExternalBody", "Practice or other body", "body", AuditSubject.Self, ""),
        new("Meeting", "Meeting", "meeting", AuditSubject.Self, ""),
        new("AgendaItem", "Agenda item", "agenda item", AuditSubject.Aggregate, "for"),
        new("MeetingPaper", "Meeting paper", "paper", AuditSubject.Aggregate, "for"),
        new("AttendanceRecord", "Attendance", "attendance record", AuditSubject.Aggregate, "for"),
        new("PersonInAttendance", "Person in attendance", "person in attendance", AuditSubject.Aggregate, "at"),
        new("ItemRuling", "Conflict ruling", "conflict ruling", AuditSubject.Aggregate, "at"),
        new("MeetingDeclaration", "Declaration at a meeting", "declaration", AuditSubject.Aggregate, "at"),
        new("QuorumConfirmation", "Quorum confirmation", "quorum confirmation", AuditSubject.Aggregate, "at"),
        new("PreFlagResponse", "Likely conflict response", "response to a likely conflict", AuditSubject.Aggregate, "for"),
        new("PreFlagDismissal", "Likely conflict dismissed", "dismissal of a likely conflict", AuditSubject.Aggregate, "at"),
        new("Decision", "Decision", "decision", AuditSubject.Field, "at", "MeetingId"),
        new("VoteRecord", "Vote", "vote", AuditSubject.Field, "of", "PersonId"),
        new("InquorateResolution", "Inquorate item", "inquorate item", AuditSubject.Field, "at", "MeetingId"),
        new("ActionItem", "Action", "action", AuditSubject.Field, "owned by", "OwnerPersonId"),
        new("Minutes", "Minutes", "minutes", AuditSubject.Field, "of", "MeetingId"),
        new("MinutesVersion", "Minutes version", "minutes version", AuditSubject.AggregateField, "of", "MeetingId"),
        new("Declaration", "Declaration of interest", "declaration", AuditSubject.Field, "of", "PersonId", DeclarationFields),
        new("DeclarationVersion", "Declaration version", "declaration version", AuditSubject.AggregateField, "of", "PersonId", DeclarationFields),
        new("DeclarationCycle", "Annual declaration cycle", "annual declaration cycle", AuditSubject.None),
        new("CycleReturn", "Annual return", "annual return", AuditSubject.Field, "of", "PersonId"),
        new("CycleReminder", "Annual return reminder", "reminder", AuditSubject.Field, "to", "PersonId"),
        new("GiftEntry", "Gift or hospitality", "gifts and hospitality entry", AuditSubject.Field, "of", "PersonId"),
        new("ProcurementDecision", "Procurement decision", "procurement decision", AuditSubject.None),
        new("Breach", "Breach", "breach", AuditSubject.Field, "by", "PersonId"),
        new("RegisterSettings", "Register settings", "register settings", AuditSubject.None),
        new("LocalRulesVersion", "Local rules", "local rules version", AuditSubject.None),
    ];

    private static readonly Dictionary<string, AuditKind> KindsByType = Kinds.ToDictionary(k => k.RecordType);

    private static readonly HashSet<string> TextFields = new(StringComparer.Ordinal)
    {
        "Name", "FullName", "Title", "Purpose", "Description", "Nature", "Relationship", "Mitigation", "Reason", "Comment", "Email", "JobTitle",
    };

    /// <summary>The kind of a record type; an unknown type reads as its name split into words.</summary>
    public static AuditKind KindOf(string recordType) =>
        KindsByType.TryGetValue(recordType, out var kind) ? kind : new AuditKind(recordType, Sentence(recordType), Words(recordType), AuditSubject.None);

    public static AuditWords Describe(AuditFacts entry, IAuditNames names)
    {
        var kind = KindOf(entry.RecordType);
        using var changes = ParseChanges(entry.Changes);
        var fields = new List<AuditFieldWords>();
        if (changes is not null && changes.RootElement.ValueKind == JsonValueKind.Object)
        {
            // A record's own id and organisation say nothing a reader needs.
            foreach (var property in changes.RootElement.EnumerateObject().Where(p => p.Name is not ("Id" or "OrganisationId")))
            {
                var old = property.Value.ValueKind == JsonValueKind.Object && property.Value.TryGetProperty("old", out var o) ? o : default;
                var @new = property.Value.ValueKind == JsonValueKind.Object && property.Value.TryGetProperty("new", out var n) ? n : default;
                fields.Add(new AuditFieldWords(FieldLabel(kind, property.Name), Value(property.Name, old, names), Value(property.Name, @new, names)));
            }
        }

        var subject = SubjectPhrase(kind, entry, changes, names);
        var sentence = entry.Action switch
        {
            AuditAction.Insert => $"{entry.ActorName} added {subject}",
            AuditAction.Delete => $"{entry.ActorName} removed {subject}",
            AuditAction.Purge => $"{entry.ActorName} purged {subject}" + (fields.FirstOrDefault() is { } reason ? $": {reason.New}" : ""),
            _ when fields.Count == 0 => $"{entry.ActorName} changed {subject}",
            _ => $"{entry.ActorName} changed {subject}: " + string.Join("; ", fields.Select(f => $"{f.Field} from {Shorten(f.Old)} to {Shorten(f.New)}")),
        };
        return new AuditWords(sentence, fields);
    }

    /// <summary>A field's name in words: the kind's own label, a common one, or the name split ("AgreedMitigation" is "agreed mitigation").</summary>
    public static string FieldLabel(AuditKind kind, string field)
    {
        if (kind.FieldLabels?.TryGetValue(field, out var own) == true)
        {
            return own;
        }

        if (field.StartsWith("PublishedDetails.", StringComparison.Ordinal))
        {
            return "published " + FieldLabel(kind, "Details." + field["PublishedDetails.".Length..]);
        }

        var last = field[(field.LastIndexOf('.') + 1)..];
        if (CommonFields.TryGetValue(last, out var common))
        {
            return common;
        }

        var bare = last.EndsWith("Ids", StringComparison.Ordinal) ? last[..^3] + "s"
            : last.EndsWith("Id", StringComparison.Ordinal) && last.Length > 2 ? last[..^2]
            : last;
        return Words(bare);
    }

    /// <summary>"ViceChair" as "vice chair", "IsDirect" as "is direct".</summary>
    public static string Words(string pascal) =>
        Humps().Replace(pascal, " $1").Trim().ToLower(CultureInfo.InvariantCulture);

    private static string Sentence(string pascal)
    {
        var words = Words(pascal);
        return words.Length == 0 ? words : char.ToUpper(words[0], CultureInfo.InvariantCulture) + words[1..];
    }

    private static string SubjectPhrase(AuditKind kind, AuditFacts entry, JsonDocument? changes, IAuditNames names)
    {
        Guid? subjectId = kind.Subject switch
        {
            AuditSubject.Self => Guid.TryParse(entry.RecordId, out var self) ? self : null,
            AuditSubject.Field => FieldOf(changes, kind.SubjectField!) ?? names.RecordedId(entry.RecordId, kind.SubjectField!),
            AuditSubject.Aggregate => Guid.TryParse(entry.AggregateId, out var aggregate) ? aggregate : null,
            AuditSubject.AggregateField => entry.AggregateId is { } id ? names.RecordedId(id, kind.SubjectField!) : null,
            _ => null,
        };
        if (kind.Subject == AuditSubject.None)
        {
            return $"the {kind.Noun}";
        }

        var name = subjectId is { } found ? names.NameOf(found) ?? Removed : Removed;
        return kind.Connector.Length == 0 ? $"the {kind.Noun} {name}" : $"the {kind.Noun} {kind.Connector} {name}";
    }

    private static Guid? FieldOf(JsonDocument? changes, string field)
    {
        if (changes is null || !changes.RootElement.TryGetProperty(field, out var change) || change.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var side in new[] { "new", "old" })
        {
            if (change.TryGetProperty(side, out var value) && value.ValueKind == JsonValueKind.String && Guid.TryParse(value.GetString(), out var id))
            {
                return id;
            }
        }

        return null;
    }

    /// <summary>A value in words: names for ids, dates as "31 March 2027", enums in words, empty as "—".</summary>
    public static string Value(string field, JsonElement value, IAuditNames names)
    {
        var last = field[(field.LastIndexOf('.') + 1)..];
        switch (value.ValueKind)
        {
            case JsonValueKind.Undefined or JsonValueKind.Null:
                return Empty;
            case JsonValueKind.True:
                return "yes";
            case JsonValueKind.False:
                return "no";
            case JsonValueKind.Number:
                return value.GetRawText();
            case JsonValueKind.Array:
                var items = value.EnumerateArray().Select(v => Value(field, v, names)).ToList();
                return items.Count == 0 ? Empty : string.Join(", ", items);
            case JsonValueKind.Object:
                return value.GetRawText();
        }

        var text = value.GetString() ?? "";
        if (text.Length == 0)
        {
            return Empty;
        }

        if (Guid.TryParse(text, out var id))
        {
            return names.NameOf(id) ?? Removed;
        }

        if (IsoDate().IsMatch(text) && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return UkDate.InWords(date);
        }

        if (text.Length > 10 && text[4] == '-' && text[10] == 'T' && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            return Labels.MeetingStart(instant);
        }

        if (!TextFields.Contains(last) && !last.EndsWith("Name", StringComparison.Ordinal) && EnumLike().IsMatch(text))
        {
            return EnumLabel(last, text);
        }

        return text;
    }

    // The labels the app already shows for these enums; any other reads as its name in words.
    private static string EnumLabel(string field, string value) => field switch
    {
        "Office" when Enum.TryParse<CommitteeOffice>(value, out var office) => office == CommitteeOffice.None ? "none" : Labels.Of(office),
        "Type" when Enum.TryParse<CommitteeType>(value, out var type) => Labels.Of(type),
        "Level" when Enum.TryParse<CoCommissioningLevel>(value, out var level) => Labels.Of(level),
        "Classification" when Enum.TryParse<RoleClassification>(value, out var classification) => Labels.Of(classification),
        _ => Sentence(value),
    };

    private static string Shorten(string value) =>
        value.Length <= SentenceValueLength ? value : new StringBuilder(value, 0, SentenceValueLength - 1, SentenceValueLength).Append('…').ToString();

    private static JsonDocument? ParseChanges(string json)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [GeneratedRegex("(?<!^)([A-Z][a-z]|(?<=[a-z])[A-Z])", RegexOptions.CultureInvariant)]
    private static partial Regex Humps();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    [GeneratedRegex("^[A-Z][a-z]+(?:[A-Z][a-z]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex EnumLike();
}
