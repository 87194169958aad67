using RefineSharp.Tests.TestDoubles;

namespace RefineSharp.Tests.Engine;

/// <summary>The state-change event tells guards where the engine is about to navigate, so they do not race it.</summary>
public sealed class AuthStateChangedRedirectTests
{
    private readonly FakeAuthProvider _provider = new();

    [Fact]
    public async Task LogoutAsync_WithRedirect_EventCarriesTheTargetBeforeNavigating()
    {
        _provider.Logout = (_, _) => Task.FromResult(AuthActionResult.Ok("/login"));
        await using var host = AuthTestHost.For(_provider);
        var seen = new List<(string? Target, int NavigationsSoFar)>();
        host.Manager.AuthStateChanged += (_, e) => seen.Add((e.RedirectingTo, host.Navigator.Navigations.Count));

        await host.Manager.LogoutAsync();

        Assert.Equal([("/login", 0)], seen);
    }

    [Fact]
    public async Task LoginAsync_WithTo_EventCarriesTheValidatedTo()
    {
        _provider.Login = (_, _) => Task.FromResult(AuthActionResult.Ok("/"));
        await using var host = AuthTestHost.For(_provider);
        host.Navigator.CurrentUri = "http://localhost/login?to=%2Fposts";
        string? target = "unset";
        host.Manager.AuthStateChanged += (_, e) => target = e.RedirectingTo;

        await host.Manager.LoginAsync(new LoginRequest { Email = "a@b.c", Password = "x" });

        Assert.Equal("/posts", target);
    }

    [Fact]
    public async Task LogoutAsync_SuppressRedirect_EventCarriesNoTarget()
    {
        _provider.Logout = (_, _) => Task.FromResult(AuthActionResult.Ok("/login"));
        await using var host = AuthTestHost.For(_provider);
        string? target = "unset";
        host.Manager.AuthStateChanged += (_, e) => target = e.RedirectingTo;

        await host.Manager.LogoutAsync(new LogoutRequest { SuppressRedirect = true });

        Assert.Null(target);
    }
}
