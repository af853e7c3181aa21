using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using CoCommissioning.Data;
using Microsoft.AspNetCore.Mvc;

namespace CoCommissioning.Web.Infrastructure;

/// <summary>
/// Gives API callers ProblemDetails instead of an HTML error page: unreadable JSON (a wrong enum name, a bad date)
/// is the caller's mistake and gets a 400 naming the field; a database that is down or too busy is a 503 with
/// Retry-After (<see cref="DatabaseOutage"/>); anything else is our bug and gets a 500 that says nothing was saved.
/// Pages fall through to the /error page.
/// </summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var path = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path.Value;
        if (path is null || !new PathString(path).StartsWithSegments("/api"))
        {
            return false;
        }

        ProblemDetails problem;
        if (exception is BadHttpRequestException badRequest)
        {
            // The caller's mistake, not ours: a warning naming the field, and no stack trace of the JSON reader.
            var (field, message) = Describe(badRequest);
            logger.LogWarning("Refused API request {Method} {Path} ({StatusCode}): {Field}: {Reason}", httpContext.Request.Method, path, badRequest.StatusCode, field, message);
            httpContext.Response.StatusCode = badRequest.StatusCode;
            problem = new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
            {
                Title = "The request has invalid fields.",
                Detail = message,
                Status = badRequest.StatusCode,
            };
        }
        else if (DatabaseOutage.Describe(exception) is { } outage)
        {
            logger.LogWarning("API request {Path} failed because the database is unavailable: {Reason}", httpContext.Request.Path, DatabaseFailures.Reason(exception));
            httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            httpContext.Response.Headers.RetryAfter = DatabaseOutage.RetryAfterSeconds;
            problem = new ProblemDetails { Title = outage.Title, Detail = outage.Detail, Status = StatusCodes.Status503ServiceUnavailable };
        }
        else
        {
            logger.LogError(exception, "Unhandled error in API request {Path}", httpContext.Request.Path);
            httpContext.Response.StatusCode = StatusCodes.Status500InternalServerError;
            problem = new ProblemDetails
            {
                Title = "Something went wrong",
                Detail = "The request failed and nothing was saved. Try again; if it keeps happening, report the trace id.",
                Status = StatusCodes.Status500InternalServerError,
            };
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static (string Field, string Message) Describe(BadHttpRequestException exception)
    {
        if (exception.InnerException is JsonException { Path: { } path } json)
        {
            var field = path.TrimStart('$', '.');
            var reason = json.Message.Split(" Path:", 2)[0];
            return (string.IsNullOrEmpty(field) ? "body" : field, $"The value of \"{field}\" is not valid: {reason}");
        }

        return ("body", exception.Message);
    }
}
