using System.Collections.Concurrent;
using CoCommissioning.Data;

namespace CoCommissioning.Web.Features.Meetings;

/// <summary>Something about a meeting changed: open views of it reload what they show.</summary>
public sealed record MeetingChanged(Guid MeetingId, Guid OrganisationId, DateTimeOffset At);

/// <summary>
/// Tells every open view of a meeting (the secretary's console, the chair's view, members' views) that it changed.
/// <see cref="InProcessMeetingUpdates"/> on SQLite (one instance); <see cref="PostgresMeetingUpdates"/> on PostgreSQL,
/// which also carries each change to the views open on the other app instances (ADR-0014).
/// </summary>
public interface IMeetingUpdates
{
    /// <summary>Calls <paramref name="onChanged"/> after each change to the meeting until the result is disposed.</summary>
    IDisposable Subscribe(Guid meetingId, Func<MeetingChanged, Task> onChanged);

    Task PublishAsync(MeetingChanged change, CancellationToken cancellationToken = default);
}

public sealed class InProcessMeetingUpdates(ILogger<InProcessMeetingUpdates> logger) : IMeetingUpdates
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<Guid, Func<MeetingChanged, Task>>> subscribers = new();
    private readonly ConcurrentDictionary<Guid, long> noticesHeard = new();

    public int SubscriberCount(Guid meetingId) => subscribers.TryGetValue(meetingId, out var views) ? views.Count : 0;

    /// <summary>
    /// How many notices of the meeting this instance has passed to its views (its own changes and the other instances').
    /// It is counted before any view is told, so a read begun once the count is N has seen every change those N notices
    /// told of: views refreshing for the same notice may share one read (<see cref="MeetingConsoleService.RefreshAsync"/>).
    /// </summary>
    public long NoticesOf(Guid meetingId) => noticesHeard.GetValueOrDefault(meetingId);

    public IDisposable Subscribe(Guid meetingId, Func<MeetingChanged, Task> onChanged)
    {
        var key = Guid.NewGuid();
        subscribers.GetOrAdd(meetingId, _ => new()).TryAdd(key, onChanged);
        return new Subscription(() =>
        {
            if (subscribers.TryGetValue(meetingId, out var views))
            {
                views.TryRemove(key, out _);
            }
        });
    }

    /// <summary>
    /// Tells every open view here that its meeting changed, for when changes may have been missed (the notices of
    /// other instances while the connection that hears them was down). The organisation is not known here.
    /// </summary>
    public Task RefreshEveryViewAsync(DateTimeOffset at)
    {
        foreach (var meetingId in subscribers.Keys)
        {
            NotifyViews(new MeetingChanged(meetingId, Guid.Empty, at));
        }

        return Task.CompletedTask;
    }

    public Task PublishAsync(MeetingChanged change, CancellationToken cancellationToken = default)
    {
        NotifyViews(change);
        return Task.CompletedTask;
    }

    private void NotifyViews(MeetingChanged change)
    {
        noticesHeard.AddOrUpdate(change.MeetingId, 1, (_, heard) => heard + 1);
        if (subscribers.TryGetValue(change.MeetingId, out var views))
        {
            // Each view refreshes on its own: the save that caused the change does not wait for twenty circuits.
            foreach (var onChanged in views.Values)
            {
                _ = NotifyAsync(onChanged, change);
            }
        }
    }

    private async Task NotifyAsync(Func<MeetingChanged, Task> onChanged, MeetingChanged change)
    {
        // Off the saving thread first: a view's re-read can complete synchronously (SQLite's async calls do, and an
        // idle circuit runs InvokeAsync inline), which would refresh the views one after another before the save
        // returned. Measured in docs/performance.md.
        await Task.Yield();
        try
        {
            await onChanged(change);
        }
        catch (Exception ex)
        {
            // A broken view (a closed circuit) must not stop the others hearing of the change.
            logger.LogWarning(ex, "A view of meeting {MeetingId} failed to refresh", change.MeetingId);
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private Action? onDispose = dispose;

        public void Dispose() => Interlocked.Exchange(ref onDispose, null)?.Invoke();
    }
}

/// <summary>Turns committed saves of a meeting or its parts into <see cref="MeetingChanged"/> notices.</summary>
public sealed class MeetingChangeObserver(IMeetingUpdates updates, TimeProvider clock) : IGovernanceChangeObserver
{
    private static readonly HashSet<string> PartsOfAMeeting = ["AgendaItem", "AttendanceRecord", "ItemRuling", "PreFlagResponse", "PreFlagDismissal", "MeetingDeclaration", "QuorumConfirmation", "PersonInAttendance", "MeetingPaper"];

    public async Task SavedAsync(IReadOnlyList<GovernanceChange> changes, CancellationToken cancellationToken)
    {
        // A decision or an inquorate choice closes its item in the same save, so the item's change carries the notice.
        var meetings = changes
            .Select(c => c.RecordType == "Meeting" ? (c.RecordId, c.OrganisationId)
                : PartsOfAMeeting.Contains(c.RecordType) && c.AggregateId is { } meetingId ? (meetingId, c.OrganisationId)
                : ((Guid, Guid)?)null)
            .OfType<(Guid MeetingId, Guid OrganisationId)>()
            .Distinct();
        foreach (var (meetingId, organisationId) in meetings)
        {
            await updates.PublishAsync(new MeetingChanged(meetingId, organisationId, clock.GetUtcNow()), cancellationToken);
        }
    }
}
