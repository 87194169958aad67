using System.Net;
using RefineSharp.AspNetCore.Tests.Fixtures;

namespace RefineSharp.AspNetCore.Tests.Sessions;

/// <summary>A session store that is down refuses sign-in with a clear answer and reads as signed out; it never falls back.</summary>
public sealed class SessionStoreOutageTests
{
    [Fact]
    public async Task Login_StoreDown_IsRefusedWithServiceUnavailableAndNoCookie()
    {
        await using var host = await SessionHost.StartAsync(new UnreachableCache(), new SharedBackplane().Keys);
        using var browser = host.NewBrowser();

        using var login = await SessionRequests.LoginAsync(browser, TokenTestProvider.Password);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, login.StatusCode);
        Assert.False(login.Headers.Contains("Set-Cookie"));
        var body = await login.Content.ReadAsStringAsync();
        Assert.DoesNotContain("127.0.0.1:1", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_StoreGoesDownAfterSignIn_CountsAsSignedOutNotAsServerError()
    {
        var backplane = new SharedBackplane();
        var cache = new SwitchableCache(backplane.Cache);
        await using var host = await SessionHost.StartAsync(cache, backplane.Keys);
        using var browser = host.NewBrowser();
        using var _ = await SessionRequests.LoginAsync(browser, TokenTestProvider.Password);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(new Uri("t/check", UriKind.Relative))).StatusCode);

        cache.Down = true;
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync(new Uri("t/check", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync(new Uri("t/protected", UriKind.Relative))).StatusCode);

        // Back up: the session was never lost.
        cache.Down = false;
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(new Uri("t/check", UriKind.Relative))).StatusCode);
    }
}
