using RefineSharp.Tests.TestDoubles;

namespace RefineSharp.Tests.Engine;

/// <summary>Concurrent queries share one provider call; a login during a slow check does not leave a stale answer behind.</summary>
public sealed class ConcurrencyTests
{
    private readonly FakeAuthProvider _provider = new();

    [Fact]
    public async Task GetIdentityAsync_HundredConcurrentReadsOnColdCache_OneProviderCall()
    {
        const int callers = 100;
        var gate = new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _provider.Identity = (_, _) => gate.Task;
        await using var host = AuthTestHost.For(_provider);

        // Arrival barrier: the gate opens only once every caller has called the engine and is waiting on it, so a
        // broken single-flight (each caller its own provider call) cannot hide behind callers that arrive late.
        var reads = await AllWaitingAsync(callers, () => host.Manager.GetIdentityAsync<UserIdentity>().AsTask());
        var identity = new UserIdentity { Id = "1" };
        gate.SetResult(identity);
        var results = await Task.WhenAll(reads);

        Assert.All(results, r => Assert.Same(identity, r));
        Assert.Equal(1, _provider.CallsTo(nameof(AuthProvider.GetIdentityAsync)));
    }

    [Fact]
    public async Task CheckAsync_ConcurrentReadsWithTheSameParams_OneProviderCall()
    {
        const int callers = 50;
        var gate = new TaskCompletionSource<CheckResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        _provider.Check = (_, _) => gate.Task;
        await using var host = AuthTestHost.For(_provider);

        var checks = await AllWaitingAsync(
            callers,
            () => host.Manager.CheckAsync(new CheckRequest { Extra = new Dictionary<string, object?> { ["p"] = 1 } }).AsTask());
        gate.SetResult(CheckResult.Ok());
        var results = await Task.WhenAll(checks);

        Assert.All(results, r => Assert.True(r.Authenticated));
        Assert.Equal(1, _provider.CallsTo(nameof(AuthProvider.CheckAsync)));
    }

    [Fact]
    public async Task LoginAsync_CompletesWhileSlowCheckInFlight_NextCheckIsFreshAndAuthenticated()
    {
        var slowCheck = new TaskCompletionSource<CheckResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var signedIn = false;
        _provider.Check = (_, _) => signedIn ? Task.FromResult(CheckResult.Ok()) : slowCheck.Task;
        _provider.Login = (_, _) =>
        {
            signedIn = true;
            return Task.FromResult(AuthActionResult.Ok());
        };
        await using var host = AuthTestHost.For(_provider);

        var stale = host.Manager.CheckAsync().AsTask();
        await host.Manager.LoginAsync(new LoginRequest());
        slowCheck.SetResult(CheckResult.Fail("/login"));
        Assert.False((await stale).Authenticated);

        // The stale "not authenticated" answer was asked before the login: it must neither set Status nor be reused.
        Assert.Equal(AuthStatus.Unknown, host.Manager.Status);
        var fresh = await host.Manager.CheckAsync();

        Assert.True(fresh.Authenticated);
        Assert.Equal(AuthStatus.Authenticated, host.Manager.Status);
        Assert.Equal(2, _provider.CallsTo(nameof(AuthProvider.CheckAsync)));
    }

    [Fact]
    public async Task OnErrorAsync_FiftyConcurrentLogoutRequests_OneProviderLogout()
    {
        // All fifty errors are in the provider's OnErrorAsync (so they belong to the same session) before any answers.
        var arrived = 0;
        var allArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var answer = new TaskCompletionSource<OnErrorResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        _provider.OnError = (_, _) =>
        {
            if (Interlocked.Increment(ref arrived) == 50)
            {
                allArrived.SetResult();
            }

            return answer.Task;
        };
        await using var host = AuthTestHost.For(_provider);

        var errors = Enumerable.Range(0, 50).Select(_ => Task.Run(() => host.Manager.OnErrorAsync(new OnErrorRequest { StatusCode = 401 }))).ToArray();
        await allArrived.Task;
        answer.SetResult(OnErrorResult.LogoutTo("/login"));
        await Task.WhenAll(errors);

        Assert.Equal(1, _provider.CallsTo(nameof(AuthProvider.LogoutAsync)));
        Assert.Equal(50, _provider.CallsTo(nameof(AuthProvider.OnErrorAsync)));
        Assert.Equal([new Navigation("/login", NavigationKind.Push)], host.Navigator.Navigations);
    }

    [Fact]
    public async Task OnErrorAsync_ErrorFromSessionThatEndedBeforeTheAnswer_DoesNotLogOutAgain()
    {
        var answer = new TaskCompletionSource<OnErrorResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        _provider.OnError = (_, _) => answer.Task;
        await using var host = AuthTestHost.For(_provider);

        var oldError = host.Manager.OnErrorAsync(new OnErrorRequest { StatusCode = 401 });
        await host.Manager.LoginAsync(new LoginRequest());
        answer.SetResult(OnErrorResult.LogoutTo("/login"));
        await oldError;

        Assert.Equal(0, _provider.CallsTo(nameof(AuthProvider.LogoutAsync)));
    }

    /// <summary>
    /// Starts <paramref name="callers"/> thread-pool callers of <paramref name="call"/> and returns once every one of
    /// them has called it and got back a task that has not completed: all are in the engine, waiting, at the same time.
    /// </summary>
    private static async Task<Task<T>[]> AllWaitingAsync<T>(int callers, Func<Task<T>> call)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var allArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var pending = new Task<T>[callers];
        var arrived = 0;
        var runners = Enumerable.Range(0, callers).Select(i => Task.Run(async () =>
        {
            await start.Task;
            pending[i] = call();
            if (Interlocked.Increment(ref arrived) == callers)
            {
                allArrived.SetResult();
            }
        })).ToArray();

        start.SetResult();
        await allArrived.Task;
        await Task.WhenAll(runners);
        Assert.All(pending, p => Assert.False(p.IsCompleted, "a caller was answered before the gate opened"));
        return pending;
    }
}
