using System.Net;
using RefineSharp.AspNetCore.Tests.Fixtures;

namespace RefineSharp.AspNetCore.Tests.Sessions;

/// <summary>
/// The session cookie over real TLS (Kestrel with a certificate made for the test): its "__Host-" name makes the
/// browser keep it Secure, host-only and for "/", so a cookie written over plain HTTP (by a network attacker, or a
/// development run on the same host) can never pass for the HTTPS site's session. The plain-HTTP host shares the
/// HTTPS host's cache and keys, so its session values are valid ones: only the name keeps them out.
/// </summary>
public sealed class HttpsSessionCookieTests : IAsyncLifetime
{
    private readonly SharedBackplane _backplane = new();
    private readonly LoopbackTls _tls = new();
    private SessionHost _https = null!;
    private SessionHost _http = null!;

    public async Task InitializeAsync()
    {
        _https = await SessionHost.StartAsync(_backplane.Cache, _backplane.Keys, _tls);
        _http = await SessionHost.StartAsync(_backplane.Cache, _backplane.Keys);
    }

    public async Task DisposeAsync()
    {
        await _https.DisposeAsync();
        await _http.DisposeAsync();
        _tls.Dispose();
    }

    [Fact]
    public async Task SignIn_OverHttps_SetsAHostPrefixedSecureHttpOnlyCookieForTheWholeSite()
    {
        Assert.Equal("https", _https.BaseAddress.Scheme);
        using var browser = _https.NewBrowser();

        using var login = await SessionRequests.LoginAsync(browser, TokenTestProvider.Password);

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("__Host-refine=", cookie, StringComparison.Ordinal);
        var attributes = Attributes(cookie);
        Assert.Contains("secure", attributes);
        Assert.Contains("httponly", attributes);
        Assert.Contains("path=/", attributes);
        Assert.Contains("samesite=lax", attributes);
        Assert.DoesNotContain(attributes, a => a.StartsWith("domain=", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(new Uri("t/check", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task SignIn_OverPlainHttp_UsesTheOtherName()
    {
        using var browser = _http.NewBrowser();

        using var login = await SessionRequests.LoginAsync(browser, TokenTestProvider.Password);

        var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith(".refine.session=", cookie, StringComparison.Ordinal);
        Assert.DoesNotContain("secure", Attributes(cookie));
    }

    [Fact]
    public async Task ValidSessionUnderThePlainHttpName_IsNoSessionOverHttps()
    {
        using var browser = _http.NewBrowser();
        using var login = await SessionRequests.LoginAsync(browser, TokenTestProvider.Password);
        var value = Value(Assert.Single(login.Headers.GetValues("Set-Cookie")));

        using var underPlainName = await SessionRequests.WithCookieAsync(_https, ".refine.session=" + value, "t/check");
        using var underHostName = await SessionRequests.WithCookieAsync(_https, "__Host-refine=" + value, "t/check");

        Assert.Equal(HttpStatusCode.Unauthorized, underPlainName.StatusCode);
        // The control: the same value is a live session, so the name alone refused it above.
        Assert.Equal(HttpStatusCode.OK, underHostName.StatusCode);
    }

    [Fact]
    public async Task SessionEndedOnTheServer_OverHttps_TheNextRequestDeletesTheHostPrefixedCookie()
    {
        using var browser = _https.NewBrowser();
        using var _ = await SessionRequests.LoginAsync(browser, TokenTestProvider.Password);
        await SessionRequests.EndSessionOnServerAsync(_https, browser);

        using var check = await browser.GetAsync(new Uri("t/check", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, check.StatusCode);
        var deletion = Assert.Single(check.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("__Host-refine=;", deletion, StringComparison.Ordinal);
        Assert.Contains("secure", Attributes(deletion));
        Assert.True(SessionRequests.Expires(deletion) < TimeProvider.System.GetUtcNow(), deletion);
    }

    [Fact]
    public async Task SignInOverHttpsWhileCarryingADeadCookie_KeepsTheNewCookie()
    {
        using var browser = _https.NewBrowser();
        using var first = await SessionRequests.LoginAsync(browser, TokenTestProvider.Password);
        await SessionRequests.EndSessionOnServerAsync(_https, browser);

        using var again = await SessionRequests.LoginAsync(browser, TokenTestProvider.Password);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var cookies = again.Headers.GetValues("Set-Cookie").ToArray();
        Assert.DoesNotContain(cookies, c => c.StartsWith("__Host-refine=;", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith("__Host-refine=", StringComparison.Ordinal) && !(SessionRequests.Expires(c) < TimeProvider.System.GetUtcNow()));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(new Uri("t/check", UriKind.Relative))).StatusCode);
    }


    private static string[] Attributes(string setCookie) =>
        [.. setCookie.Split(';', StringSplitOptions.TrimEntries).Skip(1).Select(a => a.ToLowerInvariant())];

    private static string Value(string setCookie) => setCookie.Split(';')[0].Split('=', 2)[1];
}
