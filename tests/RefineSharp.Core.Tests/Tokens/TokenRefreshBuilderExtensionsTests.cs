using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using RefineSharp.Tokens;

namespace RefineSharp.Tests.Tokens;

public sealed class TokenRefreshBuilderExtensionsTests
{
    private static ServiceProvider Build(LogoutCountingProvider provider)
    {
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(new RecordingLoggerFactory());
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(TokenSets.Start));
        services.AddRefine().AddAuthProvider(provider).AddTokenRefresh<CountingRefresher>();
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task AddTokenRefresh_RefreshFailsForManyCallers_LogsOutExactlyOnce()
    {
        var provider = new LogoutCountingProvider();
        await using var root = Build(provider);
        await using var scope = root.CreateAsyncScope();
        var services = scope.ServiceProvider;
        services.GetRequiredService<CountingRefresher>().Answer = _ => null;
        await services.GetRequiredService<ITokenStore>().SetAsync(TokenSets.Expired());
        var coordinator = services.GetRequiredService<TokenRefreshCoordinator>();

        await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(() => coordinator.GetValidTokenAsync())));
        await coordinator.GetValidTokenAsync();

        Assert.Equal(1, provider.Logouts);
        Assert.Equal(AuthStatus.Unknown, services.GetRequiredService<AuthManager>().Status);
    }

    [Fact]
    public async Task AddTokenRefresh_Registered_ResolvesOneCoordinatorPerScopeWithMemoryStoreAndBearerHandler()
    {
        await using var root = Build(new LogoutCountingProvider());
        await using var first = root.CreateAsyncScope();
        await using var second = root.CreateAsyncScope();

        var a = first.ServiceProvider.GetRequiredService<TokenRefreshCoordinator>();

        Assert.Same(a, first.ServiceProvider.GetRequiredService<TokenRefreshCoordinator>());
        Assert.NotSame(a, second.ServiceProvider.GetRequiredService<TokenRefreshCoordinator>());
        Assert.IsType<MemoryTokenStore>(a.Store);
        Assert.Same(a.Store, first.ServiceProvider.GetRequiredService<ITokenStore>());
        Assert.Contains(typeof(BearerTokenHandler), root.GetRequiredService<Microsoft.Extensions.Options.IOptions<RefineHttpHandlerOptions>>().Value.HandlerTypes);
    }

    [Fact]
    public async Task AddTokenRefresh_StoreRegisteredBefore_KeepsAppStore()
    {
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(new RecordingLoggerFactory());
        services.AddScoped<ITokenStore, AppTokenStore>();
        services.AddRefine().AddAuthProvider(new LogoutCountingProvider()).AddTokenRefresh<CountingRefresher>();
        await using var root = services.BuildServiceProvider();
        await using var scope = root.CreateAsyncScope();

        Assert.IsType<AppTokenStore>(scope.ServiceProvider.GetRequiredService<TokenRefreshCoordinator>().Store);
    }

    private sealed class AppTokenStore : ITokenStore
    {
        public ValueTask<TokenSet?> GetAsync(CancellationToken cancellationToken = default) => default;

        public ValueTask SetAsync(TokenSet tokens, CancellationToken cancellationToken = default) => default;

        public ValueTask ClearAsync(CancellationToken cancellationToken = default) => default;
    }

    /// <summary>A provider that records its logouts and is otherwise always signed in.</summary>
    private sealed class LogoutCountingProvider : AuthProvider
    {
        private int _logouts;

        public int Logouts => Volatile.Read(ref _logouts);

        public override Task<AuthActionResult> LoginAsync(LoginRequest request, CancellationToken cancellationToken = default) =>
            Task.FromResult(AuthActionResult.Ok());

        public override Task<AuthActionResult> LogoutAsync(LogoutRequest request, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _logouts);
            return Task.FromResult(AuthActionResult.Ok("/login"));
        }

        public override Task<CheckResult> CheckAsync(CheckRequest request, CancellationToken cancellationToken = default) =>
            Task.FromResult(CheckResult.Ok());

        public override Task<OnErrorResult> OnErrorAsync(OnErrorRequest request, CancellationToken cancellationToken = default) =>
            Task.FromResult(OnErrorResult.Ignore());
    }
}
