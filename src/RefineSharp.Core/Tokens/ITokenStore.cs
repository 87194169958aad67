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

    /// <summary>
    /// Stores <paramref name="replacement"/> only while the store still holds tokens with <paramref name="expected"/>'s
    /// access token; false when they were cleared or replaced meanwhile (a logout or a login won). The token refresh
    /// writes renewed tokens only through this method, so a refresh that was in flight during a logout cannot undo it.
    /// This default implementation reads, compares and writes in three steps and is therefore NOT atomic: a store
    /// that can be written concurrently should override it with a real compare-and-set.
    /// </summary>
    async ValueTask<bool> ReplaceAsync(TokenSet expected, TokenSet replacement, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(replacement);
        var current = await GetAsync(cancellationToken);
        if (current is null || !string.Equals(current.AccessToken, expected.AccessToken, StringComparison.Ordinal))
        {
            return false;
        }

        await SetAsync(replacement, cancellationToken);
        return true;
    }

    /// <summary>
    /// Clears the stored tokens only while they still carry <paramref name="expected"/>'s access token; false when they
    /// were cleared or replaced meanwhile. A failed refresh ends the session only through this method, so a login that
    /// stored new tokens during that refresh keeps them. Like <see cref="ReplaceAsync"/>, this default implementation
    /// is NOT atomic; a store that can be written concurrently should override it.
    /// </summary>
    async ValueTask<bool> ClearIfAsync(TokenSet expected, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var current = await GetAsync(cancellationToken);
        if (current is null || !string.Equals(current.AccessToken, expected.AccessToken, StringComparison.Ordinal))
        {
            return false;
        }

        await ClearAsync(cancellationToken);
        return true;
    }
}
