using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.Extensions.DependencyInjection;

namespace RefineSharp.Benchmarks;

/// <summary>
/// The engine's read paths, each beside a baseline of awaiting an already-completed Task&lt;T&gt;: a cached check, a
/// cached typed identity, and 1,000 concurrent identity reads on a cold cache (which must cost one provider call).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class AuthManagerBenchmarks
{
    private const int ConcurrentReads = 1_000;

    private readonly Task<CheckResult> _completedCheck = Task.FromResult(CheckResult.Ok());
    private readonly Task<UserIdentity?> _completedIdentity = Task.FromResult<UserIdentity?>(new UserIdentity { Id = "1" });
    private readonly ValueTask<UserIdentity?>[] _pending = new ValueTask<UserIdentity?>[ConcurrentReads];
    private CountingAuthProvider _provider = null!;
    private ServiceProvider _services = null!;
    private AuthManager _manager = null!;
    private long _coldRuns;
    private long _coldProviderCalls;

    [GlobalSetup]
    public void Setup()
    {
        _provider = new CountingAuthProvider();
        _services = new ServiceCollection().AddRefine().AddAuthProvider(_provider).Services.BuildServiceProvider();
        _manager = _services.CreateScope().ServiceProvider.GetRequiredService<AuthManager>();

        // Warm the caches the "cached" benchmarks read.
        _manager.CheckAsync().AsTask().GetAwaiter().GetResult();
        _manager.GetIdentityAsync<UserIdentity>().AsTask().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (_coldRuns > 0)
        {
            Console.WriteLine($"// ColdConcurrentIdentityReads: {_coldRuns} runs of {ConcurrentReads} reads, {_coldProviderCalls} provider calls ({(double)_coldProviderCalls / _coldRuns:0.###} per run)");
        }

        _services.Dispose();
    }

    [Benchmark(Baseline = true, Description = "await completed Task<CheckResult>")]
    [BenchmarkCategory("Check")]
    public async ValueTask<CheckResult> CheckBaseline() => await _completedCheck;

    [Benchmark(Description = "cached CheckAsync()")]
    [BenchmarkCategory("Check")]
    public async ValueTask<CheckResult> CachedCheck() => await _manager.CheckAsync();

    [Benchmark(Baseline = true, Description = "await completed Task<UserIdentity>")]
    [BenchmarkCategory("Identity")]
    public async ValueTask<UserIdentity?> IdentityBaseline() => await _completedIdentity;

    [Benchmark(Description = "cached GetIdentityAsync<UserIdentity>()")]
    [BenchmarkCategory("Identity")]
    public async ValueTask<UserIdentity?> CachedIdentity() => await _manager.GetIdentityAsync<UserIdentity>();

    [Benchmark(Baseline = true, Description = "1,000 x await completed Task<UserIdentity>")]
    [BenchmarkCategory("ColdConcurrent")]
    public async ValueTask<UserIdentity?> ColdConcurrentBaseline()
    {
        UserIdentity? last = null;
        for (var i = 0; i < ConcurrentReads; i++)
        {
            last = await _completedIdentity;
        }

        return last;
    }

    [Benchmark(Description = "1,000 concurrent GetIdentityAsync<UserIdentity>(), cold cache")]
    [BenchmarkCategory("ColdConcurrent")]
    public async ValueTask<UserIdentity?> ColdConcurrentIdentityReads()
    {
        _manager.InvalidateAuthStore();
        var before = _provider.IdentityCalls;
        for (var i = 0; i < ConcurrentReads; i++)
        {
            _pending[i] = _manager.GetIdentityAsync<UserIdentity>();
        }

        UserIdentity? last = null;
        for (var i = 0; i < ConcurrentReads; i++)
        {
            last = await _pending[i];
        }

        var calls = _provider.IdentityCalls - before;
        if (calls != 1)
        {
            throw new InvalidOperationException($"{ConcurrentReads} concurrent reads on a cold cache made {calls} provider calls; expected exactly 1.");
        }

        _coldRuns++;
        _coldProviderCalls += calls;
        return last;
    }
}
