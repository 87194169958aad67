using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RefineSharp.Blazor.Tests.TestDoubles;

namespace RefineSharp.Blazor.Tests.State;

/// <summary>
/// With server-side sessions every server-rendered request starts working out the auth state; when the request ends
/// first, its scope is disposed under that work. Then nothing is asked any more, and nothing is logged as a failure.
/// </summary>
public sealed class RefineAuthStateDisposedScopeTests
{
    [Fact]
    public async Task GetStateAsync_AfterTheScopeWasDisposed_AsksTheProviderNothingAndLogsNoError()
    {
        var logs = new RecordingLoggerProvider();
        var provider = new CountingProvider();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddRefine().AddAuthProvider(provider);
        await using var root = services.BuildServiceProvider();
        await using var scope = root.CreateAsyncScope();
        var monitor = new InteractivityMonitor(interactiveFromStart: false);
        var source = new RefineAuthStateSource(scope.ServiceProvider.GetRequiredService<AuthManager>(), monitor, logs.Factory().CreateLogger<RefineAuthStateSource>());

        source.Dispose();
        monitor.MarkInteractive();
        var state = await source.GetStateAsync().WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(AuthStatus.Unknown, state.Status);
        Assert.Equal(0, provider.Checks);
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error);
    }

    private sealed class CountingProvider : AuthProvider
    {
        private int _checks;

        public int Checks => Volatile.Read(ref _checks);

        public override Task<CheckResult> CheckAsync(CheckRequest request, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _checks);
            return Task.FromResult(CheckResult.Ok());
        }

        public override Task<AuthActionResult> LoginAsync(LoginRequest request, CancellationToken cancellationToken = default) => Task.FromResult(AuthActionResult.Ok());

        public override Task<AuthActionResult> LogoutAsync(LogoutRequest request, CancellationToken cancellationToken = default) => Task.FromResult(AuthActionResult.Ok());

        public override Task<OnErrorResult> OnErrorAsync(OnErrorRequest request, CancellationToken cancellationToken = default) => Task.FromResult(OnErrorResult.Ignore());
    }
}
