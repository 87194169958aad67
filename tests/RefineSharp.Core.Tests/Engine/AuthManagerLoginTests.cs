using RefineSharp.Tests.TestDoubles;

namespace RefineSharp.Tests.Engine;

/// <summary>
/// refine-auth-spec.md section 5, useLogin, against <see cref="AuthManager.LoginAsync"/>. The items about
/// <c>mutationOptions.mutationFn</c> / <c>mutationKey</c> do not apply: AuthManager is a plain method, not a
/// TanStack mutation, so there is no mutation function or key to override (a caller who wants other behaviour
/// calls its own code instead); they are deliberately not faked here.
/// </summary>
public sealed class AuthManagerLoginTests
{
    private readonly FakeAuthProvider _provider = new();

    [Fact]
    public async Task LoginAsync_SuccessWithRedirectTo_ReplacesToIt()
    {
        _provider.Login = (_, _) => Task.FromResult(AuthActionResult.Ok("/"));
        await using var host = AuthTestHost.For(_provider);

        var result = await host.Manager.LoginAsync(new LoginRequest { Email = "a@b.c", Password = "p" });

        Assert.True(result.Success);
        Assert.Equal([new Navigation("/", NavigationKind.Replace)], host.Navigator.Navigations);
    }

    [Fact]
    public async Task LoginAsync_SuccessWithoutRedirectTo_DoesNotNavigate()
    {
        await using var host = AuthTestHost.For(_provider);

        var result = await host.Manager.LoginAsync(new LoginRequest());

        Assert.True(result.Success);
        Assert.Empty(host.Navigator.Navigations);
    }

    [Fact]
    public async Task LoginAsync_RedirectPathVariable_ReachesProviderAndItsRedirectIsFollowed()
    {
        _provider.Login = (r, _) => Task.FromResult(AuthActionResult.Ok(r.RedirectPath));
        await using var host = AuthTestHost.For(_provider);

        await host.Manager.LoginAsync(new LoginRequest { RedirectPath = "/custom", Email = "e", Password = "p", Remember = true, ProviderName = "google" });

        var sent = Assert.Single(_provider.RequestsTo<LoginRequest>(nameof(AuthProvider.LoginAsync)));
        Assert.Equal(new LoginRequest { RedirectPath = "/custom", Email = "e", Password = "p", Remember = true, ProviderName = "google" }, sent);
        Assert.Equal([new Navigation("/custom", NavigationKind.Replace)], host.Navigator.Navigations);
    }

    [Fact]
    public async Task LoginAsync_FailureWithReturnPathInUrl_ReturnsProviderResultAndDoesNotNavigate()
    {
        var failure = AuthActionResult.Fail(redirectTo: "/somewhere");
        _provider.Login = (_, _) => Task.FromResult(failure);
        await using var host = AuthTestHost.For(_provider);
        host.Navigator.CurrentUri = "http://localhost/login?to=%2Fdashboard";

        var result = await host.Manager.LoginAsync(new LoginRequest());

        Assert.Same(failure, result);
        Assert.Empty(host.Navigator.Navigations);
    }

    [Fact]
    public async Task LoginAsync_FailureWithoutError_ShowsRefineDefaultNotification()
    {
        _provider.Login = (_, _) => Task.FromResult(AuthActionResult.Fail());
        await using var host = AuthTestHost.For(_provider);

        var result = await host.Manager.LoginAsync(new LoginRequest());

        Assert.Null(result.Error);
        Assert.Equal(
            [new AuthNotification("login-error", NotificationType.Error, "Login Error", "Invalid credentials")],
            host.Notifications.Opened);
    }

    [Fact]
    public async Task LoginAsync_FailureWithError_NotificationUsesErrorNameAndMessage()
    {
        _provider.Login = (_, _) => Task.FromResult(AuthActionResult.Fail("Wrong password", "Try again"));
        await using var host = AuthTestHost.For(_provider);

        await host.Manager.LoginAsync(new LoginRequest());

        Assert.Equal([new AuthNotification("login-error", NotificationType.Error, "Wrong password", "Try again")], host.Notifications.Opened);
    }

    [Fact]
    public async Task LoginAsync_ProviderThrows_NotificationIsGenericAndExceptionIsLogged()
    {
        _provider.Login = (_, _) => throw new Exception("Unhandled error");
        await using var host = AuthTestHost.For(_provider);

        var result = await host.Manager.LoginAsync(new LoginRequest());

        Assert.False(result.Success);
        Assert.Equal(new AuthError("Something went wrong", "The sign-in service could not complete the request. Please try again later."), result.Error);
        Assert.Equal([new AuthNotification("login-error", NotificationType.Error, result.Error!.Name, result.Error.Message)], host.Notifications.Opened);
        Assert.Contains(host.Logs.Entries, e => e.Exception?.Message == "Unhandled error");
        Assert.Empty(host.Navigator.Navigations);
    }

    [Fact]
    public async Task LoginAsync_SuccessNotification_OpensLoginSuccessAndClosesLoginError()
    {
        _provider.Login = (_, _) => Task.FromResult(AuthActionResult.Ok() with { SuccessNotification = new SuccessNotification("Welcome", "Good to see you") });
        await using var host = AuthTestHost.For(_provider);

        await host.Manager.LoginAsync(new LoginRequest());

        Assert.Equal(
            [
                new NotificationCall("login-error", null),
                new NotificationCall("login-success", new AuthNotification("login-success", NotificationType.Success, "Welcome", "Good to see you")),
            ],
            host.Notifications.Calls);
    }

    [Fact]
    public async Task LoginAsync_SuccessWithErrorToo_ShowsBothNotifications()
    {
        _provider.Login = (_, _) => Task.FromResult(AuthActionResult.Ok() with { Error = new AuthError("Warning", "Password expires soon") });
        await using var host = AuthTestHost.For(_provider);

        await host.Manager.LoginAsync(new LoginRequest());

        Assert.Equal(["login-error"], host.Notifications.Closed);
        Assert.Equal([new AuthNotification("login-error", NotificationType.Error, "Warning", "Password expires soon")], host.Notifications.Opened);
    }

    [Fact]
    public async Task LoginAsync_ReturnPathInUrl_ReplacesToItAndWinsOverRedirectTo()
    {
        _provider.Login = (_, _) => Task.FromResult(AuthActionResult.Ok("/home"));
        await using var host = AuthTestHost.For(_provider);
        host.Navigator.CurrentUri = "http://localhost/login?to=%2FredirectTo";

        await host.Manager.LoginAsync(new LoginRequest());

        Assert.Equal([new Navigation("/redirectTo", NavigationKind.Replace)], host.Navigator.Navigations);
    }

    [Fact]
    public async Task LoginAsync_LocalRedirectTo_IsFollowed()
    {
        _provider.Login = (_, _) => Task.FromResult(AuthActionResult.Ok("/redirectTo"));
        await using var host = AuthTestHost.For(_provider);

        await host.Manager.LoginAsync(new LoginRequest());

        Assert.Equal([new Navigation("/redirectTo", NavigationKind.Replace)], host.Navigator.Navigations);
    }

    [Fact]
    public async Task LoginAsync_RelativeRedirectToWithoutSlash_IsNotFollowed()
    {
        // refine goes to "redirectTo"; docs/architecture.md difference 1 follows only paths that start with "/".
        _provider.Login = (_, _) => Task.FromResult(AuthActionResult.Ok("redirectTo"));
        await using var host = AuthTestHost.For(_provider);

        var result = await host.Manager.LoginAsync(new LoginRequest());

        Assert.True(result.Success);
        Assert.Empty(host.Navigator.Navigations);
    }
}
