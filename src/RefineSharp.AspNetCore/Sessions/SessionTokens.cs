using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using RefineSharp.Tokens;

namespace RefineSharp.AspNetCore.Sessions;

/// <summary>Reads and writes a <see cref="TokenSet"/> in a session ticket's properties (the framework's token names).</summary>
internal static class SessionTokens
{
    private const string AccessToken = "access_token";
    private const string RefreshToken = "refresh_token";
    private const string IdToken = "id_token";
    private const string ExpiresAt = "expires_at";
    private const string TokenType = "token_type";

    public static TokenSet? Read(AuthenticationProperties properties)
    {
        var access = properties.GetTokenValue(AccessToken);
        if (string.IsNullOrEmpty(access))
        {
            return null;
        }

        DateTimeOffset? expires = DateTimeOffset.TryParse(properties.GetTokenValue(ExpiresAt), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed)
            ? parsed
            : null;
        return new TokenSet
        {
            AccessToken = access,
            RefreshToken = properties.GetTokenValue(RefreshToken),
            IdToken = properties.GetTokenValue(IdToken),
            ExpiresAt = expires,
            TokenType = properties.GetTokenValue(TokenType) ?? "Bearer",
        };
    }

    public static void Write(AuthenticationProperties properties, TokenSet tokens)
    {
        var list = new List<AuthenticationToken>
        {
            new() { Name = AccessToken, Value = tokens.AccessToken },
            new() { Name = TokenType, Value = tokens.TokenType },
        };
        if (tokens.RefreshToken is not null)
        {
            list.Add(new AuthenticationToken { Name = RefreshToken, Value = tokens.RefreshToken });
        }

        if (tokens.IdToken is not null)
        {
            list.Add(new AuthenticationToken { Name = IdToken, Value = tokens.IdToken });
        }

        if (tokens.ExpiresAt is { } expires)
        {
            list.Add(new AuthenticationToken { Name = ExpiresAt, Value = expires.ToString("O", CultureInfo.InvariantCulture) });
        }

        properties.StoreTokens(list);
    }

    public static bool SameAccessToken(TokenSet? a, TokenSet? b) =>
        a is not null && b is not null && string.Equals(a.AccessToken, b.AccessToken, StringComparison.Ordinal);
}
