using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RefineSharp.Tokens;

namespace RefineSharp.AspNetCore.Tests.Proxy;

/// <summary>
/// An expired access token is refreshed on the server before forwarding, once per session however many API calls
/// arrive together (refresh tokens are often single-use), and every call goes out with the renewed token.
/// </summary>
public sealed class ApiProxyRefreshTests
{
    [Fact]
    public async Task Forward_ExpiredToken_ManyConcurrentCallsRefreshOnceAndAllCarryTheRenewedToken()
    {
        await using var backend = await Backend.StartAsync();
        var refresher = new CountingRefresher();
        await using var host = await ProxyHost.StartAsync(
            new Uri(backend.BaseAddress, "v1/"),
            refineSetup: refine =>
            {
                refine.AddAuthProvider<ExpiredTokenProvider>().AddTokenRefresh<CountingRefresher>();
                refine.Services.AddScoped<CountingRefresher>(_ => refresher);
            });
        using var browser = host.NewBrowser();
        var expired = await host.SignInAsync(browser);

        var calls = Enumerable.Range(0, 24).Select(async i =>
        {
            using var response = await browser.SendAsync(ProxyHost.ApiRequest(HttpMethod.Get, $"api/items/{i}"));
            return response.StatusCode;
        });
        var statuses = await Task.WhenAll(calls);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(1, refresher.Calls);
        Assert.Equal(24, backend.Seen.Count);
        Assert.All(backend.Seen, seen => Assert.Equal("Bearer " + refresher.Issued, seen.Authorization));
        Assert.NotEqual(expired, refresher.Issued);
        Assert.DoesNotContain(refresher.Issued!, host.Logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forward_RefreshRefused_Answers401AndEndsTheSession()
    {
        await using var backend = await Backend.StartAsync();
        var refresher = new CountingRefresher { Refuse = true };
        await using var host = await ProxyHost.StartAsync(
            new Uri(backend.BaseAddress, "v1/"),
            refineSetup: refine =>
            {
                refine.AddAuthProvider<ExpiredTokenProvider>().AddTokenRefresh<CountingRefresher>();
                refine.Services.AddScoped<CountingRefresher>(_ => refresher);
            });
        using var browser = host.NewBrowser();
        await host.SignInAsync(browser);

        using var first = await browser.SendAsync(ProxyHost.ApiRequest(HttpMethod.Get, "api/items/1"));
        using var second = await browser.SendAsync(ProxyHost.ApiRequest(HttpMethod.Get, "api/items/2"));

        Assert.Equal(HttpStatusCode.Unauthorized, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
        Assert.Equal(1, refresher.Calls);
        Assert.Empty(backend.Seen);
    }

    /// <summary>Signs in with tokens that expired a minute ago (like a session left open past its access token's life).</summary>
    private sealed class ExpiredTokenProvider(ITokenStore tokens) : AuthProvider
    {
        public override async Task<AuthActionResult> LoginAsync(LoginRequest request, CancellationToken cancellationToken = default)
        {
            await tokens.SetAsync(new TokenSet { AccessToken = "AT-expired-" + Guid.NewGuid().ToString("N"), RefreshToken = "RT-1", ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(-1) }, cancellationToken);
            return AuthActionResult.Ok("/");
        }

        public override async Task<AuthActionResult> LogoutAsync(LogoutRequest request, CancellationToken cancellationToken = default)
        {
            await tokens.ClearAsync(cancellationToken);
            return AuthActionResult.Ok("/login");
        }

        public override async Task<CheckResult> CheckAsync(CheckRequest request, CancellationToken cancellationToken = default) =>
            await tokens.GetAsync(cancellationToken) is null ? CheckResult.Fail("/login") : CheckResult.Ok();

        public override Task<OnErrorResult> OnErrorAsync(OnErrorRequest request, CancellationToken cancellationToken = default) =>
            Task.FromResult(OnErrorResult.Ignore());
    }

    /// <summary>A refresh endpoint stand-in: slow enough that concurrent calls overlap, counts its calls, rotates the refresh token.</summary>
    private sealed class CountingRefresher : ITokenRefresher
    {
        private int _calls;

        public bool Refuse { get; init; }

        public int Calls => Volatile.Read(ref _calls);

        public string? Issued { get; private set; }

        public async Task<TokenSet?> RefreshAsync(TokenSet current, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _calls);
            await Task.Delay(200, cancellationToken);
            if (Refuse || current.RefreshToken != "RT-1")
            {
                return null;
            }

            Issued = "AT-renewed-" + Guid.NewGuid().ToString("N");
            return new TokenSet { AccessToken = Issued, RefreshToken = "RT-2", ExpiresAt = DateTimeOffset.UtcNow.AddHours(1) };
        }
    }
}
