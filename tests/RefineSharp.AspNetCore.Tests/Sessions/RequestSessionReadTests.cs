using System.Net;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using RefineSharp.AspNetCore.Tests.Fixtures;

namespace RefineSharp.AspNetCore.Tests.Sessions;

/// <summary>
/// Inside one HTTP request the session's tokens are read from the store once (a page's prerender asks for them for
/// every check, identity and permissions load; with Redis each read is a round trip), and every write of the request
/// is seen by its next read. Counted on a real Kestrel host through the cache's own reads.
/// </summary>
public sealed class RequestSessionReadTests : IAsyncLifetime
{
    private readonly SharedBackplane _backplane = new();
    private CountingCache _cache = null!;
    private SessionHost _host = null!;

    public async Task InitializeAsync()
    {
        _cache = new CountingCache(_backplane.Cache);
        _host = await SessionHost.StartAsync(_cache, _backplane.Keys);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task OneRequest_ReadingTheTokensTenTimes_ReadsTheStoreOnceMoreThanTheCookieCheck()
    {
        var (cookie, token) = await SignInAsync();

        // What the cookie handler alone reads to authenticate a request (the session key, no token read).
        _cache.ResetReads();
        using (var baseline = await SessionRequests.WithCookieAsync(_host, cookie, "t/session-key"))
        {
            Assert.Equal(HttpStatusCode.OK, baseline.StatusCode);
        }

        var authentication = _cache.Reads;
        _cache.ResetReads();
        using var page = await SessionRequests.WithCookieAsync(_host, cookie, "t/read-tokens?times=9");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(token, await page.Content.ReadAsStringAsync());
        Assert.Equal(authentication + 1, _cache.Reads);
    }

    [Fact]
    public async Task NextRequest_AfterALogoutElsewhere_ReadsTheStoreAgainAndFindsNothing()
    {
        var (cookie, _) = await SignInAsync();
        using (var first = await SessionRequests.WithCookieAsync(_host, cookie, "t/read-tokens?times=3"))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using (var key = await SessionRequests.WithCookieAsync(_host, cookie, "t/session-key"))
        {
            await _host.Services.GetRequiredService<ITicketStore>().RemoveAsync(await key.Content.ReadAsStringAsync());
        }

        using var second = await SessionRequests.WithCookieAsync(_host, cookie, "t/read-tokens?times=3");
        Assert.NotEqual(HttpStatusCode.OK, second.StatusCode);
    }

    [Theory]
    [InlineData("replace", true)]
    [InlineData("set", true)]
    [InlineData("clear-if", false)]
    [InlineData("clear", false)]
    public async Task OneRequest_ReadWriteRead_TheSecondReadSeesTheWrite(string write, bool keepsASession)
    {
        var (cookie, _) = await SignInAsync();

        using var response = await SessionRequests.WithCookieAsync(_host, cookie, "t/read-write-read?write=" + write, HttpMethod.Post);
        var parts = (await response.Content.ReadAsStringAsync()).Split('|');

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("True", parts[0]);
        Assert.Equal(keepsASession ? parts[2] : "none", parts[1]);
    }

    private async Task<(string Cookie, string AccessToken)> SignInAsync()
    {
        using var browser = _host.NewBrowser();
        using var login = await SessionRequests.LoginAsync(browser, TokenTestProvider.Password);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var cookie = SessionRequests.CookieHeader(browser, _host.BaseAddress);
        return (cookie, await browser.GetStringAsync(new Uri("t/access-token", UriKind.Relative)));
    }
}
