namespace RefineSharp.Tokens;

/// <summary>Keeps tokens in memory for the lifetime of the scope (a circuit, or a WebAssembly app): gone on reload.</summary>
public sealed class MemoryTokenStore : ITokenStore
{
    private TokenSet? _tokens;

    /// <inheritdoc />
    public ValueTask<TokenSet?> GetAsync(CancellationToken cancellationToken = default) => new(Volatile.Read(ref _tokens));

    /// <inheritdoc />
    public ValueTask SetAsync(TokenSet tokens, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        Volatile.Write(ref _tokens, tokens);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask ClearAsync(CancellationToken cancellationToken = default)
    {
        Volatile.Write(ref _tokens, null);
        return ValueTask.CompletedTask;
    }

    /// <summary>Atomic compare-and-set: stores <paramref name="replacement"/> only while the held tokens carry <paramref name="expected"/>'s access token.</summary>
    public ValueTask<bool> ReplaceAsync(TokenSet expected, TokenSet replacement, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(replacement);
        while (true)
        {
            var current = Volatile.Read(ref _tokens);
            if (current is null || !string.Equals(current.AccessToken, expected.AccessToken, StringComparison.Ordinal))
            {
                return new ValueTask<bool>(false);
            }

            if (ReferenceEquals(Interlocked.CompareExchange(ref _tokens, replacement, current), current))
            {
                return new ValueTask<bool>(true);
            }
        }
    }

    /// <summary>Atomic compare-and-clear: clears only while the held tokens carry <paramref name="expected"/>'s access token.</summary>
    public ValueTask<bool> ClearIfAsync(TokenSet expected, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(expected);
        while (true)
        {
            var current = Volatile.Read(ref _tokens);
            if (current is null || !string.Equals(current.AccessToken, expected.AccessToken, StringComparison.Ordinal))
            {
                return new ValueTask<bool>(false);
            }

            if (ReferenceEquals(Interlocked.CompareExchange(ref _tokens, null, current), current))
            {
                return new ValueTask<bool>(true);
            }
        }
    }
}
