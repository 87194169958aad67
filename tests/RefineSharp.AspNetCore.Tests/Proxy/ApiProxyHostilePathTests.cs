using CsCheck;

namespace RefineSharp.AspNetCore.Tests.Proxy;

/// <summary>
/// Generated hostile request targets (dot segments, encoded slashes and dots, backslashes, doubled slashes) sent
/// byte for byte: whatever the browser asks for under /api, the backend is reached only under the destination's
/// path, never outside it.
/// </summary>
public sealed class ApiProxyHostilePathTests : IAsyncLifetime
{
    private Backend _backend = null!;
    private ProxyHost _host = null!;
    private string _cookie = "";

    public async Task InitializeAsync()
    {
        _backend = await Backend.StartAsync();
        _host = await ProxyHost.StartAsync(new Uri(_backend.BaseAddress, "v1/"));
        var jar = new System.Net.CookieContainer();
        using var browser = _host.NewBrowser(jar);
        await _host.SignInAsync(browser);
        _cookie = jar.GetCookieHeader(_host.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _backend.DisposeAsync();
    }

    [Fact]
    public async Task Forward_HostileTargets_NeverLeaveTheDestinationPath()
    {
        string[] segments = ["..", "%2e%2e", "%2E%2E", ".%2e", "%2e.", "..%2f", "..%2F", "%2f..", "..\\", "%5c..", "", ".", "secret", "v1", "%00", "a b", "%252e%252e"];
        var segment = Gen.Int[0, segments.Length - 1].Select(i => segments[i]);
        var targets = segment.Array[1, 6].Select(parts => "/api/" + string.Join('/', parts));
        var headers = new Dictionary<string, string> { ["Cookie"] = _cookie, ["X-Refine-Session"] = "1" };

        await targets.SampleAsync(async target =>
        {
            await RawHttp.SendAsync(_host.BaseAddress, "GET", target, headers);
            return true;
        }, iter: 120, threads: 1);

        Assert.NotEmpty(_backend.Seen);
        Assert.All(_backend.Seen, seen => Assert.StartsWith("/v1/", seen.Path + "/", StringComparison.Ordinal));
        Assert.DoesNotContain(_backend.Seen, seen => seen.Path.StartsWith("/secret", StringComparison.Ordinal));
    }
}
