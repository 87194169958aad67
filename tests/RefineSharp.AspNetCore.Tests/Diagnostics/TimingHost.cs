using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RefineSharp.AspNetCore.Tests.Diagnostics;

/// <summary>
/// A real Kestrel app on 127.0.0.1 shaped like a sign-in: /outer reads and writes the distributed cache and calls
/// /inner over loopback HTTP (the provider's hop to the Identity API), /inner checks a real Identity password hash.
/// </summary>
internal sealed class TimingHost : IAsyncDisposable
{
    public const string Secret = "tok-3f9a51c2";

    private readonly WebApplication _app;

    private TimingHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<TimingHost> StartAsync(bool timed, string? forgedInnerHeader = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddDistributedMemoryCache();
        builder.Services.AddScoped<IPasswordHasher<TestUser>, PasswordHasher<TestUser>>();
        builder.Services.AddHttpClient("loopback");
        if (timed)
        {
            builder.Services.AddRefineServerTiming();
        }

        var app = builder.Build();
        if (timed)
        {
            app.UseRefineServerTiming();
        }

        var user = new TestUser();
        var hash = new PasswordHasher<TestUser>().HashPassword(user, "pw");
        app.MapGet("/inner", (HttpContext http, IPasswordHasher<TestUser> hasher, int? hashes) =>
        {
            if (forgedInnerHeader is not null)
            {
                http.Response.Headers.Append("Server-Timing", forgedInnerHeader);
            }

            for (var i = 0; i < (hashes ?? 1); i++)
            {
                _ = hasher.VerifyHashedPassword(user, hash, "pw");
            }

            return Results.Ok();
        });
        app.MapGet("/outer", async (IDistributedCache cache, IHttpClientFactory clients, int? hashes) =>
        {
            await cache.SetAsync("k", [1, 2, 3], new DistributedCacheEntryOptions());
            _ = await cache.GetAsync("k");
            var self = new Uri(app.Urls.First());
            using var response = await clients.CreateClient("loopback").GetAsync(new Uri(self, $"/inner?hashes={hashes ?? 1}&token={Secret}"));
            return Results.Text(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
        });
        app.MapGet("/hash", (IPasswordHasher<TestUser> hasher, int count) =>
        {
            for (var i = 0; i < count; i++)
            {
                _ = hasher.VerifyHashedPassword(user, hash, "pw");
            }

            return Results.Ok();
        });

        await app.StartAsync();
        return new TimingHost(app, new Uri(app.Urls.First() + "/"));
    }

    public HttpClient NewClient() => new() { BaseAddress = BaseAddress };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    internal sealed class TestUser;
}
