using System.Text;
using System.Text.Json;
using Npgsql;

namespace CoCommissioning.Web.Infrastructure.Instances;

/// <summary>
/// The app instances on one PostgreSQL database tell each other about changes with NOTIFY on one channel, and each
/// LISTENs on one long-lived connection of its own (ADR-0014). A notice is a small JSON envelope: which instance sent
/// it, its kind and its body. An instance ignores its own notices, because whoever tells the others has already acted
/// here; that keeps local delivery to exactly once and a round trip sooner.
/// </summary>
public sealed class PostgresNotificationChannel : BackgroundService, IOtherInstances
{
    /// <summary>NOTIFY is scoped to the database, so one fixed name serves every deployment.</summary>
    public const string Channel = "cocommissioning_instances";

    /// <summary>PostgreSQL refuses a payload of 8000 bytes or more; ours are a few hundred.</summary>
    public const int MaxPayloadBytes = 7999;

    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(30);

    // Long enough for a database that is up (the app has just migrated it); a start-up never hangs on a broken one.
    private static readonly TimeSpan StartupWait = TimeSpan.FromSeconds(15);

    private readonly string connectionString;
    private readonly string listenConnectionString;
    private readonly Dictionary<string, IInstanceNoticeHandler> handlers;
    private readonly ILogger<PostgresNotificationChannel> logger;
    private readonly TaskCompletionSource listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public PostgresNotificationChannel(string connectionString, IEnumerable<IInstanceNoticeHandler> handlers, ILogger<PostgresNotificationChannel> logger)
    {
        this.connectionString = connectionString;
        this.handlers = handlers.ToDictionary(h => h.Kind, StringComparer.Ordinal);
        this.logger = logger;

        // Its own connection outside the pool: a pooled one is reset (UNLISTEN) when returned. Keepalives make a dead
        // server or network show up as an error in WaitAsync instead of an endless silent wait.
        listenConnectionString = new NpgsqlConnectionStringBuilder(connectionString)
        {
            Pooling = false,
            KeepAlive = 15,
            ApplicationName = "CoCommissioning notices",
        }.ConnectionString;
    }

    /// <summary>Tells this instance's own notices from the others'.</summary>
    public Guid InstanceId { get; } = Guid.NewGuid();

    public async Task TellAsync(InstanceNotice notice, CancellationToken cancellationToken = default)
    {
        var payload = JsonSerializer.Serialize(new Envelope(InstanceId, notice.Kind, notice.Body));
        if (Encoding.UTF8.GetByteCount(payload) > MaxPayloadBytes)
        {
            throw new ArgumentException($"A notice of kind {notice.Kind} is longer than PostgreSQL's NOTIFY allows; send an id, not the record.", nameof(notice));
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection);
        command.Parameters.AddWithValue("channel", Channel);
        command.Parameters.AddWithValue("payload", payload);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Returns once this instance listens, so a host that has started hears every later notice.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await base.StartAsync(cancellationToken);
        try
        {
            await listening.Task.WaitAsync(StartupWait, cancellationToken);
        }
        catch (TimeoutException)
        {
            logger.LogWarning("Not yet listening for other instances' notices after {Wait}; starting anyway and still trying", StartupWait);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retry = FirstRetry;
        var listenedBefore = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(listenConnectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += OnNotification;
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                retry = FirstRetry;
                if (listenedBefore)
                {
                    logger.LogWarning("Listening again on PostgreSQL channel {Channel}: refreshing open live views and dropping cached public pages, since notices sent meanwhile are lost", Channel);
                    await CatchUpAsync(stoppingToken);
                }
                else
                {
                    logger.LogInformation("Listening on PostgreSQL channel {Channel} for other instances' notices (this instance {InstanceId})", Channel, InstanceId);
                }

                listenedBefore = true;
                listening.TrySetResult();
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Anything else (server restart, network, failover) is worth another try; the views and pages here
                // stay usable meanwhile, only behind on other instances' changes.
                logger.LogError(ex, "The PostgreSQL connection listening for other instances' notices failed; live views and public pages here miss other instances' changes until it is back. Retrying in {Retry}", retry);
            }

            try
            {
                await Task.Delay(retry, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LongestRetry.Ticks));
        }
    }

    // Raised inside WaitAsync on the listening connection: hand the notice off so the connection reads on at once.
    private void OnNotification(object sender, NpgsqlNotificationEventArgs e) => _ = DispatchAsync(e.Payload);

    private async Task DispatchAsync(string payload)
    {
        await Task.Yield();
        try
        {
            var envelope = JsonSerializer.Deserialize<Envelope>(payload);
            if (envelope is null || envelope.From == InstanceId)
            {
                return;
            }

            if (!handlers.TryGetValue(envelope.Kind, out var handler))
            {
                // A newer instance during a rolling deployment may send kinds this one does not know yet.
                logger.LogWarning("A notice of unknown kind {Kind} from instance {InstanceId} was ignored", envelope.Kind, envelope.From);
                return;
            }

            await handler.HandleAsync(envelope.Body, CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "A notice from another instance could not be handled: {Payload}", payload);
        }
    }

    private async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        foreach (var handler in handlers.Values)
        {
            try
            {
                await handler.CatchUpAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Catching up on missed notices of kind {Kind} failed", handler.Kind);
            }
        }
    }

    private sealed record Envelope(Guid From, string Kind, string Body);
}
