using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using RefineSharp.Providers.Jwt;
using RefineSharp.Tokens;
using RefineSharp.Providers.AspNetIdentity.Tests.Fixtures;

namespace RefineSharp.Providers.Jwt.Tests.Fixtures;

/// <summary>The client side of a test: RefineSharp with AddJwtAuth pointed at a server, in one user scope (one circuit).</summary>
public sealed class JwtClientApp : IAsyncDisposable
{
    private readonly ServiceProvider _root;
    private readonly AsyncServiceScope _scope;

    public JwtClientApp(Uri api, Action<JwtAuthOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton<TimeProvider>(Time);
        services.AddScoped<INavigator>(_ => Navigator);
        services.AddScoped<INotificationService>(_ => Notifications);
        services.AddRefine()
            .AddJwtAuth(o =>
            {
                o.BaseAddress = api;
                o.RequireServerSessions = false;
                configure?.Invoke(o);
            })
            .AddAuthenticatedHttpClient<DataClient>((_, http) => http.BaseAddress = api);
        _root = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        _root.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate();
        _scope = _root.CreateAsyncScope();
    }

    /// <summary>The client's clock: starts at the real time (the API's), so the two agree until a test moves it.</summary>
    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    public RecordingNavigator Navigator { get; } = new();

    public RecordingNotifications Notifications { get; } = new();

    public RecordingLoggerProvider Logs { get; } = new();

    public IServiceProvider Services => _scope.ServiceProvider;

    public AuthManager Auth => Services.GetRequiredService<AuthManager>();

    public ITokenStore Store => Services.GetRequiredService<ITokenStore>();

    public DataClient Data => Services.GetRequiredService<DataClient>();

    public Task<AuthActionResult> LoginAsync(string email, string password) =>
        Auth.LoginAsync(new LoginRequest { Email = email, Password = password });

    public string AllLogs() => string.Join("\n", Logs.Entries);

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _root.DisposeAsync();
    }
}

/// <summary>A data client of the app: its requests carry the bearer token and a 401 reaches the provider's OnErrorAsync.</summary>
public sealed class DataClient(HttpClient http)
{
    public async Task<int> GetPostsStatusAsync()
    {
        using var response = await http.GetAsync("api/posts");
        return (int)response.StatusCode;
    }
}
