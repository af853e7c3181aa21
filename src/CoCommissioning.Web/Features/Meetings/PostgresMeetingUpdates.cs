using System.Text.Json;
using CoCommissioning.Web.Infrastructure.Instances;

namespace CoCommissioning.Web.Features.Meetings;

/// <summary>
/// Meeting updates for several app instances on one PostgreSQL database: this instance's views hear a change
/// directly, the other instances' views through <see cref="PostgresNotificationChannel"/> and
/// <see cref="MeetingChangedNotices"/>. A member's view on one instance so sees the secretary's save on another.
/// </summary>
public sealed class PostgresMeetingUpdates(InProcessMeetingUpdates local, IOtherInstances others) : IMeetingUpdates
{
    public const string NoticeKind = "meeting-changed";

    public IDisposable Subscribe(Guid meetingId, Func<MeetingChanged, Task> onChanged) => local.Subscribe(meetingId, onChanged);

    public async Task PublishAsync(MeetingChanged change, CancellationToken cancellationToken = default)
    {
        // Local views first: they should not wait on the database round trip of the notice.
        await local.PublishAsync(change, cancellationToken);
        await others.TellAsync(new InstanceNotice(NoticeKind, JsonSerializer.Serialize(change)), cancellationToken);
    }
}

/// <summary>Passes another instance's <see cref="MeetingChanged"/> to the views of that meeting open here.</summary>
public sealed class MeetingChangedNotices(InProcessMeetingUpdates local, TimeProvider clock) : IInstanceNoticeHandler
{
    public string Kind => PostgresMeetingUpdates.NoticeKind;

    public Task HandleAsync(string body, CancellationToken cancellationToken) =>
        local.PublishAsync(JsonSerializer.Deserialize<MeetingChanged>(body) ?? throw new JsonException("An empty meeting notice"), cancellationToken);

    public Task CatchUpAsync(CancellationToken cancellationToken) => local.RefreshEveryViewAsync(clock.GetUtcNow());
}
