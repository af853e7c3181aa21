namespace CoCommissioning.Domain.Common;

/// <summary>What kind of expected failure a command met. Bugs throw; these are outcomes a person can act on.</summary>
public enum FailureKind
{
    /// <summary>The input was wrong; <see cref="Failure.FieldErrors"/> names the fields.</summary>
    Validation,
    /// <summary>The record does not exist, or belongs to another organisation (never say which).</summary>
    NotFound,
    /// <summary>Someone else changed the record since it was read.</summary>
    Conflict,
    /// <summary>A governance rule refuses the change in the record's current state.</summary>
    RuleViolation,
    /// <summary>The caller may not do this to this record.</summary>
    Forbidden,
}

/// <summary>An expected failure with a message a person can act on.</summary>
public sealed record Failure(FailureKind Kind, string Message, IReadOnlyDictionary<string, string[]> FieldErrors)
{
    private static readonly IReadOnlyDictionary<string, string[]> NoFields = new Dictionary<string, string[]>();

    public static Failure Validation(string field, string message) =>
        new(FailureKind.Validation, message, new Dictionary<string, string[]> { [field] = [message] });

    public static Failure Validation(IReadOnlyDictionary<string, string[]> fieldErrors) =>
        new(FailureKind.Validation, "Some of the information given is not valid.", fieldErrors);

    public static Failure NotFound(string what) => new(FailureKind.NotFound, $"{what} was not found.", NoFields);

    public static Failure Conflict(string what) =>
        new(FailureKind.Conflict, $"Someone else changed this {what} after you opened it. Refresh to see their changes, then try again.", NoFields);

    /// <summary>A lost race with its own words (two people recorded the same thing at once): a conflict, not a rule.</summary>
    public static Failure Race(string message) => new(FailureKind.Conflict, message, NoFields);

    /// <summary>
    /// The same create arrived twice (a double-click, a client's retry): a conflict that names the record already made,
    /// so the caller can go to it instead of making a second.
    /// </summary>
    public static Failure Duplicate(string message, Guid existingId) => new(FailureKind.Conflict, message, NoFields) { ExistingId = existingId };

    /// <summary>For a <see cref="Duplicate"/>: the record the first request created.</summary>
    public Guid? ExistingId { get; init; }

    public static Failure Rule(string message) => new(FailureKind.RuleViolation, message, NoFields);

    public static Failure Forbidden(string message) => new(FailureKind.Forbidden, message, NoFields);
}

/// <summary>The outcome of a command: a value, or a <see cref="Failure"/>.</summary>
public readonly record struct CommandResult<T>
{
    private CommandResult(T? value, Failure? failure)
    {
        Value = value;
        Failure = failure;
    }

    public T? Value { get; }
    public Failure? Failure { get; }
    public bool Succeeded => Failure is null;

    public static CommandResult<T> Success(T value) => new(value, null);
    public static CommandResult<T> Fail(Failure failure) => new(default, failure);

    public static implicit operator CommandResult<T>(Failure failure) => Fail(failure);
}

/// <summary>The outcome of a command that returns nothing.</summary>
public readonly record struct CommandResult
{
    private CommandResult(Failure? failure) => Failure = failure;

    public Failure? Failure { get; }
    public bool Succeeded => Failure is null;

    public static CommandResult Success() => new(null);
    public static CommandResult Fail(Failure failure) => new(failure);

    public static implicit operator CommandResult(Failure failure) => Fail(failure);
}
