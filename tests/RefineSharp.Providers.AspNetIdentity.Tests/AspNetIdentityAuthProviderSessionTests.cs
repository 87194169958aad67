using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RefineSharp.Providers.AspNetIdentity.Tests.Fixtures;
using RefineSharp.Tokens;

namespace RefineSharp.Providers.AspNetIdentity.Tests;

public sealed class AspNetIdentityAuthProviderSessionTests(IdentityApiServerFixture fixture) : IClassFixture<IdentityApiServerFixture>
{
    private const string Password = "Passw0rd!";
    private readonly IdentityApiServer _server = fixture.Server;

    private async Task<(ClientApp App, string Email)> SignedInAsync(params string[] roles)
    {
        var email = IdentityApiServerFixture.NewEmail();
        await _server.CreateUserAsync(email, Password, roles);
        var app = new ClientApp(_server.BaseAddress);
        Assert.True((await app.LoginAsync(email, Password)).Success);
        return (app, email);
    }

    /// <summary>Counts the logouts the AuthManager reports from now on.</summary>
    private static Func<int> CountLogouts(ClientApp app)
    {
        var count = 0;
        app.Auth.AuthStateChanged += (_, e) =>
        {
            if (e.Reason == AuthChangeReason.Logout)
            {
                Interlocked.Increment(ref count);
            }
        };
        return () => Volatile.Read(ref count);
    }

    [Fact]
    public async Task GetIdentityAsync_SignedIn_ReturnsUserIdentityFromManageInfo()
    {
        var (app, email) = await SignedInAsync("editor");
        await using var _ = app;

        var identity = await app.Auth.GetIdentityAsync<UserIdentity>();

        Assert.NotNull(identity);
        Assert.Equal(email, identity.Id);
        Assert.Equal(email, identity.Email);
        Assert.Equal(email, identity.Name);
        Assert.StartsWith("data:image/svg+xml,", identity.Avatar, StringComparison.Ordinal);
        Assert.Equal(["editor"], identity.Roles);
        Assert.Equal("true", identity.Claims?["email_verified"]);
    }

    [Fact]
    public async Task GetIdentityAsync_SignedOut_ReturnsNull()
    {
        await using var app = new ClientApp(_server.BaseAddress);

        Assert.Null(await app.Auth.GetIdentityAsync());
    }

    [Fact]
    public async Task GetPermissionsAsync_SignedIn_ReturnsRolesFromRolesEndpoint()
    {
        var (app, _) = await SignedInAsync("editor", "admin");
        await using var _app = app;

        var roles = await app.Auth.GetPermissionsAsync<IReadOnlyList<string>>();

        Assert.Equal(["admin", "editor"], roles);
    }

    [Fact]
    public async Task GetPermissionsAsync_NoPermissionsEndpoint_ReturnsNull()
    {
        var email = IdentityApiServerFixture.NewEmail();
        await _server.CreateUserAsync(email, Password, "admin");
        await using var app = new ClientApp(_server.BaseAddress, o => o.PermissionsEndpoint = null);
        await app.LoginAsync(email, Password);

        Assert.Null(await app.Auth.GetPermissionsAsync());
    }

    [Fact]
    public async Task LogoutAsync_SignedIn_ClearsTokensAndGoesToLogin()
    {
        var (app, _) = await SignedInAsync();
        await using var _app = app;

        var result = await app.Auth.LogoutAsync();
        var check = await app.Auth.CheckAsync();

        Assert.True(result.Success);
        Assert.Null(await app.Store.GetAsync());
        Assert.Equal("/login", app.Navigator.Paths.Last());
        Assert.False(check.Authenticated);
        Assert.Equal("/login", check.RedirectTo);
    }

    [Fact]
    public async Task LogoutAsync_LogoutEndpointFails_StillClearsTokens()
    {
        var email = IdentityApiServerFixture.NewEmail();
        await _server.CreateUserAsync(email, Password);
        await using var app = new ClientApp(_server.BaseAddress, o => o.LogoutEndpoint = "/no-such-logout");
        await app.LoginAsync(email, Password);

        var result = await app.Auth.LogoutAsync();

        Assert.True(result.Success);
        Assert.Null(await app.Store.GetAsync());
    }

