using RefineSharp.Tests.TestDoubles;

namespace RefineSharp.Tests.Engine;

/// <summary>docs/architecture.md difference 5: the auth store is invalidated before the redirect, so the destination's guard sees the new state.</summary>
public sealed class NoRaceTests
{
    private readonly FakeAuthProvider _provider = new();

    public static TheoryData<string> Actions => ["login", "register", "logout"];

    [Theory]
    [MemberData(nameof(Actions))]
    public async Task Action_WhenNavigating_StoreIsAlreadyInvalidated(string action)
    {
        _provider.Login = (_, _) => Task.FromResult(AuthActionResult.Ok("/dashboard"));
        _provider.Register = (_, _) => Task.FromResult(AuthActionResult.Ok("/dashboard"));
        _provider.Logout = (_, _) => Task.FromResult(AuthActionResult.Ok("/login"));
        await using var host = AuthTestHost.For(_provider);
        await host.Manager.CheckAsync();
        Assert.Equal(AuthStatus.Authenticated, host.Manager.Status);

        AuthStatus? statusWhileNavigating = null;
        int? checkCallsWhileNavigating = null;
        Task<CheckResult>? guardCheck = null;
        host.Navigator.OnNavigate = (_, _) =>
        {
            statusWhileNavigating = host.Manager.Status;
            guardCheck = host.Manager.CheckAsync().AsTask();
            checkCallsWhileNavigating = _provider.CallsTo(nameof(AuthProvider.CheckAsync));
        };

        await AuthActionCase.All[action].Invoke(host.Manager, default);
        await guardCheck!;

        Assert.Single(host.Navigator.Navigations);
        Assert.Equal(AuthStatus.Unknown, statusWhileNavigating);
        Assert.Equal(2, checkCallsWhileNavigating);
    }

    [Fact]
    public async Task LoginAsync_RaisesLoginBeforeNavigating()
    {
        _provider.Login = (_, _) => Task.FromResult(AuthActionResult.Ok("/dashboard"));
        await using var host = AuthTestHost.For(_provider);
        var order = new List<string>();
        host.Manager.AuthStateChanged += (_, e) => order.Add(e.Reason.ToString());
        host.Navigator.OnNavigate = (path, _) => order.Add(path);

        await host.Manager.LoginAsync(new LoginRequest());

        Assert.Equal(["Login", "/dashboard"], order);
    }
}
