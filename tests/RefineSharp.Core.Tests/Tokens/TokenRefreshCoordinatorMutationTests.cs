using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RefineSharp.Tokens;

namespace RefineSharp.Tests.Tokens;

// Written against the mutants Stryker left alive in Tokens/TokenRefreshCoordinator.cs (docs/quality.md): argument
// checks, the skew boundary, the second read inside the single flight, the cross-context lock, a throwing store, the
// log lines a refresh leaves and a throwing RefreshFailed handler.
public sealed class TokenRefreshCoordinatorMutationTests
{
    private readonly FakeTimeProvider _time = new(TokenSets.Start);
    private readonly MemoryTokenStore _store = new();
    private readonly CountingRefresher _refresher = new();
    private readonly EventLogger _logs = new();

    private TokenRefreshCoordinator Create(ITokenStore? store = null, ICrossContextLock? crossContextLock = null, TokenRefreshOptions? options = null) =>
        new(store ?? _store, _refresher, Options.Create(options ?? new TokenRefreshOptions()), _time, _logs, crossContextLock);

    [Fact]
    public void Constructor_NullStoreOrRefresher_Throws()
    {
        Assert.Equal("store", Assert.Throws<ArgumentNullException>(() => new TokenRefreshCoordinator(null!, _refresher)).ParamName);
        Assert.Equal("refresher", Assert.Throws<ArgumentNullException>(() => new TokenRefreshCoordinator(_store, null!)).ParamName);
    }

    [Fact]
    public async Task ForceRefreshAndExpiresSoon_NullTokens_Throw()
    {
        var coordinator = Create();

        Assert.Equal("failedToken", (await Assert.ThrowsAsync<ArgumentNullException>(() => coordinator.ForceRefreshAsync(null!))).ParamName);
        Assert.Equal("tokens", Assert.Throws<ArgumentNullException>(() => coordinator.ExpiresSoon(null!)).ParamName);
    }

    [Fact]
    public void ExpiresSoon_ExactlyAtNowPlusSkew_IsTrueAndOneTickLaterIsFalse()
    {
        var skew = TimeSpan.FromSeconds(30);
        var coordinator = Create(options: new TokenRefreshOptions { RefreshSkew = skew });

        Assert.True(coordinator.ExpiresSoon(new TokenSet { AccessToken = "a", ExpiresAt = TokenSets.Start + skew }));
        Assert.False(coordinator.ExpiresSoon(new TokenSet { AccessToken = "a", ExpiresAt = TokenSets.Start + skew + TimeSpan.FromTicks(1) }));
    }

    [Fact]
    public async Task ForceRefreshAsync_StoreEmpty_ReturnsNullWithoutRefreshing()
    {
        var crossContext = new RecordingCrossContextLock();

        Assert.Null(await Create(crossContextLock: crossContext).ForceRefreshAsync(TokenSets.Fresh()));
        Assert.Equal(0, _refresher.Calls);
        Assert.Equal(0, crossContext.Entries);
    }

    [Fact]
    public async Task GetValidAndForceRefresh_ValidOrAlreadyReplacedToken_NeverTakeTheCrossContextLock()
    {
        await _store.SetAsync(TokenSets.Fresh("access-2"));
        var crossContext = new RecordingCrossContextLock();
        var coordinator = Create(crossContextLock: crossContext);

        Assert.Equal("access-2", (await coordinator.GetValidTokenAsync())?.AccessToken);
        Assert.Equal("access-2", (await coordinator.ForceRefreshAsync(TokenSets.Fresh("access-1")))?.AccessToken);

        Assert.Equal(0, crossContext.Entries);
        Assert.Equal(0, _refresher.Calls);
    }

    [Fact]
    public async Task GetValidTokenAsync_ExpiredWithCrossContextLock_RefreshesInsideTheLock()
    {
        await _store.SetAsync(TokenSets.Expired());
        var crossContext = new RecordingCrossContextLock();
        var refresherRanInsideLock = false;
        _refresher.Answer = current =>
        {
            refresherRanInsideLock = crossContext.Held;
            return TokenSets.Fresh("renewed");
        };

        var tokens = await Create(crossContextLock: crossContext).GetValidTokenAsync();

        Assert.Equal("renewed", tokens?.AccessToken);
        Assert.Equal(1, crossContext.Entries);
        Assert.True(refresherRanInsideLock);
    }

    // Another tab renewed the tokens while this one waited for the lock: the read inside the lock sees them.
    [Fact]
    public async Task GetValidTokenAsync_OtherContextRenewedWhileWaitingForTheLock_UsesItsTokensWithoutRefreshing()
    {
        await _store.SetAsync(TokenSets.Expired());
        var crossContext = new RecordingCrossContextLock { BeforeAction = () => _store.SetAsync(TokenSets.Fresh("from-other-tab")).AsTask() };
        var coordinator = Create(crossContextLock: crossContext);
        var failed = 0;
        coordinator.RefreshFailed += (_, _) => failed++;

        Assert.Equal("from-other-tab", (await coordinator.GetValidTokenAsync())?.AccessToken);
        Assert.Equal(0, _refresher.Calls);
        Assert.Equal(0, failed);
    }

