using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RefineSharp.Tests.TestDoubles;
using RefineSharp.Tokens;

namespace RefineSharp.Tests.Engine;

// Written against the mutants Stryker left alive in the session logic (AuthManager.OnError.cs and
// AuthManager.SignInGate.cs; docs/quality.md). The Coyote tests in Concurrency/ explore these interleavings too, but
// they are too slow for a mutation run, so each interleaving is pinned here with arrival gates. Providers that answer
// with completed tasks run the engine synchronously up to the first real wait, so "has the provider been called yet"
// is decided by the time the engine's method returns.
public sealed class AuthManagerSessionMutationTests
{
    // Bounds a wait that only a broken engine would never end; no test asserts on time.
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(1);

    private readonly FakeAuthProvider _provider = new();

    private static OnErrorRequest Unauthorized => new() { StatusCode = 401 };

    [Fact]
    public async Task OnErrorAsync_LogoutAskedDuringALoginThatSucceeds_WaitsForItAndLogsOutNobody()
    {
        var release = new TaskCompletionSource<AuthActionResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        _provider.Login = (_, _) => release.Task;
        _provider.OnError = (_, _) => Task.FromResult(OnErrorResult.LogoutTo("/login"));
        await using var host = AuthTestHost.For(_provider, o => o.ReturnToPageAfterSessionEnds = false);
        var oldSession = host.Manager.CurrentSession;

        var login = host.Manager.LoginAsync(new LoginRequest());
        var error = host.Manager.OnErrorAsync(Unauthorized, oldSession, CancellationToken.None);

        Assert.Equal(0, _provider.CallsTo(nameof(AuthProvider.LogoutAsync)));
        Assert.False(error.IsCompleted);

        release.SetResult(AuthActionResult.Ok("/home"));
        Assert.True((await login.WaitAsync(HangGuard)).Success);
        await error.WaitAsync(HangGuard);

        Assert.Equal(0, _provider.CallsTo(nameof(AuthProvider.LogoutAsync)));
        Assert.False(host.Manager.HasSessionEnded);
        Assert.Equal([new Navigation("/home", NavigationKind.Replace)], host.Navigator.Navigations);
    }

    [Fact]
    public async Task OnErrorAsync_LogoutAskedDuringALoginThatFails_LogsOutOnceTheLoginEnded()
    {
        var release = new TaskCompletionSource<AuthActionResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        _provider.Login = (_, _) => release.Task;
        _provider.OnError = (_, _) => Task.FromResult(OnErrorResult.LogoutTo("/login"));
        await using var host = AuthTestHost.For(_provider, o => o.ReturnToPageAfterSessionEnds = false);
        var oldSession = host.Manager.CurrentSession;

        var login = host.Manager.LoginAsync(new LoginRequest());
        var error = host.Manager.OnErrorAsync(Unauthorized, oldSession, CancellationToken.None);
        Assert.Equal(0, _provider.CallsTo(nameof(AuthProvider.LogoutAsync)));

        release.SetResult(AuthActionResult.Fail("Wrong", "Wrong password"));
        Assert.False((await login.WaitAsync(HangGuard)).Success);
        Assert.True((await error.WaitAsync(HangGuard)).Logout);

        Assert.Equal(1, _provider.CallsTo(nameof(AuthProvider.LogoutAsync)));
        Assert.True(host.Manager.HasSessionEnded);
        Assert.Equal([new Navigation("/login", NavigationKind.Push)], host.Navigator.Navigations);
    }

