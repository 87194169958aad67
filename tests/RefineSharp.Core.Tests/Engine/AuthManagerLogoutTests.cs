using RefineSharp.Tests.TestDoubles;

namespace RefineSharp.Tests.Engine;

/// <summary>
/// refine-auth-spec.md section 5, useLogout, against <see cref="AuthManager.LogoutAsync"/>. The mutationFn /
/// mutationKey override items do not apply in C# (a method, not a TanStack mutation) and are not faked.
/// </summary>
public sealed class AuthManagerLogoutTests
{
    private readonly FakeAuthProvider _provider = new();

    [Fact]
    public async Task LogoutAsync_RedirectTo_PushesToIt()
    {
        _provider.Logout = (_, _) => Task.FromResult(AuthActionResult.Ok("/login"));
        await using var host = AuthTestHost.For(_provider);

        var result = await host.Manager.LogoutAsync(new LogoutRequest());

        Assert.True(result.Success);
        Assert.Equal([new Navigation("/login", NavigationKind.Push)], host.Navigator.Navigations);
    }

    [Fact]
    public async Task LogoutAsync_NoRedirectTo_DoesNotNavigate()
    {
        await using var host = AuthTestHost.For(_provider);

        await host.Manager.LogoutAsync(new LogoutRequest());

        Assert.Empty(host.Navigator.Navigations);
    }

    [Fact]
    public async Task LogoutAsync_RedirectPath_ReachesProviderAndWinsOverRedirectTo()
    {
        _provider.Logout = (_, _) => Task.FromResult(AuthActionResult.Ok("/login"));
        await using var host = AuthTestHost.For(_provider);

        await host.Manager.LogoutAsync(new LogoutRequest { RedirectPath = "/custom-path" });

        Assert.Equal("/custom-path", Assert.Single(_provider.RequestsTo<LogoutRequest>(nameof(AuthProvider.LogoutAsync))).RedirectPath);
        Assert.Equal([new Navigation("/custom-path", NavigationKind.Push)], host.Navigator.Navigations);
    }

    [Fact]
    public async Task LogoutAsync_SuppressRedirect_DoesNotNavigate()
    {
        _provider.Logout = (_, _) => Task.FromResult(AuthActionResult.Ok("/login"));
        await using var host = AuthTestHost.For(_provider);

        await host.Manager.LogoutAsync(new LogoutRequest { SuppressRedirect = true, RedirectPath = "/x" });

        Assert.Empty(host.Navigator.Navigations);
    }

    [Fact]
    public async Task LogoutAsync_FailureWithoutRedirectTo_KeepsResultAndDoesNotNavigate()
    {
        var failure = AuthActionResult.Fail();
        _provider.Logout = (_, _) => Task.FromResult(failure);
        await using var host = AuthTestHost.For(_provider);

        var result = await host.Manager.LogoutAsync(new LogoutRequest());

        Assert.Same(failure, result);
        Assert.Empty(host.Navigator.Navigations);
    }

    [Fact]
    public async Task LogoutAsync_FailureWithRedirectTo_StillPushesToIt()
    {
        _provider.Logout = (_, _) => Task.FromResult(AuthActionResult.Fail(redirectTo: "/login"));
        await using var host = AuthTestHost.For(_provider);

        await host.Manager.LogoutAsync(new LogoutRequest());

        Assert.Equal([new Navigation("/login", NavigationKind.Push)], host.Navigator.Navigations);
    }

    [Fact]
    public async Task LogoutAsync_Failure_ShowsRefineDefaultNotification()
    {
        _provider.Logout = (_, _) => Task.FromResult(AuthActionResult.Fail());
        await using var host = AuthTestHost.For(_provider);

        await host.Manager.LogoutAsync(new LogoutRequest());

        Assert.Equal(
            [new AuthNotification("useLogout-error", NotificationType.Error, "Logout Error", "Something went wrong during logout")],
            host.Notifications.Opened);
    }

    [Fact]
    public async Task LogoutAsync_ProviderThrows_NotificationIsGenericAndExceptionIsLogged()
    {
        _provider.Logout = (_, _) => throw new InvalidOperationException("Session store down");
        await using var host = AuthTestHost.For(_provider);

        var result = await host.Manager.LogoutAsync(new LogoutRequest { RedirectPath = "/login" });

        Assert.Equal(new AuthError("Something went wrong", "The sign-in service could not complete the request. Please try again later."), result.Error);
        Assert.Equal(
            [new AuthNotification("useLogout-error", NotificationType.Error, result.Error!.Name, result.Error.Message)],
            host.Notifications.Opened);
        Assert.Contains(host.Logs.Entries, e => e.Exception?.Message == "Session store down");
        Assert.Empty(host.Navigator.Navigations);
    }

    [Fact]
    public async Task LogoutAsync_SuccessNotification_OpensLogoutSuccess()
    {
        _provider.Logout = (_, _) => Task.FromResult(AuthActionResult.Ok() with { SuccessNotification = new SuccessNotification("Bye") });
        await using var host = AuthTestHost.For(_provider);

        await host.Manager.LogoutAsync(new LogoutRequest());

        Assert.Equal(["useLogout-error"], host.Notifications.Closed);
        Assert.Equal([new AuthNotification("logout-success", NotificationType.Success, "Bye", null)], host.Notifications.Opened);
    }

    [Fact]
    public async Task LogoutAsync_EvenWhenProviderFails_InvalidatesTheAuthStore()
    {
        _provider.Logout = (_, _) => Task.FromResult(AuthActionResult.Fail());
        await using var host = AuthTestHost.For(_provider);
        await host.Manager.CheckAsync();

        await host.Manager.LogoutAsync(new LogoutRequest());
        await host.Manager.CheckAsync();

        Assert.Equal(2, _provider.CallsTo(nameof(AuthProvider.CheckAsync)));
    }
}
