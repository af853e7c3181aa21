using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CoCommissioning.Web.Infrastructure;

/// <summary>How many password attempts one client address may make (<c>SignIn:RateLimit</c> in configuration).</summary>
public sealed class SignInRateLimitOptions
{
    public const string Section = "SignIn:RateLimit";

    /// <summary>
    /// Attempts per window from one address. Generous enough for an office of people behind one NAT address signing
    /// in at nine o'clock, far too few for password guessing.
    /// </summary>
    public int PermitLimit { get; set; } = 20;

    public int WindowSeconds { get; set; } = 60;
}

/// <summary>
/// Limits password attempts (the sign-in form's post and the API's token exchange) per client address. This, not
/// account lockout, is what stops guessing: a lockout lets a stranger lock any account at will (ADR-0016).
/// </summary>
public static class SignInRateLimiting
{
    public const string TooManyTitle = "Too many sign-in attempts";

    public static void AddSignInRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SignInRateLimitOptions>(configuration.GetSection(SignInRateLimitOptions.Section));
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<SignInRateLimitOptions>>((options, limits) =>
        {
            var permitLimit = Math.Max(1, limits.Value.PermitLimit);
            var window = TimeSpan.FromSeconds(Math.Max(1, limits.Value.WindowSeconds));
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = RejectAsync;

            // A global limiter and not an endpoint policy: the form's page and its post are one Razor component
            // endpoint, and only the post (the password attempt) should count.
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsPasswordAttempt(context.Request)
                    ? RateLimitPartition.GetFixedWindowLimiter(ClientAddress(context), _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = permitLimit,
                        Window = window,
                        QueueLimit = 0,
                    })
                    : RateLimitPartition.GetNoLimiter(""));
        });
    }

    public static bool IsPasswordAttempt(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && (request.Path.Equals("/account/login", StringComparison.OrdinalIgnoreCase)
            || request.Path.Equals("/api/auth/token", StringComparison.OrdinalIgnoreCase));

    /// <summary>The caller's address as the forwarded headers middleware left it (the client, behind a known proxy).</summary>
    public static string ClientAddress(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } address
            ? (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString()
            : IPAddress.None.ToString();

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? (int)Math.Ceiling(retryAfter.TotalSeconds)
            : 60;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SignInRateLimiting))
            .LogWarning("Sign-in attempts from {ClientAddress} refused by the rate limit for {Seconds} s", ClientAddress(context), seconds);

        var message = $"There have been too many sign-in attempts from your network. Wait {seconds} seconds, then try again.";
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = TooManyTitle, Detail = message },
            });
            return;
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(
            $"""
            <!DOCTYPE html>
            <html lang="en-GB">
            <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1.0" /><title>{TooManyTitle} - CoCommissioning</title></head>
            <body style="font-family: Arial, Helvetica, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem;">
            <main>
            <h1>{TooManyTitle}</h1>
            <p role="alert">{message}</p>
            <p><a href="/account/login">Back to sign in</a></p>
            </main>
            </body>
            </html>
            """,
            cancellationToken);
    }
}