    // The second login starts while the error logout already waits for the first: the logout must still be released
    // when the last sign-in ends.
    [Fact]
    public async Task OnErrorAsync_LogoutWaitsForOverlappingLogins_EndsWhenTheLastOneEnded()
    {
        var gates = new Queue<TaskCompletionSource<AuthActionResult>>();
        var first = new TaskCompletionSource<AuthActionResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var second = new TaskCompletionSource<AuthActionResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        gates.Enqueue(first);
        gates.Enqueue(second);
        _provider.Login = (_, _) => gates.Dequeue().Task;
        _provider.OnError = (_, _) => Task.FromResult(OnErrorResult.LogoutTo("/login"));
        await using var host = AuthTestHost.For(_provider, o => o.ReturnToPageAfterSessionEnds = false);
        var oldSession = host.Manager.CurrentSession;

        var login1 = host.Manager.LoginAsync(new LoginRequest());
        var error = host.Manager.OnErrorAsync(Unauthorized, oldSession, CancellationToken.None);
        var login2 = host.Manager.LoginAsync(new LoginRequest());

        first.SetResult(AuthActionResult.Ok());
        await login1.WaitAsync(HangGuard);
        Assert.False(error.IsCompleted);
        second.SetResult(AuthActionResult.Ok());
        await login2.WaitAsync(HangGuard);

        await error.WaitAsync(HangGuard);
        Assert.Equal(0, _provider.CallsTo(nameof(AuthProvider.LogoutAsync)));
    }

    [Fact]
    public async Task LoginAsync_DuringAnErrorLogout_CallsTheProviderOnlyAfterTheLogoutEnded()
    {
        var releaseLogout = new TaskCompletionSource<AuthActionResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        _provider.Logout = (_, _) => releaseLogout.Task;
        _provider.OnError = (_, _) => Task.FromResult(OnErrorResult.LogoutTo("/login"));
        await using var host = AuthTestHost.For(_provider, o => o.ReturnToPageAfterSessionEnds = false);

        var error = host.Manager.OnErrorAsync(Unauthorized);
        Assert.Equal(1, _provider.CallsTo(nameof(AuthProvider.LogoutAsync)));
        var login = host.Manager.LoginAsync(new LoginRequest());

        Assert.Equal(0, _provider.CallsTo(nameof(AuthProvider.LoginAsync)));
        releaseLogout.SetResult(AuthActionResult.Ok());
        await error.WaitAsync(HangGuard);
        Assert.True((await login.WaitAsync(HangGuard)).Success);

        Assert.Equal(1, _provider.CallsTo(nameof(AuthProvider.LoginAsync)));
        Assert.False(host.Manager.HasSessionEnded);
    }

    [Fact]
    public async Task EndSessionAsync_WhileTheSessionsLogoutRuns_ReturnsAtOnceWithoutJoiningIt()
    {
        var releaseLogout = new TaskCompletionSource<AuthActionResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        _provider.Logout = (_, _) => releaseLogout.Task;
        await using var host = AuthTestHost.For(_provider, o => o.ReturnToPageAfterSessionEnds = false);

        var running = host.Manager.EndSessionAsync();
        var again = host.Manager.EndSessionAsync();

        Assert.False(running.IsCompleted);
        Assert.True(again.IsCompletedSuccessfully);
        releaseLogout.SetResult(AuthActionResult.Ok());
        await running.WaitAsync(HangGuard);
        Assert.Equal(1, _provider.CallsTo(nameof(AuthProvider.LogoutAsync)));
    }

    [Theory]
    [InlineData(true, "/login?to=%2Forders%3Fpage%3D2")]
    [InlineData(false, "/login")]
    public async Task EndSessionAsync_ReturnToPageOption_DecidesWhetherTheRedirectCarriesThePage(bool returnToPage, string expected)
    {
        _provider.Logout = (_, _) => Task.FromResult(AuthActionResult.Ok("/login"));
        await using var host = AuthTestHost.For(_provider, o => o.ReturnToPageAfterSessionEnds = returnToPage);
        host.Navigator.CurrentUri = "http://localhost/orders?page=2";

        await host.Manager.EndSessionAsync().WaitAsync(HangGuard);

        Assert.Equal([new Navigation(expected, NavigationKind.Push)], host.Navigator.Navigations);
    }

