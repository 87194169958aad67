using RefineSharp.Tokens;

namespace RefineSharp.Testing.Conformance;

/// <summary>
/// A <see cref="MemoryTokenStore"/> that can be made to fail, for <see cref="ConformanceSession.BreakBackend"/> of a
/// token-based provider: register it as the session's <see cref="ITokenStore"/> and set <see cref="Broken"/>.
/// </summary>
public sealed class BreakableTokenStore : ITokenStore
{
    private readonly MemoryTokenStore _inner = new();

    /// <summary>While true, every call throws, as a store whose cache or database is down would.</summary>
    public bool Broken { get; set; }

    /// <inheritdoc />
    public ValueTask<TokenSet?> GetAsync(CancellationToken cancellationToken = default) =>
        Broken ? throw Failure() : _inner.GetAsync(cancellationToken);

    /// <inheritdoc />
    public ValueTask SetAsync(TokenSet tokens, CancellationToken cancellationToken = default) =>
        Broken ? throw Failure() : _inner.SetAsync(tokens, cancellationToken);

    /// <inheritdoc />
    public ValueTask ClearAsync(CancellationToken cancellationToken = default) =>
        Broken ? throw Failure() : _inner.ClearAsync(cancellationToken);

    /// <inheritdoc />
    public ValueTask<bool> ReplaceAsync(TokenSet expected, TokenSet replacement, CancellationToken cancellationToken = default) =>
        Broken ? throw Failure() : _inner.ReplaceAsync(expected, replacement, cancellationToken);

    /// <inheritdoc />
    public ValueTask<bool> ClearIfAsync(TokenSet expected, CancellationToken cancellationToken = default) =>
        Broken ? throw Failure() : _inner.ClearIfAsync(expected, cancellationToken);

    private static InvalidOperationException Failure() => new("The token store is broken (BreakableTokenStore.Broken).");
}
