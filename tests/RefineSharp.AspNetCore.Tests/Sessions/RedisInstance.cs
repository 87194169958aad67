using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RefineSharp.AspNetCore.Sessions;
using RefineSharp.AspNetCore.Tests.Fixtures;

namespace RefineSharp.AspNetCore.Tests.Sessions;

/// <summary>
/// One instance of an app that scales out on Redis the documented way: <c>AddStackExchangeRedisCache</c> with a
/// connection string (its own connection, as a separate server would have) and data-protection keys in the same
/// Redis. Real Kestrel on 127.0.0.1 and the given port.
/// </summary>
internal sealed class RedisInstance : IAsyncDisposable
{
    public const string InstanceName = "refinesharp-lock-tests:";
    private readonly WebApplication _app;

    private RedisInstance(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<RedisInstance> StartAsync(string redis, int port, TimeSpan? lease = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        builder.Services.AddStackExchangeRedisCache(o =>
        {
            o.Configuration = redis;
            o.InstanceName = InstanceName;
        });
        builder.Services.AddDataProtection().SetApplicationName("RefineSharp.LockTests")
            .PersistKeysToStackExchangeRedis(StackExchange.Redis.ConnectionMultiplexer.Connect(redis), InstanceName + "dp-keys");
        builder.Services.AddRefine().AddAuthProvider<TokenTestProvider>().AddBlazor().AddServerSessions();
        builder.Services.AddAuthorization();
        if (lease is { } value)
        {
            builder.Services.Configure<RedisSessionLockOptions>(o => o.Lease = value);
        }

        var app = builder.Build();
        app.MapPost("/t/login", async (HttpContext http, AuthProvider provider) =>
        {
            var form = await http.Request.ReadFormAsync();
            var result = await provider.LoginAsync(new LoginRequest { Email = form["email"], Password = form["password"] });
            return result.Success ? Results.Ok() : Results.Unauthorized();
        });
        app.MapGet("/t/session-key", (HttpContext http) => SessionClaims.SessionKey(http.User) ?? string.Empty);
        await app.StartAsync();
        return new RedisInstance(app, new Uri($"http://127.0.0.1:{port}/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
