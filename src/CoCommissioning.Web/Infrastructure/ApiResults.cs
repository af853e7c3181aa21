using CoCommissioning.Domain.Common;

namespace CoCommissioning.Web.Infrastructure;

/// <summary>Maps command outcomes to HTTP: validation to ValidationProblem, the rest to ProblemDetails.</summary>
public static class ApiResults
{
    public static IResult From<T>(CommandResult<T> result, Func<T, IResult> onSuccess) =>
        result.Succeeded ? onSuccess(result.Value!) : Problem(result.Failure!);

    public static IResult From(CommandResult result, Func<IResult> onSuccess) =>
        result.Succeeded ? onSuccess() : Problem(result.Failure!);

    public static IResult NotFoundProblem(string what) => Problem(Failure.NotFound(what));

    public static IResult Problem(Failure failure) => failure.Kind switch
    {
        FailureKind.Validation => TypedResults.ValidationProblem(
            failure.FieldErrors.ToDictionary(kv => ToCamelCase(kv.Key), kv => kv.Value),
            detail: failure.Message,
            title: "The request has invalid fields."),
        FailureKind.NotFound => TypedResults.Problem(failure.Message, statusCode: StatusCodes.Status404NotFound, title: "Not found"),
        FailureKind.Conflict when failure.ExistingId is { } existing => TypedResults.Problem(
            failure.Message,
            statusCode: StatusCodes.Status409Conflict,
            title: "Already recorded",
            extensions: new Dictionary<string, object?> { ["existingId"] = existing }),
        FailureKind.Conflict => TypedResults.Problem(failure.Message, statusCode: StatusCodes.Status409Conflict, title: "Changed by someone else"),
        FailureKind.RuleViolation => TypedResults.Problem(failure.Message, statusCode: StatusCodes.Status422UnprocessableEntity, title: "Refused by a governance rule"),
        FailureKind.Forbidden => TypedResults.Problem(failure.Message, statusCode: StatusCodes.Status403Forbidden, title: "Not permitted"),
        _ => throw new ArgumentOutOfRangeException(nameof(failure), failure.Kind, null),
    };

    // Field names match the JSON property names a client sent.
    private static string ToCamelCase(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
