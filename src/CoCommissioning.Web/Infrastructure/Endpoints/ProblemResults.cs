using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace CoCommissioning.Web.Infrastructure;

/// <summary>
/// A ProblemDetails response with a fixed status. Each status is its own small type so that an endpoint's
/// <c>Results&lt;...&gt;</c> return type lists the problems it can answer, and OpenAPI documents them from the type.
/// </summary>
public abstract class StatusProblem(ProblemDetails details) : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<ProblemDetails>, IContentTypeHttpResult
{
    private const string ProblemJson = "application/problem+json";

    public ProblemDetails Value { get; } = details;

    object? IValueHttpResult.Value => Value;

    public int? StatusCode => Value.Status;

    public string ContentType => ProblemJson;

    // ProblemHttpResult writes through IProblemDetailsService, as every other problem in the app is written.
    public Task ExecuteAsync(HttpContext httpContext) => TypedResults.Problem(Value).ExecuteAsync(httpContext);

    protected static void Describe(EndpointBuilder builder, int status) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), [ProblemJson]));

    protected static ProblemDetails Details(int status, string title, string detail) =>
        new() { Status = status, Title = title, Detail = detail };
}

/// <summary>404: the record does not exist, or is not visible to this user (another organisation's).</summary>
public sealed class NotFoundProblem(string detail) : StatusProblem(Details(StatusCodes.Status404NotFound, "Not found", detail)), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Describe(builder, StatusCodes.Status404NotFound);
}

/// <summary>403: signed in with the right role, but this record is someone else's to change.</summary>
public sealed class ForbiddenProblem(string detail) : StatusProblem(Details(StatusCodes.Status403Forbidden, "Not permitted", detail)), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Describe(builder, StatusCodes.Status403Forbidden);
}

/// <summary>409: the record changed since it was read (a race or a stale version), or it is already recorded.</summary>
public sealed class ConflictProblem : StatusProblem, IEndpointMetadataProvider
{
    public ConflictProblem(string detail, Guid? existingId = null)
        : base(Details(StatusCodes.Status409Conflict, existingId is null ? "Changed by someone else" : "Already recorded", detail))
    {
        if (existingId is { } existing)
        {
            Value.Extensions["existingId"] = existing;
        }
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Describe(builder, StatusCodes.Status409Conflict);
}

/// <summary>422: a well-formed request that a governance rule refuses (not quorate, conflicted, already concluded).</summary>
public sealed class RuleProblem(string detail) : StatusProblem(Details(StatusCodes.Status422UnprocessableEntity, "Refused by a governance rule", detail)), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Describe(builder, StatusCodes.Status422UnprocessableEntity);
}
