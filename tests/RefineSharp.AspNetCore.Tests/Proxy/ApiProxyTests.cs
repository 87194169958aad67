using System.Net;
using CsCheck;

namespace RefineSharp.AspNetCore.Tests.Proxy;

/// <summary>
/// MapRefineApiProxy against a real backend on its own port: the session's token is attached on the server, the
/// browser's cookies and credentials stay behind, and nothing without a session or from another site gets through.
/// </summary>
public sealed class ApiProxyTests : IAsyncLifetime
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
    public async Task Forward_SignedIn_AttachesTheSessionsTokenAndStripsCookiesAndTheCsrfHeader()
    {
        using var browser = _host.NewBrowser();
        var token = await _host.SignInAsync(browser);

        using var request = ProxyHost.ApiRequest(HttpMethod.Get, "api/orders/42?page=2&q=a%20b");
        request.Headers.Add("Cookie", "tracking=1");
        using var response = await browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var seen = Assert.Single(_backend.Seen);
        Assert.Equal("/v1/orders/42", seen.Path);
        Assert.Equal("?page=2&q=a%20b", seen.Query);
        Assert.Equal("Bearer " + token, seen.Authorization);
        Assert.False(seen.HadCookie);
        Assert.False(seen.HadCsrfHeader);
        Assert.DoesNotContain(token, _host.Logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forward_PostWithBody_ReachesTheBackendWithTheSameMethodAndBody()
    {
        using var browser = _host.NewBrowser();
        await _host.SignInAsync(browser);

        using var request = ProxyHost.ApiRequest(HttpMethod.Post, "api/orders");
        request.Content = new StringContent("""{"item":"tea"}""", System.Text.Encoding.UTF8, "application/json");
        using var response = await browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var seen = Assert.Single(_backend.Seen);
        Assert.Equal("POST", seen.Method);
        Assert.Equal("/v1/orders", seen.Path);
    }

    [Fact]
    public async Task Forward_NoSession_Answers401AndNeverReachesTheBackend()
    {
        using var browser = _host.NewBrowser();

        using var response = await browser.SendAsync(ProxyHost.ApiRequest(HttpMethod.Get, "api/orders"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Empty(_backend.Seen);
    }

    [Fact]
    public async Task Forward_BrowserSendsItsOwnBearerToken_WithoutSessionIsRefusedAndWithSessionIsReplaced()
    {
        using var anonymous = _host.NewBrowser();
        using var forged = ProxyHost.ApiRequest(HttpMethod.Get, "api/orders");
        forged.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "AT-forged-by-a-script");
        using var refused = await anonymous.SendAsync(forged);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Empty(_backend.Seen);

        using var browser = _host.NewBrowser();
        var token = await _host.SignInAsync(browser);
        using var mixed = ProxyHost.ApiRequest(HttpMethod.Get, "api/orders");
        mixed.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "AT-forged-by-a-script");
        using var response = await browser.SendAsync(mixed);

        // This host has no bearer scheme of its own, so the session cookie still identifies the caller; the script's
        // token is dropped and the session's goes to the backend. (An app whose default scheme is a bearer scheme
        // authenticates such a request by its header instead, finds no session and answers 401.)
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Bearer " + token, Assert.Single(_backend.Seen).Authorization);
    }

    [Fact]
    public async Task Forward_MissingCsrfHeader_Answers403WithASessionAndNeverReachesTheBackend()
    {
        using var browser = _host.NewBrowser();
        await _host.SignInAsync(browser);

        using var response = await browser.SendAsync(ProxyHost.ApiRequest(HttpMethod.Post, "api/orders", csrfHeader: false));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(_backend.Seen);
    }

    [Fact]
    public async Task Forward_AnySecFetchSiteButSameOriginOrNone_Answers403AndNeverReachesTheBackend()
    {
        using var browser = _host.NewBrowser();
        await _host.SignInAsync(browser);
        string[] known = ["cross-site", "same-site", "Same-Origin", "same-origin-x", "same-origin,cross-site", "null", "*"];
        var values = Gen.OneOf(
            Gen.Int[0, known.Length - 1].Select(i => known[i]),
            Gen.String[Gen.Char.AlphaNumeric, 1, 20]);

        await values.SampleAsync(async site =>
        {
            if (site is "same-origin" or "none")
            {
                return true;
            }

            using var response = await browser.SendAsync(ProxyHost.ApiRequest(HttpMethod.Post, "api/orders", secFetchSite: site));
            return response.StatusCode == HttpStatusCode.Forbidden;
        }, iter: 60, threads: 1);

        Assert.Empty(_backend.Seen);
    }

    [Fact]
    public async Task Forward_ForgedSessionCookies_Answer401AndNeverReachTheBackend()
    {
        // Near-misses of a live session's cookie (one character changed, cut short, extended) and random values.
        var jar = new CookieContainer();
        using var browser = _host.NewBrowser(jar);
        await _host.SignInAsync(browser);
        var valid = jar.GetCookieHeader(_host.BaseAddress).Split('=', 2)[1];
        var forged = Gen.OneOf(
            Gen.String[Gen.Char["A-Za-z0-9-_"], 1, 400],
            Gen.Int[0, valid.Length - 1].Select(Gen.Char["A-Za-z0-9-_"], (i, c) => valid[..i] + c + valid[(i + 1)..]),
            Gen.Int[1, valid.Length - 1].Select(n => valid[..n]),
            Gen.String[Gen.Char["A-Za-z0-9-_"], 1, 20].Select(tail => valid + tail));

        await forged.SampleAsync(async value =>
        {
            if (value == valid)
            {
                return true;
            }

            using var response = await SendWithCookieAsync(".refine.session=" + value);
            return response.StatusCode == HttpStatusCode.Unauthorized;
        }, iter: 100, threads: 1);

        Assert.Empty(_backend.Seen);
    }

    [Fact]
    public async Task Forward_CookieCopiedBeforeLogout_IsRefusedAfterTheLogout()
    {
        var jar = new CookieContainer();
        using var browser = _host.NewBrowser(jar);
        await _host.SignInAsync(browser);
        var stolen = jar.GetCookieHeader(_host.BaseAddress);
        Assert.NotEmpty(stolen);
        using (var before = await SendWithCookieAsync(stolen))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using (var logout = await browser.PostAsync(new Uri("t/logout", UriKind.Relative), null))
        {
            logout.EnsureSuccessStatusCode();
        }

        var reachedBefore = _backend.Seen.Count;
        using var after = await SendWithCookieAsync(stolen);

        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal(reachedBefore, _backend.Seen.Count);
    }

    [Fact]
    public async Task Response_BackendSetsACookieAndEchoesTheToken_NeitherReachesTheBrowser()
    {
        using var browser = _host.NewBrowser();
        var token = await _host.SignInAsync(browser);

        using var response = await browser.SendAsync(ProxyHost.ApiRequest(HttpMethod.Get, "api/hostile"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.False(response.Headers.Contains("X-Debug-Auth"));
        var allHeaders = response.Headers.Concat(response.Content.Headers).SelectMany(h => h.Value).ToArray();
        Assert.DoesNotContain(allHeaders, v => v.Contains(token, StringComparison.Ordinal));
        Assert.DoesNotContain(token, _host.Logs.All, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(500)]
    public async Task Response_BackendStatus_ReachesTheBrowserUnchanged(int status)
    {
        // A 401 of the backend must reach the client, whose engine then asks the provider (OnError) what to do.
        using var browser = _host.NewBrowser();
        await _host.SignInAsync(browser);

        using var response = await browser.SendAsync(ProxyHost.ApiRequest(HttpMethod.Get, $"api/status/{status}"));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal($"/v1/status/{status}", Assert.Single(_backend.Seen).Path);
    }

    private async Task<HttpResponseMessage> SendWithCookieAsync(string cookieHeader)
    {
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = _host.BaseAddress };
        using var request = ProxyHost.ApiRequest(HttpMethod.Get, "api/orders");
        request.Headers.TryAddWithoutValidation("Cookie", cookieHeader);
        return await client.SendAsync(request);
    }
}
