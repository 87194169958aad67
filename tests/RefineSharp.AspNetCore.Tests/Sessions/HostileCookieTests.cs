using System.Net;
using CsCheck;
using RefineSharp.AspNetCore.Tests.Fixtures;

namespace RefineSharp.AspNetCore.Tests.Sessions;

/// <summary>Forged, tampered and replayed session cookies never sign in and never crash a request.</summary>
public sealed class HostileCookieTests : IAsyncLifetime
{
    private readonly SharedBackplane _backplane = new();
    private SessionHost _host = null!;

    public async Task InitializeAsync() => _host = await SessionHost.StartAsync(_backplane.Cache, _backplane.Keys);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Check_GeneratedForgedCookies_AreAnonymousAndNeverServerErrors()
    {
        // Real cookie values to mutate: a live session's, so the generator also produces near-misses of a valid one.
        using var browser = _host.NewBrowser();
        using var _ = await SessionRequests.LoginAsync(browser, TokenTestProvider.Password);
        var valid = SessionRequests.CookieHeader(browser, _host.BaseAddress).Split('=', 2)[1];

        var forged = Gen.OneOf(
            Gen.String[Gen.Char["A-Za-z0-9-_"], 0, 600],
            Gen.Int[0, valid.Length - 1].Select(Gen.Char["A-Za-z0-9-_"], (i, c) => valid[..i] + c + valid[(i + 1)..]),
            Gen.Int[1, valid.Length - 1].Select(n => valid[..n]),
            Gen.String[Gen.Char["A-Za-z0-9-_"], 1, 40].Select(s => valid + s),
            Gen.Const("CfDJ8" + new string('A', 300)));

        await forged.SampleAsync(async value =>
        {
            if (value == valid)
            {
                return true;
            }

            using var response = await SessionRequests.WithCookieAsync(_host, ".refine.session=" + value, "t/check");
            return response.StatusCode == HttpStatusCode.Unauthorized;
        }, iter: 300, threads: 1);
    }

    [Fact]
    public async Task Check_CookieOfAnotherAppsKeyRing_IsAnonymous()
    {
        // Same cache, different data-protection keys: an instance that does not share the key ring cannot read the cookie.
        await using var stranger = await SessionHost.StartAsync(_backplane.Cache, new SharedBackplane().Keys);
        using var browser = stranger.NewBrowser();
        using var _ = await SessionRequests.LoginAsync(browser, TokenTestProvider.Password);
        var cookie = SessionRequests.CookieHeader(browser, stranger.BaseAddress);

        using var response = await SessionRequests.WithCookieAsync(_host, cookie, "t/check");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
