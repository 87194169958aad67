using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace RefineSharp.AspNetCore.Tests.Proxy;

/// <summary>The backend down or silent: a clean 502/504 problem answer that names nothing internal, and no token in the logs.</summary>
public sealed class ApiProxyFailureTests
{
    [Fact]
    public async Task BackendDown_Answers502ProblemWithoutInternalsAndLogsNoToken()
    {
        var closedPort = FreePort();
        await using var host = await ProxyHost.StartAsync(new Uri($"http://127.0.0.1:{closedPort}/v1/"));
        using var browser = host.NewBrowser();
        var token = await host.SignInAsync(browser);

        using var response = await browser.SendAsync(ProxyHost.ApiRequest(HttpMethod.Get, "api/orders"));

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        using var problem = JsonDocument.Parse(body);
        Assert.Equal(502, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("API unavailable", problem.RootElement.GetProperty("title").GetString());
        Assert.Equal("The service could not answer. Please try again.", problem.RootElement.GetProperty("detail").GetString());
        foreach (var secret in new[] { closedPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "127.0.0.1", "refused", "Exception", "/v1", token })
        {
            Assert.DoesNotContain(secret, body, StringComparison.OrdinalIgnoreCase);
        }

        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Contains(host.Logs.Lines, l => l.Contains("[3201]", StringComparison.Ordinal));
        Assert.DoesNotContain(token, host.Logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BackendSilent_Answers504AfterTheActivityTimeout()
    {
        await using var backend = await Backend.StartAsync();
        await using var host = await ProxyHost.StartAsync(new Uri(backend.BaseAddress, "v1/"), o => o.ActivityTimeout = TimeSpan.FromMilliseconds(300));
        using var browser = host.NewBrowser();
        var token = await host.SignInAsync(browser);

        using var response = await browser.SendAsync(ProxyHost.ApiRequest(HttpMethod.Get, "api/slow"));

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(backend.BaseAddress.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), body, StringComparison.Ordinal);
        Assert.DoesNotContain(token, host.Logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Map_WithoutDestinationOrServices_FailsAtStartWithAMessageNamingTheFix()
    {
        var noDestination = await Assert.ThrowsAsync<InvalidOperationException>(() => StartBareAsync(addProxy: true, sessions: true, destination: null));
        Assert.Contains("Destination", noDestination.Message, StringComparison.Ordinal);
        var noServices = await Assert.ThrowsAsync<InvalidOperationException>(() => StartBareAsync(addProxy: false, sessions: true, destination: new Uri("http://127.0.0.1:1/")));
        Assert.Contains("AddRefineApiProxy", noServices.Message, StringComparison.Ordinal);
        var noSessions = await Assert.ThrowsAsync<InvalidOperationException>(() => StartBareAsync(addProxy: true, sessions: false, destination: new Uri("http://127.0.0.1:1/")));
        Assert.Contains("AddServerSessions", noSessions.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Microsoft.AspNetCore.Builder.WebApplication.CreateSlimBuilder().Build().MapRefineApiProxy("api/", o => o.Destination = new Uri("http://127.0.0.1:1/")));
    }

    private static async Task StartBareAsync(bool addProxy, bool sessions, Uri? destination)
    {
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateSlimBuilder();
        var refine = builder.Services.AddRefine().AddAuthProvider<Fixtures.TokenTestProvider>();
        if (sessions)
        {
            refine.AddBlazor().AddServerSessions();
        }

        if (addProxy)
        {
            builder.Services.AddRefineApiProxy();
        }

        await using var app = builder.Build();
        app.MapRefineApiProxy("/api", o => o.Destination = destination);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
