using System.Net.Http.Json;
using RefineSharp.Tokens;

namespace RefineSharp.WasmDemo.Client.Dev;

/// <summary>Exchanges the refresh token at the host's development token endpoint (rotating, with reuse detection).</summary>
internal sealed class HarnessTokenRefresher(HttpClient http) : ITokenRefresher
{
    public async Task<TokenSet?> RefreshAsync(TokenSet current, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsJsonAsync("dev/refresh-tokens/refresh", new { refreshToken = current.RefreshToken }, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        var body = await response.Content.ReadFromJsonAsync<HarnessTokens>(cancellationToken);
        return body is null ? null : new TokenSet { AccessToken = body.AccessToken, RefreshToken = body.RefreshToken };
    }

    /// <summary>The endpoint's answer.</summary>
    internal sealed record HarnessTokens(string AccessToken, string RefreshToken);
}
