using System.Net.Http.Json;

namespace RefineSharp.WasmDemo.Client;

/// <summary>
/// Calls the backend API through the host's proxy (/api/...): the browser sends only its session cookie and the CSRF
/// header; the host attaches the access token. A 401 means the session is over.
/// </summary>
public sealed class WasmApiClient(HttpClient http)
{
    /// <summary>The header the host's proxy requires (as the session endpoints do).</summary>
    public const string CsrfHeader = "X-Refine-Session";

    /// <summary>GET api/me: who the backend says the session's token belongs to.</summary>
    public async Task<(int Status, ApiMe? Me)> GetMeAsync(CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/me");
        request.Headers.Add(CsrfHeader, "1");
        using var response = await http.SendAsync(request, cancellationToken);
        var me = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<ApiMe>(cancellationToken) : null;
        return ((int)response.StatusCode, me);
    }

    /// <summary>The backend's answer.</summary>
    public sealed record ApiMe(string Email, string[] Roles, bool CookieReceived, bool BearerReceived);
}
