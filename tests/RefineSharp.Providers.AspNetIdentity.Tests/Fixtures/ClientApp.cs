using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using RefineSharp.Tokens;

namespace RefineSharp.Providers.AspNetIdentity.Tests.Fixtures;

/// <summary>The client side of a test: RefineSharp with the provider pointed at a server, in one user scope.</summary>
public sealed class ClientApp : IAsyncDisposable
{
    private readonly ServiceProvider _root;
    private readonly AsyncServiceScope _scope;

    public ClientApp(Uri baseAddress, Action<AspNetIdentityAuthOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton<TimeProvider>(Time);
        services.AddScoped<INavigator>(_ => Navigator);
        services.AddScoped<INotificationService>(_ => Notifications);
        services.AddRefine()
            .AddAspNetIdentityAuth(o =>
            {
                o.BaseAddress = baseAddress;
                configure?.Invoke(o);
            })
            .AddAuthenticatedHttpClient<ProbeClient>((_, http) => http.BaseAddress = new Uri(baseAddress.AbsoluteUri.TrimEnd('/') + "/"));
        _root = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        _scope = _root.CreateAsyncScope();
    }

    /// <summary>The client's clock: starts at the real time, so the server and the client agree until a test moves it.</summary>
    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    public RecordingNavigator Navigator { get; } = new();

    public RecordingNotifications Notifications { get; } = new();

    public RecordingLoggerProvider Logs { get; } = new();

    public IServiceProvider Services => _scope.ServiceProvider;

    public AuthManager Auth => Services.GetRequiredService<AuthManager>();

    public ITokenStore Store => Services.GetRequiredService<ITokenStore>();

    public ProbeClient Probe => Services.GetRequiredService<ProbeClient>();

    public Task<AuthActionResult> LoginAsync(string email, string password) =>
        Auth.LoginAsync(new LoginRequest { Email = email, Password = password });

    /// <summary>Makes the stored access token look expired to the client (the server still accepts it).</summary>
    public async Task ExpireStoredTokenAsync()
    {
        var tokens = await Store.GetAsync() ?? throw new InvalidOperationException("not signed in");
        await Store.SetAsync(tokens with { ExpiresAt = Time.GetUtcNow().AddMinutes(-1) });
    }

    public string AllLogs() => string.Join("\n", Logs.Entries);

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _root.DisposeAsync();
    }
}