    [Theory]
    [InlineData(true, "/login?to=%2Forders%3Fpage%3D2")]
    [InlineData(false, "/login")]
    public async Task EndSessionAfterFailedRefreshAsync_StoreEmpty_LogsOutWithOrWithoutThePage(bool returnToPage, string expected)
    {
        _provider.Logout = (_, _) => Task.FromResult(AuthActionResult.Ok("/login"));
        await using var host = AuthTestHost.For(_provider, o => o.ReturnToPageAfterSessionEnds = returnToPage);
        host.Navigator.CurrentUri = "http://localhost/orders?page=2";

        await host.Manager.EndSessionAfterFailedRefreshAsync(new MemoryTokenStore()).WaitAsync(HangGuard);

        Assert.Equal(1, _provider.CallsTo(nameof(AuthProvider.LogoutAsync)));
        Assert.Equal([new Navigation(expected, NavigationKind.Push)], host.Navigator.Navigations);
    }

    // A sign-in stored new tokens before the failed refresh's session end looked: that session is left alone.
    [Fact]
    public async Task EndSessionAfterFailedRefreshAsync_StoreHoldsTokens_LogsOutNobody()
    {
        await using var host = AuthTestHost.For(_provider);
        var store = new MemoryTokenStore();
        await store.SetAsync(new TokenSet { AccessToken = "from-the-new-login" });

        await host.Manager.EndSessionAfterFailedRefreshAsync(store).WaitAsync(HangGuard);

        Assert.Equal(0, _provider.CallsTo(nameof(AuthProvider.LogoutAsync)));
        Assert.Empty(host.Navigator.Navigations);
        Assert.False(host.Manager.HasSessionEnded);
    }

    [Fact]
    public async Task OnErrorAsync_ErrorOfTheSessionBeforeARegistration_LogsOutNobody()
    {
        _provider.OnError = (_, _) => Task.FromResult(OnErrorResult.LogoutTo("/login"));
        await using var host = AuthTestHost.For(_provider);
        var beforeRegistration = host.Manager.CurrentSession;

        Assert.True((await host.Manager.RegisterAsync(new RegisterRequest())).Success);
        await host.Manager.OnErrorAsync(Unauthorized, beforeRegistration, CancellationToken.None).WaitAsync(HangGuard);

        Assert.Equal(0, _provider.CallsTo(nameof(AuthProvider.LogoutAsync)));
        Assert.False(host.Manager.HasSessionEnded);
    }

    // Not expected in practice (every effect of a logout is guarded); if the shared logout faults all the same, every
    // caller waiting for it sees the fault instead of waiting forever.
    [Fact]
    public async Task OnErrorAsync_SharedLogoutFaults_EveryWaiterSeesTheFault()
    {
        var releaseLogout = new TaskCompletionSource<AuthActionResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        _provider.Logout = (_, _) => releaseLogout.Task;
        _provider.OnError = (_, _) => Task.FromResult(OnErrorResult.LogoutTo("/login"));
        await using var host = AuthTestHost.Create(
            b => b.AddAuthProvider(_provider),
            o => o.ReturnToPageAfterSessionEnds = false,
            s => s.AddSingleton<ILoggerProvider>(new ThrowOnNavigatorLogProvider()));
        host.Navigator.ThrowOnNavigate = new InvalidOperationException("navigator down");

        var first = host.Manager.OnErrorAsync(Unauthorized);
        var second = host.Manager.OnErrorAsync(Unauthorized);
        releaseLogout.SetResult(AuthActionResult.Ok());

        await Assert.ThrowsAnyAsync<Exception>(() => first.WaitAsync(HangGuard));
        await Assert.ThrowsAnyAsync<Exception>(() => second.WaitAsync(HangGuard));
        Assert.False(first.IsCanceled);
        Assert.Equal(1, _provider.CallsTo(nameof(AuthProvider.LogoutAsync)));
    }

    // A logging back end that fails while the navigator's failure is logged (event 5): the one fault the engine's
    // guards cannot swallow.
    private sealed class ThrowOnNavigatorLogProvider : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new ThrowingLogger();

        public void Dispose()
        {
        }

        private sealed class ThrowingLogger : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (eventId.Id == 5)
                {
                    throw new InvalidOperationException("log sink down");
                }
            }
        }
    }
}
