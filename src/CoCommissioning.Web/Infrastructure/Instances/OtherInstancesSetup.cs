using CoCommissioning.Data;
using CoCommissioning.Web.Features.Meetings;
using CoCommissioning.Web.Features.PublicRegisters;

namespace CoCommissioning.Web.Infrastructure.Instances;

public static class OtherInstancesSetup
{
    /// <summary>
    /// On PostgreSQL, where several instances may share the database, live views and cached public pages follow every
    /// instance's changes through LISTEN/NOTIFY; on SQLite, one instance, they stay in-process.
    /// </summary>
    public static IServiceCollection AddOtherInstances(this IServiceCollection services, DatabaseProvider provider, string connectionString)
    {
        services.AddSingleton<InProcessMeetingUpdates>();
        if (provider != DatabaseProvider.Postgres)
        {
            services.AddSingleton<IOtherInstances, NoOtherInstances>();
            services.AddSingleton<IMeetingUpdates>(sp => sp.GetRequiredService<InProcessMeetingUpdates>());
            return services;
        }

        services.AddSingleton<IInstanceNoticeHandler, MeetingChangedNotices>();
        services.AddSingleton<IInstanceNoticeHandler, PublicRegisterEvictions>();
        services.AddSingleton(sp => new PostgresNotificationChannel(
            connectionString,
            sp.GetServices<IInstanceNoticeHandler>(),
            sp.GetRequiredService<ILogger<PostgresNotificationChannel>>()));
        services.AddSingleton<IOtherInstances>(sp => sp.GetRequiredService<PostgresNotificationChannel>());
        services.AddHostedService(sp => sp.GetRequiredService<PostgresNotificationChannel>());
        services.AddSingleton<IMeetingUpdates, PostgresMeetingUpdates>();
        return services;
    }
}
