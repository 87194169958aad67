using Microsoft.Extensions.Time.Testing;
using RefineSharp.Tests.TestDoubles;

namespace RefineSharp.Tests.Engine;

/// <summary>
/// The keyed query cache is bounded (<see cref="RefineOptions.MaxCachedQueriesPerKind"/>): a page that asks with
/// ever new parameters cannot grow it without bound; the oldest key goes first and the no-parameter answer stays.
/// </summary>
public sealed class QueryCacheBoundTests
{
    private const int Distinct = 100_000;

    [Fact]
    public async Task GetAsync_HundredThousandDistinctKeys_NeverHoldsMoreThanCapacity()
    {
        const int capacity = 64;
        var cache = new QueryCache<int>(new FakeTimeProvider(), lifetime: null, capacity);
        var loads = 0;
        var most = 0;
        Task<QueryAnswer<int>> Load(int value)
        {
            loads++;
            return Task.FromResult(new QueryAnswer<int>(value, Cacheable: true));
        }

        for (var i = 0; i < Distinct; i++)
        {
            var n = i;
            Assert.Equal(i, await cache.GetAsync("p" + i, () => Load(n), CancellationToken.None));
            most = Math.Max(most, cache.KeyedCount);
        }

        Assert.Equal(Distinct, loads);
        Assert.Equal(capacity, most);
        Assert.Equal(capacity, cache.KeyedCount);

        // The newest keys are still answered from the cache; the oldest was evicted and loads again.
        Assert.Equal(Distinct - 1, await cache.GetAsync("p" + (Distinct - 1), () => Load(-1), CancellationToken.None));
        Assert.Equal(Distinct - capacity, await cache.GetAsync("p" + (Distinct - capacity), () => Load(-1), CancellationToken.None));
        Assert.Equal(Distinct, loads);
        Assert.Equal(-1, await cache.GetAsync("p0", () => Load(-1), CancellationToken.None));
        Assert.Equal(Distinct + 1, loads);
        Assert.Equal(capacity, cache.KeyedCount);
    }

    [Fact]
    public async Task GetAsync_KeyAskedAgainAfterExpiry_CountsOnceAndKeepsTheBound()
    {
        var time = new FakeTimeProvider();
        var cache = new QueryCache<int>(time, TimeSpan.FromSeconds(1), capacity: 2);

        for (var round = 0; round < 5; round++)
        {
            await cache.GetAsync("a", () => Task.FromResult(new QueryAnswer<int>(round, true)), CancellationToken.None);
            await cache.GetAsync("b", () => Task.FromResult(new QueryAnswer<int>(round, true)), CancellationToken.None);
            time.Advance(TimeSpan.FromSeconds(2));
        }

        Assert.Equal(2, cache.KeyedCount);
    }

    [Fact]
    public async Task CheckAsync_HundredThousandDistinctParams_OldestForgottenNewestAndDefaultKept()
    {
        var provider = new FakeAuthProvider();
        await using var host = AuthTestHost.For(provider, o => o.MaxCachedQueriesPerKind = 16);
        static CheckRequest Params(int i) => new() { Extra = new Dictionary<string, object?> { ["p"] = i } };

        await host.Manager.CheckAsync();
        for (var i = 0; i < Distinct; i++)
        {
            await host.Manager.CheckAsync(Params(i));
        }

        Assert.Equal(Distinct + 1, provider.CallsTo(nameof(AuthProvider.CheckAsync)));

        // Still cached: the answer without parameters and the 16 newest keys.
        await host.Manager.CheckAsync();
        for (var i = Distinct - 16; i < Distinct; i++)
        {
            await host.Manager.CheckAsync(Params(i));
        }

        Assert.Equal(Distinct + 1, provider.CallsTo(nameof(AuthProvider.CheckAsync)));

        // Forgotten: the first key asks the provider again.
        await host.Manager.CheckAsync(Params(0));
        Assert.Equal(Distinct + 2, provider.CallsTo(nameof(AuthProvider.CheckAsync)));
    }

    [Fact]
    public void Defaults_MaxCachedQueriesPerKind_Is256()
    {
        Assert.Equal(256, new RefineOptions().MaxCachedQueriesPerKind);
    }
}
