using RefineSharp.AspNetCore.Tests.Fixtures;

namespace RefineSharp.AspNetCore.Tests.Security;

/// <summary>
/// Strict-Transport-Security from <c>AddRefineSecurityHeaders</c> over real TLS: sent on HTTPS answers outside
/// Development, and nowhere else (not over plain HTTP, where browsers ignore it; not in Development, where it would
/// pin a developer's localhost to HTTPS; not when the app turns it off). ASP.NET Core never sends it for loopback host
/// names, so the requests name the certificate's other host, app.example.
/// </summary>
public sealed class HstsTests : IDisposable
{
    private readonly LoopbackTls _tls = new();

    public void Dispose() => _tls.Dispose();

    [Theory]
    [InlineData("/page")]
    [InlineData("/missing")]
    [InlineData("/throws")]
    public async Task Https_OutsideDevelopment_EveryAnswerCarriesIt(string path)
    {
        await using var host = await HeadersHost.StartAsync(tls: _tls);

        var value = await HstsAsync(host, path);

        Assert.NotNull(value);
        Assert.Matches(@"^max-age=\d+", value);
        Assert.True(MaxAge(value!) >= TimeSpan.FromDays(30), value);
    }

    [Fact]
    public async Task Https_InDevelopment_IsNotSent()
    {
        await using var host = await HeadersHost.StartAsync(environment: "Development", tls: _tls);

        Assert.Null(await HstsAsync(host, "/page"));
        // The control: the same host answers with its other headers.
        using var client = new HttpClient(_tls.Handler()) { BaseAddress = host.BaseAddress };
        using var response = await client.GetAsync(new Uri("/page", UriKind.Relative));
        Assert.True(response.Headers.Contains("X-Content-Type-Options"));
    }

    [Fact]
    public async Task Https_TurnedOff_IsNotSent()
    {
        await using var host = await HeadersHost.StartAsync(o => o.UseHsts = false, tls: _tls);

        Assert.Null(await HstsAsync(host, "/page"));
    }

    [Fact]
    public async Task PlainHttp_IsNotSent()
    {
        await using var host = await HeadersHost.StartAsync();

        Assert.Null(await HstsAsync(host, "/page", hostHeader: "app.example"));
    }

    private async Task<string?> HstsAsync(HeadersHost host, string path, string hostHeader = "app.example")
    {
        using var client = new HttpClient(_tls.Handler()) { BaseAddress = host.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Host = hostHeader;
        using var response = await client.SendAsync(request);
        return response.Headers.TryGetValues("Strict-Transport-Security", out var values) ? Assert.Single(values) : null;
    }

    private static TimeSpan MaxAge(string value) =>
        TimeSpan.FromSeconds(long.Parse(value.Split(';')[0]["max-age=".Length..], System.Globalization.CultureInfo.InvariantCulture));
}
