namespace RefineSharp.Tokens;

/// <summary>
/// The refresher of an app that registered none (<c>AddHttpHandler&lt;BearerTokenHandler&gt;()</c> without
/// <c>AddTokenRefresh&lt;T&gt;()</c>): tokens cannot be renewed, so an expired one ends the session and a 401 goes
/// straight to the provider's OnErrorAsync, without a refresh attempt or a warning.
/// </summary>
internal sealed class NoTokenRefresher : ITokenRefresher
{
    public static readonly NoTokenRefresher Instance = new();

    public Task<TokenSet?> RefreshAsync(TokenSet current, CancellationToken cancellationToken = default) => Task.FromResult<TokenSet?>(null);
}
