using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using RefineSharp.JwtApi;

namespace RefineSharp.Providers.Jwt.Tests.Fixtures;

/// <summary>The sample JWT API (samples/RefineSharp.JwtApi) on real Kestrel at 127.0.0.1:<c>port</c>, with its dev endpoints.</summary>
public sealed class JwtApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private JwtApiServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<JwtApiServer> StartAsync(int port, string accessTokenLifetime = "00:05:00")
    {
        var app = JwtApiApp.Create(
        [
            "--urls", $"http://127.0.0.1:{port}",
            "--JwtApi:EnableDevEndpoints=true",
            "--JwtApi:AccessTokenLifetime=" + accessTokenLifetime,
            "--Logging:LogLevel:Default=Warning",
        ]);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new JwtApiServer(app, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>Successful refreshes the API has performed since it started.</summary>
    public async Task<long> RefreshesAsync()
    {
        using var http = new HttpClient { BaseAddress = Address };
        var stats = await http.GetFromJsonAsync<Stats>("dev/stats");
        return stats!.Refreshes;
    }

    /// <summary>Ends every session of the user at the API (its tokens are refused from now on).</summary>
    public async Task RevokeAllAsync(long userId)
    {
        using var http = new HttpClient { BaseAddress = Address };
        using var response = await http.PostAsync($"dev/revoke/{userId}", null);
        response.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed record Stats(long Refreshes);
}
