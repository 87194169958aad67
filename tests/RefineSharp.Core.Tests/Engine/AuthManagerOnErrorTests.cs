using RefineSharp.Tests.TestDoubles;

namespace RefineSharp.Tests.Engine;

/// <summary>
/// refine-auth-spec.md section 5, useOnError, against <see cref="AuthManager.OnErrorAsync"/>. "Without onError the
/// mutationFn returns {}" does not apply: OnErrorAsync is a required (abstract) member in C#.
/// </summary>
public sealed class AuthManagerOnErrorTests
{
    private readonly FakeAuthProvider _provider = new();

    [Fact]
    public async Task OnErrorAsync_LogoutWithRedirectTo_CallsLogoutWithRedirectPath()
    {
        _provider.OnError = (_, _) => Task.FromResult(OnErrorResult.LogoutTo("/login"));
        await using var host = AuthTestHost.For(_provider);

        await host.Manager.OnErrorAsync(new OnErrorRequest { StatusCode = 401 });

        Assert.Equal(401, Assert.Single(_provider.RequestsTo<OnErrorRequest>(nameof(AuthProvider.OnErrorAsync))).StatusCode);
        Assert.Equal("/login", Assert.Single(_provider.RequestsTo<LogoutRequest>(nameof(AuthProvider.LogoutAsync))).RedirectPath);
        Assert.Equal([new Navigation("/login", NavigationKind.Push)], host.Navigator.Navigations);
    }

    [Fact]
    public async Task OnErrorAsync_LogoutWithoutRedirectTo_FallsBackToLogoutsOwnRedirect()
    {
        _provider.OnError = (_, _) => Task.FromResult(OnErrorResult.LogoutTo());
        _provider.Logout = (_, _) => Task.FromResult(AuthActionResult.Ok("/signed-out"));
        await using var host = AuthTestHost.For(_provider);

        await host.Manager.OnErrorAsync(new OnErrorRequest { StatusCode = 401 });

        Assert.Null(Assert.Single(_provider.RequestsTo<LogoutRequest>(nameof(AuthProvider.LogoutAsync))).RedirectPath);
        Assert.Equal([new Navigation("/signed-out", NavigationKind.Push)], host.Navigator.Navigations);
    }

    [Fact]
    public async Task OnErrorAsync_RedirectWithoutLogout_ReplacesToIt()
    {
        _provider.OnError = (_, _) => Task.FromResult(OnErrorResult.NavigateTo("/login"));
        await using var host = AuthTestHost.For(_provider);

        await host.Manager.OnErrorAsync(new OnErrorRequest { StatusCode = 403 });

        Assert.Equal(0, _provider.CallsTo(nameof(AuthProvider.LogoutAsync)));
        Assert.Equal([new Navigation("/login", NavigationKind.Replace)], host.Navigator.Navigations);
    }

    [Fact]
    public async Task OnErrorAsync_Ignore_DoesNothing()
    {
        await using var host = AuthTestHost.For(_provider);

        var result = await host.Manager.OnErrorAsync(new OnErrorRequest { StatusCode = 500 });

        Assert.Equal(OnErrorResult.Ignore(), result);
        Assert.Equal(0, _provider.CallsTo(nameof(AuthProvider.LogoutAsync)));
        Assert.Empty(host.Navigator.Navigations);
        Assert.Empty(host.Notifications.Calls);
    }

    [Fact]
    public async Task OnErrorAsync_ProviderThrows_FailsSilently()
    {
        _provider.OnError = (_, _) => throw new InvalidOperationException("boom");
        await using var host = AuthTestHost.For(_provider);

        var result = await host.Manager.OnErrorAsync(new OnErrorRequest { StatusCode = 401 });

        Assert.Equal(new AuthError("Something went wrong", "The sign-in service could not complete the request. Please try again later."), result.Error);
        Assert.False(result.Logout);
        Assert.Empty(host.Notifications.Calls);
        Assert.Empty(host.Navigator.Navigations);
    }
}
