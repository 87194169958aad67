using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using RefineSharp.AspNetCore.Sessions;
using RefineSharp.AspNetCore.Tests.Fixtures;
using RefineSharp.Tokens;

namespace RefineSharp.AspNetCore.Tests.Sessions;

/// <summary>
/// The read a request keeps must never be older than a write of the same request: each order of a read and a write
/// that can overlap is forced with a gated cache (no sleeps), and the read after both must see the write.
/// </summary>
public sealed class RequestReadInterleavingTests : IAsyncLifetime
{
    private readonly SharedBackplane _backplane = new();
    private GatedCache _cache = null!;
    private SessionHost _host = null!;

    public async Task InitializeAsync()
    {
        _cache = new GatedCache(_backplane.Cache);
        _host = await SessionHost.StartAsync(_cache, _backplane.Keys);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ReadStartedBeforeAWriteAndEndingAfterIt_IsNotKept()
    {
        using var request = await RequestScopeAsync();
        var store = request.ServiceProvider.GetRequiredService<ServerSessionTokenStore>();
        var before = (await ReadThroughAnotherScopeAsync())!;

        var gate = _cache.HoldNextRead();
        var slowRead = store.GetAsync().AsTask();           // has read the session as it was, held at the gate
        var renewed = TokenTestProvider.NewTokens();
        Assert.True(await store.ReplaceAsync(before, renewed)); // the write runs to its end meanwhile
        gate.SetResult();

        Assert.Equal(before.AccessToken, (await slowRead)!.AccessToken);
        Assert.Equal(renewed.AccessToken, (await store.GetAsync())!.AccessToken);
    }

    [Fact]
    public async Task ReadInsideAWrite_IsNotKeptAfterTheWrite()
    {
        using var request = await RequestScopeAsync();
        var store = request.ServiceProvider.GetRequiredService<ServerSessionTokenStore>();
        var before = (await ReadThroughAnotherScopeAsync())!;

        var gate = _cache.HoldNextWrite();
        var renewed = TokenTestProvider.NewTokens();
        var write = store.ReplaceAsync(before, renewed).AsTask(); // held before it reaches the store
        Assert.Equal(before.AccessToken, (await store.GetAsync())!.AccessToken);
        gate.SetResult();
        Assert.True(await write);

        Assert.Equal(renewed.AccessToken, (await store.GetAsync())!.AccessToken);
    }

    [Fact]
    public async Task ReadStartedBeforeTheRefreshLockAndEndingAfterIt_IsNotKept()
    {
        using var request = await RequestScopeAsync();
        var store = request.ServiceProvider.GetRequiredService<ServerSessionTokenStore>();
        var before = (await ReadThroughAnotherScopeAsync())!;

        var gate = _cache.HoldNextRead();
        var slowRead = store.GetAsync().AsTask();
        store.ForgetRequestRead();                              // the refresh lock is taken here
        var renewed = TokenTestProvider.NewTokens();
        using (var other = await RequestScopeAsync())
        {
            // Another request renews the tokens; this one only learns of it by reading the store again.
            Assert.True(await other.ServiceProvider.GetRequiredService<ServerSessionTokenStore>().ReplaceAsync(before, renewed));
        }

        gate.SetResult();
        Assert.Equal(before.AccessToken, (await slowRead)!.AccessToken);
        Assert.Equal(renewed.AccessToken, (await store.GetAsync())!.AccessToken);
    }

    private string? _key;

    // A scope that serves an HTTP request of the signed-in browser, as a page's prerender does.
    private async Task<IServiceScope> RequestScopeAsync()
    {
        if (_key is null)
        {
            using var browser = _host.NewBrowser();
            using var login = await SessionRequests.LoginAsync(browser, TokenTestProvider.Password);
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
            var cookie = SessionRequests.CookieHeader(browser, _host.BaseAddress);
            using var whoAmI = await SessionRequests.WithCookieAsync(_host, cookie, "t/session-key");
            _key = await whoAmI.Content.ReadAsStringAsync();
        }

        var scope = _host.Services.CreateScope();
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(SessionClaims.SessionId, _key)], ServerSessionOptions.Scheme));
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext =
            new DefaultHttpContext { RequestServices = scope.ServiceProvider, User = user };
        Assert.True(scope.ServiceProvider.GetRequiredService<SessionUser>().ServesRequest);
        return scope;
    }

    private async Task<TokenSet?> ReadThroughAnotherScopeAsync()
    {
        using var scope = await RequestScopeAsync();
        return await scope.ServiceProvider.GetRequiredService<ServerSessionTokenStore>().GetAsync();
    }
}
