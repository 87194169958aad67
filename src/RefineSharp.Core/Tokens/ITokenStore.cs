namespace RefineSharp.Tokens;

/// <summary>Where a token-based provider keeps the user's tokens (memory, browser storage, protected server storage).</summary>
public interface ITokenStore
{
    /// <summary>Returns the stored tokens, or null when there are none (or they cannot be read).</summary>
    ValueTask<TokenSet?> GetAsync(CancellationToken cancellationToken = default);

    /// <summary>Stores <paramref name="tokens"/>, replacing any earlier ones.</summary>
    ValueTask SetAsync(TokenSet tokens, CancellationToken cancellationToken = default);

    /// <summary>Removes the stored tokens.</summary>
    ValueTask ClearAsync(CancellationToken cancellationToken = default);
}
