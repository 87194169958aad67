using System.Net;

namespace RefineSharp.AspNetCore.Tests.Proxy;

/// <summary>
/// The headers around a forwarded call: the browser's ordinary request headers reach the backend, a per-user answer
/// is kept out of shared caches unless the backend says otherwise, and a destination that is not http(s) forwards nothing.
/// </summary>
public sealed class ApiProxyHeaderTests : IAsyncLifetime
{
    private Backend _backend = null!;
    private ProxyHost _host = null!;

    public async Task InitializeAsync()
    {
        _backend = await Backend.StartAsync();
        _host = await ProxyHost.StartAsync(new Uri(_backend.BaseAddress, "v1/"));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _backend.DisposeAsync();
    }

    [Fact]
    public async Task Request_TheBrowsersOrdinaryHeaders_ReachTheBackend()
    {
        using var browser = _host.NewBrowser();
        await _host.SignInAsync(browser);
        using var request = ProxyHost.ApiRequest(HttpMethod.Get, "api/orders");
        request.Headers.Add("Accept-Language", "fr-CH");

        using var response = await browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("fr-CH", Assert.Single(_backend.Seen).AcceptLanguage);
    }

    [Fact]
    public async Task Response_WithoutCacheControl_IsPrivateAndNotStored()
    {
        using var browser = _host.NewBrowser();
        await _host.SignInAsync(browser);

        using var response = await browser.SendAsync(ProxyHost.ApiRequest(HttpMethod.Get, "api/orders"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl is { Private: true, NoStore: true }, response.Headers.CacheControl?.ToString());
    }

    [Theory]
    [InlineData("no-cache")]
    [InlineData("private, max-age=60")]
    public async Task Response_TheBackendsOwnCacheControl_IsKept(string value)
    {
        using var browser = _host.NewBrowser();
        await _host.SignInAsync(browser);

        using var response = await browser.SendAsync(ProxyHost.ApiRequest(HttpMethod.Get, "api/cache/" + Uri.EscapeDataString(value)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // HttpClient hands the header back parsed, in its own order of directives.
        Assert.Equal(Directives(value), Directives(response.Headers.CacheControl!.ToString()));
    }

    [Fact]
    public async Task Refusals_AreNoStoreProblemsThatSayWhatToDo()
    {
        using var browser = _host.NewBrowser();
        using var signedOut = await browser.SendAsync(ProxyHost.ApiRequest(HttpMethod.Get, "api/orders"));
        await _host.SignInAsync(browser);
        using var crossSite = await browser.SendAsync(ProxyHost.ApiRequest(HttpMethod.Get, "api/orders", secFetchSite: "cross-site"));

        await AssertProblemAsync(signedOut, HttpStatusCode.Unauthorized, "Not signed in", "Sign in to call this API.");
        await AssertProblemAsync(crossSite, HttpStatusCode.Forbidden, "Cross-site request refused", "The API proxy answers only this site's own scripts.");
        Assert.Empty(_backend.Seen);
    }

    [Theory]
    [InlineData("ftp://127.0.0.1/v1/")]
    [InlineData("file:///etc/")]
    public async Task Forward_DestinationThatIsNotHttp_ForwardsNothing(string destination)
    {
        await using var host = await ProxyHost.StartAsync(new Uri(_backend.BaseAddress, "v1/"), o =>
        {
            o.Destination = null;
            o.DestinationResolver = _ => new Uri(destination);
        });
        using var browser = host.NewBrowser();
        var token = await host.SignInAsync(browser);

        using var response = await browser.SendAsync(ProxyHost.ApiRequest(HttpMethod.Get, "api/orders"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Empty(_backend.Seen);
        Assert.DoesNotContain(token, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("absolute http or https address", host.Logs.All, StringComparison.Ordinal);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string title, string detail)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, response.Headers.CacheControl?.ToString());
        using var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(title, problem.RootElement.GetProperty("title").GetString());
        Assert.Equal(detail, problem.RootElement.GetProperty("detail").GetString());
    }

    private static string[] Directives(string cacheControl) =>
        [.. cacheControl.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal)];
}