    [Fact]
    public async Task CheckAsync_NoTokens_FailsToLoginWithoutCallingServer()
    {
        await using var app = new ClientApp(IdentityApiServer.ClosedAddress());

        var check = await app.Auth.CheckAsync();

        Assert.False(check.Authenticated);
        Assert.Equal("/login", check.RedirectTo);
        Assert.Null(check.Error);
    }

    [Fact]
    public async Task CheckAsync_ExpiredAccessTokenWithConcurrentCallers_RefreshesOnceAndStaysSignedIn()
    {
        var (app, _) = await SignedInAsync("editor");
        await using var _app = app;
        var before = (await app.Store.GetAsync())!;
        await app.ExpireStoredTokenAsync();
        _server.ResetHits();

        var probes = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => app.Probe.GetAsync("/manage/roles"))));
        var check = await app.Auth.CheckAsync();

        Assert.All(probes, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(1, _server.Hits("/refresh"));
        Assert.True(check.Authenticated);
        Assert.NotEqual(before.AccessToken, (await app.Store.GetAsync())?.AccessToken);
        foreach (var probe in probes)
        {
            probe.Dispose();
        }
    }

    [Fact]
    public async Task CheckAsync_ForgedTokensInStore_FailsClosedClearsStoreAndLogsOutOnce()
    {
        await using var app = new ClientApp(_server.BaseAddress);
        var logouts = CountLogouts(app);
        _server.ResetHits();
        await app.Store.SetAsync(new TokenSet { AccessToken = "forged", RefreshToken = "forged", ExpiresAt = app.Time.GetUtcNow().AddHours(1) });

        var checks = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => app.Auth.CheckAsync().AsTask()));
        var again = await app.Auth.CheckAsync();

        Assert.All(checks, c => Assert.False(c.Authenticated));
        Assert.False(again.Authenticated);
        Assert.Null(await app.Store.GetAsync());
        Assert.Equal(1, _server.Hits("/refresh"));
        Assert.Equal(1, logouts());
        Assert.Equal(["/login"], app.Navigator.Paths);
    }

    [Fact]
    public async Task CheckAsync_SecondCheckWithVerifiedToken_DoesNotCallServerAgain()
    {
        _server.ResetHits();
        var (app, _) = await SignedInAsync();
        await using var _app = app;
        var provider = app.Services.GetRequiredService<AuthProvider>();

        var first = await app.Auth.CheckAsync();
        var direct = await provider.CheckAsync(new CheckRequest());

        Assert.True(first.Authenticated);
        Assert.True(direct.Authenticated);
        Assert.Equal(0, _server.Hits("/manage/info"));
    }

    [Fact]
    public async Task OnErrorAsync_Unauthorized_LogsOutToLogin()
    {
        var (app, _) = await SignedInAsync();
        await using var _app = app;

        var result = await app.Auth.OnErrorAsync(new OnErrorRequest { StatusCode = 401 });

        Assert.True(result.Logout);
        Assert.Equal("/login", result.RedirectTo);
        Assert.Null(await app.Store.GetAsync());
        Assert.Equal("/login", app.Navigator.Paths.Last());
    }

    [Fact]
    public async Task DataCall_Forbidden_NotifiesAccessDeniedAndKeepsSession()
    {
        var (app, _) = await SignedInAsync("editor");
        await using var _app = app;

        using var response = await app.Probe.GetAsync("/admin-only");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var notification = Assert.Single(app.Notifications.Opened);
        Assert.Equal("Access denied", notification.Message);
        Assert.NotNull(await app.Store.GetAsync());
        Assert.Equal(["/"], app.Navigator.Paths);
    }

    [Fact]
    public async Task DataCall_AdminRole_Succeeds()
    {
        var (app, _) = await SignedInAsync("admin");
        await using var _app = app;

        using var response = await app.Probe.GetAsync("/admin-only");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task DataCall_RefreshTokenRejected_LogsOutOnceAndGoesToLogin()
    {
        var (app, _) = await SignedInAsync();
        await using var _app = app;
        var tokens = (await app.Store.GetAsync())!;
        await app.Store.SetAsync(tokens with { RefreshToken = "revoked", ExpiresAt = app.Time.GetUtcNow().AddMinutes(-1) });
        var logouts = CountLogouts(app);

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => app.Probe.GetAsync("/manage/info"))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        Assert.Null(await app.Store.GetAsync());
        Assert.Equal(1, logouts());
        Assert.Equal("/login", app.Navigator.Paths.Last());
        Assert.Equal(AuthStatus.Unknown, app.Auth.Status);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }
}
