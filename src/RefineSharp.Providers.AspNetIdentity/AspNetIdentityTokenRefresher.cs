using RefineSharp.Providers.AspNetIdentity.Http;
using RefineSharp.Tokens;

namespace RefineSharp.Providers.AspNetIdentity;

/// <summary>Renews Identity's bearer tokens through POST /refresh {refreshToken}; used by the <see cref="TokenRefreshCoordinator"/>.</summary>
internal sealed class AspNetIdentityTokenRefresher : ITokenRefresher
{
    private readonly IdentityApiClient _api;
    private readonly TimeProvider _time;

    public AspNetIdentityTokenRefresher(IdentityApiClient api, TimeProvider? timeProvider = null)
    {
        _api = api;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public async Task<TokenSet?> RefreshAsync(TokenSet current, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (string.IsNullOrEmpty(current.RefreshToken))
        {
            return null;
        }

        var response = await _api.SendAsync<AccessTokenResponse>(HttpMethod.Post, _api.Options.RefreshEndpoint, new { refreshToken = current.RefreshToken }, cancellationToken);
        return response.IsOk && response.Value is { } body ? ToTokenSet(body, _time) : null;
    }

    /// <summary>
    /// Converts the API's answer into a <see cref="TokenSet"/>, or null when it is not what Identity sends (no access
    /// token, a token type other than Bearer, a lifetime out of range): never throws, never a nonsense expiry.
    /// </summary>
    internal static TokenSet? ToTokenSet(AccessTokenResponse response, TimeProvider time)
    {
        if (!response.IsWellFormed)
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (now > DateTimeOffset.MaxValue.AddSeconds(-response.ExpiresIn))
        {
            return null;
        }

        return new TokenSet
        {
            AccessToken = response.AccessToken!,
            RefreshToken = response.RefreshToken,
            TokenType = "Bearer",
            ExpiresAt = now.AddSeconds(response.ExpiresIn),
        };
    }
}
