using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RefineSharp.AspNetCore.Tests.Fixtures;

namespace RefineSharp.AspNetCore.Tests.Sessions;

/// <summary>The session endpoints a hosted WebAssembly client calls: the provider runs on the server, the browser gets only the cookie.</summary>
public sealed class SessionEndpointTests : IAsyncLifetime
{
    private readonly SharedBackplane _backplane = new();
    private SessionHost _host = null!;

    public async Task InitializeAsync() => _host = await SessionHost.StartAsync(_backplane.Cache, _backplane.Keys);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Login_WithTheHeader_ReturnsTheProvidersResultAndSetsOnlyTheSessionCookie()
    {
        using var browser = _host.NewBrowser();
        using var login = await SendAsync(browser, HttpMethod.Post, "login", new { email = "ann@example.com", password = TokenTestProvider.Password, remember = true });

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var body = await login.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("success").GetBoolean());
        Assert.DoesNotContain("AT-", body.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("no-store", login.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"));
        Assert.NotNull(SessionRequests.Expires(cookie));

        using var check = await SendAsync(browser, HttpMethod.Get, "check");
        Assert.True((await check.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("authenticated").GetBoolean());

        using var logout = await SendAsync(browser, HttpMethod.Post, "logout", new { });
        using var after = await SendAsync(browser, HttpMethod.Get, "check");
        Assert.False((await after.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("authenticated").GetBoolean());
    }

    [Fact]
    public async Task Login_WithoutTheHeader_IsRefusedAndSignsNobodyIn()
    {
        using var browser = _host.NewBrowser();
        using var login = await browser.PostAsJsonAsync(new Uri("_refine/session/login", UriKind.Relative), new { email = "ann@example.com", password = TokenTestProvider.Password });

        Assert.Equal(HttpStatusCode.Forbidden, login.StatusCode);
        Assert.False(login.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Login_CrossSiteFetchWithTheHeader_IsRefused()
    {
        using var browser = _host.NewBrowser();
        using var request = Request(HttpMethod.Post, "login", new { email = "ann@example.com", password = TokenTestProvider.Password });
        request.Headers.Add("Sec-Fetch-Site", "cross-site");

        using var login = await browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, login.StatusCode);
        Assert.False(login.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Login_StoreDown_Answers503WithAGenericMessage()
    {
        await using var host = await SessionHost.StartAsync(new UnreachableCache(), new SharedBackplane().Keys);
        using var browser = host.NewBrowser();
        using var request = Request(HttpMethod.Post, "login", new { email = "ann@example.com", password = TokenTestProvider.Password });

        using var login = await browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, login.StatusCode);
        Assert.DoesNotContain("127.0.0.1:1", await login.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient browser, HttpMethod method, string path, object? body = null) =>
        browser.SendAsync(Request(method, path, body));

    private static HttpRequestMessage Request(HttpMethod method, string path, object? body)
    {
        var request = new HttpRequestMessage(method, new Uri("_refine/session/" + path, UriKind.Relative));
        request.Headers.Add("X-Refine-Session", "1");
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return request;
    }
}
