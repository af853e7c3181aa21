namespace CoCommissioning.Web.Infrastructure.Instances;

/// <summary>
/// A short message from one app instance to the others on the same database: its <see cref="Kind"/> names the
/// <see cref="IInstanceNoticeHandler"/> that acts on it, and <see cref="Body"/> is that handler's own small text.
/// </summary>
public sealed record InstanceNotice(string Kind, string Body);

/// <summary>
/// Tells the other app instances on the same database about something that happened here (a meeting changed, an
/// organisation's public pages were evicted). This instance acts on it directly; the others hear it through their
/// <see cref="IInstanceNoticeHandler"/> of the notice's kind.
/// </summary>
public interface IOtherInstances
{
    Task TellAsync(InstanceNotice notice, CancellationToken cancellationToken = default);
}

/// <summary>SQLite: one instance owns the database file, so there is nobody to tell.</summary>
public sealed class NoOtherInstances : IOtherInstances
{
    public Task TellAsync(InstanceNotice notice, CancellationToken cancellationToken = default) => Task.CompletedTask;
}

/// <summary>Acts, on this instance, on notices of one kind sent by another instance.</summary>
public interface IInstanceNoticeHandler
{
    string Kind { get; }

    Task HandleAsync(string body, CancellationToken cancellationToken);

    /// <summary>
    /// After the listening connection was lost and is back: notices sent meanwhile are gone for good, so act as if
    /// everything of this kind had changed.
    /// </summary>
    Task CatchUpAsync(CancellationToken cancellationToken);
}