    // Another tab logged out while this one waited for the lock: nothing to refresh, and no second session end.
    [Fact]
    public async Task GetValidTokenAsync_OtherContextLoggedOutWhileWaitingForTheLock_ReturnsNullWithoutRefreshingOrFailing()
    {
        await _store.SetAsync(TokenSets.Expired());
        var crossContext = new RecordingCrossContextLock { BeforeAction = () => _store.ClearAsync().AsTask() };
        var coordinator = Create(crossContextLock: crossContext);
        var failed = 0;
        coordinator.RefreshFailed += (_, _) => failed++;

        Assert.Null(await coordinator.GetValidTokenAsync());
        Assert.Equal(0, _refresher.Calls);
        Assert.Equal(0, failed);
    }

    [Fact]
    public async Task GetValidTokenAsync_StoreThrowsInsideTheFlight_CallerSeesTheFault()
    {
        var store = new ThrowOnSecondReadStore(TokenSets.Expired());
        var coordinator = Create(store);

        // The bound only keeps a broken flight (one that never completes) from hanging the run; it asserts no timing.
        var fault = await Assert.ThrowsAsync<InvalidOperationException>(() => coordinator.GetValidTokenAsync().WaitAsync(TimeSpan.FromMinutes(1)));

        Assert.Equal("store down", fault.Message);
        Assert.Equal(0, _refresher.Calls);
    }

    [Fact]
    public async Task GetValidTokenAsync_SuccessfulRefresh_LogsRefreshingAndRefreshedOnly()
    {
        await _store.SetAsync(TokenSets.Expired());

        Assert.Equal("renewed-access-1", (await Create().GetValidTokenAsync())?.AccessToken);

        Assert.Equal(["Debug 101", "Debug 102"], _logs.Events());
    }

    [Fact]
    public async Task GetValidTokenAsync_RefresherRefuses_LogsRefusedButNotRefreshed()
    {
        await _store.SetAsync(TokenSets.Expired());
        _refresher.Answer = _ => null;

        Assert.Null(await Create().GetValidTokenAsync());

        Assert.Equal(["Debug 101", "Warning 103"], _logs.Events());
    }

    [Fact]
    public async Task GetValidTokenAsync_RefresherTimesOut_LogsTheTimeoutInSeconds()
    {
        await _store.SetAsync(TokenSets.Expired());
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _refresher.Gate = gate.Task;
        var coordinator = Create(options: new TokenRefreshOptions { RefreshTimeout = TimeSpan.FromSeconds(7) });

        var pending = coordinator.GetValidTokenAsync();
        while (_refresher.Calls == 0)
        {
            await Task.Yield();
        }

        _time.Advance(TimeSpan.FromSeconds(7));

        Assert.Null(await pending);
        Assert.Equal(["Debug 101", "Warning 105"], _logs.Events());
        Assert.Contains("within 7 s", _logs.Text(), StringComparison.Ordinal);
        gate.SetResult();
    }

    [Fact]
    public async Task GetValidTokenAsync_LogoutDuringRefresh_LogsTheOutdatedRefresh()
    {
        await _store.SetAsync(TokenSets.Expired());
        var gate = new TaskCompletionSource();
        _refresher.Gate = gate.Task;

        var pending = Create().GetValidTokenAsync();
        await _store.ClearAsync();
        gate.SetResult();

        Assert.Null(await pending);

        Assert.Equal(["Debug 101", "Debug 110"], _logs.Events());
        Assert.Null(await _store.GetAsync());
    }

    [Fact]
    public async Task RefreshFailed_FirstHandlerThrows_IsLoggedAndTheNextHandlerStillRuns()
    {
        await _store.SetAsync(TokenSets.Expired());
        _refresher.Answer = _ => null;
        var coordinator = Create();
        var second = 0;
        coordinator.RefreshFailed += (_, _) => throw new InvalidOperationException("handler bug");
        coordinator.RefreshFailed += (_, _) => second++;

        Assert.Null(await coordinator.GetValidTokenAsync());

        Assert.Equal(1, second);
        Assert.Contains("Error 106", _logs.Events());
        Assert.Contains("handler bug", _logs.Text(), StringComparison.Ordinal);
    }

    private sealed class RecordingCrossContextLock : ICrossContextLock
    {
        private int _entries;

        public int Entries => Volatile.Read(ref _entries);

        public bool Held { get; private set; }

        public Func<Task>? BeforeAction { get; init; }

        public async Task<T> RunExclusiveAsync<T>(Func<CancellationToken, Task<T>> action, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _entries);
            if (BeforeAction is not null)
            {
                await BeforeAction();
            }

            Held = true;
            try
            {
                return await action(cancellationToken);
            }
            finally
            {
                Held = false;
            }
        }
    }

    // Answers the first read (the caller's) and throws on the next one (inside the single flight).
    private sealed class ThrowOnSecondReadStore(TokenSet tokens) : ITokenStore
    {
        private int _reads;

        public ValueTask<TokenSet?> GetAsync(CancellationToken cancellationToken = default) =>
            Interlocked.Increment(ref _reads) == 1 ? new(tokens) : throw new InvalidOperationException("store down");

        public ValueTask SetAsync(TokenSet tokens, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask ClearAsync(CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
    }

    // Records "Level EventId" per entry, plus the message and exception text.
    private sealed class EventLogger : ILogger<TokenRefreshCoordinator>
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<(string Event, string Text)> _entries = new();

        public IReadOnlyList<string> Events() => [.. _entries.Select(e => e.Event)];

        public string Text() => string.Join("\n", _entries.Select(e => e.Text));

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            _entries.Enqueue(($"{logLevel} {eventId.Id}", $"{formatter(state, exception)} {exception?.Message}"));
    }
}
