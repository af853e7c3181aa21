using CoCommissioning.Domain.Common;

namespace CoCommissioning.Web.Components;

/// <summary>Holds a command's failure so a form can show each message beside its field and the rest above the form.</summary>
public sealed class FieldErrors
{
    private Dictionary<string, string[]> byField = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The message for the whole form: a conflict, a refusal, or the summary of field errors.</summary>
    public string? Summary { get; private set; }

    public bool IsConflict { get; private set; }

    public bool Any => Summary is not null;

    public bool Has(string field) => byField.ContainsKey(field);

    public string? For(string field) => byField.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    public void Show(Failure failure)
    {
        byField = new Dictionary<string, string[]>(failure.FieldErrors, StringComparer.OrdinalIgnoreCase);
        Summary = failure.Message;
        IsConflict = failure.Kind == FailureKind.Conflict;
    }

    public void Clear()
    {
        byField.Clear();
        Summary = null;
        IsConflict = false;
    }
}
