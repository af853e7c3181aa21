namespace CoCommissioning.Domain.Common;

/// <summary>Collects field messages so a form reports every mistake at once, not the first one only.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, string[]> errors = [];

    public bool Any => errors.Count > 0;

    public bool Has(string field) => errors.ContainsKey(field);

    public void Add(params Failure?[] failures)
    {
        foreach (var failure in failures)
        {
            foreach (var (field, messages) in failure?.FieldErrors ?? new Dictionary<string, string[]>())
            {
                errors[field] = messages;
            }
        }
    }

    public void Add(string field, string message) => errors[field] = [message];

    public Failure ToFailure() => Failure.Validation(errors);
}
