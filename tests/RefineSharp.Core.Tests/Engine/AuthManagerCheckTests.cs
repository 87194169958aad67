using RefineSharp.Tests.TestDoubles;

namespace RefineSharp.Tests.Engine;

/// <summary>
/// refine-auth-spec.md section 5, useIsAuthenticated, against <see cref="AuthManager.CheckAsync"/>. The item
/// "no check → {authenticated:true}" does not apply: CheckAsync is a required (abstract) member in C#, so a
/// provider always has one; a provider whose check returns null fails closed instead (see ProviderFaultTests).
/// The queryOptions items do not apply either (no TanStack query to configure).
/// </summary>
public sealed class AuthManagerCheckTests
{
    private readonly FakeAuthProvider _provider = new();

    [Fact]
    public async Task CheckAsync_Authenticated_ReturnsItAndStatusIsAuthenticated()
    {
        await using var host = AuthTestHost.For(_provider);
        Assert.Equal(AuthStatus.Unknown, host.Manager.Status);

        var result = await host.Manager.CheckAsync();

        Assert.True(result.Authenticated);
        Assert.Equal(AuthStatus.Authenticated, host.Manager.Status);
    }

    [Fact]
    public async Task CheckAsync_NotAuthenticatedWithError_ReturnsErrorWithoutThrowing()
    {
        var error = new AuthError("Unauthorized", "Session expired");
        _provider.Check = (_, _) => Task.FromResult(CheckResult.Fail(error: error));
        await using var host = AuthTestHost.For(_provider);

        var result = await host.Manager.CheckAsync();

        Assert.False(result.Authenticated);
        Assert.Equal(error, result.Error);
        Assert.Equal(AuthStatus.Unauthenticated, host.Manager.Status);
    }

    [Fact]
    public async Task CheckAsync_CustomRedirectTo_IsReturnedButNotFollowed()
    {
        // The hook does not act on redirectTo; only <Authenticated> uses it.
        _provider.Check = (_, _) => Task.FromResult(CheckResult.Fail("/custom-login", error: new AuthError("E", "M")));
        await using var host = AuthTestHost.For(_provider);

        var result = await host.Manager.CheckAsync();

        Assert.Equal("/custom-login", result.RedirectTo);
        Assert.NotNull(result.Error);
        Assert.Empty(host.Navigator.Navigations);
        Assert.Empty(host.Notifications.Calls);
    }

    [Fact]
    public async Task CheckAsync_Params_ReachTheProvider()
    {
        await using var host = AuthTestHost.For(_provider);
        var request = new CheckRequest { Extra = new Dictionary<string, object?> { ["resource"] = "posts" } };

        await host.Manager.CheckAsync(request);

        Assert.Equal("posts", Assert.Single(_provider.RequestsTo<CheckRequest>(nameof(AuthProvider.CheckAsync))).GetExtraString("resource"));
    }

    [Fact]
    public async Task CheckAsync_CalledTwice_AsksProviderOnce()
    {
        await using var host = AuthTestHost.For(_provider);

        await host.Manager.CheckAsync();
        await host.Manager.CheckAsync();

        Assert.Equal(1, _provider.CallsTo(nameof(AuthProvider.CheckAsync)));
    }

    [Fact]
    public async Task CheckAsync_AnswerChanges_RaisesCheckChanged()
    {
        var authenticated = true;
        _provider.Check = (_, _) => Task.FromResult(authenticated ? CheckResult.Ok() : CheckResult.Fail());
        await using var host = AuthTestHost.For(_provider);
        var events = new List<AuthStateChangedEventArgs>();
        await host.Manager.CheckAsync();
        host.Manager.AuthStateChanged += (_, e) => events.Add(e);

        authenticated = false;
        host.Time.Advance(TimeSpan.FromSeconds(1));
        await host.Manager.CheckAsync(new CheckRequest { Extra = new Dictionary<string, object?> { ["again"] = 1 } });

        var changed = Assert.Single(events);
        Assert.Equal(AuthChangeReason.CheckChanged, changed.Reason);
        Assert.Equal(AuthStatus.Unauthenticated, changed.Status);
    }
}
