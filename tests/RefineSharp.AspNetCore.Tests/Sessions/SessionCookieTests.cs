using System.Net;
using RefineSharp.AspNetCore.Tests.Fixtures;

namespace RefineSharp.AspNetCore.Tests.Sessions;

/// <summary>What the browser gets: one HttpOnly cookie that carries no token, and that stops working at logout.</summary>
public sealed class SessionCookieTests : IAsyncLifetime
{
    private readonly SharedBackplane _backplane = new();
    private SessionHost _host = null!;

    public async Task InitializeAsync() => _host = await SessionHost.StartAsync(_backplane.Cache, _backplane.Keys);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Login_RightPassword_SetsHttpOnlyLaxSessionCookieWithoutTokens()
    {
        using var browser = _host.NewBrowser();
        using var login = await SessionRequests.LoginAsync(browser, TokenTestProvider.Password);

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var setCookie = Assert.Single(login.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith(".refine.session=", setCookie, StringComparison.Ordinal);
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("expires=", setCookie, StringComparison.OrdinalIgnoreCase);

        // The tokens the provider stored are on the server only: neither value appears in what the browser holds.
        var accessToken = await (await browser.GetAsync(new Uri("t/access-token", UriKind.Relative))).Content.ReadAsStringAsync();
        Assert.StartsWith("AT-", accessToken, StringComparison.Ordinal);
        Assert.DoesNotContain(accessToken, setCookie, StringComparison.Ordinal);
        Assert.DoesNotContain(accessToken[3..], setCookie, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_WrongPassword_SetsNoCookie()
    {
        using var browser = _host.NewBrowser();
        using var login = await SessionRequests.LoginAsync(browser, "wrong");

        Assert.True(login.StatusCode == HttpStatusCode.Unauthorized, await login.Content.ReadAsStringAsync());
        Assert.False(login.Headers.Contains("Set-Cookie"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync(new Uri("t/check", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Login_RememberMe_SetsPersistentCookieForTheConfiguredLifetime()
    {
        using var browser = _host.NewBrowser();
        using var login = await SessionRequests.LoginAsync(browser, TokenTestProvider.Password, remember: true);

        var setCookie = Assert.Single(login.Headers.GetValues("Set-Cookie"));
        var expires = SessionRequests.Expires(setCookie);
        Assert.NotNull(expires);
        Assert.InRange(expires!.Value - DateTimeOffset.UtcNow, TimeSpan.FromDays(13.9), TimeSpan.FromDays(14.1));
    }

    [Fact]
    public async Task Logout_ThenReplayTheOldCookie_IsRefused()
    {
        using var browser = _host.NewBrowser();
        using var _ = await SessionRequests.LoginAsync(browser, TokenTestProvider.Password);
        var stolen = SessionRequests.CookieHeader(browser, _host.BaseAddress);
        Assert.Equal(HttpStatusCode.OK, (await SessionRequests.WithCookieAsync(_host, stolen, "t/check")).StatusCode);

        using var logout = await browser.PostAsync(new Uri("t/logout", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, logout.StatusCode);

        // Another browser that copied the cookie before the logout gets nothing any more.
        Assert.Equal(HttpStatusCode.Unauthorized, (await SessionRequests.WithCookieAsync(_host, stolen, "t/check")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SessionRequests.WithCookieAsync(_host, stolen, "t/access-token")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SessionRequests.WithCookieAsync(_host, stolen, "t/protected")).StatusCode);
    }

    [Fact]
    public async Task TwoBrowsers_EachSignedIn_HaveDifferentSessionsAndTokens()
    {
        using var first = _host.NewBrowser();
        using var second = _host.NewBrowser();
        using var a = await SessionRequests.LoginAsync(first, TokenTestProvider.Password);
        using var b = await SessionRequests.LoginAsync(second, TokenTestProvider.Password);

        var firstToken = await first.GetStringAsync(new Uri("t/access-token", UriKind.Relative));
        var secondToken = await second.GetStringAsync(new Uri("t/access-token", UriKind.Relative));
        Assert.NotEqual(firstToken, secondToken);

        // One logging out leaves the other signed in.
        using var logout = await first.PostAsync(new Uri("t/logout", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await first.GetAsync(new Uri("t/check", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync(new Uri("t/check", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [InlineData("%2Fhttps%EF%BC%9Aevil.example")]
    [InlineData("%2Fjavascript:alert(1)")]
    [InlineData("https://evil.example")]
    public async Task SignIn_AtTheLoginPathWithAReturnParameter_TheCookieHandlerDoesNotRedirectOnItsOwn(string to)
    {
        using var browser = _host.NewBrowser();
        var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = "ann@example.com", ["password"] = TokenTestProvider.Password });

        using var login = await browser.PostAsync(new Uri("login?to=" + to, UriKind.Relative), form);

        // The engine decides where to go (and validates it); the sign-in itself only sets the cookie.
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Null(login.Headers.Location);
        Assert.True(login.Headers.Contains("Set-Cookie"));
    }
}
