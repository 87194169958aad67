using System.Net.Http.Json;
using RefineSharp.KitsDemo.Client;

namespace RefineSharp.KitsDemo;

/// <summary>
/// The account page's API on the host: GET /identity/manage/info with the session's bearer token (an
/// AddAuthenticatedHttpClient client, so the token is refreshed when needed and a final 401 goes to the provider).
/// Never throws for an HTTP outcome: a page that awaited an exception would end its circuit.
/// </summary>
internal sealed class KitsAccountApi(HttpClient http) : IKitsAccountApi
{
    public async Task<string?> LoadEmailAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await http.GetAsync(new Uri("manage/info", UriKind.Relative), cancellationToken);
            return response.IsSuccessStatusCode ? (await response.Content.ReadFromJsonAsync<AccountInfo>(cancellationToken))?.Email : null;
        }
        catch (Exception ex) when (ex is HttpRequestException or System.Text.Json.JsonException or TaskCanceledException)
        {
            return null;
        }
    }

    private sealed record AccountInfo(string? Email);
}
