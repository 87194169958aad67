using RefineSharp.Tests.TestDoubles;

namespace RefineSharp.Tests.Engine;

/// <summary>
/// Fail closed: however a logout ends (the caller cancels before or during the provider call, the provider throws or
/// hangs past the timeout), the cached check, identity and permissions are gone and the engine is not authenticated.
/// </summary>
public sealed class AuthManagerLogoutFailClosedTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private readonly FakeAuthProvider _provider = new();

    public enum Ending
    {
        CancelledBefore,
        CancelledDuring,
        ProviderThrows,
        ProviderHangsPastTimeout,
    }

    public static TheoryData<Ending> Endings => [.. Enum.GetValues<Ending>()];

    [Theory]
    [MemberData(nameof(Endings))]
    public async Task LogoutAsync_AnyEnding_InvalidatesCachedAnswersAndLeavesEngineNotAuthenticated(Ending ending)
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _provider.Identity = (_, _) => Task.FromResult<object?>(new UserIdentity { Id = "1" });
        _provider.Permissions = (_, _) => Task.FromResult<object?>("admin");
        _provider.Logout = ending == Ending.ProviderThrows
            ? (_, _) => throw new InvalidOperationException("session store down")
            : (_, _) =>
            {
                arrived.TrySetResult();
                return new TaskCompletionSource<AuthActionResult>().Task;
            };
        await using var host = AuthTestHost.For(_provider, o => o.ProviderTimeout = Timeout);
        await host.Manager.CheckAsync();
        await host.Manager.GetIdentityAsync();
        await host.Manager.GetPermissionsAsync();
        Assert.Equal(AuthStatus.Authenticated, host.Manager.Status);
        var reasons = new List<AuthChangeReason>();
        host.Manager.AuthStateChanged += (_, e) => reasons.Add(e.Reason);

        using var cts = new CancellationTokenSource();
        if (ending == Ending.CancelledBefore)
        {
            await cts.CancelAsync();
        }

        var logout = host.Manager.LogoutAsync(new LogoutRequest { RedirectPath = "/login" }, cts.Token);
        switch (ending)
        {
            case Ending.CancelledBefore:
                await Assert.ThrowsAnyAsync<OperationCanceledException>(() => logout);
                break;
            case Ending.CancelledDuring:
                await arrived.Task;
                await cts.CancelAsync();
                await Assert.ThrowsAnyAsync<OperationCanceledException>(() => logout);
                break;
            case Ending.ProviderThrows:
                Assert.False((await logout).Success);
                break;
            case Ending.ProviderHangsPastTimeout:
                await arrived.Task;
                host.Time.Advance(Timeout);
                Assert.False((await logout).Success);
                break;
        }

        // The session is over: nothing cached from it answers again, and nothing says "authenticated".
        Assert.NotEqual(AuthStatus.Authenticated, host.Manager.Status);
        Assert.Contains(AuthChangeReason.Logout, reasons);
        Assert.True(host.Manager.HasSessionEnded);
        _provider.Check = (_, _) => Task.FromResult(CheckResult.Fail("/login"));
        Assert.False((await host.Manager.CheckAsync()).Authenticated);
        await host.Manager.GetIdentityAsync();
        await host.Manager.GetPermissionsAsync();
        Assert.Equal(2, _provider.CallsTo(nameof(AuthProvider.CheckAsync)));
        Assert.Equal(2, _provider.CallsTo(nameof(AuthProvider.GetIdentityAsync)));
        Assert.Equal(2, _provider.CallsTo(nameof(AuthProvider.GetPermissionsAsync)));
        Assert.Equal(AuthStatus.Unauthenticated, host.Manager.Status);
    }
}
