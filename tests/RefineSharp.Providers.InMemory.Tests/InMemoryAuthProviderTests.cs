using Microsoft.Extensions.DependencyInjection;
using RefineSharp.Tests.TestDoubles;
using static RefineSharp.Providers.InMemory.Tests.Behaviour.AuthProviderBehaviourTests;

namespace RefineSharp.Providers.InMemory.Tests;

/// <summary>What the in-memory provider does beyond the shared behaviour: sign-up, password reset, social stubs, sessions.</summary>
public sealed class InMemoryAuthProviderTests
{
    private static AuthTestHost CreateHost(Action<InMemoryAuthOptions>? configure = null) =>
        InMemoryAuthProviderBehaviourTests.CreateInMemoryHost(configure);

    private static InMemoryUserStore Store(AuthTestHost host) => host.Root.GetRequiredService<InMemoryUserStore>();

    [Theory]
    [InlineData("google")]
    [InlineData("github")]
    [InlineData("GitHub")]
    public async Task LoginAsync_SocialProvider_StubbedSuccessAsDemoUser(string providerName)
    {
        await using var host = CreateHost();

        var result = await host.Manager.LoginAsync(new LoginRequest { ProviderName = providerName });
        var identity = await host.Manager.GetIdentityAsync<UserIdentity>();

        Assert.True(result.Success);
        Assert.Equal([new Navigation("/", NavigationKind.Replace)], host.Navigator.Navigations);
        Assert.Equal($"demo@{providerName.ToLowerInvariant()}.example", identity?.Email);
    }

