using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using RefineSharp.AspNetCore.Sessions;
using RefineSharp.AspNetCore.Tests.Fixtures;
using RefineSharp.Tokens;

namespace RefineSharp.AspNetCore.Tests.Sessions;

/// <summary>The store as a circuit uses it: no HTTP response to write to, only the principal the host handed over.</summary>
public sealed class ServerSessionTokenStoreTests : IAsyncLifetime
{
    private readonly SharedBackplane _backplane = new();
    private SessionHost _host = null!;

    public async Task InitializeAsync() => _host = await SessionHost.StartAsync(_backplane.Cache, _backplane.Keys);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ReplaceAsync_AfterTheSessionWasLoggedOutElsewhere_ReturnsFalseAndDoesNotReviveIt()
    {
        var (key, tokens) = await SignInAsync();
        using var circuit = CircuitScope(key);
        var store = circuit.ServiceProvider.GetRequiredService<ServerSessionTokenStore>();
        var current = await store.GetAsync();
        Assert.Equal(tokens, current!.AccessToken);

        // Another tab logs out while this circuit's refresh is in flight...
        await _host.Services.GetRequiredService<ITicketStore>().RemoveAsync(key);

        // ...and the refresh's answer arrives afterwards: it must not bring the session back.
        var replaced = await store.ReplaceAsync(current, TokenTestProvider.NewTokens());

        Assert.False(replaced);
        Assert.Null(await store.GetAsync());
        Assert.Null(await _host.Services.GetRequiredService<ITicketStore>().RetrieveAsync(key));
    }

    [Fact]
    public async Task ReplaceAsync_WhileTheSessionHoldsTheExpectedTokens_StoresTheRenewedOnesForEveryInstance()
    {
        var (key, _) = await SignInAsync();
        using var circuit = CircuitScope(key);
        var store = circuit.ServiceProvider.GetRequiredService<ServerSessionTokenStore>();
        var renewed = TokenTestProvider.NewTokens();

        Assert.True(await store.ReplaceAsync((await store.GetAsync())!, renewed));

        using var otherCircuit = CircuitScope(key);
        Assert.Equal(renewed.AccessToken, (await otherCircuit.ServiceProvider.GetRequiredService<ServerSessionTokenStore>().GetAsync())!.AccessToken);
    }

    [Fact]
    public async Task ReplaceAsync_WhenAnotherCircuitAlreadyRefreshed_ReturnsFalseAndKeepsTheirTokens()
    {
        var (key, _) = await SignInAsync();
        using var tabA = CircuitScope(key);
        using var tabB = CircuitScope(key);
        var storeA = tabA.ServiceProvider.GetRequiredService<ServerSessionTokenStore>();
        var storeB = tabB.ServiceProvider.GetRequiredService<ServerSessionTokenStore>();
        var old = (await storeA.GetAsync())!;
        var fromA = TokenTestProvider.NewTokens();
        var fromB = TokenTestProvider.NewTokens();

        Assert.True(await storeA.ReplaceAsync(old, fromA));
        Assert.False(await storeB.ReplaceAsync(old, fromB));
        Assert.Equal(fromA.AccessToken, (await storeB.GetAsync())!.AccessToken);
    }

    [Fact]
    public async Task SetAsync_InACircuitWithNoSession_ThrowsAMessageThatNamesTheFix()
    {
        using var circuit = CircuitScope(key: null);
        var store = circuit.ServiceProvider.GetRequiredService<ServerSessionTokenStore>();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await store.SetAsync(TokenTestProvider.NewTokens()));

        Assert.Contains("HTTP request", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_InACircuit_SeesALogoutElsewhereAtTheNextRead()
    {
        var (key, tokens) = await SignInAsync();
        using var circuit = CircuitScope(key);
        var store = circuit.ServiceProvider.GetRequiredService<ServerSessionTokenStore>();
        Assert.Equal(tokens, (await store.GetAsync())!.AccessToken);

        // Unlike a request, a circuit lives for the whole visit: it must not keep what it read.
        await _host.Services.GetRequiredService<ITicketStore>().RemoveAsync(key);

        Assert.Null(await store.GetAsync());
    }

    [Fact]
    public async Task ClearAsync_InACircuit_EndsTheSessionForTheCookieToo()
    {
        var (key, _) = await SignInAsync();
        using (var circuit = CircuitScope(key))
        {
            await circuit.ServiceProvider.GetRequiredService<ServerSessionTokenStore>().ClearAsync();
        }

        Assert.Null(await _host.Services.GetRequiredService<ITicketStore>().RetrieveAsync(key));
    }

    private async Task<(string Key, string AccessToken)> SignInAsync()
    {
        using var browser = _host.NewBrowser();
        using var login = await SessionRequests.LoginAsync(browser, TokenTestProvider.Password);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var cookie = SessionRequests.CookieHeader(browser, _host.BaseAddress);
        var token = await browser.GetStringAsync(new Uri("t/access-token", UriKind.Relative));

        // The key a circuit would see in the host's principal: read back through the cookie handler.
        using var whoAmI = await SessionRequests.WithCookieAsync(_host, cookie, "t/session-key");
        var key = await whoAmI.Content.ReadAsStringAsync();
        Assert.Equal(43, key.Length);
        return (key, token);
    }

    // A circuit's scope: no HttpContext, and the principal that the host captured at connect.
    private IServiceScope CircuitScope(string? key)
    {
        var scope = _host.Services.CreateScope();
        var identity = key is null ? new ClaimsIdentity() : new ClaimsIdentity([new Claim(SessionClaims.SessionId, key)], ServerSessionOptions.Scheme);
        scope.ServiceProvider.GetRequiredService<SessionUser>().SetHostPrincipal(new ClaimsPrincipal(identity));
        return scope;
    }
}
