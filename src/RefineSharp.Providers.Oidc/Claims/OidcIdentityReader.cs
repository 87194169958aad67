using RefineSharp.Tokens;

namespace RefineSharp.Providers.Oidc.Claims;

/// <summary>Turns the session's tokens into refine's identity and permissions, with the provider's claim mapping.</summary>
internal static class OidcIdentityReader
{
    public static UserIdentity? Identity(TokenSet tokens, OidcProviderOptions provider)
    {
        var id = JwtClaims.Read(tokens.IdToken);
        var access = JwtClaims.Read(tokens.AccessToken);
        var subject = id.String("sub") ?? access.String("sub");
        if (subject is null)
        {
            return null;
        }

        var email = id.String(provider.EmailClaim) ?? access.String(provider.EmailClaim);
        var name = id.String(provider.NameClaim) ?? access.String(provider.NameClaim) ?? id.String("preferred_username") ?? email;
        var picture = id.String(provider.PictureClaim) ?? access.String(provider.PictureClaim);
        return new UserIdentity
        {
            Id = subject,
            Name = name,
            Email = email,
            // Only an http(s) URL becomes an <img src>: a "javascript:" or data URL from a hostile claim is dropped.
            Avatar = Uri.TryCreate(picture, UriKind.Absolute, out var url) && url.Scheme is "https" or "http" ? url.AbsoluteUri : null,
            Roles = Roles(tokens, provider),
        };
    }

    public static IReadOnlyList<string> Roles(TokenSet tokens, OidcProviderOptions provider)
    {
        var id = JwtClaims.Read(tokens.IdToken);
        var access = JwtClaims.Read(tokens.AccessToken);
        foreach (var path in provider.RoleClaims)
        {
            if ((id.Strings(path) ?? access.Strings(path)) is { Count: > 0 } roles)
            {
                return [.. roles.Distinct(StringComparer.Ordinal)];
            }
        }

        return [];
    }

    /// <summary>The issuer that signed the session's ID token (which registration the session belongs to).</summary>
    public static string? Issuer(TokenSet tokens) => JwtClaims.Read(tokens.IdToken).String("iss") ?? JwtClaims.Read(tokens.AccessToken).String("iss");
}
