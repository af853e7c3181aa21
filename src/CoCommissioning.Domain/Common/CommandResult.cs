using System.Diagnostics.CodeAnalysis;

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

/// <summary>
/// The outcome of a command: a value, or a <see cref="Failure"/>. Read it with <see cref="TryGetValue"/> for early returns,
/// or chain it with <see cref="Map{TOut}"/>, <see cref="Bind{TOut}(Func{T, CommandResult{TOut}})"/> and <see cref="Match{TOut}"/>:
/// each step runs only when the one before succeeded, and the first failure passes through unchanged.
/// </summary>
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

    /// <summary>The value when the command succeeded (<paramref name="failure"/> is null), else the failure.</summary>
    public bool TryGetValue([MaybeNullWhen(false)] out T value, [MaybeNullWhen(true)] out Failure failure)
    {
        value = Value;
        failure = Failure;
        return Failure is null;
    }

    /// <summary>The failure when the command failed; for code that has no use for the value.</summary>
    public bool TryGetFailure([NotNullWhen(true)] out Failure? failure)
    {
        failure = Failure;
        return Failure is not null;
    }

    /// <summary>One of two answers: from the value, or from the failure.</summary>
    public TOut Match<TOut>(Func<T, TOut> success, Func<Failure, TOut> failure) =>
        Failure is null ? success(Value!) : failure(Failure);

    /// <summary>The value changed by <paramref name="map"/>; a failure passes through.</summary>
    public CommandResult<TOut> Map<TOut>(Func<T, TOut> map) =>
        Failure is null ? CommandResult<TOut>.Success(map(Value!)) : Failure;

    /// <summary>The next command, given the value; a failure passes through and the next command does not run.</summary>
    public CommandResult<TOut> Bind<TOut>(Func<T, CommandResult<TOut>> next) =>
        Failure is null ? next(Value!) : Failure;

    /// <summary>The next command (one that returns nothing), given the value; a failure passes through.</summary>
    public CommandResult Bind(Func<T, CommandResult> next) =>
        Failure is null ? next(Value!) : Failure;

    /// <summary>The success without its value; a failure passes through.</summary>
    public CommandResult WithoutValue() => Failure is null ? CommandResult.Success() : Failure;

    /// <summary><see cref="Map{TOut}"/> with an asynchronous step.</summary>
    public async Task<CommandResult<TOut>> MapAsync<TOut>(Func<T, Task<TOut>> map) =>
        Failure is null ? CommandResult<TOut>.Success(await map(Value!)) : Failure;

    /// <summary><see cref="Bind{TOut}(Func{T, CommandResult{TOut}})"/> with an asynchronous next command.</summary>
    public Task<CommandResult<TOut>> BindAsync<TOut>(Func<T, Task<CommandResult<TOut>>> next) =>
        Failure is null ? next(Value!) : Task.FromResult<CommandResult<TOut>>(Failure);

    /// <summary><see cref="Bind(Func{T, CommandResult})"/> with an asynchronous next command.</summary>
    public Task<CommandResult> BindAsync(Func<T, Task<CommandResult>> next) =>
        Failure is null ? next(Value!) : Task.FromResult<CommandResult>(Failure);
}

/// <summary>The outcome of a command that returns nothing. Chains like <see cref="CommandResult{T}"/>.</summary>
public readonly record struct CommandResult
{
    private CommandResult(Failure? failure) => Failure = failure;

    public Failure? Failure { get; }
    public bool Succeeded => Failure is null;

    public static CommandResult Success() => new(null);
    public static CommandResult Fail(Failure failure) => new(failure);

    public static implicit operator CommandResult(Failure failure) => Fail(failure);

    /// <summary>The failure when the command failed, for an early return.</summary>
    public bool TryGetFailure([NotNullWhen(true)] out Failure? failure)
    {
        failure = Failure;
        return Failure is not null;
    }

    /// <summary>One of two answers: for success, or from the failure.</summary>
    public TOut Match<TOut>(Func<TOut> success, Func<Failure, TOut> failure) =>
        Failure is null ? success() : failure(Failure);

    /// <summary>A value made after the success; a failure passes through.</summary>
    public CommandResult<TOut> Map<TOut>(Func<TOut> map) =>
        Failure is null ? CommandResult<TOut>.Success(map()) : Failure;

    /// <summary>The next command; a failure passes through and the next command does not run.</summary>
    public CommandResult<TOut> Bind<TOut>(Func<CommandResult<TOut>> next) =>
        Failure is null ? next() : Failure;

    /// <summary>The next command (one that returns nothing); a failure passes through.</summary>
    public CommandResult Bind(Func<CommandResult> next) =>
        Failure is null ? next() : Failure;

    /// <summary><see cref="Map{TOut}"/> with an asynchronous step.</summary>
    public async Task<CommandResult<TOut>> MapAsync<TOut>(Func<Task<TOut>> map) =>
        Failure is null ? CommandResult<TOut>.Success(await map()) : Failure;

    /// <summary><see cref="Bind{TOut}(Func{CommandResult{TOut}})"/> with an asynchronous next command.</summary>
    public Task<CommandResult<TOut>> BindAsync<TOut>(Func<Task<CommandResult<TOut>>> next) =>
        Failure is null ? next() : Task.FromResult<CommandResult<TOut>>(Failure);

    /// <summary><see cref="Bind(Func{CommandResult})"/> with an asynchronous next command.</summary>
    public Task<CommandResult> BindAsync(Func<Task<CommandResult>> next) =>
        Failure is null ? next() : Task.FromResult<CommandResult>(Failure);
}

/// <summary>The same pipeline on a result still being computed, so asynchronous steps chain without awaiting each.</summary>
public static class CommandResultTaskExtensions
{
    public static async Task<CommandResult<TOut>> MapAsync<T, TOut>(this Task<CommandResult<T>> result, Func<T, TOut> map) =>
        (await result).Map(map);

    public static async Task<CommandResult<TOut>> MapAsync<T, TOut>(this Task<CommandResult<T>> result, Func<T, Task<TOut>> map) =>
        await (await result).MapAsync(map);

    public static async Task<CommandResult<TOut>> BindAsync<T, TOut>(this Task<CommandResult<T>> result, Func<T, CommandResult<TOut>> next) =>
        (await result).Bind(next);

    public static async Task<CommandResult<TOut>> BindAsync<T, TOut>(this Task<CommandResult<T>> result, Func<T, Task<CommandResult<TOut>>> next) =>
        await (await result).BindAsync(next);

    public static async Task<CommandResult> BindAsync<T>(this Task<CommandResult<T>> result, Func<T, CommandResult> next) =>
        (await result).Bind(next);

    public static async Task<CommandResult> BindAsync<T>(this Task<CommandResult<T>> result, Func<T, Task<CommandResult>> next) =>
        await (await result).BindAsync(next);

    public static async Task<TOut> MatchAsync<T, TOut>(this Task<CommandResult<T>> result, Func<T, TOut> success, Func<Failure, TOut> failure) =>
        (await result).Match(success, failure);

    public static async Task<CommandResult> BindAsync(this Task<CommandResult> result, Func<Task<CommandResult>> next) =>
        await (await result).BindAsync(next);

    public static async Task<TOut> MatchAsync<TOut>(this Task<CommandResult> result, Func<TOut> success, Func<Failure, TOut> failure) =>
        (await result).Match(success, failure);
}
