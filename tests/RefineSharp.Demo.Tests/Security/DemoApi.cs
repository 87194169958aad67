using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using RefineSharp.Demo.Data;

namespace RefineSharp.Demo.Tests.Security;

/// <summary>Raw HTTP calls of the demo's Identity API, as an outside client (no app-hop header) makes them.</summary>
internal static class DemoApi
{
    public const string Password = "Passw0rd!sec";

    public static string NewEmail(string prefix) => $"{prefix}-{Guid.NewGuid():N}@sec.local";

    public static HttpRequestMessage Post(string path, string json, string? host = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (host is not null)
        {
            request.Headers.Host = host;
        }

        return request;
    }

    public static HttpRequestMessage Post(string path, object body) => new(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body) };

    public static HttpRequestMessage Get(string path, string? token = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    public static async Task RegisterAsync(HttpClient http, string email, string password = Password)
    {
        using var response = await http.SendAsync(Post("identity/register", new { email, password }));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"register answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public static async Task<JsonElement> LoginAsync(HttpClient http, string email, string password = Password)
    {
        using var response = await http.SendAsync(Post("identity/login", new { email, password }));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"login answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).Clone();
    }

    public static async Task<List<OutboxMessage>> OutboxAsync(HttpClient http) =>
        (await http.GetFromJsonAsync<List<OutboxMessage>>(new Uri("dev/outbox.json", UriKind.Relative)))!;

    /// <summary>The problem-details body of <paramref name="response"/>, asserting its content type.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).Clone();
    }

    /// <summary>Runs <paramref name="count"/> calls that all start together (released by one gate once every task exists).</summary>
    public static async Task<T[]> BurstAsync<T>(int count, Func<int, Task<T>> call)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, count).Select(async i =>
        {
            await gate.Task;
            return await call(i);
        }).ToArray();
        gate.SetResult();
        return await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromSeconds(120));
    }
}
