using RefineSharp.Tokens;

namespace RefineSharp.Tests.Tokens;

/// <summary>
/// A <see cref="MemoryTokenStore"/> that counts reads, so a test can hold the refresher until every caller has read
/// the stored tokens (and so decided to refresh) instead of hoping the callers arrive before a gate opens.
/// </summary>
internal sealed class ArrivalBarrierStore : ITokenStore
{
    private readonly MemoryTokenStore _inner = new();
    private readonly object _sync = new();
    private readonly List<(int Count, TaskCompletionSource Reached)> _waiters = [];
    private int _reads;

    public int Reads => Volatile.Read(ref _reads);

    /// <summary>Completes once <paramref name="count"/> reads have happened.</summary>
    public Task ReadsReached(int count)
    {
        lock (_sync)
        {
            if (_reads >= count)
            {
                return Task.CompletedTask;
            }

            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, reached));
            return reached.Task;
        }
    }

    public ValueTask<TokenSet?> GetAsync(CancellationToken cancellationToken = default)
    {
        var tokens = _inner.GetAsync(cancellationToken);
        lock (_sync)
        {
            _reads++;
            foreach (var waiter in _waiters.Where(w => w.Count <= _reads).ToArray())
            {
                _waiters.Remove(waiter);
                waiter.Reached.SetResult();
            }
        }

        return tokens;
    }

    public ValueTask SetAsync(TokenSet tokens, CancellationToken cancellationToken = default) => _inner.SetAsync(tokens, cancellationToken);

    public ValueTask ClearAsync(CancellationToken cancellationToken = default) => _inner.ClearAsync(cancellationToken);

    public ValueTask<bool> ReplaceAsync(TokenSet expected, TokenSet replacement, CancellationToken cancellationToken = default) =>
        _inner.ReplaceAsync(expected, replacement, cancellationToken);
}
