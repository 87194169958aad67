using RefineSharp.Tests.TestDoubles;

namespace RefineSharp.Providers.InMemory.Tests.Behaviour;

/// <summary>
/// What every provider must do through <see cref="AuthManager"/>, written once. Each derived class supplies a host
/// whose provider knows the account <see cref="Email"/> / <see cref="Password"/> (name <see cref="Name"/>, role <see cref="Role"/>).
/// </summary>
public abstract class AuthProviderBehaviourTests
{
    public const string Email = "ann@example.com";
    public const string Password = "correct horse battery";
    public const string Name = "Ann";
    public const string Role = "admin";

    /// <summary>A fresh host (nobody signed in) around the provider under test.</summary>
    protected abstract AuthTestHost CreateHost();

    [Fact]
    public async Task CheckAsync_BeforeLogin_NotAuthenticatedAndRedirectsToLogin()
    {
        await using var host = CreateHost();

        var result = await host.Manager.CheckAsync();

        Assert.False(result.Authenticated);
        Assert.Equal("/login", result.RedirectTo);
        Assert.Equal(AuthStatus.Unauthenticated, host.Manager.Status);
    }

    [Fact]
    public async Task LoginAsync_ValidCredentials_GoesHomeAndCheckIsAuthenticated()
    {
        await using var host = CreateHost();

        var result = await host.Manager.LoginAsync(new LoginRequest { Email = Email, Password = Password });

        Assert.True(result.Success);
        Assert.Equal([new Navigation("/", NavigationKind.Replace)], host.Navigator.Navigations);
        Assert.True((await host.Manager.CheckAsync()).Authenticated);
        Assert.Empty(host.Errors);
    }

    [Theory]
    [InlineData(Email, "wrong password")]
    [InlineData("nobody@example.com", Password)]
    [InlineData(Email, "")]
    [InlineData(null, null)]
    public async Task LoginAsync_BadCredentials_FailsWithLoginErrorAndStaysSignedOut(string? email, string? password)
    {
        await using var host = CreateHost();

        var result = await host.Manager.LoginAsync(new LoginRequest { Email = email, Password = password });

        Assert.False(result.Success);
        Assert.Equal("login-error", Assert.Single(host.Errors).Key);
        Assert.Empty(host.Navigator.Navigations);
        Assert.False((await host.Manager.CheckAsync()).Authenticated);
    }

    [Fact]
    public async Task LoginAsync_ReturnPathInUrl_GoesThereInsteadOfHome()
    {
        await using var host = CreateHost();
        host.Navigator.CurrentUri = "http://localhost/login?to=%2Fposts%3Fpage%3D2";

        await host.Manager.LoginAsync(new LoginRequest { Email = Email, Password = Password });

        Assert.Equal([new Navigation("/posts?page=2", NavigationKind.Replace)], host.Navigator.Navigations);
    }

    [Fact]
    public async Task LoginAsync_HostileReturnPathInUrl_GoesHome()
    {
        await using var host = CreateHost();
        host.Navigator.CurrentUri = "http://localhost/login?to=%2F%2Fevil.example";

        await host.Manager.LoginAsync(new LoginRequest { Email = Email, Password = Password });

        Assert.Equal([new Navigation("/", NavigationKind.Replace)], host.Navigator.Navigations);
    }

    [Fact]
    public async Task GetIdentityAsync_BeforeAndAfterLogin_NullThenTheUser()
    {
        await using var host = CreateHost();
        Assert.Null(await host.Manager.GetIdentityAsync());

        await host.Manager.LoginAsync(new LoginRequest { Email = Email, Password = Password });
        var identity = await host.Manager.GetIdentityAsync<UserIdentity>();

        Assert.NotNull(identity);
        Assert.Equal(Email, identity.Email);
        Assert.Equal(Name, identity.Name);
    }

    [Fact]
    public async Task GetPermissionsAsync_AfterLogin_ContainsTheRole()
    {
        await using var host = CreateHost();

        await host.Manager.LoginAsync(new LoginRequest { Email = Email, Password = Password });
        var permissions = await host.Manager.GetPermissionsAsync<IReadOnlyList<string>>();

        Assert.NotNull(permissions);
        Assert.Contains(Role, permissions);
    }

    [Fact]
    public async Task LogoutAsync_AfterLogin_GoesToLoginAndForgetsTheUser()
    {
        await using var host = CreateHost();
        await host.Manager.LoginAsync(new LoginRequest { Email = Email, Password = Password });
        Assert.True((await host.Manager.CheckAsync()).Authenticated);

        var result = await host.Manager.LogoutAsync();

        Assert.True(result.Success);
        Assert.Equal(new Navigation("/login", NavigationKind.Push), host.Navigator.Navigations[^1]);
        Assert.False((await host.Manager.CheckAsync()).Authenticated);
        Assert.Null(await host.Manager.GetIdentityAsync());
    }

    [Fact]
    public async Task OnErrorAsync_401AfterLogin_LogsOutToLogin()
    {
        await using var host = CreateHost();
        await host.Manager.LoginAsync(new LoginRequest { Email = Email, Password = Password });

        await host.Manager.OnErrorAsync(new OnErrorRequest { StatusCode = 401 });

        Assert.Equal(new Navigation("/login", NavigationKind.Push), host.Navigator.Navigations[^1]);
        Assert.False((await host.Manager.CheckAsync()).Authenticated);
    }

    [Fact]
    public async Task OnErrorAsync_500AfterLogin_StaysSignedIn()
    {
        await using var host = CreateHost();
        await host.Manager.LoginAsync(new LoginRequest { Email = Email, Password = Password });

        var result = await host.Manager.OnErrorAsync(new OnErrorRequest { StatusCode = 500 });

        Assert.False(result.Logout);
        Assert.Single(host.Navigator.Navigations);
        Assert.True((await host.Manager.CheckAsync()).Authenticated);
    }
}