    [Fact]
    public async Task LoginAsync_UnknownSocialProvider_Fails()
    {
        await using var host = CreateHost();

        var result = await host.Manager.LoginAsync(new LoginRequest { ProviderName = "myspace" });

        Assert.False(result.Success);
        Assert.Contains("myspace", result.Error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoginAsync_EmailInOtherCase_Succeeds()
    {
        await using var host = CreateHost();

        var result = await host.Manager.LoginAsync(new LoginRequest { Email = Email.ToUpperInvariant(), Password = Password });

        Assert.True(result.Success);
    }

    [Fact]
    public async Task LoginAsync_DefaultHashIterations_Works()
    {
        await using var host = AuthTestHost.Create(b => b.AddInMemoryAuth(o => o.Users.Add(new InMemoryUser { Email = Email, Password = Password })));

        Assert.True((await host.Manager.LoginAsync(new LoginRequest { Email = Email, Password = Password })).Success);
        Assert.False((await host.Manager.LoginAsync(new LoginRequest { Email = Email, Password = Password + "x" })).Success);
    }

    [Fact]
    public void PasswordHashIterations_Default_OnServerIs100000()
    {
        Assert.False(OperatingSystem.IsBrowser());
        Assert.Equal(100_000, new InMemoryAuthOptions().PasswordHashIterations);
    }

    [Theory]
    [InlineData(true, 1_000)]
    [InlineData(false, 100_000)]
    public void DefaultPasswordHashIterations_ByPlatform_CheapOnlyInBrowser(bool inBrowser, int expected) =>
        Assert.Equal(expected, InMemoryAuthOptions.DefaultPasswordHashIterations(inBrowser));

    [Fact]
    public async Task LoginAsync_BrowserHashIterations_Works()
    {
        await using var host = AuthTestHost.Create(b => b.AddInMemoryAuth(o =>
        {
            o.PasswordHashIterations = InMemoryAuthOptions.DefaultPasswordHashIterations(inBrowser: true);
            o.Users.Add(new InMemoryUser { Email = Email, Password = Password });
        }));

        Assert.True((await host.Manager.LoginAsync(new LoginRequest { Email = Email, Password = Password })).Success);
        Assert.False((await host.Manager.LoginAsync(new LoginRequest { Email = Email, Password = Password + "x" })).Success);
    }

    [Fact]
    public async Task RegisterAsync_NewEmail_AddsUserSignsInAndThatUserCanLogInAgain()
    {
        await using var host = CreateHost();

        var result = await host.Manager.RegisterAsync(new RegisterRequest { Email = "bob@example.com", Password = "bob-secret" });

        Assert.True(result.Success);
        Assert.Equal([new Navigation("/", NavigationKind.Replace)], host.Navigator.Navigations);
        Assert.True((await host.Manager.CheckAsync()).Authenticated);
        Assert.True(Store(host).Contains("bob@example.com"));
        await host.Manager.LogoutAsync();
        Assert.True((await host.Manager.LoginAsync(new LoginRequest { Email = "bob@example.com", Password = "bob-secret" })).Success);
    }

    [Fact]
    public async Task RegisterAsync_DuplicateEmail_FailsWithClearError()
    {
        await using var host = CreateHost();

        var result = await host.Manager.RegisterAsync(new RegisterRequest { Email = Email.ToUpperInvariant(), Password = "other" });

        Assert.False(result.Success);
        Assert.Equal(new AuthError("Register Error", "An account with this email already exists."), result.Error);
        Assert.Equal("register-error", Assert.Single(host.Errors).Key);
        Assert.False((await host.Manager.LoginAsync(new LoginRequest { Email = Email, Password = "other" })).Success);
    }

    [Theory]
    [InlineData(null, "p")]
    [InlineData(" ", "p")]
    [InlineData("x@example.com", "")]
    public async Task RegisterAsync_MissingField_Fails(string? email, string? password)
    {
        await using var host = CreateHost();

        var result = await host.Manager.RegisterAsync(new RegisterRequest { Email = email, Password = password });

        Assert.False(result.Success);
    }

    [Fact]
    public async Task ForgotPasswordAsync_KnownEmail_PutsCodeInOutboxAndNeverLogsIt()
    {
        await using var host = CreateHost();

        var result = await host.Manager.ForgotPasswordAsync(new ForgotPasswordRequest { Email = Email });

        Assert.True(result.Success);
        Assert.Equal([new Navigation("/login", NavigationKind.Replace)], host.Navigator.Navigations);
        var message = Assert.Single(Store(host).Outbox);
        Assert.Equal(Email, message.Email);
        Assert.False(string.IsNullOrEmpty(message.Code));
        Assert.DoesNotContain(host.Logs.Entries, e => e.Message.Contains(message.Code, StringComparison.Ordinal));
        Assert.DoesNotContain(message.Code, message.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForgotPasswordAsync_UnknownEmail_SameAnswerButNothingSent()
    {
        await using var host = CreateHost();

        var known = await host.Manager.ForgotPasswordAsync(new ForgotPasswordRequest { Email = Email });
        var unknown = await host.Manager.ForgotPasswordAsync(new ForgotPasswordRequest { Email = "nobody@example.com" });

        Assert.Equal(known, unknown);
        Assert.Single(Store(host).Outbox);
    }

    [Fact]
    public async Task UpdatePasswordAsync_ResetCodeFromUrl_SetsNewPasswordOnce()
    {
        await using var host = CreateHost();
        await host.Manager.ForgotPasswordAsync(new ForgotPasswordRequest { Email = Email });
        var code = Store(host).Outbox[0].Code;
        host.Navigator.CurrentUri = $"http://localhost/update-password?code={code}&email={Uri.EscapeDataString(Email)}";

        var result = await host.Manager.UpdatePasswordAsync(new UpdatePasswordRequest { Password = "new-secret", ConfirmPassword = "new-secret" });
        var again = await host.Manager.UpdatePasswordAsync(new UpdatePasswordRequest { Password = "third", ConfirmPassword = "third" });

        Assert.True(result.Success);
        Assert.False(again.Success);
        Assert.False((await host.Manager.LoginAsync(new LoginRequest { Email = Email, Password = Password })).Success);
        Assert.True((await host.Manager.LoginAsync(new LoginRequest { Email = Email, Password = "new-secret" })).Success);
    }

    [Fact]
    public async Task UpdatePasswordAsync_WrongCode_Fails()
    {
        await using var host = CreateHost();
        await host.Manager.ForgotPasswordAsync(new ForgotPasswordRequest { Email = Email });

        var result = await host.Manager.UpdatePasswordAsync(new UpdatePasswordRequest
        {
            Password = "n",
            ConfirmPassword = "n",
            Extra = new Dictionary<string, object?> { ["code"] = "0000", ["email"] = Email },
        });

        Assert.False(result.Success);
        Assert.Equal("update-password-error", Assert.Single(host.Errors).Key);
    }

    [Fact]
    public async Task UpdatePasswordAsync_ExpiredCode_Fails()
    {
        await using var host = CreateHost();
        await host.Manager.ForgotPasswordAsync(new ForgotPasswordRequest { Email = Email });
        var code = Store(host).Outbox[0].Code;
        host.Time.Advance(TimeSpan.FromHours(1));

        var result = await host.Manager.UpdatePasswordAsync(new UpdatePasswordRequest
        {
            Password = "n",
            ConfirmPassword = "n",
            Extra = new Dictionary<string, object?> { ["code"] = code, ["email"] = Email },
        });

        Assert.False(result.Success);
    }

    [Fact]
    public async Task UpdatePasswordAsync_SignedInWithMatchingPasswords_ChangesIt()
    {
        await using var host = CreateHost();
        await host.Manager.LoginAsync(new LoginRequest { Email = Email, Password = Password });

        var result = await host.Manager.UpdatePasswordAsync(new UpdatePasswordRequest { Password = "changed", ConfirmPassword = "changed", CurrentPassword = Password });

        Assert.True(result.Success);
        await host.Manager.LogoutAsync();
        Assert.True((await host.Manager.LoginAsync(new LoginRequest { Email = Email, Password = "changed" })).Success);
    }

    [Theory]
    [InlineData("a", "b", null)]
    [InlineData("", "", null)]
    [InlineData("a", "a", "wrong current")]
    public async Task UpdatePasswordAsync_SignedInWithBadInput_Fails(string password, string confirm, string? current)
    {
        await using var host = CreateHost();
        await host.Manager.LoginAsync(new LoginRequest { Email = Email, Password = Password });

        var result = await host.Manager.UpdatePasswordAsync(new UpdatePasswordRequest { Password = password, ConfirmPassword = confirm, CurrentPassword = current });

        Assert.False(result.Success);
        await host.Manager.LogoutAsync();
        Assert.True((await host.Manager.LoginAsync(new LoginRequest { Email = Email, Password = Password })).Success);
    }

    [Fact]
    public async Task UpdatePasswordAsync_NotSignedInWithoutCode_Fails()
    {
        await using var host = CreateHost();

        var result = await host.Manager.UpdatePasswordAsync(new UpdatePasswordRequest { Password = "n", ConfirmPassword = "n" });

        Assert.False(result.Success);
    }

    [Fact]
    public async Task OnErrorAsync_403_StaysSignedInAndReportsError()
    {
        await using var host = CreateHost();
        await host.Manager.LoginAsync(new LoginRequest { Email = Email, Password = Password });

        var result = await host.Manager.OnErrorAsync(new OnErrorRequest { StatusCode = 403 });

        Assert.False(result.Logout);
        Assert.Null(result.RedirectTo);
        Assert.Equal("Forbidden", result.Error?.Name);
        Assert.True((await host.Manager.CheckAsync()).Authenticated);
    }

    [Fact]
    public async Task CheckAsync_NotSignedIn_AsksGuardToLogOut()
    {
        await using var host = CreateHost();

        var result = await host.Manager.CheckAsync();

        Assert.True(result.Logout);
    }

    [Fact]
    public async Task Sessions_ArePerScope_UsersAreShared()
    {
        await using var host = CreateHost();
        await using var other = host.Root.CreateAsyncScope();
        var otherManager = other.ServiceProvider.GetRequiredService<AuthManager>();

        await host.Manager.RegisterAsync(new RegisterRequest { Email = "bob@example.com", Password = "bob-secret" });

        Assert.True((await host.Manager.CheckAsync()).Authenticated);
        Assert.False((await otherManager.CheckAsync()).Authenticated);
        Assert.True((await otherManager.LoginAsync(new LoginRequest { Email = "bob@example.com", Password = "bob-secret" })).Success);
    }

    [Fact]
    public async Task AddInMemoryAuth_RegistersProviderWithEveryFeature()
    {
        await using var host = CreateHost();

        Assert.IsType<InMemoryAuthProvider>(host.Scope.ServiceProvider.GetRequiredService<AuthProvider>());
        Assert.Equal(
            AuthFeatures.Register | AuthFeatures.ForgotPassword | AuthFeatures.UpdatePassword | AuthFeatures.Identity | AuthFeatures.Permissions,
            host.Manager.Features);
        Assert.Same(Store(host), host.Scope.ServiceProvider.GetRequiredService<InMemoryUserStore>());
    }

    [Fact]
    public async Task AddInMemoryAuth_SameEmailConfiguredTwice_ThrowsNamingTheEmail()
    {
        await using var host = CreateHost(o => o.Users.Add(new InMemoryUser { Email = Email, Password = "x" }));

        var ex = Assert.Throws<InvalidOperationException>(() => Store(host));

        Assert.Contains(Email, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddInMemoryAuth_CustomPaths_AreUsed()
    {
        await using var host = CreateHost(o =>
        {
            o.HomePath = "/dashboard";
            o.LoginPath = "/sign-in";
        });

        await host.Manager.LoginAsync(new LoginRequest { Email = Email, Password = Password });
        await host.Manager.LogoutAsync();

        Assert.Equal(
            [new Navigation("/dashboard", NavigationKind.Replace), new Navigation("/sign-in", NavigationKind.Push)],
            host.Navigator.Navigations);
    }

    [Fact]
    public void AddInMemoryAuth_NullBuilder_Throws() =>
        Assert.Throws<ArgumentNullException>(() => InMemoryAuthRefineBuilderExtensions.AddInMemoryAuth(null!));
}
