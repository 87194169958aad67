using System.Collections.Concurrent;

namespace RefineSharp.AspNetCore.Sessions;

/// <summary>
/// One async lock per session key in this process, so that circuits and requests of one session (several tabs)
/// read-compare-write its tokens one at a time. Instances behind a load balancer each have their own; see
/// docs/adr/0006-server-side-sessions.md for what that means for refresh.
/// </summary>
internal sealed class SessionLocks
{
    private readonly ConcurrentDictionary<string, Entry> _locks = new(StringComparer.Ordinal);

    /// <summary>Waits for the lock of <paramref name="key"/>; dispose the result to release it.</summary>
    public async Task<IDisposable> AcquireAsync(string key, CancellationToken cancellationToken)
    {
        Entry entry;
        while (true)
        {
            entry = _locks.GetOrAdd(key, static _ => new Entry());
            lock (entry)
            {
                if (!entry.Retired)
                {
                    entry.Users++;
                    break;
                }
            }
        }

        try
        {
            await entry.Semaphore.WaitAsync(cancellationToken);
        }
        catch
        {
            Release(key, entry, held: false);
            throw;
        }

        return new Releaser(this, key, entry);
    }

    private void Release(string key, Entry entry, bool held)
    {
        if (held)
        {
            entry.Semaphore.Release();
        }

        lock (entry)
        {
            if (--entry.Users == 0)
            {
                // Last user: retire the entry so the map does not grow with every session ever seen.
                entry.Retired = true;
                _locks.TryRemove(new KeyValuePair<string, Entry>(key, entry));
            }
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Users { get; set; }

        public bool Retired { get; set; }
    }

    private sealed class Releaser(SessionLocks owner, string key, Entry entry) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                owner.Release(key, entry, held: true);
            }
        }
    }

    /// <summary>How many keys hold an entry now (for tests: the map must not grow without bound).</summary>
    internal int Count => _locks.Count;
}
