using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RefineSharp.Providers.Jwt.Tests.Fixtures;
using RefineSharp.Tests.Readme;
using RefineSharp.Tokens;
using RefineSharp.Providers.AspNetIdentity.Tests.Fixtures;

namespace RefineSharp.Providers.Jwt.Tests.HandWritten;

/// <summary>
/// The hand-written path of README.md against the real sample API: the README's provider, registered as the README
/// says (AddHttpClient&lt;T&gt;, AddHttpHandler&lt;BearerTokenHandler&gt;() and no refresher), starts, sends the token on
/// data calls, reads a numeric id, and ends the session on a 401 or an expired token without a refresh warning.
/// </summary>
public sealed class HandWrittenProviderTests : IAsyncLifetime
{
    private JwtApiServer _api = null!;
    private ServiceProvider _root = null!;
    private AsyncServiceScope _scope;
    private readonly RecordingLoggerProvider _logs = new();
    private readonly RecordingNavigator _navigator = new();

    public async Task InitializeAsync()
    {
        _api = await JwtApiServer.StartAsync(5613);
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace));
        services.AddScoped<INavigator>(_ => _navigator);
        services.AddScoped<ITokenStore, MemoryTokenStore>();

        // As README.md registers it (AddServerSessions is the token store there; a memory store here).
        services.AddHttpClient<RestAuthProvider>(http => http.BaseAddress = _api.Address);
        services.AddRefine()
            .AddAuthProvider<RestAuthProvider>()
            .AddHttpHandler<BearerTokenHandler>()
            .AddAuthenticatedHttpClient<DataClient>((_, http) => http.BaseAddress = _api.Address);
        _root = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        _root.GetRequiredService<IStartupValidator>().Validate();
        _scope = _root.CreateAsyncScope();
    }

    public async Task DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _root.DisposeAsync();
        await _api.DisposeAsync();
    }

    private AuthManager Auth => _scope.ServiceProvider.GetRequiredService<AuthManager>();

    private ITokenStore Store => _scope.ServiceProvider.GetRequiredService<ITokenStore>();

    private DataClient Data => _scope.ServiceProvider.GetRequiredService<DataClient>();

    [Fact]
    public async Task DataCall_AfterLogin_CarriesTheBearerAndIdentityHasTheNumericId()
    {
        Assert.Equal(401, await Data.GetPostsStatusAsync());

        Assert.True((await Auth.LoginAsync(new LoginRequest { Email = "admin@jwt.local", Password = "Admin123!" })).Success);

        Assert.Equal(200, await Data.GetPostsStatusAsync());
        var me = await Auth.GetIdentityAsync<UserIdentity>();
        Assert.Equal(("1", "Ada Admin"), (me?.Id, me?.Name));
        Assert.True((await Auth.CheckAsync()).Authenticated);
    }

    [Fact]
    public async Task DataCall_ApiRevokedTheSession_401LogsOutWithoutARefreshAttempt()
    {
        await Auth.LoginAsync(new LoginRequest { Email = "editor@jwt.local", Password = "Editor123!" });
        await _api.RevokeAllAsync(2);

        Assert.Equal(401, await Data.GetPostsStatusAsync());

        await WaitUntilAsync(async () => await Store.GetAsync() is null && _navigator.Paths.Any(p => p.StartsWith("/login", StringComparison.Ordinal)));
        var logs = string.Join("\n", _logs.Entries);
        Assert.DoesNotContain("refresher", logs, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Warning A token refresh", logs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_StoredTokenExpired_IsSignedOutAndDataCallsEndTheSession()
    {
        await Auth.LoginAsync(new LoginRequest { Email = "admin@jwt.local", Password = "Admin123!" });
        var tokens = await Store.GetAsync();
        Assert.NotNull(tokens?.ExpiresAt);

        await Store.SetAsync(tokens! with { ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(-1) });
        Auth.InvalidateAuthStore();

        Assert.False((await Auth.CheckAsync()).Authenticated);
        Assert.Equal(401, await Data.GetPostsStatusAsync());
        await WaitUntilAsync(async () => await Store.GetAsync() is null);
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
