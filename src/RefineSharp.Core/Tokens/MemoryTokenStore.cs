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
}
