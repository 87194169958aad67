using Microsoft.Extensions.Logging;
using RefineSharp.Tests.Redirects;
using RefineSharp.Tests.TestDoubles;

namespace RefineSharp.Tests.Engine;

/// <summary>docs/architecture.md difference 1 through the engine: hostile redirect targets from every source are never followed, and are logged.</summary>
public sealed class AuthManagerRedirectValidationTests
{
    private readonly FakeAuthProvider _provider = new();

    public static TheoryData<string> Hostile => RedirectCases.HostileData;

    public static TheoryData<string> Local => RedirectCases.LocalData;

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task LoginAsync_HostileReturnPathInUrl_IgnoredAsIfAbsent(string target)
    {
        _provider.Login = (_, _) => Task.FromResult(AuthActionResult.Ok("/home"));
        await using var host = AuthTestHost.For(_provider);
        host.Navigator.CurrentUri = "http://localhost/login?to=" + Uri.EscapeDataString(target);

        await host.Manager.LoginAsync(new LoginRequest());

        Assert.Equal([new Navigation("/home", NavigationKind.Replace)], host.Navigator.Navigations);
        AssertLoggedUnlessEmpty(host, target);
    }

    [Theory]
    [MemberData(nameof(Local))]
    public async Task LoginAsync_LocalReturnPathInUrl_FollowedUnchanged(string target)
    {
        _provider.Login = (_, _) => Task.FromResult(AuthActionResult.Ok("/home"));
        await using var host = AuthTestHost.For(_provider);
        host.Navigator.CurrentUri = "http://localhost/login?to=" + Uri.EscapeDataString(target);

        await host.Manager.LoginAsync(new LoginRequest());

        Assert.Equal([new Navigation(target, NavigationKind.Replace)], host.Navigator.Navigations);
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task LoginAsync_HostileRedirectTo_NotFollowed(string target)
    {
        _provider.Login = (_, _) => Task.FromResult(AuthActionResult.Ok(target));
        await using var host = AuthTestHost.For(_provider);

        var result = await host.Manager.LoginAsync(new LoginRequest());

        Assert.True(result.Success);
        Assert.Empty(host.Navigator.Navigations);
        AssertLoggedUnlessEmpty(host, target);
    }

    [Theory]
    [MemberData(nameof(Local))]
    public async Task LoginAsync_LocalRedirectTo_FollowedUnchanged(string target)
    {
        _provider.Login = (_, _) => Task.FromResult(AuthActionResult.Ok(target));
        await using var host = AuthTestHost.For(_provider);

        await host.Manager.LoginAsync(new LoginRequest());

        Assert.Equal([new Navigation(target, NavigationKind.Replace)], host.Navigator.Navigations);
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task LogoutAsync_HostileRedirectPath_IgnoredAsIfAbsent(string target)
    {
        _provider.Logout = (_, _) => Task.FromResult(AuthActionResult.Ok("/login"));
        await using var host = AuthTestHost.For(_provider);

        await host.Manager.LogoutAsync(new LogoutRequest { RedirectPath = target });

        Assert.Equal([new Navigation("/login", NavigationKind.Push)], host.Navigator.Navigations);
        AssertLoggedUnlessEmpty(host, target);
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task LogoutAsync_HostileRedirectTo_NotFollowed(string target)
    {
        _provider.Logout = (_, _) => Task.FromResult(AuthActionResult.Ok(target));
        await using var host = AuthTestHost.For(_provider);

        await host.Manager.LogoutAsync(new LogoutRequest());

        Assert.Empty(host.Navigator.Navigations);
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task OtherActions_HostileRedirectTo_NotFollowed(string target)
    {
        _provider.Register = (_, _) => Task.FromResult(AuthActionResult.Ok(target));
        _provider.ForgotPassword = (_, _) => Task.FromResult(AuthActionResult.Fail(redirectTo: target));
        _provider.UpdatePassword = (_, _) => Task.FromResult(AuthActionResult.Ok(target));
        await using var host = AuthTestHost.For(_provider);

        await host.Manager.RegisterAsync(new RegisterRequest());
        await host.Manager.ForgotPasswordAsync(new ForgotPasswordRequest());
        await host.Manager.UpdatePasswordAsync(new UpdatePasswordRequest());

        Assert.Empty(host.Navigator.Navigations);
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task OnErrorAsync_HostileRedirectTo_NotFollowed(string target)
    {
        _provider.OnError = (_, _) => Task.FromResult(OnErrorResult.NavigateTo(target));
        await using var host = AuthTestHost.For(_provider);

        await host.Manager.OnErrorAsync(new OnErrorRequest { StatusCode = 403 });

        Assert.Empty(host.Navigator.Navigations);
        AssertLoggedUnlessEmpty(host, target);
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task OnErrorAsync_LogoutToHostileTarget_LogsOutWithoutPassingOrFollowingIt(string target)
    {
        _provider.OnError = (_, _) => Task.FromResult(OnErrorResult.LogoutTo(target));
        await using var host = AuthTestHost.For(_provider);

        await host.Manager.OnErrorAsync(new OnErrorRequest { StatusCode = 401 });

        // The provider never sees the hostile value either (an OIDC provider could hand it to the identity server).
        Assert.Null(Assert.Single(_provider.RequestsTo<LogoutRequest>(nameof(AuthProvider.LogoutAsync))).RedirectPath);
        Assert.Empty(host.Navigator.Navigations);
    }

    [Theory]
    [MemberData(nameof(Local))]
    public async Task OnErrorAsync_LocalRedirectTo_FollowedUnchanged(string target)
    {
        _provider.OnError = (_, _) => Task.FromResult(OnErrorResult.NavigateTo(target));
        await using var host = AuthTestHost.For(_provider);

        await host.Manager.OnErrorAsync(new OnErrorRequest { StatusCode = 403 });

        Assert.Equal([new Navigation(target, NavigationKind.Replace)], host.Navigator.Navigations);
    }

    [Fact]
    public async Task LoginAsync_HostileReturnPath_LogLineHasNoControlCharacters()
    {
        await using var host = AuthTestHost.For(_provider);
        host.Navigator.CurrentUri = "http://localhost/login?to=" + Uri.EscapeDataString("https://evil.example/\r\nINFO forged line");

        await host.Manager.LoginAsync(new LoginRequest());

        var entry = Assert.Single(host.Logs.Entries, e => e.Message.Contains("Ignored a redirect target", StringComparison.Ordinal));
        Assert.DoesNotContain(entry.Message, char.IsControl);
    }

    private static void AssertLoggedUnlessEmpty(AuthTestHost host, string target)
    {
        if (target.Length == 0)
        {
            return;
        }

        Assert.Contains(host.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("Ignored a redirect target", StringComparison.Ordinal));
    }
}
