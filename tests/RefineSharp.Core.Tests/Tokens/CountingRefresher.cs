using RefineSharp.Tokens;

namespace RefineSharp.Tests.Tokens;

/// <summary>A refresher that records its calls and answers with a new token, null, an exception, or not at all.</summary>
internal sealed class CountingRefresher : ITokenRefresher
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    /// <summary>When set, a refresh waits for this task before answering.</summary>
    public Task? Gate { get; set; }

    public Func<TokenSet, TokenSet?> Answer { get; set; } = current => TokenSets.Fresh("renewed-" + current.AccessToken);

    public Exception? Throw { get; set; }

    public async Task<TokenSet?> RefreshAsync(TokenSet current, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        if (Gate is not null)
        {
            await Gate.WaitAsync(cancellationToken);
        }

        await Task.Yield();
        return Throw is null ? Answer(current) : throw Throw;
    }
}
