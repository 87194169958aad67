using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Client;
using OpenIddict.Client.AspNetCore;
using RefineSharp.Tokens;

namespace RefineSharp.Providers.Oidc.Tokens;

/// <summary>Maps what OpenIddict's client returns to the session's <see cref="TokenSet"/>.</summary>
internal static class OidcTokenSets
{
    /// <summary>The tokens of a completed code flow (the callback's authentication properties), or null when there is no access token.</summary>
    public static TokenSet? FromCallback(AuthenticationProperties properties)
    {
        var access = properties.GetTokenValue(OpenIddictClientAspNetCoreConstants.Tokens.BackchannelAccessToken)
            ?? properties.GetTokenValue(OpenIddictClientAspNetCoreConstants.Tokens.FrontchannelAccessToken);
        if (string.IsNullOrEmpty(access))
        {
            return null;
        }

        var expiry = properties.GetTokenValue(OpenIddictClientAspNetCoreConstants.Tokens.BackchannelAccessTokenExpirationDate)
            ?? properties.GetTokenValue(OpenIddictClientAspNetCoreConstants.Tokens.FrontchannelAccessTokenExpirationDate);
        return new TokenSet
        {
            AccessToken = access,
            RefreshToken = properties.GetTokenValue(OpenIddictClientAspNetCoreConstants.Tokens.RefreshToken),
            IdToken = properties.GetTokenValue(OpenIddictClientAspNetCoreConstants.Tokens.BackchannelIdentityToken)
                ?? properties.GetTokenValue(OpenIddictClientAspNetCoreConstants.Tokens.FrontchannelIdentityToken),
            ExpiresAt = DateTimeOffset.TryParse(expiry, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null,
        };
    }

    /// <summary>
    /// The renewed tokens; a server that does not rotate refresh tokens (or sends no new ID token) keeps the old ones.
    /// With no expiry in the answer, the token counts as short-lived (five minutes) so it is renewed rather than trusted forever.
    /// </summary>
    public static TokenSet FromRefresh(OpenIddictClientModels.RefreshTokenAuthenticationResult result, TokenSet current, TimeProvider time) => new()
    {
        AccessToken = result.AccessToken,
        RefreshToken = string.IsNullOrEmpty(result.RefreshToken) ? current.RefreshToken : result.RefreshToken,
        IdToken = string.IsNullOrEmpty(result.IdentityToken) ? current.IdToken : result.IdentityToken,
        ExpiresAt = result.AccessTokenExpirationDate ?? time.GetUtcNow().AddMinutes(5),
    };
}
