using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RefineSharp.AspNetCore.Tests.Fixtures;

namespace RefineSharp.AspNetCore.Tests.Sessions;

/// <summary>
/// The session endpoints when something goes wrong: a provider that throws (including the cancellation HttpClient
/// throws when its own timeout elapses, which is no client going away) becomes a generic 503, and every refusal or
/// failure is marked no-store and names nothing internal.
/// </summary>
public sealed class SessionEndpointFailureTests : IAsyncLifetime
{
    private readonly SharedBackplane _backplane = new();
    private SessionHost _host = null!;

    public async Task InitializeAsync() => _host = await SessionHost.StartAsync(_backplane.Cache, _backplane.Keys);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData(TokenTestProvider.TimesOut)]
    [InlineData(TokenTestProvider.Breaks)]
    public async Task Login_ProviderThrows_Answers503GenericNoStoreAndSignsNobodyIn(string email)
    {
        using var browser = _host.NewBrowser();

        using var login = await browser.SendAsync(Request(new { email, password = TokenTestProvider.Password }));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, login.StatusCode);
        Assert.True(login.Headers.CacheControl?.NoStore, login.Headers.CacheControl?.ToString());
        Assert.False(login.Headers.Contains("Set-Cookie"));
        var body = await login.Content.ReadAsStringAsync();
        using var problem = JsonDocument.Parse(body);
        Assert.Equal("Service unavailable", problem.RootElement.GetProperty("title").GetString());
        Assert.Equal("The sign-in service could not answer. Please try again.", problem.RootElement.GetProperty("detail").GetString());
        foreach (var secret in new[] { TokenTestProvider.Internals, "10.9.8.7", "Timeout", "Exception", "database" })
        {
            Assert.DoesNotContain(secret, body, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [InlineData(false, "same-origin")]
    [InlineData(true, "cross-site")]
    [InlineData(true, "same-site")]
    public async Task Login_Refused_Answers403ProblemMarkedNoStore(bool csrfHeader, string secFetchSite)
    {
        using var browser = _host.NewBrowser();
        using var request = Request(new { email = "ann@example.com", password = TokenTestProvider.Password }, csrfHeader);
        request.Headers.Add("Sec-Fetch-Site", secFetchSite);

        using var login = await browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, login.StatusCode);
        Assert.True(login.Headers.CacheControl?.NoStore, login.Headers.CacheControl?.ToString());
        Assert.False(login.Headers.Contains("Set-Cookie"));
        using var problem = JsonDocument.Parse(await login.Content.ReadAsStringAsync());
        Assert.Equal("Cross-site request refused", problem.RootElement.GetProperty("title").GetString());
        Assert.Equal("Session endpoints answer only this site's own scripts.", problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Login_UserTypedNavigationMarker_WithTheHeader_IsAllowed()
    {
        // "none" is what a browser reports for a request the user started (address bar, bookmark); such a request
        // cannot carry the custom header, so with the header it can only be the app's own script or a non-browser client.
        using var browser = _host.NewBrowser();
        using var request = Request(new { email = "ann@example.com", password = TokenTestProvider.Password });
        request.Headers.Add("Sec-Fetch-Site", "none");

        using var login = await browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.True((await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("success").GetBoolean());
    }

    private static HttpRequestMessage Request(object body, bool csrfHeader = true)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("_refine/session/login", UriKind.Relative)) { Content = JsonContent.Create(body) };
        if (csrfHeader)
        {
            request.Headers.Add("X-Refine-Session", "1");
        }

        return request;
    }
}
