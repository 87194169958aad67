using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RefineSharp.Demo.Data;
using RefineSharp.Demo.Endpoints;

namespace RefineSharp.Demo.Services;

/// <summary>
/// The pages' client for the data API. Registered with AddAuthenticatedHttpClient, so every call carries the bearer
/// token (refreshed when needed) and a final 401/403 goes to the provider's OnErrorAsync. The Load methods never
/// throw for an HTTP outcome (401, 403, 5xx, no network, a timeout, a body that is not JSON): a page that awaited an
/// exception there would end its circuit; they return an <see cref="ApiResult{T}"/> the page shows as a message.
/// </summary>
public sealed class DemoApiClient(HttpClient http, ILogger<DemoApiClient> logger)
{
    private const string PostsPath = "api/posts";
    private const string AdminStatsPath = "api/admin/stats";

    /// <summary>The posts; throws <see cref="HttpRequestException"/> for a failed status (use <see cref="LoadPostsAsync"/> in pages).</summary>
    public async Task<IReadOnlyList<Post>> GetPostsAsync(CancellationToken cancellationToken = default) =>
        await http.GetFromJsonAsync<List<Post>>(new Uri(PostsPath, UriKind.Relative), cancellationToken) ?? [];

    /// <summary>The admin statistics; throws <see cref="HttpRequestException"/> for a failed status (use <see cref="LoadAdminStatsAsync"/> in pages).</summary>
    public Task<AdminStats?> GetAdminStatsAsync(CancellationToken cancellationToken = default) =>
        http.GetFromJsonAsync<AdminStats>(new Uri(AdminStatsPath, UriKind.Relative), cancellationToken);

    /// <summary>The posts, or why not.</summary>
    public async Task<ApiResult<IReadOnlyList<Post>>> LoadPostsAsync(CancellationToken cancellationToken = default)
    {
        var result = await LoadAsync<List<Post>>(PostsPath, cancellationToken);
        return new ApiResult<IReadOnlyList<Post>> { Value = result.Value, Failure = result.Failure };
    }

    /// <summary>The admin statistics, or why not (<see cref="ApiFailure.Forbidden"/> for a user the API does not hold for an admin).</summary>
    public Task<ApiResult<AdminStats>> LoadAdminStatsAsync(CancellationToken cancellationToken = default) =>
        LoadAsync<AdminStats>(AdminStatsPath, cancellationToken);

    private async Task<ApiResult<T>> LoadAsync<T>(string path, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            using var response = await http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                DemoApiLog.Refused(logger, path, response.StatusCode);
                return Failed<T>(response.StatusCode switch
                {
                    HttpStatusCode.Unauthorized => ApiFailure.SignedOut,
                    HttpStatusCode.Forbidden => ApiFailure.Forbidden,
                    _ => ApiFailure.Unavailable,
                });
            }

            var value = await response.Content.ReadFromJsonAsync<T>(cancellationToken);
            return value is null ? Failed<T>(ApiFailure.Unavailable) : new ApiResult<T> { Value = value };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The page went away: nobody reads the answer.
            throw;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or JsonException or NotSupportedException)
        {
            // No answer (refused connection, DNS, HttpClient's timeout) or not JSON / not the expected shape.
            DemoApiLog.Unavailable(logger, path, ex);
            return Failed<T>(ApiFailure.Unavailable);
        }
    }

    private static ApiResult<T> Failed<T>(ApiFailure failure) => new() { Failure = failure };
}
