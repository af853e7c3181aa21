using CoCommissioning.Domain.Common;

namespace CoCommissioning.Web.Infrastructure;

/// <summary>
/// API query strings with a control character (a NUL cannot even reach PostgreSQL as a parameter) get a 400 naming the
/// parameter before any endpoint runs, the same rule <see cref="Text"/> applies to the text in request bodies.
/// </summary>
internal static class UnstorableQueryCheck
{
    public static IApplicationBuilder UseUnstorableQueryCheck(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                foreach (var (key, values) in context.Request.Query)
                {
                    if (Text.HasUnstorableCharacter(key) || values.Any(Text.HasUnstorableCharacter))
                    {
                        var field = Text.HasUnstorableCharacter(key) ? "query" : key;
                        await Results.ValidationProblem(
                            new Dictionary<string, string[]> { [field] = [$"The {field} contains a character that cannot be stored."] },
                            title: "The request has invalid fields.").ExecuteAsync(context);
                        return;
                    }
                }
            }

            await next(context);
        });
}
