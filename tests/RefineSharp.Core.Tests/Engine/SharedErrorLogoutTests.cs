using RefineSharp.Tests.TestDoubles;

namespace RefineSharp.Tests.Engine;

/// <summary>
/// The one logout that concurrent errors share runs with its own lifetime: a caller's token ends only that caller's
/// wait, never the logout the other callers (and the session) depend on.
/// </summary>
public sealed class SharedErrorLogoutTests
{
    private readonly FakeAuthProvider _provider = new();

    [Fact]
    public async Task OnErrorAsync_FirstCallerCancelsItsWait_SharedLogoutCompletesForTheOthers()
    {
        var logoutArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource<AuthActionResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        CancellationToken providerToken = default;
        _provider.OnError = (_, _) => Task.FromResult(OnErrorResult.LogoutTo("/login"));
        _provider.Logout = (_, t) =>
        {
            providerToken = t;
            logoutArrived.TrySetResult();
            return release.Task;
        };
        await using var host = AuthTestHost.For(_provider, o => o.ReturnToPageAfterSessionEnds = false);
        await host.Manager.CheckAsync();

        using var first = new CancellationTokenSource();
        var firstWait = host.Manager.OnErrorAsync(new OnErrorRequest { StatusCode = 401 }, first.Token);
        await logoutArrived.Task;
        var secondWait = host.Manager.OnErrorAsync(new OnErrorRequest { StatusCode = 401 });
        var thirdWait = host.Manager.OnErrorAsync(new OnErrorRequest { StatusCode = 401 });

        await first.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => firstWait);
        Assert.False(providerToken.IsCancellationRequested);
        Assert.False(secondWait.IsCompleted);
        release.SetResult(AuthActionResult.Ok());
        Assert.True((await secondWait).Logout);
        Assert.True((await thirdWait).Logout);

        Assert.Equal(1, _provider.CallsTo(nameof(AuthProvider.LogoutAsync)));
        Assert.Equal([new Navigation("/login", NavigationKind.Push)], host.Navigator.Navigations);
        Assert.Contains(host.Notifications.Opened, n => n.Key == AuthManager.SessionEndedKey);
        Assert.Equal(AuthStatus.Unknown, host.Manager.Status);
    }

    [Fact]
    public async Task EndSessionAsync_CallerCancelsItsWait_LogoutStillInvalidatesAndNavigates()
    {
        var logoutArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource<AuthActionResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        CancellationToken providerToken = default;
        _provider.Logout = (_, t) =>
        {
            providerToken = t;
            logoutArrived.TrySetResult();
            return release.Task;
        };
        await using var host = AuthTestHost.For(_provider, o => o.ReturnToPageAfterSessionEnds = false);
        await host.Manager.CheckAsync();
        var reasons = new List<AuthChangeReason>();
        host.Manager.AuthStateChanged += (_, e) => reasons.Add(e.Reason);
        var navigated = new TaskCompletionSource<Navigation>(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Navigator.OnNavigate = (path, kind) => navigated.TrySetResult(new Navigation(path, kind));

        using var caller = new CancellationTokenSource();
        var wait = host.Manager.EndSessionAsync(caller.Token);
        await logoutArrived.Task;
        await caller.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);

        Assert.False(providerToken.IsCancellationRequested);
        release.SetResult(AuthActionResult.Ok("/login"));

        // The engine invalidates, then navigates: once the navigation is seen, the invalidation has happened.
        Assert.Equal(new Navigation("/login", NavigationKind.Push), await navigated.Task);
        Assert.Equal([AuthChangeReason.Logout], reasons);
        Assert.Equal(AuthStatus.Unknown, host.Manager.Status);
    }
}
