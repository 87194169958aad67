using System.Net;
using RefineSharp.AspNetCore.Tests.Fixtures;

namespace RefineSharp.AspNetCore.Tests.Sessions;

/// <summary>
/// A session that ended on the server without the browser being told (a logout in a circuit cannot set cookies) loses
/// its cookie on the next request; a store that is merely unreachable never costs the user their cookie.
/// </summary>
public sealed class DeadSessionCookieTests : IAsyncLifetime
{
    private readonly SharedBackplane _backplane = new();
    private SwitchableCache _cache = null!;
    private SessionHost _host = null!;

    public async Task InitializeAsync()
    {
        _cache = new SwitchableCache(_backplane.Cache);
        _host = await SessionHost.StartAsync(_cache, _backplane.Keys);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task SessionEndedOnTheServer_NextRequestDeletesTheCookie()
    {
        using var browser = _host.NewBrowser();
        using var _ = await SessionRequests.LoginAsync(browser, TokenTestProvider.Password);
        await SessionRequests.EndSessionOnServerAsync(_host, browser);

        using var check = await browser.GetAsync(new Uri("t/check", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, check.StatusCode);
        var deletion = Assert.Single(check.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith(".refine.session=;", deletion, StringComparison.Ordinal);
        Assert.True(SessionRequests.Expires(deletion) < DateTimeOffset.UtcNow, deletion);
        Assert.Equal(string.Empty, SessionRequests.CookieHeader(browser, _host.BaseAddress));
    }

    [Fact]
    public async Task StoreUnreachable_CookieIsKeptAndTheSessionComesBack()
    {
        using var browser = _host.NewBrowser();
        using var _ = await SessionRequests.LoginAsync(browser, TokenTestProvider.Password);

        _cache.Down = true;
        using var check = await browser.GetAsync(new Uri("t/check", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, check.StatusCode);
        Assert.False(check.Headers.Contains("Set-Cookie"));

        _cache.Down = false;
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(new Uri("t/check", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task SignInWhileCarryingADeadCookie_KeepsTheNewSessionCookie()
    {
        using var browser = _host.NewBrowser();
        using var first = await SessionRequests.LoginAsync(browser, TokenTestProvider.Password);
        await SessionRequests.EndSessionOnServerAsync(_host, browser);

        using var second = await SessionRequests.LoginAsync(browser, TokenTestProvider.Password);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var setCookie = Assert.Single(second.Headers.GetValues("Set-Cookie"));
        Assert.DoesNotContain("expires=Thu, 01 Jan 1970", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(new Uri("t/check", UriKind.Relative))).StatusCode);
    }

}
