using System.Collections.Concurrent;

namespace CoCommissioning.Web.Features.Meetings;

/// <summary>
/// Request coalescing in this process (ADR-0014): callers asking for the same key while a read of it is under way, or
/// finished less than <paramref name="keep"/> ago, share that read instead of each making their own. A caller may so
/// get a read that began before it asked: the key must carry whatever makes a read good enough for it (for the meeting
/// console, the number of notices of the meeting heard here). A failed read is forgotten at once. Nothing is kept
/// beyond <paramref name="keep"/>, and nothing is shared between instances.
/// </summary>
internal sealed class SharedReads<TKey, T>(TimeSpan keep)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Task<T>> reads = new();

    /// <summary>
    /// The read under way (or just made) for the key, else a new one by <paramref name="read"/>. The read runs without the
    /// caller's token, since others may be waiting for it; <paramref name="ct"/> only stops this caller waiting.
    /// </summary>
    public Task<T> GetAsync(TKey key, Func<Task<T>> read, CancellationToken ct = default)
    {
        while (true)
        {
            if (reads.TryGetValue(key, out var shared))
            {
                return shared.WaitAsync(ct);
            }

            // Continuations run off the reading thread: the waiting views must not take turns on it.
            var mine = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (reads.TryAdd(key, mine.Task))
            {
                _ = ReadAsync(key, mine, read);
                return mine.Task.WaitAsync(ct);
            }
        }
    }

    private async Task ReadAsync(TKey key, TaskCompletionSource<T> mine, Func<Task<T>> read)
    {
        try
        {
            mine.SetResult(await read());
            await Task.Delay(keep);
        }
        catch (Exception ex)
        {
            mine.TrySetException(ex);
        }
        finally
        {
            reads.TryRemove(KeyValuePair.Create(key, mine.Task));
        }
    }
}
