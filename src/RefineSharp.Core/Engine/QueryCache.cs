namespace RefineSharp;

/// <summary>
/// One cached, single-flight query (check, identity or permissions): concurrent reads of the same key share one
/// provider call, answers are kept until <see cref="Clear"/> (or until they expire), and failed answers are not kept.
/// The no-parameter key has its own slot so that a cached read takes no lock and allocates nothing. At most
/// <see cref="Capacity"/> keys with parameters are kept: storing one more forgets the oldest, so a page that asks
/// with ever new parameters cannot grow the cache without bound.
/// </summary>
internal sealed class QueryCache<T>
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _keyed = new(StringComparer.Ordinal);

    // The keys of _keyed, oldest first; each entry holds its own node so that replacing or forgetting it is O(1).
    private readonly LinkedList<string> _order = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan? _lifetime;
    private Entry? _default;

    public QueryCache(TimeProvider time, TimeSpan? lifetime, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _time = time;
        _lifetime = lifetime;
        Capacity = capacity;
    }

    /// <summary>The most keys with parameters kept at once.</summary>
    public int Capacity { get; }

    /// <summary>How many keys with parameters are kept now (for tests and diagnostics).</summary>
    public int KeyedCount
    {
        get
        {
            lock (_gate)
            {
                return _keyed.Count;
            }
        }
    }

    /// <summary>Returns the fresh cached answer of the no-parameter key without locking or allocating.</summary>
    public bool TryGetFresh(out T value)
    {
        var cached = Volatile.Read(ref _default);
        if (cached is not null && IsFresh(cached))
        {
            value = cached.Value!;
            return true;
        }

        value = default!;
        return false;
    }

    /// <summary>
    /// Returns the cached answer for <paramref name="key"/> (null = no parameters) or loads it once. Callers try
    /// <see cref="TryGetFresh"/> first for the no-parameter key; this is the path that may wait or load.
    /// </summary>
    public ValueTask<T> GetAsync(string? key, Func<Task<QueryAnswer<T>>> load, CancellationToken cancellationToken)
    {
        Entry entry;
        bool mustLoad;
        lock (_gate)
        {
            var existing = key is null ? _default : _keyed.GetValueOrDefault(key);
            if (existing is not null && (IsFresh(existing) || !existing.Pending.Task.IsCompleted))
            {
                entry = existing;
                mustLoad = false;
            }
            else
            {
                entry = new Entry();
                Store(key, entry);
                mustLoad = true;
            }
        }

        if (entry.HasValue && IsFresh(entry))
        {
            return new ValueTask<T>(entry.Value!);
        }

        if (mustLoad)
        {
            _ = LoadAsync(key, entry, load);
        }

        return new ValueTask<T>(entry.Pending.Task.WaitAsync(cancellationToken));
    }

    /// <summary>Forgets every answer; loads already running finish for their callers but are not kept.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _default = null;
            _keyed.Clear();
            _order.Clear();
        }
    }

    private async Task LoadAsync(string? key, Entry entry, Func<Task<QueryAnswer<T>>> load)
    {
        QueryAnswer<T> answer;
        try
        {
            answer = await load();
        }
        catch (Exception ex)
        {
            // load() maps provider failures to answers; anything else is a bug, surfaced to every waiter.
            Forget(key, entry);
            entry.Pending.TrySetException(ex);
            return;
        }

        if (answer.Cacheable)
        {
            entry.Value = answer.Value;
            entry.ExpiresAt = _lifetime is { } lifetime ? _time.GetTimestamp() + (long)(lifetime.TotalSeconds * _time.TimestampFrequency) : long.MaxValue;
            Volatile.Write(ref entry.HasValue, true);
        }
        else
        {
            Forget(key, entry);
        }

        entry.Pending.TrySetResult(answer.Value);
    }

    private bool IsFresh(Entry entry) =>
        Volatile.Read(ref entry.HasValue) && (entry.ExpiresAt == long.MaxValue || _time.GetTimestamp() < entry.ExpiresAt);

    private void Store(string? key, Entry entry)
    {
        if (key is null)
        {
            Volatile.Write(ref _default, entry);
        }
        else
        {
            if (_keyed.Remove(key, out var replaced))
            {
                _order.Remove(replaced.Node!);
            }

            _keyed[key] = entry;
            entry.Node = _order.AddLast(key);

            // Oldest first out. An evicted load still answers the callers waiting on it; it is just not kept.
            while (_keyed.Count > Capacity)
            {
                var oldest = _order.First!;
                _order.RemoveFirst();
                _keyed.Remove(oldest.Value);
            }
        }
    }

    private void Forget(string? key, Entry entry)
    {
        lock (_gate)
        {
            if (key is null)
            {
                if (ReferenceEquals(_default, entry))
                {
                    _default = null;
                }
            }
            else if (_keyed.TryGetValue(key, out var current) && ReferenceEquals(current, entry))
            {
                _keyed.Remove(key);
                _order.Remove(entry.Node!);
            }
        }
    }

    private sealed class Entry
    {
        public readonly TaskCompletionSource<T> Pending = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public T? Value;
        public long ExpiresAt;
        public bool HasValue;
        public LinkedListNode<string>? Node;
    }
}
