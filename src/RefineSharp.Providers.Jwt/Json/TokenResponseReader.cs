using System.Buffers.Text;
using System.Text.Json;
using RefineSharp.Tokens;

namespace RefineSharp.Providers.Jwt.Json;

/// <summary>Turns a login or refresh answer into a <see cref="TokenSet"/> by the configured field names, or says which setting did not match.</summary>
internal static class TokenResponseReader
{
    /// <summary>
    /// The tokens in <paramref name="root"/>, or null with <paramref name="problem"/> naming the setting whose field was
    /// missing. Without a refresh token in the answer, <paramref name="previousRefreshToken"/> is kept (APIs that do not rotate).
    /// </summary>
    public static TokenSet? Read(JsonElement root, JwtAuthOptions options, DateTimeOffset now, string? previousRefreshToken, out string? problem)
    {
        var access = JsonFieldPath.GetText(root, options.AccessTokenField);
        if (string.IsNullOrEmpty(access))
        {
            problem = $"no string at \"{options.AccessTokenField}\" (JwtAuthOptions.{nameof(JwtAuthOptions.AccessTokenField)}); the answer holds {JsonFieldPath.DescribeShape(root)}";
            return null;
        }

        var refresh = JsonFieldPath.GetText(root, options.RefreshTokenField);
        var lifetime = JsonFieldPath.GetSeconds(root, options.ExpiresInField);
        var expiresAt = lifetime is { } seconds ? now.AddSeconds(seconds) : ReadExpiry(access);
        problem = null;
        return new TokenSet
        {
            AccessToken = access,
            RefreshToken = string.IsNullOrEmpty(refresh) ? previousRefreshToken : refresh,
            ExpiresAt = expiresAt,
        };
    }

    /// <summary>The <c>exp</c> claim of a JWT (read, not verified: the API verifies its own tokens), or null when it is not a JWT.</summary>
    internal static DateTimeOffset? ReadExpiry(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3 || parts[1].Length == 0 || parts[1].Length > 16_384)
        {
            return null;
        }

        try
        {
            var payload = Base64Url.DecodeFromChars(parts[1]);
            using var document = JsonDocument.Parse(payload);
            return document.RootElement.ValueKind == JsonValueKind.Object &&
                   document.RootElement.TryGetProperty("exp", out var exp) &&
                   exp.ValueKind == JsonValueKind.Number &&
                   exp.TryGetInt64(out var seconds) &&
                   seconds is > 0 and < 253_402_300_799 // 9999-12-31
                ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                : null;
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return null;
        }
    }
}
