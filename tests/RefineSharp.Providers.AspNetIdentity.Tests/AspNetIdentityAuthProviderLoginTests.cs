using RefineSharp.Providers.AspNetIdentity.Tests.Fixtures;

namespace RefineSharp.Providers.AspNetIdentity.Tests;

public sealed class AspNetIdentityAuthProviderLoginTests(IdentityApiServerFixture fixture) : IClassFixture<IdentityApiServerFixture>
{
    private const string Password = "Passw0rd!";
    private readonly IdentityApiServer _server = fixture.Server;

    [Fact]
    public async Task LoginAsync_ValidCredentials_StoresTokensGoesHomeAndCheckSucceeds()
    {
        var email = IdentityApiServerFixture.NewEmail();
        await _server.CreateUserAsync(email, Password);
        await using var app = new ClientApp(_server.BaseAddress);

        var result = await app.LoginAsync(email, Password);
        var check = await app.Auth.CheckAsync();

        Assert.True(result.Success, result.Error?.Message);
        Assert.Equal("/", Assert.Single(app.Navigator.Paths));
        var tokens = await app.Store.GetAsync();
        Assert.False(string.IsNullOrEmpty(tokens?.AccessToken));
        Assert.False(string.IsNullOrEmpty(tokens?.RefreshToken));
        Assert.True(tokens!.ExpiresAt > app.Time.GetUtcNow());
        Assert.True(check.Authenticated);
        Assert.Equal(AuthStatus.Authenticated, app.Auth.Status);
    }

    [Fact]
    public async Task LoginAsync_WrongPassword_FailsWithInvalidEmailOrPasswordAndStoresNothing()
    {
        var email = IdentityApiServerFixture.NewEmail();
        await _server.CreateUserAsync(email, Password);
        await using var app = new ClientApp(_server.BaseAddress);

        var result = await app.LoginAsync(email, "Wrong0ne!");

        Assert.False(result.Success);
        Assert.Equal("Invalid email or password. After several failed attempts, sign-in is paused for a few minutes.", result.Error?.Message);
        var notification = Assert.Single(app.Notifications.Opened);
        Assert.Equal("login-error", notification.Key);
        Assert.Equal("Login Error", notification.Message);
        Assert.Equal("Invalid email or password. After several failed attempts, sign-in is paused for a few minutes.", notification.Description);
        Assert.Null(await app.Store.GetAsync());
        Assert.Empty(app.Navigator.Paths);
    }

    [Fact]
    public async Task LoginAsync_UnknownEmail_FailsWithSameMessageAsWrongPassword()
    {
        await using var app = new ClientApp(_server.BaseAddress);

        var result = await app.LoginAsync(IdentityApiServerFixture.NewEmail("nobody"), Password);

        Assert.False(result.Success);
        Assert.Equal("Invalid email or password. After several failed attempts, sign-in is paused for a few minutes.", result.Error?.Message);
    }

    [Fact]
    public async Task LoginAsync_RepeatedFailures_LocksTheAccountWithTheGenericMessage()
    {
        var email = IdentityApiServerFixture.NewEmail();
        await _server.CreateUserAsync(email, Password);
        await using var app = new ClientApp(_server.BaseAddress);

        for (var i = 0; i < IdentityApiServer.MaxFailedAttempts; i++)
        {
            await app.LoginAsync(email, "Wrong0ne!");
        }

        var withRightPassword = await app.LoginAsync(email, Password);

        Assert.False(withRightPassword.Success);
        // The lockout holds (the right password is refused) but reads like any failure: no hint that the account exists.
        Assert.Equal(("Login Error", "Invalid email or password. After several failed attempts, sign-in is paused for a few minutes."), (withRightPassword.Error?.Name, withRightPassword.Error?.Message));
        Assert.Null(await app.Store.GetAsync());
    }

    [Fact]
    public async Task LoginAsync_TwoFactorAccountWithoutCode_FailsAskingForCode()
    {
        var email = IdentityApiServerFixture.NewEmail();
        await _server.CreateUserAsync(email, Password);
        await _server.EnableTwoFactorAsync(email);
        await using var app = new ClientApp(_server.BaseAddress);

        var result = await app.LoginAsync(email, Password);

        Assert.False(result.Success);
        Assert.True(AspNetIdentityAuthResults.IsTwoFactorRequired(result));
        Assert.Equal("Two-factor code required", result.Error?.Name);
        Assert.Null(await app.Store.GetAsync());
    }

    [Fact]
    public async Task LoginAsync_TwoFactorWrongCodeThenRecoveryCode_FailsThenSignsIn()
    {
        var email = IdentityApiServerFixture.NewEmail();
        await _server.CreateUserAsync(email, Password);
        var recoveryCodes = await _server.EnableTwoFactorAsync(email);
        await using var app = new ClientApp(_server.BaseAddress);

        var wrong = await app.Auth.LoginAsync(new LoginRequest
        {
            Email = email,
            Password = Password,
            Extra = new Dictionary<string, object?> { [AspNetIdentityAuthResults.TwoFactorCodeKey] = "000000" },
        });
        var recovered = await app.Auth.LoginAsync(new LoginRequest
        {
            Email = email,
            Password = Password,
            Extra = new Dictionary<string, object?> { [AspNetIdentityAuthResults.TwoFactorRecoveryCodeKey] = recoveryCodes[0] },
        });

        Assert.False(wrong.Success);
        Assert.False(AspNetIdentityAuthResults.IsTwoFactorRequired(wrong));
        Assert.Equal("The two-factor code is not valid.", wrong.Error?.Message);
        Assert.True(recovered.Success, recovered.Error?.Message);
        Assert.NotNull(await app.Store.GetAsync());
    }

    [Fact]
    public async Task LoginAsync_EmptyPassword_FailsWithoutStoringTokens()
    {
        await using var app = new ClientApp(_server.BaseAddress);

        var result = await app.LoginAsync("someone@test.local", "");

        Assert.False(result.Success);
        Assert.Equal("Invalid email or password. After several failed attempts, sign-in is paused for a few minutes.", result.Error?.Message);
        Assert.Null(await app.Store.GetAsync());
    }

    [Fact]
    public async Task LoginRefreshAndLogout_FullSession_NeverLogPasswordsOrTokens()
    {
        var email = IdentityApiServerFixture.NewEmail();
        await _server.CreateUserAsync(email, Password);
        await using var app = new ClientApp(_server.BaseAddress);

        await app.LoginAsync(email, "Wrong0ne!");
        await app.LoginAsync(email, Password);
        var first = (await app.Store.GetAsync())!;
        await app.ExpireStoredTokenAsync();
        using (await app.Probe.GetAsync("/manage/roles"))
        {
        }

        var second = (await app.Store.GetAsync())!;
        await app.Auth.LogoutAsync();

        var logs = app.AllLogs();
        Assert.NotEqual(first.AccessToken, second.AccessToken);
        Assert.NotEmpty(app.Logs.Entries);
        foreach (var secret in new[] { Password, "Wrong0ne!", first.AccessToken, first.RefreshToken!, second.AccessToken, second.RefreshToken! })
        {
            Assert.DoesNotContain(secret, logs, StringComparison.Ordinal);
        }
    }
}
