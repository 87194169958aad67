using Microsoft.Extensions.Time.Testing;
using RefineSharp.Tests.TestDoubles;

namespace RefineSharp.Tests.Engine;

// Written against the mutants Stryker left alive in QueryCache.cs and AuthManager.Queries.cs (docs/quality.md):
// single flight, the expiry boundary, failed and uncacheable loads, late answers after a Clear, eviction order,
// and the keyed identity and permissions reads.
public sealed class QueryCacheMutationTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly Dictionary<string, int> _loads = new(StringComparer.Ordinal);

    private Func<Task<QueryAnswer<string>>> Load(string name, bool cacheable = true) => () =>
    {
        _loads[name] = _loads.GetValueOrDefault(name) + 1;
        return Task.FromResult(new QueryAnswer<string>(name + "#" + _loads[name], cacheable));
    };

    private int LoadsOf(string name) => _loads.GetValueOrDefault(name);

    [Fact]
    public void Constructor_CapacityBelowOne_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new QueryCache<string>(_time, null, 0));

    [Fact]
    public async Task GetAsync_SecondReaderWhileLoading_SharesTheOneLoad()
    {
        var cache = new QueryCache<string>(_time, null, 4);
        var gate = new TaskCompletionSource<QueryAnswer<string>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var loads = 0;
        Func<Task<QueryAnswer<string>>> load = () =>
        {
            loads++;
            return gate.Task;
        };

        var first = cache.GetAsync("k", load, CancellationToken.None);
        var second = cache.GetAsync("k", load, CancellationToken.None);
        gate.SetResult(new QueryAnswer<string>("v", true));

        Assert.Equal(["v", "v"], [await first, await second]);
        Assert.Equal(1, loads);
    }

    [Fact]
    public async Task GetAsync_AtExactlyTheLifetime_LoadsAgain()
    {
        var cache = new QueryCache<string>(_time, TimeSpan.FromSeconds(10), 4);
        await cache.GetAsync(null, Load("a"), CancellationToken.None);

        _time.Advance(TimeSpan.FromSeconds(10) - TimeSpan.FromTicks(1));
        Assert.True(cache.TryGetFresh(out _));
        _time.Advance(TimeSpan.FromTicks(1));
        Assert.False(cache.TryGetFresh(out _));

        Assert.Equal("a#2", await cache.GetAsync(null, Load("a"), CancellationToken.None));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("k")]
    public async Task GetAsync_LoadThrows_EveryWaiterSeesItAndTheNextReadLoadsAgain(string? key)
    {
        var cache = new QueryCache<string>(_time, null, 4);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Func<Task<QueryAnswer<string>>> failing = async () =>
        {
            await gate.Task;
            throw new InvalidOperationException("bug in load");
        };

        var first = cache.GetAsync(key, failing, CancellationToken.None).AsTask();
        var second = cache.GetAsync(key, failing, CancellationToken.None).AsTask();
        gate.SetResult();

        Assert.Equal("bug in load", (await Assert.ThrowsAsync<InvalidOperationException>(() => first.WaitAsync(TimeSpan.FromMinutes(1)))).Message);
        Assert.Equal("bug in load", (await Assert.ThrowsAsync<InvalidOperationException>(() => second.WaitAsync(TimeSpan.FromMinutes(1)))).Message);
        Assert.Equal(0, cache.KeyedCount);
        Assert.Equal("b#1", await cache.GetAsync(key, Load("b"), CancellationToken.None));
    }

    [Fact]
    public async Task GetAsync_UncacheableKeyedAnswer_IsNotKept()
    {
        var cache = new QueryCache<string>(_time, null, 4);

        Assert.Equal("a#1", await cache.GetAsync("k", Load("a", cacheable: false), CancellationToken.None));

        Assert.Equal(0, cache.KeyedCount);
        Assert.Equal("a#2", await cache.GetAsync("k", Load("a"), CancellationToken.None));
    }

    // A load from before a Clear answers late and uncacheable: it must not forget the newer answer of the same key.
    [Theory]
    [InlineData(null)]
    [InlineData("k")]
    public async Task GetAsync_LateUncacheableAnswerAfterClear_KeepsTheNewerAnswer(string? key)
    {
        var cache = new QueryCache<string>(_time, null, 4);
        var gate = new TaskCompletionSource<QueryAnswer<string>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var old = cache.GetAsync(key, () => gate.Task, CancellationToken.None);

        cache.Clear();
        Assert.Equal("new#1", await cache.GetAsync(key, Load("new"), CancellationToken.None));
        gate.SetResult(new QueryAnswer<string>("old", false));
        Assert.Equal("old", await old);

        Assert.Equal("new#1", await cache.GetAsync(key, Load("new"), CancellationToken.None));
        Assert.Equal(1, LoadsOf("new"));
    }

    [Fact]
    public async Task GetAsync_AfterClear_EvictsInTheNewOrder()
    {
        var cache = new QueryCache<string>(_time, null, 2);
        await cache.GetAsync("a", Load("a"), CancellationToken.None);
        await cache.GetAsync("b", Load("b"), CancellationToken.None);
        cache.Clear();

        await cache.GetAsync("b", Load("b"), CancellationToken.None);
        await cache.GetAsync("a", Load("a"), CancellationToken.None);
        await cache.GetAsync("c", Load("c"), CancellationToken.None);

        // b is now the oldest and was evicted; a is still kept.
        await cache.GetAsync("a", Load("a"), CancellationToken.None);
        await cache.GetAsync("b", Load("b"), CancellationToken.None);
        Assert.Equal((2, 3), (LoadsOf("a"), LoadsOf("b")));
    }

    [Fact]
    public async Task GetAsync_ExpiredKeyLoadedAgain_CountsAsTheNewest()
    {
        var cache = new QueryCache<string>(_time, TimeSpan.FromSeconds(10), 2);
        await cache.GetAsync("a", Load("a"), CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(5));
        await cache.GetAsync("b", Load("b"), CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(5));

        await cache.GetAsync("a", Load("a"), CancellationToken.None); // expired: loaded again, now the newest
        await cache.GetAsync("c", Load("c"), CancellationToken.None); // evicts the oldest: b

        Assert.Equal(2, cache.KeyedCount);
        await cache.GetAsync("a", Load("a"), CancellationToken.None);
        Assert.Equal(2, LoadsOf("a"));
    }

    [Fact]
    public async Task GetIdentityAsync_WithParametersAfterTheDefaultIdentityIsCached_AsksTheProvider()
    {
        var provider = new FakeAuthProvider
        {
            Identity = (r, _) => Task.FromResult<object?>(r.Extra.Count == 0 ? "default" : "for-" + r.Extra["tenant"]),
            Permissions = (r, _) => Task.FromResult<object?>(r.Extra.Count == 0 ? "default" : "for-" + r.Extra["tenant"]),
        };
        await using var host = AuthTestHost.For(provider);

        Assert.Equal("default", await host.Manager.GetIdentityAsync<string>());
        Assert.Equal("default", await host.Manager.GetPermissionsAsync<string>());

        Assert.Equal("for-t1", await host.Manager.GetIdentityAsync<string>(new IdentityRequest { Extra = new Dictionary<string, object?> { ["tenant"] = "t1" } }));
        Assert.Equal("for-t1", await host.Manager.GetPermissionsAsync<string>(new PermissionsRequest { Extra = new Dictionary<string, object?> { ["tenant"] = "t1" } }));
    }

    // Answered at once (the synchronous path) or later (the awaited path): both name what was asked for.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task GetIdentityAndPermissionsOfT_ProviderReturnsAnotherType_ThrowsNamingWhatWasAskedFor(bool answerLater)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!answerLater)
        {
            gate.SetResult();
        }

        var provider = new FakeAuthProvider
        {
            Identity = async (_, _) =>
            {
                await gate.Task;
                return "not a number";
            },
            Permissions = async (_, _) =>
            {
                await gate.Task;
                return "not a number";
            },
        };
        await using var host = AuthTestHost.For(provider);

        // Started before the gate opens; a synchronous throw lands in the task like a later fault.
        var identity = Start(() => host.Manager.GetIdentityAsync<int?>());
        var permissions = Start(() => host.Manager.GetPermissionsAsync<int?>());
        gate.TrySetResult();
        var identityError = await Assert.ThrowsAsync<InvalidCastException>(() => identity);
        var permissionsError = await Assert.ThrowsAsync<InvalidCastException>(() => permissions);

        Assert.StartsWith("The auth provider returned identity of type System.String", identityError.Message, StringComparison.Ordinal);
        Assert.StartsWith("The auth provider returned permissions of type System.String", permissionsError.Message, StringComparison.Ordinal);
    }

    private static async Task<T> Start<T>(Func<ValueTask<T>> call) => await call();

    // A forgotten (uncacheable) key must leave the eviction order too, or a later eviction removes the wrong key.
    [Fact]
    public async Task GetAsync_UncacheableKeyLoadedAgain_IsEvictedInItsNewPlace()
    {
        var cache = new QueryCache<string>(_time, null, 2);
        await cache.GetAsync("a", Load("a", cacheable: false), CancellationToken.None);
        await cache.GetAsync("b", Load("b"), CancellationToken.None);
        await cache.GetAsync("a", Load("a"), CancellationToken.None);
        await cache.GetAsync("c", Load("c"), CancellationToken.None); // evicts the oldest kept key: b

        await cache.GetAsync("a", Load("a"), CancellationToken.None);
        await cache.GetAsync("b", Load("b"), CancellationToken.None);
        Assert.Equal((2, 2), (LoadsOf("a"), LoadsOf("b")));
    }
}
