using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenIddict.Abstractions;
using OpenIddict.Client;
using RefineSharp.Providers.Oidc.Claims;
using RefineSharp.Tokens;

namespace RefineSharp.Providers.Oidc.Tokens;

/// <summary>
/// Renews the session's tokens with a refresh-token grant through OpenIddict's client (which validates the new ID
/// token). Called by the <see cref="TokenRefreshCoordinator"/> only, single-flight per session: a refresh token that
/// rotates is never sent twice from one process. A refusal (invalid_grant) is "cannot renew" (null); an unreachable
/// identity provider throws, and the coordinator treats both as the end of the session (fail closed).
/// </summary>
internal sealed class OidcTokenRefresher(
    OpenIddictClientService client,
    OidcProviderLookup providers,
    TimeProvider? timeProvider = null,
    ILogger<OidcTokenRefresher>? logger = null) : ITokenRefresher
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;

    public async Task<TokenSet?> RefreshAsync(TokenSet current, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (string.IsNullOrEmpty(current.RefreshToken) || await providers.ForTokensAsync(current, cancellationToken) is not { } provider)
        {
            return null;
        }

        try
        {
            var result = await client.AuthenticateWithRefreshTokenAsync(new()
            {
                ProviderName = provider.Name,
                RefreshToken = current.RefreshToken,
                CancellationToken = cancellationToken,
                // The identity comes from the ID token; a userinfo round trip per refresh would only add latency.
                DisableUserInfo = true,
            });
            OidcLog.Refreshed(_logger, provider.Name);
            return OidcTokenSets.FromRefresh(result, current, _time);
        }
        catch (OpenIddictExceptions.ProtocolException ex)
        {
            // The identity provider refused the refresh token (expired, revoked, reused): the session cannot go on.
            OidcLog.RefreshRefused(_logger, provider.Name, ex.Error ?? "unknown");
            return null;
        }
    }
}
