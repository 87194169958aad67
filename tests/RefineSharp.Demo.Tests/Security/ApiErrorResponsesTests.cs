using System.Net;

namespace RefineSharp.Demo.Tests.Security;

/// <summary>API errors stay API errors (never the app's HTML status page), and token answers are never cached.</summary>
public sealed class ApiErrorResponsesTests(DemoAppFactory demo) : IClassFixture<DemoAppFactory>
{
    [Theory]
    [InlineData("GET", "api/posts", HttpStatusCode.Unauthorized)]
    [InlineData("GET", "api/admin/stats", HttpStatusCode.Unauthorized)]
    [InlineData("GET", "api/no-such-thing", HttpStatusCode.NotFound)]
    [InlineData("GET", "identity/manage/info", HttpStatusCode.Unauthorized)]
    [InlineData("GET", "identity/manage/roles", HttpStatusCode.Unauthorized)]
    [InlineData("GET", "identity/confirmEmail?userId=x&code=y", HttpStatusCode.Unauthorized)]
    [InlineData("POST", "identity/refresh", HttpStatusCode.Unauthorized)]
    [InlineData("POST", "identity/login", HttpStatusCode.Unauthorized)]
    [InlineData("GET", "identity/no-such-thing", HttpStatusCode.NotFound)]
    public async Task ApiRoutes_ClientErrors_AreProblemDetailsOrEmptyNeverHtml(string method, string path, HttpStatusCode expected)
    {
        using var http = demo.CreateRealClient();
        using var request = method == "GET"
            ? DemoApi.Get(path)
            : DemoApi.Post(path, path.EndsWith("refresh", StringComparison.Ordinal) ? """{"refreshToken":"forged"}""" : """{"email":"nobody@sec.local","password":"Wrong0ne!"}""");

        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(expected, response.StatusCode);
        Assert.True(
            response.Content.Headers.ContentType?.MediaType == "application/problem+json" || body.Length == 0,
            $"{path}: {response.Content.Headers.ContentType} {body[..Math.Min(body.Length, 200)]}");
    }

    [Fact]
    public async Task PageRoute_NotFound_StillGetsTheHtmlPage()
    {
        using var http = demo.CreateRealClient();

        using var response = await http.SendAsync(DemoApi.Get("no-such-page"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task LoginAndRefresh_TokenAnswers_AreNoStore()
    {
        using var http = demo.CreateRealClient();

        using var login = await http.SendAsync(DemoApi.Post("identity/login", new { email = global::RefineSharp.Demo.Data.DemoSeeder.EditorEmail, password = global::RefineSharp.Demo.Data.DemoSeeder.EditorPassword }));
        var refreshToken = System.Text.Json.JsonDocument.Parse(await login.Content.ReadAsStringAsync()).RootElement.GetProperty("refreshToken").GetString();
        using var refresh = await http.SendAsync(DemoApi.Post("identity/refresh", new { refreshToken }));

        foreach (var response in new[] { login, refresh })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Headers.CacheControl?.NoStore, response.Headers.CacheControl?.ToString());
            Assert.Contains("no-cache", response.Headers.Pragma.Select(p => p.Name));
        }
    }
}
