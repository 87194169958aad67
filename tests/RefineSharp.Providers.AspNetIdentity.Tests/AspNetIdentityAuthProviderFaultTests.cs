using System.Net;
using Microsoft.Extensions.Time.Testing;
using RefineSharp.Providers.AspNetIdentity.Tests.Fixtures;
using RefineSharp.Tokens;

namespace RefineSharp.Providers.AspNetIdentity.Tests;

public sealed class AspNetIdentityAuthProviderFaultTests(IdentityApiServerFixture fixture) : IClassFixture<IdentityApiServerFixture>
{
    private const string Password = "Passw0rd!";
    private readonly IdentityApiServer _server = fixture.Server;

    [Fact]
    public async Task LoginAsync_BackendDown_FailsWithServiceUnavailable()
    {
        await using var app = new ClientApp(IdentityApiServer.ClosedAddress());

        var result = await app.LoginAsync("someone@test.local", Password);

        Assert.False(result.Success);
        Assert.Equal("Service unavailable", result.Error?.Name);
        Assert.Equal("login-error", Assert.Single(app.Notifications.Opened).Key);
        Assert.Null(await app.Store.GetAsync());
    }

    [Fact]
    public async Task CheckAsync_BackendDownWithUnverifiedTokens_FailsClosedAndKeepsTokens()
    {
        await using var app = new ClientApp(IdentityApiServer.ClosedAddress());
        await app.Store.SetAsync(new TokenSet { AccessToken = "a", RefreshToken = "r", ExpiresAt = app.Time.GetUtcNow().AddHours(1) });

        var check = await app.Auth.CheckAsync();

        Assert.False(check.Authenticated);
        Assert.False(check.Logout);
        Assert.Equal("/login", check.RedirectTo);
        Assert.Equal("Service unavailable", check.Error?.Name);
        Assert.NotNull(await app.Store.GetAsync());
    }

    [Fact]
    public async Task LoginAsync_GarbageBody_FailsWithInvalidResponse()
    {
        await using var app = new ClientApp(_server.BaseAddress, o => o.LoginEndpoint = "/garbage/login");

        var result = await app.LoginAsync("someone@test.local", Password);

        Assert.False(result.Success);
        Assert.Equal("Invalid response", result.Error?.Name);
        Assert.Null(await app.Store.GetAsync());
    }

    [Fact]
    public async Task CheckAsync_GarbageAccountBody_FailsClosedWithInvalidResponse()
    {
        await using var app = new ClientApp(_server.BaseAddress, o => o.InfoEndpoint = "/garbage/manage/info");
        await app.Store.SetAsync(new TokenSet { AccessToken = "a", RefreshToken = "r", ExpiresAt = app.Time.GetUtcNow().AddHours(1) });

        var check = await app.Auth.CheckAsync();

        Assert.False(check.Authenticated);
        Assert.Equal("Invalid response", check.Error?.Name);
    }

    [Fact]
    public async Task DataCall_GarbageRefreshBody_EndsTheSession()
    {
        var email = IdentityApiServerFixture.NewEmail();
        await _server.CreateUserAsync(email, Password);
        await using var app = new ClientApp(_server.BaseAddress, o => o.RefreshEndpoint = "/garbage/refresh");
        await app.LoginAsync(email, Password);
        await app.ExpireStoredTokenAsync();

        using var response = await app.Probe.GetAsync("/manage/info");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(await app.Store.GetAsync());
        Assert.Equal("/login", app.Navigator.Paths.Last());
    }

    [Fact]
    public async Task RegisterAsync_ServerError_FailsWithStatusInMessage()
    {
        await using var app = new ClientApp(_server.BaseAddress, o => o.RegisterEndpoint = "/garbage/register");

        var result = await app.Auth.RegisterAsync(new RegisterRequest { Email = IdentityApiServerFixture.NewEmail(), Password = Password });

        Assert.False(result.Success);
        Assert.Contains("HTTP 500", result.Error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoginAsync_NoBaseAddress_FailsSayingHowToConfigureInTheLogOnly()
    {
        await using var app = new ClientApp(_server.BaseAddress, o => o.BaseAddress = null);

        var result = await app.LoginAsync("someone@test.local", Password);

        // The developer reads the fix in the log; the user reads a generic text without configuration internals.
        Assert.False(result.Success);
        Assert.Contains("AspNetIdentityAuthOptions.BaseAddress", app.AllLogs(), StringComparison.Ordinal);
        Assert.DoesNotContain("AspNetIdentityAuthOptions", result.Error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DataCall_ServerExpiredTheAccessToken_RefreshesOnceAndRetries()
    {
        var serverTime = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await IdentityApiServer.StartAsync(serverTime);
        var email = IdentityApiServerFixture.NewEmail();
        await server.CreateUserAsync(email, Password);
        await using var app = new ClientApp(server.BaseAddress);
        await app.LoginAsync(email, Password);
        var before = (await app.Store.GetAsync())!;

        // The server's clock passes the access token's hour; the client's clock does not, so only the 401 can tell.
        serverTime.Advance(TimeSpan.FromHours(2));
        server.ResetHits();
        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => app.Probe.GetAsync("/manage/info"))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(1, server.Hits("/refresh"));
        Assert.NotEqual(before.AccessToken, (await app.Store.GetAsync())?.AccessToken);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }
}
