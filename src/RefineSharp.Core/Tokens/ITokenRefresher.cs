namespace RefineSharp.Tokens;

/// <summary>Exchanges the current tokens for new ones (for example a refresh-token grant); used by <see cref="TokenRefreshCoordinator"/>.</summary>
public interface ITokenRefresher
{
    /// <summary>Returns new tokens, or null when the session cannot be renewed (no refresh token, or the backend refused it).</summary>
    Task<TokenSet?> RefreshAsync(TokenSet current, CancellationToken cancellationToken = default);
}
