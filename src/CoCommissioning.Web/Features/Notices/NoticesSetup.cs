namespace CoCommissioning.Web.Features.Notices;

public static class NoticesSetup
{
    /// <summary>The outbox, the notice hooks, the dispatcher and the daily reminders (ADR-0021).</summary>
    public static IServiceCollection AddNotices(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<NoticeOptions>(configuration.GetSection(NoticeOptions.Section));
        services.AddSingleton<NoticeSignal>();
        services.AddSingleton<NoticeOutbox>();
        services.AddSingleton<MeetingNotices>();
        services.AddSingleton<ActionNotices>();
        services.AddSingleton<MinutesNotices>();
        services.AddSingleton<NoticeService>();
        services.AddSingleton<NoticeDispatcher>();
        services.AddHostedService<NoticeDispatchJob>();
        services.AddHostedService<ActionDueSoonJob>();
        return services;
    }
}

/// <summary>How a feature calls a notice hook: after its change succeeded (and committed), answering the change's result whatever the hook does.</summary>
public static class NoticeHook
{
    public static async Task<CoCommissioning.Domain.Common.CommandResult<T>> AfterAsync<T>(CoCommissioning.Domain.Common.CommandResult<T> result, Func<Task<int>> hook)
    {
        if (result.Succeeded)
        {
            // The hooks never throw (NoticeOutbox.SafelyAsync): the change is saved and is answered as saved.
            await hook();
        }

        return result;
    }
}
