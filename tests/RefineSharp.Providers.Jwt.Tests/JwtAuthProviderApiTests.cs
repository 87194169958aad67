using System.Net;
using System.Net.Http.Json;
using RefineSharp.Providers.Jwt.Tests.Fixtures;

namespace RefineSharp.Providers.Jwt.Tests;

/// <summary>The provider against the real sample API (samples/RefineSharp.JwtApi on Kestrel): login, identity, expiry, rotation, 401, logout.</summary>
public sealed class JwtAuthProviderApiTests : IAsyncLifetime
{
    private JwtApiServer _api = null!;

    public async Task InitializeAsync() => _api = await JwtApiServer.StartAsync(5610);

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Login_RightPassword_StoresTokensWithExpiryAndReadsNumericIdAndRoles()
    {
        await using var app = new JwtClientApp(_api.Address);

        var result = await app.LoginAsync("admin@jwt.local", "Admin123!");

        Assert.True(result.Success);
        var tokens = await app.Store.GetAsync();
        Assert.NotNull(tokens?.RefreshToken);
        Assert.InRange(tokens!.ExpiresAt!.Value, app.Time.GetUtcNow().AddMinutes(4), app.Time.GetUtcNow().AddMinutes(6));
        var me = await app.Auth.GetIdentityAsync<UserIdentity>();
        Assert.Equal(("1", "Ada Admin", "admin@jwt.local"), (me?.Id, me?.Name, me?.Email));
        Assert.Equal(["admin", "editor"], me!.Roles);
        Assert.Equal(["admin", "editor"], await app.Auth.GetPermissionsAsync<IReadOnlyList<string>>());
        Assert.True((await app.Auth.CheckAsync()).Authenticated);
    }

    [Theory]
    [InlineData("admin@jwt.local", "wrong")]
    [InlineData("nobody@jwt.local", "Admin123!")]
    [InlineData("admin@jwt.local", "")]
    public async Task Login_Refused_FailsWithRefinesNotificationAndStoresNothing(string email, string password)
    {
        await using var app = new JwtClientApp(_api.Address);

        var result = await app.LoginAsync(email, password);

        Assert.False(result.Success);
        Assert.Null(await app.Store.GetAsync());
        var notification = Assert.Single(app.Notifications.Opened);
        Assert.Equal(("Login Error", "Invalid credentials"), (notification.Message, notification.Description));
        Assert.False((await app.Auth.CheckAsync()).Authenticated);
    }

    [Fact]
    public async Task Check_AccessTokenExpired_RefreshesWithRotationAndStaysSignedIn()
    {
        await using var app = new JwtClientApp(_api.Address);
        await app.LoginAsync("editor@jwt.local", "Editor123!");
        var before = await app.Store.GetAsync();
        var refreshes = await _api.RefreshesAsync();

        app.Time.Advance(TimeSpan.FromMinutes(6));
        app.Auth.InvalidateAuthStore();
        var check = await app.Auth.CheckAsync();

        Assert.True(check.Authenticated);
        var after = await app.Store.GetAsync();
        Assert.NotEqual(before!.AccessToken, after!.AccessToken);
        Assert.NotEqual(before.RefreshToken, after.RefreshToken);
        Assert.Equal(refreshes + 1, await _api.RefreshesAsync());

        // The rotated-out refresh token no longer works at the API.
        using var http = new HttpClient { BaseAddress = _api.Address };
        using var reuse = await http.PostAsJsonAsync("auth/refresh", new { refreshToken = before.RefreshToken });
        Assert.Equal(HttpStatusCode.Unauthorized, reuse.StatusCode);
    }

    [Fact]
    public async Task Refresh_ManyCallersAtOnce_OneRefreshAtTheApiAndNobodyLoggedOut()
    {
        await using var app = new JwtClientApp(_api.Address);
        await app.LoginAsync("admin@jwt.local", "Admin123!");
        var refreshes = await _api.RefreshesAsync();
        app.Time.Advance(TimeSpan.FromMinutes(6));
        app.Auth.InvalidateAuthStore();

        // A second refresh with the rotated token would make the API revoke the family: single-flight or logout.
        var statuses = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(app.Data.GetPostsStatusAsync)));

        Assert.All(statuses, s => Assert.Equal(200, s));
        Assert.Equal(refreshes + 1, await _api.RefreshesAsync());
        Assert.True((await app.Auth.CheckAsync()).Authenticated);
        Assert.DoesNotContain("/login", app.Navigator.Paths);
    }

    [Fact]
    public async Task DataCall_ApiRevokedTheSession_401LogsOutToLogin()
    {
        await using var app = new JwtClientApp(_api.Address);
        await app.LoginAsync("editor@jwt.local", "Editor123!");
        Assert.Equal(200, await app.Data.GetPostsStatusAsync());

        await _api.RevokeAllAsync(2);
        var status = await app.Data.GetPostsStatusAsync();

        Assert.Equal(401, status);
        await WaitUntilAsync(async () => await app.Store.GetAsync() is null && app.Navigator.Paths.Any(p => p.StartsWith("/login", StringComparison.Ordinal)));
        Assert.False((await app.Auth.CheckAsync()).Authenticated);
        Assert.Contains(app.Notifications.Opened, n => n.Key == AuthManager.SessionEndedKey);
    }

    [Fact]
    public async Task Logout_RevokesTheRefreshTokenAtTheApi()
    {
        await using var app = new JwtClientApp(_api.Address);
        await app.LoginAsync("admin@jwt.local", "Admin123!");
        var tokens = await app.Store.GetAsync();

        await app.Auth.LogoutAsync();

        Assert.Null(await app.Store.GetAsync());
        Assert.Contains("/login", app.Navigator.Paths);
        using var http = new HttpClient { BaseAddress = _api.Address };
        using var refresh = await http.PostAsJsonAsync("auth/refresh", new { refreshToken = tokens!.RefreshToken });
        Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
    }

    [Fact]
    public async Task Logs_NeverHoldTokensPasswordsOrEmails()
    {
        await using var app = new JwtClientApp(_api.Address);
        await app.LoginAsync("admin@jwt.local", "wrong-Password-1");
        await app.LoginAsync("admin@jwt.local", "Admin123!");
        var tokens = await app.Store.GetAsync();
        app.Time.Advance(TimeSpan.FromMinutes(6));
        app.Auth.InvalidateAuthStore();
        await app.Auth.CheckAsync();
        var renewed = await app.Store.GetAsync();
        await app.Auth.LogoutAsync();

        var logs = app.AllLogs();
        Assert.NotEmpty(logs);
        foreach (var secret in new[] { "wrong-Password-1", "Admin123!", "admin@jwt.local", tokens!.AccessToken, tokens.RefreshToken!, renewed!.AccessToken, renewed.RefreshToken! })
        {
            Assert.DoesNotContain(secret, logs, StringComparison.Ordinal);
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met within 10 s");
            await Task.Delay(20);
        }
    }
}
