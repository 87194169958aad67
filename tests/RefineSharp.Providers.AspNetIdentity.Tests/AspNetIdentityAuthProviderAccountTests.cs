using RefineSharp.Providers.AspNetIdentity.Tests.Fixtures;

namespace RefineSharp.Providers.AspNetIdentity.Tests;

public sealed class AspNetIdentityAuthProviderAccountTests(IdentityApiServerFixture fixture) : IClassFixture<IdentityApiServerFixture>
{
    private const string Password = "Passw0rd!";
    private const string NewPassword = "N3wPassw0rd!";
    private readonly IdentityApiServer _server = fixture.Server;

    private static UpdatePasswordRequest Reset(string email, string code, string password) => new()
    {
        Password = password,
        ConfirmPassword = password,
        Extra = new Dictionary<string, object?> { ["email"] = email, ["code"] = code },
    };

    [Fact]
    public async Task RegisterAsync_NewEmail_CreatesAccountSignsInAndGoesHome()
    {
        var email = IdentityApiServerFixture.NewEmail();
        await using var app = new ClientApp(_server.BaseAddress);

        var result = await app.Auth.RegisterAsync(new RegisterRequest { Email = email, Password = Password });

        Assert.True(result.Success, result.Error?.Message);
        Assert.Equal("/", Assert.Single(app.Navigator.Paths));
        Assert.NotNull(await app.Store.GetAsync());
        Assert.True((await app.Auth.CheckAsync()).Authenticated);
    }

    [Fact]
    public async Task RegisterAsync_SignInAfterRegisterOff_CreatesAccountAndGoesToLogin()
    {
        var email = IdentityApiServerFixture.NewEmail();
        await using var app = new ClientApp(_server.BaseAddress, o => o.SignInAfterRegister = false);

        var result = await app.Auth.RegisterAsync(new RegisterRequest { Email = email, Password = Password });

        Assert.True(result.Success);
        Assert.Equal("/login", result.RedirectTo);
        Assert.Equal("Account created", result.SuccessNotification?.Message);
        Assert.Null(await app.Store.GetAsync());
        Assert.True((await app.LoginAsync(email, Password)).Success);
    }

    [Fact]
    public async Task RegisterAsync_DuplicateEmail_FailsWithIdentityMessage()
    {
        var email = IdentityApiServerFixture.NewEmail();
        await _server.CreateUserAsync(email, Password);
        await using var app = new ClientApp(_server.BaseAddress);

        var result = await app.Auth.RegisterAsync(new RegisterRequest { Email = email, Password = Password });

        Assert.False(result.Success);
        Assert.Equal("Register Error", result.Error?.Name);
        Assert.Contains("is already taken", result.Error?.Message, StringComparison.Ordinal);
        Assert.Equal("register-error", Assert.Single(app.Notifications.Opened).Key);
    }

