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
        await _store.SetAsync(TokenSets.Expired());
        var coordinator = Create();
        var gate = new TaskCompletionSource();
        _refresher.Gate = gate.Task;

        var callers = Enumerable.Range(0, 100).Select(_ => Task.Run(() => coordinator.GetValidTokenAsync())).ToArray();
        gate.SetResult();
        var results = await Task.WhenAll(callers);

        Assert.Equal(1, _refresher.Calls);
        Assert.All(results, t => Assert.Equal("renewed-access-1", t?.AccessToken));
        Assert.Equal("renewed-access-1", (await _store.GetAsync())?.AccessToken);
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
        var rejected = TokenSets.Fresh();
        await _store.SetAsync(rejected);
        var coordinator = Create();
        var gate = new TaskCompletionSource();
        _refresher.Gate = gate.Task;

        var callers = Enumerable.Range(0, 50).Select(_ => Task.Run(() => coordinator.ForceRefreshAsync(rejected))).ToArray();
        gate.SetResult();
        var results = await Task.WhenAll(callers);

        Assert.Equal(1, _refresher.Calls);
        Assert.All(results, t => Assert.Equal("renewed-access-1", t?.AccessToken));
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
