using System.Net;
using CsCheck;
using RefineSharp.AspNetCore.Tests.Fixtures;

namespace RefineSharp.AspNetCore.Tests.Sessions;

/// <summary>The flash cookie that carries notifications across a redirect: a cookie the server did not write is never shown.</summary>
public sealed class FlashNotificationTests : IAsyncLifetime
{
    private readonly SharedBackplane _backplane = new();
    private SessionHost _host = null!;

    public async Task InitializeAsync() => _host = await SessionHost.StartAsync(_backplane.Cache, _backplane.Keys);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Request_GeneratedForgedFlashCookies_ShowNothingAndNeverFail()
    {
        var forged = Gen.OneOf(
            Gen.String[Gen.Char["A-Za-z0-9+/="], 0, 400],
            Gen.String[Gen.Char["A-Za-z0-9+/"], 1, 200].Select(s => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("""[{"Key":"x","Type":1,"Message":""" + '"' + s + "\"}]"))),
            Gen.Const(Convert.ToBase64String("""[{"Key":"login-error","Type":1,"Message":"Call +1 555 0100 now","Description":null}]"""u8.ToArray())));

        await forged.SampleAsync(async value =>
        {
            using var response = await SessionRequests.WithCookieAsync(_host, ".refine.flash=" + value, "t/notifications");
            return response.StatusCode == HttpStatusCode.OK && await response.Content.ReadAsStringAsync() == "0";
        }, iter: 200, threads: 1);
    }

    [Fact]
    public async Task Redirect_WithAnOpenNotification_TheNextPageShowsItOnce()
    {
        using var browser = _host.NewBrowser();

        using var redirect = await browser.GetAsync(new Uri("t/notify-and-redirect", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Contains(redirect.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".refine.flash=", StringComparison.Ordinal) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));

        Assert.Equal("1", await browser.GetStringAsync(new Uri("t/notifications", UriKind.Relative)));
        Assert.Equal("0", await browser.GetStringAsync(new Uri("t/notifications", UriKind.Relative)));
    }
}
