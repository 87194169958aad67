using RefineSharp.Tests.TestDoubles;

namespace RefineSharp.Tests.Engine;

/// <summary>
/// When onError ends the session, the logout's redirect carries the page the user was on as <c>?to=</c>, so logging
/// in again brings them back (RefineOptions.ReturnToPageAfterSessionEnds; refine does not do this).
/// </summary>
public sealed class AuthManagerSessionEndTests
{
    private readonly FakeAuthProvider _provider = new()
    {
        OnError = (_, _) => Task.FromResult(OnErrorResult.LogoutTo("/login")),
    };

    [Fact]
    public async Task OnErrorAsync_LogoutFromAPage_RedirectsToLoginWithThePageAsTo()
    {
        await using var host = AuthTestHost.For(_provider);
        host.Navigator.CurrentUri = "http://localhost/posts?page=2#top";

        await host.Manager.OnErrorAsync(new OnErrorRequest { StatusCode = 401 });

        Assert.Equal([new Navigation("/login?to=%2Fposts%3Fpage%3D2", NavigationKind.Push)], host.Navigator.Navigations);
        Assert.Equal("/login", Assert.Single(_provider.RequestsTo<LogoutRequest>(nameof(AuthProvider.LogoutAsync))).RedirectPath);
    }

    [Theory]
    [InlineData("http://localhost/")]
    [InlineData("http://localhost/login")]
    [InlineData("http://localhost/login?x=1")]
    public async Task OnErrorAsync_AtRootOrOnTheTarget_AddsNoTo(string currentUri)
    {
        await using var host = AuthTestHost.For(_provider);
        host.Navigator.CurrentUri = currentUri;

        await host.Manager.OnErrorAsync(new OnErrorRequest { StatusCode = 401 });

        Assert.Equal([new Navigation("/login", NavigationKind.Push)], host.Navigator.Navigations);
    }

    [Fact]
    public async Task OnErrorAsync_TargetAlreadyHasTo_KeepsIt()
    {
        _provider.OnError = (_, _) => Task.FromResult(OnErrorResult.LogoutTo("/login?to=%2Fhome"));
        await using var host = AuthTestHost.For(_provider);
        host.Navigator.CurrentUri = "http://localhost/posts";

        await host.Manager.OnErrorAsync(new OnErrorRequest { StatusCode = 401 });

        Assert.Equal([new Navigation("/login?to=%2Fhome", NavigationKind.Push)], host.Navigator.Navigations);
    }

    [Fact]
    public async Task OnErrorAsync_OptionOff_RedirectsWithoutTo()
    {
        await using var host = AuthTestHost.For(_provider, o => o.ReturnToPageAfterSessionEnds = false);
        host.Navigator.CurrentUri = "http://localhost/posts";

        await host.Manager.OnErrorAsync(new OnErrorRequest { StatusCode = 401 });

        Assert.Equal([new Navigation("/login", NavigationKind.Push)], host.Navigator.Navigations);
    }

    [Fact]
    public async Task LogoutAsync_UserInitiated_AddsNoTo()
    {
        _provider.Logout = (_, _) => Task.FromResult(AuthActionResult.Ok("/login"));
        await using var host = AuthTestHost.For(_provider);
        host.Navigator.CurrentUri = "http://localhost/posts";

        await host.Manager.LogoutAsync();

        Assert.Equal([new Navigation("/login", NavigationKind.Push)], host.Navigator.Navigations);
    }

    [Fact]
    public async Task LoginAfterSessionEnd_FollowsTheAddedTo()
    {
        _provider.Login = (_, _) => Task.FromResult(AuthActionResult.Ok("/"));
        await using var host = AuthTestHost.For(_provider);
        host.Navigator.CurrentUri = "http://localhost/posts";
        await host.Manager.OnErrorAsync(new OnErrorRequest { StatusCode = 401 });
        host.Navigator.CurrentUri = "http://localhost" + host.Navigator.Navigations[^1].Path;

        await host.Manager.LoginAsync(new LoginRequest { Email = "a@b.c", Password = "x" });

        Assert.Equal(new Navigation("/posts", NavigationKind.Replace), host.Navigator.Navigations[^1]);
    }

    [Fact]
    public async Task EndSessionAsync_FromAPage_LogsOutOnceAndRedirectsWithTo()
    {
        _provider.Logout = (_, _) => Task.FromResult(AuthActionResult.Ok("/login"));
        await using var host = AuthTestHost.For(_provider);
        host.Navigator.CurrentUri = "http://localhost/admin";

        await Task.WhenAll(host.Manager.EndSessionAsync(), host.Manager.EndSessionAsync());

        Assert.Equal(1, _provider.CallsTo(nameof(AuthProvider.LogoutAsync)));
        Assert.Equal([new Navigation("/login?to=%2Fadmin", NavigationKind.Push)], host.Navigator.Navigations);
    }

    [Fact]
    public async Task EndSessionAsync_AfterALogout_DoesNothingUntilTheNextLogin()
    {
        _provider.Login = (_, _) => Task.FromResult(AuthActionResult.Ok());
        await using var host = AuthTestHost.For(_provider);
        await host.Manager.LogoutAsync();

        await host.Manager.EndSessionAsync();
        Assert.Equal(1, _provider.CallsTo(nameof(AuthProvider.LogoutAsync)));

        await host.Manager.LoginAsync(new LoginRequest { Email = "a@b.c", Password = "x" });
        await host.Manager.EndSessionAsync();
        Assert.Equal(2, _provider.CallsTo(nameof(AuthProvider.LogoutAsync)));
    }

    [Fact]
    public async Task EndSessionAsync_ShowsTheSessionEndedNotification()
    {
        await using var host = AuthTestHost.For(_provider);

        await host.Manager.EndSessionAsync();

        var notification = Assert.Single(host.Notifications.Opened, n => n.Key == AuthManager.SessionEndedKey);
        Assert.Equal((NotificationType.Error, "Session ended"), (notification.Type, notification.Message));
    }

    [Fact]
    public async Task LogoutAsync_AskedByTheUser_ShowsNoSessionEndedNotification()
    {
        await using var host = AuthTestHost.For(_provider);

        await host.Manager.LogoutAsync();

        Assert.DoesNotContain(host.Notifications.Opened, n => n.Key == AuthManager.SessionEndedKey);
    }
}
