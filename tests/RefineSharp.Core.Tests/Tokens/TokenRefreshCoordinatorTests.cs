using System.Reflection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RefineSharp.Tokens;

namespace RefineSharp.Tests.Tokens;

public sealed class TokenRefreshCoordinatorTests
{
    private readonly FakeTimeProvider _time = new(TokenSets.Start);
    private readonly MemoryTokenStore _store = new();
    private readonly CountingRefresher _refresher = new();

    private TokenRefreshCoordinator Create(TokenRefreshOptions? options = null) =>
        new(_store, _refresher, Options.Create(options ?? new TokenRefreshOptions()), _time);

    [Fact]
    public async Task GetValidTokenAsync_NoTokens_ReturnsNullWithoutRefreshing()
    {
        var coordinator = Create();

        Assert.Null(await coordinator.GetValidTokenAsync());
        Assert.Equal(0, _refresher.Calls);
    }

    [Fact]
    public async Task GetValidTokenAsync_TokenValid_ReturnsItWithoutRefreshing()
    {
        await _store.SetAsync(TokenSets.Fresh());

        var tokens = await Create().GetValidTokenAsync();

        Assert.Equal("access-1", tokens?.AccessToken);
        Assert.Equal(0, _refresher.Calls);
    }

    [Fact]
    public async Task GetValidTokenAsync_HundredConcurrentCallersWithExpiredToken_RefreshesOnceAndAllGetNewToken()
    {
        const int callers = 100;
        var store = new ArrivalBarrierStore();
        await store.SetAsync(TokenSets.Expired());
        var coordinator = new TokenRefreshCoordinator(store, _refresher, timeProvider: _time);

        // Arrival barrier: the refresher answers only after every caller has read the expired token (plus the single
        // flight's own read), so all of them decided to refresh while the first refresh was still running.
        _refresher.Gate = store.ReadsReached(callers + 1);

        var results = await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(() => coordinator.GetValidTokenAsync())));

        Assert.Equal(1, _refresher.Calls);
        Assert.All(results, t => Assert.Equal("renewed-access-1", t?.AccessToken));
        Assert.Equal("renewed-access-1", (await store.GetAsync())?.AccessToken);
    }

    [Fact]
    public async Task GetValidTokenAsync_ClockReachesSkewBeforeExpiry_Refreshes()
    {
        await _store.SetAsync(TokenSets.Fresh());
        var coordinator = Create(new TokenRefreshOptions { RefreshSkew = TimeSpan.FromSeconds(30) });

        _time.Advance(TimeSpan.FromMinutes(59));
        var before = await coordinator.GetValidTokenAsync();
        _time.Advance(TimeSpan.FromSeconds(31));
        var after = await coordinator.GetValidTokenAsync();

        Assert.Equal("access-1", before?.AccessToken);
        Assert.Equal("renewed-access-1", after?.AccessToken);
        Assert.Equal(1, _refresher.Calls);
    }

    [Fact]
    public async Task GetValidTokenAsync_UnknownExpiry_NeverRefreshes()
    {
        await _store.SetAsync(new TokenSet { AccessToken = "a", RefreshToken = "r" });
        _time.Advance(TimeSpan.FromDays(365));

        Assert.Equal("a", (await Create().GetValidTokenAsync())?.AccessToken);
        Assert.Equal(0, _refresher.Calls);
    }

    [Fact]
    public async Task ForceRefreshAsync_ConcurrentRejectionsOfSameToken_RefreshesOnce()
    {
        const int callers = 50;
        var rejected = TokenSets.Fresh();
        var store = new ArrivalBarrierStore();
        await store.SetAsync(rejected);
        var coordinator = new TokenRefreshCoordinator(store, _refresher, timeProvider: _time);
        _refresher.Gate = store.ReadsReached(callers + 1);

        var results = await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(() => coordinator.ForceRefreshAsync(rejected))));

        Assert.Equal(1, _refresher.Calls);
        Assert.All(results, t => Assert.Equal("renewed-access-1", t?.AccessToken));
    }

    [Fact]
    public async Task GetValidTokenAsync_LogoutDuringRefresh_DoesNotWriteRenewedTokensBack()
    {
        await _store.SetAsync(TokenSets.Expired());
        var gate = new TaskCompletionSource();
        _refresher.Gate = gate.Task;
        var coordinator = Create();
        var failures = 0;
        coordinator.RefreshFailed += (_, _) => failures++;

        var pending = coordinator.GetValidTokenAsync();
        await _store.ClearAsync();
        gate.SetResult();

        Assert.Null(await pending);
        Assert.Null(await _store.GetAsync());
        Assert.Equal(0, failures);
    }

    [Fact]
    public async Task GetValidTokenAsync_LoginDuringSuccessfulRefresh_KeepsTheNewLoginsTokens()
    {
        await _store.SetAsync(TokenSets.Expired());
        var gate = new TaskCompletionSource();
        _refresher.Gate = gate.Task;
        var coordinator = Create();

        var pending = coordinator.GetValidTokenAsync();
        await _store.SetAsync(TokenSets.Fresh("after-login"));
        gate.SetResult();

        Assert.Equal("after-login", (await pending)?.AccessToken);
        Assert.Equal("after-login", (await _store.GetAsync())?.AccessToken);
    }

    [Fact]
    public async Task GetValidTokenAsync_RefresherAnswersSynchronously_RunsOutsideTheCoordinatorsLock()
    {
        await _store.SetAsync(TokenSets.Expired());
        var coordinator = Create();
        var held = new List<bool>();
        var refresher = new SynchronousRefresher(() => held.Add(IsGateHeld(coordinator)), answer: null);
        coordinator = new TokenRefreshCoordinator(_store, refresher, timeProvider: _time);
        coordinator.RefreshFailed += (_, _) => held.Add(IsGateHeld(coordinator));

        Assert.Null(await coordinator.GetValidTokenAsync());

        // Once in the refresher, once in the RefreshFailed handler: neither under the lock.
        Assert.Equal([false, false], held);
    }

    [Theory]
    [InlineData(-1, 30)]
    [InlineData(0, 0)]
    [InlineData(0, -5)]
    [InlineData(2 * 24 * 3600, 30)]
    [InlineData(0, 3600)]
    public void Constructor_InvalidOptions_ThrowsNamingTheOption(int skewSeconds, int timeoutSeconds)
    {
        var options = new TokenRefreshOptions { RefreshSkew = TimeSpan.FromSeconds(skewSeconds), RefreshTimeout = TimeSpan.FromSeconds(timeoutSeconds) };

        var error = Assert.Throws<OptionsValidationException>(() => Create(options));

        var named = skewSeconds is < 0 or > 24 * 3600 ? "TokenRefreshOptions.RefreshSkew" : "TokenRefreshOptions.RefreshTimeout";
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.Contains("AddTokenRefresh", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpiresSoon_ExpiryNearMinValue_DoesNotOverflow()
    {
        await _store.SetAsync(new TokenSet { AccessToken = "a", RefreshToken = "r", ExpiresAt = DateTimeOffset.MinValue });

        var tokens = await Create().GetValidTokenAsync();

        Assert.Equal("renewed-a", tokens?.AccessToken);
    }

    private static bool IsGateHeld(TokenRefreshCoordinator coordinator) =>
        ((Lock)typeof(TokenRefreshCoordinator).GetField("_gate", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(coordinator)!).IsHeldByCurrentThread;

    /// <summary>A refresher that answers before its first await, so its whole body runs on the caller's stack.</summary>
    private sealed class SynchronousRefresher(Action onCall, TokenSet? answer) : ITokenRefresher
    {
        public Task<TokenSet?> RefreshAsync(TokenSet current, CancellationToken cancellationToken = default)
        {
            onCall();
            return Task.FromResult(answer);
        }
    }

    [Fact]
    public async Task ForceRefreshAsync_TokenAlreadyReplaced_ReturnsNewerTokensWithoutRefreshing()
    {
        var rejected = TokenSets.Fresh("old");
        await _store.SetAsync(TokenSets.Fresh("newer"));

        var tokens = await Create().ForceRefreshAsync(rejected);

        Assert.Equal("newer", tokens?.AccessToken);
        Assert.Equal(0, _refresher.Calls);
    }

    [Fact]
    public async Task GetValidTokenAsync_RefresherReturnsNull_ClearsStoreAndRaisesRefreshFailedOnce()
    {
        await _store.SetAsync(TokenSets.Expired());
        _refresher.Answer = _ => null;
        var coordinator = Create();
        var failures = 0;
        coordinator.RefreshFailed += (_, _) => Interlocked.Increment(ref failures);

        var results = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(() => coordinator.GetValidTokenAsync())));
        var later = await coordinator.GetValidTokenAsync();

        Assert.All(results, Assert.Null);
        Assert.Null(later);
        Assert.Null(await _store.GetAsync());
        Assert.Equal(1, failures);
        Assert.Equal(1, _refresher.Calls);
    }

    [Fact]
    public async Task ForceRefreshAsync_RefresherThrows_ClearsStoreAndRaisesRefreshFailedOnce()
    {
        var rejected = TokenSets.Fresh();
        await _store.SetAsync(rejected);
        _refresher.Throw = new InvalidOperationException("backend down");
        var coordinator = Create();
        var failures = 0;
        coordinator.RefreshFailed += (_, _) => Interlocked.Increment(ref failures);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => coordinator.ForceRefreshAsync(rejected))));

        Assert.All(results, Assert.Null);
        Assert.Null(await _store.GetAsync());
        Assert.Equal(1, failures);
    }

    [Fact]
    public async Task GetValidTokenAsync_RefresherHangs_TimesOutAndFails()
    {
        await _store.SetAsync(TokenSets.Expired());
        _refresher.Gate = new TaskCompletionSource().Task;
        var coordinator = Create(new TokenRefreshOptions { RefreshTimeout = TimeSpan.FromSeconds(10) });
        var failed = new TaskCompletionSource();
        coordinator.RefreshFailed += (_, _) => failed.TrySetResult();

        var pending = coordinator.GetValidTokenAsync();
        while (_refresher.Calls == 0)
        {
            await Task.Yield();
        }

        _time.Advance(TimeSpan.FromSeconds(11));

        Assert.Null(await pending);
        await failed.Task;
        Assert.Null(await _store.GetAsync());
    }

    [Fact]
    public async Task GetValidTokenAsync_LoginReplacesTokensDuringFailedRefresh_KeepsNewTokensAndDoesNotFail()
    {
        await _store.SetAsync(TokenSets.Expired());
        var gate = new TaskCompletionSource();
        _refresher.Gate = gate.Task;
        _refresher.Answer = _ => null;
        var coordinator = Create();
        var failures = 0;
        coordinator.RefreshFailed += (_, _) => failures++;

        var pending = coordinator.GetValidTokenAsync();
        await _store.SetAsync(TokenSets.Fresh("after-login"));
        gate.SetResult();

        Assert.Equal("after-login", (await pending)?.AccessToken);
        Assert.Equal("after-login", (await _store.GetAsync())?.AccessToken);
        Assert.Equal(0, failures);
    }

    [Fact]
    public async Task GetValidTokenAsync_CallerCancels_RefreshStillCompletesForOthers()
    {
        await _store.SetAsync(TokenSets.Expired());
        var gate = new TaskCompletionSource();
        _refresher.Gate = gate.Task;
        var coordinator = Create();
        using var cancel = new CancellationTokenSource();

        var cancelled = coordinator.GetValidTokenAsync(cancel.Token);
        var other = coordinator.GetValidTokenAsync();
        await cancel.CancelAsync();
        gate.SetResult();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal("renewed-access-1", (await other)?.AccessToken);
        Assert.Equal(1, _refresher.Calls);
    }
}
