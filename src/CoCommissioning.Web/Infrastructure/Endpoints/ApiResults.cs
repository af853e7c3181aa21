using System.Collections.Concurrent;
using System.Reflection;
using CoCommissioning.Domain.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoCommissioning.Web.Infrastructure;

/// <summary>Maps command outcomes to HTTP: validation to ValidationProblem, the rest to ProblemDetails.</summary>
public static class ApiResults
{
    private static readonly ConcurrentDictionary<(Type Union, Type Problem), MethodInfo?> Conversions = new();

    /// <summary>
    /// The problem response for a failure, as the endpoint's <c>Results&lt;...&gt;</c> type. The union must list the
    /// problem type of every kind of failure the endpoint's service can return; one it does not list is a bug in the
    /// endpoint's declaration, reported as such rather than answered with a status OpenAPI does not document.
    /// </summary>
    public static TUnion Problem<TUnion>(Failure failure)
        where TUnion : IResult, INestedHttpResult
    {
        var problem = ProblemFor(failure);
        var conversion = Conversions.GetOrAdd((typeof(TUnion), problem.GetType()), static key =>
            key.Union.GetMethods(BindingFlags.Public | BindingFlags.Static)
                .FirstOrDefault(m => m.Name == "op_Implicit" && m.GetParameters() is [{ } p] && p.ParameterType == key.Problem));
        return conversion is null
            ? throw new InvalidOperationException(
                $"The endpoint answered a {failure.Kind} failure (\"{failure.Message}\") but its return type {Describe(typeof(TUnion))} does not list {problem.GetType().Name}.")
            : (TUnion)conversion.Invoke(null, [problem])!;
    }

    public static NotFoundProblem NotFound(string what) => new(Failure.NotFound(what).Message);

    public static ValidationProblem Validation(Failure failure) => TypedResults.ValidationProblem(
        failure.FieldErrors.ToDictionary(kv => ToCamelCase(kv.Key), kv => kv.Value),
        detail: failure.Message,
        title: "The request has invalid fields.");

    private static IResult ProblemFor(Failure failure) => failure.Kind switch
    {
        FailureKind.Validation => Validation(failure),
        FailureKind.NotFound => new NotFoundProblem(failure.Message),
        FailureKind.Conflict => new ConflictProblem(failure.Message, failure.ExistingId),
        FailureKind.RuleViolation => new RuleProblem(failure.Message),
        FailureKind.Forbidden => new ForbiddenProblem(failure.Message),
        _ => throw new ArgumentOutOfRangeException(nameof(failure), failure.Kind, null),
    };

    // Field names match the JSON property names a client sent.
    private static string ToCamelCase(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    private static string Describe(Type type) =>
        type.IsGenericType ? $"{type.Name[..type.Name.IndexOf('`')]}<{string.Join(", ", type.GetGenericArguments().Select(Describe))}>" : type.Name;
}
