using System.Net.Http.Json;
using RefineSharp.Demo.Data;
using RefineSharp.Demo.Endpoints;

namespace RefineSharp.Demo.Services;

/// <summary>
/// The pages' client for the data API. Registered with AddAuthenticatedHttpClient, so every call carries the bearer
/// token (refreshed when needed) and a final 401/403 goes to the provider's OnErrorAsync.
/// </summary>
public sealed class DemoApiClient(HttpClient http)
{
    public async Task<IReadOnlyList<Post>> GetPostsAsync(CancellationToken cancellationToken = default) =>
        await http.GetFromJsonAsync<List<Post>>(new Uri("api/posts", UriKind.Relative), cancellationToken) ?? [];

    public Task<AdminStats?> GetAdminStatsAsync(CancellationToken cancellationToken = default) =>
        http.GetFromJsonAsync<AdminStats>(new Uri("api/admin/stats", UriKind.Relative), cancellationToken);
}
