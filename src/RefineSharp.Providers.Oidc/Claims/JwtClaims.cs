using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace RefineSharp.Providers.Oidc.Claims;

/// <summary>
/// Reads claims from a token the server itself received from the identity provider over the back channel (and
/// OpenIddict validated then): the payload is only decoded here, never trusted from any other source. A token that is
/// not a readable JWT gives no claims, never an exception.
/// </summary>
internal sealed class JwtClaims
{
    private readonly JsonElement? _payload;

    private JwtClaims(JsonElement? payload) => _payload = payload;

    public static JwtClaims Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 64 * 1024)
        {
            return new JwtClaims(null);
        }

        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return new JwtClaims(null);
        }

        try
        {
            using var doc = JsonDocument.Parse(WebEncoders.Base64UrlDecode(parts[1]));
            return new JwtClaims(doc.RootElement.ValueKind == JsonValueKind.Object ? doc.RootElement.Clone() : null);
        }
        catch (Exception ex) when (ex is FormatException or JsonException or DecoderFallbackException)
        {
            return new JwtClaims(null);
        }
    }

    /// <summary>A string claim, or null when absent or not a string.</summary>
    public string? String(string name) =>
        Find(name) is { ValueKind: JsonValueKind.String } value && value.GetString() is { Length: > 0 } text ? text : null;

    /// <summary>The strings at a claim name or a dotted path ("realm_access.roles"): an array of strings or one string.</summary>
    public IReadOnlyList<string>? Strings(string path)
    {
        if (Find(path) is not { } value)
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() is { Length: > 0 } one ? [one] : null,
            JsonValueKind.Array => [.. value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).Where(s => s.Length > 0)],
            _ => null,
        };
    }

    private JsonElement? Find(string path)
    {
        if (_payload is not { } current)
        {
            return null;
        }

        // A whole name first: Auth0's namespaced claims are URLs with dots ("https://example.com/roles").
        if (current.TryGetProperty(path, out var direct))
        {
            return direct;
        }

        foreach (var segment in path.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(segment, out current))
            {
                return null;
            }
        }

        return current;
    }
}
