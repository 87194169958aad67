using System.Net;
using System.Net.Http.Json;
using RefineSharp.Demo.Data;

namespace RefineSharp.Demo.Tests.Hosting;

/// <summary>The demo with Demo:ServerTiming on: a sign-in's response names its parts (the benchmark reads them).</summary>
public sealed class ServerTimingOptInTests(ServerTimingOptInTests.TimedDemo demo) : IClassFixture<ServerTimingOptInTests.TimedDemo>
{
    public sealed class TimedDemo() : DemoAppFactory(new Dictionary<string, string> { ["Demo:ServerTiming"] = "true" });

    private static List<string> Parts(HttpResponseMessage response) =>
        [.. Assert.Single(response.Headers.GetValues("Server-Timing")).Split(", ").Select(p => p.Split(';')[0])];

    [Fact]
    public async Task ApiLogin_RightPassword_HeaderHasHashDatabaseAndTotal()
    {
        using var http = demo.CreateRealClient();

        using var response = await http.PostAsJsonAsync(new Uri("identity/login", UriKind.Relative), new { email = DemoSeeder.AdminEmail, password = "Admin123!" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var parts = Parts(response);
        Assert.Contains("hash", parts);
        Assert.Contains("db", parts);
        Assert.Equal("total", parts[^1]);
    }

    [Fact]
    public async Task ApiLogin_UnknownEmail_StillHashes()
    {
        // The sign-in hardening verifies a dummy hash for an unknown account, so the header (and the time) look alike.
        using var http = demo.CreateRealClient();

        using var response = await http.PostAsJsonAsync(new Uri("identity/login", UriKind.Relative), new { email = "nobody-" + Guid.NewGuid().ToString("N") + "@demo.local", password = "Admin123!" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("hash", Parts(response));
    }
}

/// <summary>The demo as shipped: no Server-Timing header unless it is asked for.</summary>
public sealed class ServerTimingOffByDefaultTests(DemoAppFactory demo) : IClassFixture<DemoAppFactory>
{
    [Fact]
    public async Task ApiLogin_Default_NoServerTimingHeader()
    {
        using var http = demo.CreateRealClient();

        using var response = await http.PostAsJsonAsync(new Uri("identity/login", UriKind.Relative), new { email = DemoSeeder.AdminEmail, password = "Admin123!" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Server-Timing"));
    }
}
