using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RefineSharp.AspNetCore.Tests.Fixtures;
using StackExchange.Redis;

namespace RefineSharp.AspNetCore.Tests.Sessions;

/// <summary>Sessions and data-protection keys on a real Redis: two instances are one app, and Redis going down refuses sign-in.</summary>
public sealed class RedisSessionTests : IAsyncLifetime
{
    private RedisServer _redis = null!;
    private ConnectionMultiplexer _connection = null!;

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        _connection = await ConnectionMultiplexer.ConnectAsync(_redis.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await _connection.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task Session_OnRedis_MovesBetweenInstancesAndLogoutEndsItOnBoth()
    {
        await using var first = await SessionHost.StartAsync(RedisCache(), RedisKeys());
        await using var second = await SessionHost.StartAsync(RedisCache(), RedisKeys());
        using var browser = first.NewBrowser();
        using var _ = await SessionRequests.LoginAsync(browser, TokenTestProvider.Password);
        var cookie = SessionRequests.CookieHeader(browser, first.BaseAddress);

        Assert.Equal(HttpStatusCode.OK, (await SessionRequests.WithCookieAsync(second, cookie, "t/check")).StatusCode);

        // What Redis holds is encrypted: the access token is not readable in it.
        var token = await (await SessionRequests.WithCookieAsync(second, cookie, "t/access-token")).Content.ReadAsStringAsync();
        var server = _connection.GetServer(_connection.GetEndPoints()[0]);
        foreach (var key in server.Keys(pattern: "*refine:session:*"))
        {
            var value = await _connection.GetDatabase().HashGetAllAsync(key);
            Assert.DoesNotContain(value, v => v.Value.ToString().Contains(token, StringComparison.Ordinal));
        }

        using (var client = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = first.BaseAddress })
        using (var logout = new HttpRequestMessage(HttpMethod.Post, new Uri("t/logout", UriKind.Relative)))
        {
            logout.Headers.TryAddWithoutValidation("Cookie", cookie);
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(logout)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await SessionRequests.WithCookieAsync(second, cookie, "t/check")).StatusCode);
    }

    [Fact]
    public async Task Login_RedisKilled_IsRefusedAndReadsFailClosed()
    {
        await using var host = await SessionHost.StartAsync(RedisCache(), RedisKeys());
        using var signedIn = host.NewBrowser();
        using var _ = await SessionRequests.LoginAsync(signedIn, TokenTestProvider.Password);
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync(new Uri("t/check", UriKind.Relative))).StatusCode);

        await _redis.KillAsync();

        using var newcomer = host.NewBrowser();
        using var login = await SessionRequests.LoginAsync(newcomer, TokenTestProvider.Password);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, login.StatusCode);
        Assert.False(login.Headers.Contains("Set-Cookie"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await signedIn.GetAsync(new Uri("t/check", UriKind.Relative))).StatusCode);
    }

    private RedisCache RedisCache() => new(Options.Create(new RedisCacheOptions
    {
        ConnectionMultiplexerFactory = () => Task.FromResult<IConnectionMultiplexer>(_connection),
        InstanceName = "refinesharp-tests:",
    }));

    private IDataProtectionProvider RedisKeys()
    {
        var services = new ServiceCollection();
        services.AddDataProtection().SetApplicationName("RefineSharp.Tests").PersistKeysToStackExchangeRedis(_connection, "refinesharp-tests:dp-keys");
        return services.BuildServiceProvider().GetRequiredService<IDataProtectionProvider>();
    }
}
