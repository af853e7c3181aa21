using System.Text.Json;
using CoCommissioning.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CoCommissioning.Web.Infrastructure;

/// <summary>
/// Ready means the database answers and every migration this build knows is applied. Bounded in time: the retrying
/// execution strategy would otherwise hold a probe for its whole retry budget while the database is down.
/// </summary>
internal sealed class DatabaseReadyCheck(IDbContextFactory<AppDbContext> contexts) : IHealthCheck
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(Limit);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(limit.Token);
            var pending = (await db.Database.GetPendingMigrationsAsync(limit.Token)).ToList();
            return pending.Count == 0
                ? HealthCheckResult.Healthy("The database answers and its migrations are applied.")
                : HealthCheckResult.Unhealthy($"{pending.Count} migrations are not applied yet, the first {pending[0]}.");
        }
        catch (Exception ex) when (DatabaseFailures.IsOutage(ex) || (ex is OperationCanceledException && limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested))
        {
            return HealthCheckResult.Unhealthy($"The database cannot be reached: {DatabaseFailures.Reason(ex)}");
        }
    }
}

/// <summary>/health/live (the process answers; no database) and /health/ready (<see cref="DatabaseReadyCheck"/>).</summary>
public static class DatabaseHealth
{
    public const string ReadyTag = "ready";

    public static void AddDatabaseHealth(this IServiceCollection services) =>
        services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: [ReadyTag]);

    public static void MapDatabaseHealth(this IEndpointRouteBuilder app)
    {
        // Live must not touch the database: an orchestrator restarts what is not live, and restarting every instance
        // because the database is down helps nobody.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync }).AllowAnonymous();

        var ready = new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync };
        app.MapHealthChecks("/health/ready", ready).AllowAnonymous();

        // Kept for the compose file and monitors set up before the split.
        app.MapHealthChecks("/health", ready).AllowAnonymous();
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        }));
    }
}
