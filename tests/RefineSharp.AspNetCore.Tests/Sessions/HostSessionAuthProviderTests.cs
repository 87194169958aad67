using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RefineSharp.AspNetCore.Tests.Fixtures;
using RefineSharp.Blazor;

namespace RefineSharp.AspNetCore.Tests.Sessions;

/// <summary>
/// A hosted WebAssembly client's provider against the real session endpoints: the engine on the client, the real
/// provider on the server, and only the session cookie in the client's cookie jar.
/// </summary>
public sealed class HostSessionAuthProviderTests : IAsyncLifetime
{
    private readonly SharedBackplane _backplane = new();
    private SessionHost _host = null!;

    public async Task InitializeAsync() => _host = await SessionHost.StartAsync(_backplane.Cache, _backplane.Keys);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Engine_LoginCheckLogout_ThroughTheHost_FollowsTheServerSession()
    {
        var jar = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = jar }) { BaseAddress = new Uri(_host.BaseAddress, "_refine/session/") };
        await using var client = Client(http);
        var auth = client.GetRequiredService<AuthManager>();

        Assert.False((await auth.CheckAsync()).Authenticated);
        Assert.False((await auth.LoginAsync(new LoginRequest { Email = "ann@example.com", Password = "wrong" })).Success);
        Assert.True((await auth.LoginAsync(new LoginRequest { Email = "ann@example.com", Password = TokenTestProvider.Password })).Success);
        Assert.True((await auth.CheckAsync()).Authenticated);

        // The client holds the session cookie and nothing else: no token came back to it.
        var cookies = jar.GetCookies(_host.BaseAddress);
        Assert.Equal(".refine.session", Assert.Single(cookies).Name);
        Assert.True(cookies[0].HttpOnly);

        await auth.LogoutAsync();
        Assert.False((await auth.CheckAsync()).Authenticated);
        Assert.Null(await auth.GetIdentityAsync());
    }

    [Fact]
    public async Task Engine_HostDown_FailsClosedWithAGenericError()
    {
        using var http = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:1/_refine/session/") };
        await using var client = Client(http);
        var auth = client.GetRequiredService<AuthManager>();

        var check = await auth.CheckAsync();
        var login = await auth.LoginAsync(new LoginRequest { Email = "ann@example.com", Password = TokenTestProvider.Password });

        Assert.False(check.Authenticated);
        Assert.False(login.Success);
        Assert.DoesNotContain("127.0.0.1", login.Error?.Message ?? string.Empty, StringComparison.Ordinal);
    }

    private static ServiceProvider Client(HttpClient http)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddRefine().AddAuthProvider(new HostSessionAuthProvider(http));
        return services.BuildServiceProvider();
    }
}
