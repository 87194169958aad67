using RefineSharp.Tokens;

namespace RefineSharp.Tests.Tokens;

/// <summary>A store without its own compare-and-set or compare-and-clear: it gets the interface's default implementations.</summary>
internal sealed class PlainTokenStore : ITokenStore
{
    private TokenSet? _tokens;

    public ValueTask<TokenSet?> GetAsync(CancellationToken cancellationToken = default) => new(_tokens);

    public ValueTask SetAsync(TokenSet tokens, CancellationToken cancellationToken = default)
    {
        _tokens = tokens;
        return default;
    }

    public ValueTask ClearAsync(CancellationToken cancellationToken = default)
    {
        _tokens = null;
        return default;
    }
}
