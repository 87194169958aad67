using System.Net;
using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using RefineSharp.AspNetCore.Sessions;
using RefineSharp.AspNetCore.Tests.Fixtures;
using RefineSharp.Tokens;

namespace RefineSharp.AspNetCore.Tests.Sessions;

/// <summary>Two circuits (tabs) of one server-side session that hit a 401 together refresh once, with a rotating refresh token.</summary>
public sealed class SessionRefreshLockTests : IAsyncLifetime
{
    private readonly SharedBackplane _backplane = new();
    private SessionHost _host = null!;

    public async Task InitializeAsync() => _host = await SessionHost.StartAsync(_backplane.Cache, _backplane.Keys);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ForceRefresh_TwoCircuitsOfOneSessionAtOnce_OneRefresherCallAndBothGetTheRenewedTokens()
    {
        var key = await SignInAsync();
        var refresher = new RotatingRefresher();
        using var tabA = Circuit(key);
        using var tabB = Circuit(key);
        var a = Coordinator(tabA, refresher);
        var b = Coordinator(tabB, refresher);
        var rejected = (await a.Store.GetAsync())!;

        var first = a.ForceRefreshAsync(rejected);
        await refresher.FirstCallStarted.Task;
        var second = b.ForceRefreshAsync(rejected);

        // Hold the first refresh until the second one reaches the refresher too, or half a second has passed: with the
        // session lock it cannot reach it while the first holds the lock.
        for (var i = 0; i < 50 && refresher.Calls < 2; i++)
        {
            await Task.Delay(10);
        }

        refresher.Release.SetResult();
        var (fromA, fromB) = (await first, await second);

        Assert.Equal(1, refresher.Calls);
        Assert.Equal(0, refresher.ReusedRefreshTokens);
        Assert.Equal(fromA!.AccessToken, fromB!.AccessToken);
        Assert.Equal(fromA.AccessToken, (await b.Store.GetAsync())!.AccessToken);
    }

    private static TokenRefreshCoordinator Coordinator(IServiceScope circuit, ITokenRefresher refresher) =>
        new(circuit.ServiceProvider.GetRequiredService<ITokenStore>(), refresher, crossContextLock: circuit.ServiceProvider.GetRequiredService<ICrossContextLock>());

    private IServiceScope Circuit(string key)
    {
        var scope = _host.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<SessionUser>().SetHostPrincipal(
            new ClaimsPrincipal(new ClaimsIdentity([new Claim(SessionClaims.SessionId, key)], ServerSessionOptions.Scheme)));
        return scope;
    }

    private async Task<string> SignInAsync()
    {
        using var browser = _host.NewBrowser();
        using var login = await SessionRequests.LoginAsync(browser, TokenTestProvider.Password);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        using var whoAmI = await SessionRequests.WithCookieAsync(_host, SessionRequests.CookieHeader(browser, _host.BaseAddress), "t/session-key");
        return await whoAmI.Content.ReadAsStringAsync();
    }

    /// <summary>A backend whose refresh tokens are single-use: each call rotates it, and a reused one is counted.</summary>
    private sealed class RotatingRefresher : ITokenRefresher
    {
        private readonly HashSet<string> _used = [];
        private int _calls;
        private int _reused;

        public TaskCompletionSource FirstCallStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Calls => Volatile.Read(ref _calls);

        public int ReusedRefreshTokens => Volatile.Read(ref _reused);

        public async Task<TokenSet?> RefreshAsync(TokenSet current, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _calls);
            lock (_used)
            {
                if (!_used.Add(current.RefreshToken ?? string.Empty))
                {
                    Interlocked.Increment(ref _reused);
                    return null;
                }
            }

            FirstCallStarted.TrySetResult();
            await Release.Task;
            return TokenTestProvider.NewTokens();
        }
    }
}