    [Fact]
    public async Task RegisterAsync_WeakPassword_FailsListingThePasswordRules()
    {
        await using var app = new ClientApp(_server.BaseAddress);

        var result = await app.Auth.RegisterAsync(new RegisterRequest { Email = IdentityApiServerFixture.NewEmail(), Password = "abc" });

        Assert.False(result.Success);
        Assert.Contains("at least 6 characters", result.Error?.Message, StringComparison.Ordinal);
        Assert.Contains("uppercase", result.Error?.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("{", result.Error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForgotThenReset_CapturedCode_ResetsPasswordAndOnlyNewPasswordSignsIn()
    {
        var email = IdentityApiServerFixture.NewEmail();
        await _server.CreateUserAsync(email, Password);
        await using var app = new ClientApp(_server.BaseAddress);

        var forgot = await app.Auth.ForgotPasswordAsync(new ForgotPasswordRequest { Email = email });
        var code = _server.Emails.ResetCodes[email];
        var reset = await app.Auth.UpdatePasswordAsync(Reset(email, code, NewPassword));

        Assert.True(forgot.Success);
        Assert.Equal("Check your email", forgot.SuccessNotification?.Message);
        Assert.True(reset.Success, reset.Error?.Message);
        Assert.Equal("/login", reset.RedirectTo);
        Assert.False((await app.LoginAsync(email, Password)).Success);
        Assert.True((await app.LoginAsync(email, NewPassword)).Success);
    }

    [Fact]
    public async Task ForgotPasswordAsync_UnknownEmail_SucceedsLikeAKnownOne()
    {
        await using var app = new ClientApp(_server.BaseAddress);

        var result = await app.Auth.ForgotPasswordAsync(new ForgotPasswordRequest { Email = IdentityApiServerFixture.NewEmail("nobody") });

        Assert.True(result.Success);
        Assert.Equal("/login", result.RedirectTo);
    }

    [Fact]
    public async Task UpdatePasswordAsync_ReusedResetCode_FailsWithInvalidToken()
    {
        var email = IdentityApiServerFixture.NewEmail();
        await _server.CreateUserAsync(email, Password);
        await using var app = new ClientApp(_server.BaseAddress);
        await app.Auth.ForgotPasswordAsync(new ForgotPasswordRequest { Email = email });
        var code = _server.Emails.ResetCodes[email];

        var first = await app.Auth.UpdatePasswordAsync(Reset(email, code, NewPassword));
        var reused = await app.Auth.UpdatePasswordAsync(Reset(email, code, "Th1rdPassw0rd!"));

        Assert.True(first.Success, first.Error?.Message);
        Assert.False(reused.Success);
        Assert.Equal("Update Password Error", reused.Error?.Name);
        Assert.Contains("Invalid token", reused.Error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdatePasswordAsync_ForgedResetCode_FailsAndKeepsOldPassword()
    {
        var email = IdentityApiServerFixture.NewEmail();
        await _server.CreateUserAsync(email, Password);
        await using var app = new ClientApp(_server.BaseAddress);

        var result = await app.Auth.UpdatePasswordAsync(Reset(email, "bm90LWEtcmVhbC1jb2Rl", NewPassword));

        Assert.False(result.Success);
        Assert.Contains("Invalid token", result.Error?.Message, StringComparison.Ordinal);
        Assert.True((await app.LoginAsync(email, Password)).Success);
    }

    [Fact]
    public async Task UpdatePasswordAsync_ConfirmationDiffers_FailsWithoutCallingServer()
    {
        await using var app = new ClientApp(IdentityApiServer.ClosedAddress());

        var result = await app.Auth.UpdatePasswordAsync(new UpdatePasswordRequest { Password = NewPassword, ConfirmPassword = "other", CurrentPassword = Password });

        Assert.False(result.Success);
        Assert.Equal("The passwords do not match.", result.Error?.Message);
    }

    [Fact]
    public async Task UpdatePasswordAsync_SignedIn_ChangesPasswordAndKeepsTheSessionRefreshable()
    {
        var email = IdentityApiServerFixture.NewEmail();
        await _server.CreateUserAsync(email, Password);
        await using var app = new ClientApp(_server.BaseAddress);
        await app.LoginAsync(email, Password);

        var result = await app.Auth.UpdatePasswordAsync(new UpdatePasswordRequest { CurrentPassword = Password, Password = NewPassword, ConfirmPassword = NewPassword });
        await app.ExpireStoredTokenAsync();
        using var afterRefresh = await app.Probe.GetAsync("/manage/info");

        Assert.True(result.Success, result.Error?.Message);
        Assert.Equal("Password updated", result.SuccessNotification?.Message);
        Assert.Equal(System.Net.HttpStatusCode.OK, afterRefresh.StatusCode);
        await using var other = new ClientApp(_server.BaseAddress);
        Assert.False((await other.LoginAsync(email, Password)).Success);
        Assert.True((await other.LoginAsync(email, NewPassword)).Success);
    }

    [Fact]
    public async Task UpdatePasswordAsync_SignedInWrongCurrentPassword_FailsWithIdentityMessage()
    {
        var email = IdentityApiServerFixture.NewEmail();
        await _server.CreateUserAsync(email, Password);
        await using var app = new ClientApp(_server.BaseAddress);
        await app.LoginAsync(email, Password);

        var result = await app.Auth.UpdatePasswordAsync(new UpdatePasswordRequest { CurrentPassword = "Wrong0ne!", Password = NewPassword, ConfirmPassword = NewPassword });

        Assert.False(result.Success);
        Assert.Contains("Incorrect password", result.Error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdatePasswordAsync_NotSignedInAndNoCode_FailsAskingToSignIn()
    {
        await using var app = new ClientApp(_server.BaseAddress);

        var result = await app.Auth.UpdatePasswordAsync(new UpdatePasswordRequest { Password = NewPassword, ConfirmPassword = NewPassword });

        Assert.False(result.Success);
        Assert.StartsWith("Sign in to change your password", result.Error?.Message, StringComparison.Ordinal);
    }
}
