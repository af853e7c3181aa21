namespace CoCommissioning.Web.Infrastructure;

/// <summary>
/// Browser hardening headers on every response: pages, the API, static files, 404s, errors and 429s alike.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Blazor Server needs no inline script and no eval, so scripts are 'self' only (App.razor has no inline
    /// import map for that reason). MudBlazor sets element styles inline (positions of popovers, theme variables),
    /// which is why style-src keeps 'unsafe-inline'; inline styles cannot run script. connect-src 'self' also covers
    /// the circuit's WebSocket to the same origin (CSP Level 3, Chromium and Firefox).
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

    public const string PermissionsPolicy =
        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), accelerometer=(), gyroscope=(), magnetometer=()";

    public const string ReferrerPolicy = "strict-origin-when-cross-origin";

    /// <summary>
    /// Runs first so nothing later can answer without the headers. They are added when the response starts, not
    /// when the request arrives, because the exception handler clears the headers of a failed response before it
    /// renders the error page.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers["Permissions-Policy"] = PermissionsPolicy;
                headers["Referrer-Policy"] = ReferrerPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                return Task.CompletedTask;
            });
            return next(context);
        });
}
