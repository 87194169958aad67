using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RefineSharp.Tokens;

namespace RefineSharp.Providers.Jwt.Tests.Startup;

/// <summary>
/// Misconfigurations a new user makes stop a real ASP.NET Core host at start (or the first call) with a message that
/// names the call to add, instead of the container's generic "Unable to resolve service". Each case has its control:
/// the same app with the fix starts.
/// </summary>
public sealed class ErrorsThatNameTheFixTests
{
    [Fact]
    public async Task Start_BlazorAppWithoutAddBlazor_NamesAddBlazor()
    {
        var error = await StartFailsAsync(s => s.AddRefine().AddAuthProvider<PlainProvider>());

        Assert.Contains("AddBlazor(", error.Message, StringComparison.Ordinal);
        await StartsAsync(s => s.AddRefine().AddAuthProvider<PlainProvider>().AddBlazor());
    }

    [Fact]
    public async Task Start_ProviderNeedsATokenStoreNobodyRegistered_NamesTheStores()
    {
        var error = await StartFailsAsync(s => s.AddRefine().AddAuthProvider<StoreProvider>().AddBlazor());

        Assert.Contains("StoreProvider", error.Message, StringComparison.Ordinal);
        Assert.Contains("ITokenStore", error.Message, StringComparison.Ordinal);
        Assert.Contains(".AddServerSessions()", error.Message, StringComparison.Ordinal);
        Assert.Contains("AddScoped<ITokenStore, MemoryTokenStore>()", error.Message, StringComparison.Ordinal);
        await StartsAsync(s =>
        {
            s.AddScoped<ITokenStore, MemoryTokenStore>();
            s.AddRefine().AddAuthProvider<StoreProvider>().AddBlazor();
        });
    }

    [Fact]
    public async Task Start_ProviderNeedsAnHttpClientNobodyRegistered_NamesAddHttpClient()
    {
        var error = await StartFailsAsync(s => s.AddRefine().AddAuthProvider<HttpProvider>().AddBlazor());

        Assert.Contains("builder.Services.AddHttpClient<HttpProvider>(", error.Message, StringComparison.Ordinal);
        await StartsAsync(s =>
        {
            s.AddHttpClient<HttpProvider>(http => http.BaseAddress = new Uri("http://127.0.0.1:5699/"));
            s.AddRefine().AddAuthProvider<HttpProvider>().AddBlazor();
        });
    }

    [Fact]
    public async Task Start_BearerHandlerWithoutATokenStore_NamesTheStores()
    {
        var error = await StartFailsAsync(s => s.AddRefine().AddAuthProvider<PlainProvider>().AddBlazor().AddHttpHandler<BearerTokenHandler>());

        Assert.Contains("AddHttpHandler<BearerTokenHandler>()", error.Message, StringComparison.Ordinal);
        Assert.Contains(".AddServerSessions()", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FirstCall_NoProviderAtAll_NamesAddAuthProvider()
    {
        await using var app = await StartsAsync(s => s.AddRefine().AddBlazor());
        await using var scope = app.Services.CreateAsyncScope();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => scope.ServiceProvider.GetRequiredService<AuthManager>().LoginAsync());

        Assert.Contains("AddRefine().AddAuthProvider<TProvider>()", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_JwtProviderWithoutServerSessions_NamesAddServerSessions()
    {
        var error = await StartFailsAsync(s => s.AddRefine().AddJwtAuth(o => o.BaseAddress = new Uri("http://127.0.0.1:5699/")).AddBlazor());

        Assert.Contains(".AddServerSessions()", error.Message, StringComparison.Ordinal);
    }

    private static async Task<OptionsValidationException> StartFailsAsync(Action<IServiceCollection> configure) =>
        await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            var app = await StartsAsync(configure);
            await app.DisposeAsync();
        });

    private static async Task<WebApplication> StartsAsync(Action<IServiceCollection> configure)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:5612");
        builder.Logging.ClearProviders();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        configure(builder.Services);
        var app = builder.Build();
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        await app.StopAsync();
        return app;
    }

    public sealed class PlainProvider : AuthProvider
    {
        public override Task<AuthActionResult> LoginAsync(LoginRequest request, CancellationToken cancellationToken = default) => Task.FromResult(AuthActionResult.Fail());

        public override Task<AuthActionResult> LogoutAsync(LogoutRequest request, CancellationToken cancellationToken = default) => Task.FromResult(AuthActionResult.Ok());

        public override Task<CheckResult> CheckAsync(CheckRequest request, CancellationToken cancellationToken = default) => Task.FromResult(CheckResult.Fail());

        public override Task<OnErrorResult> OnErrorAsync(OnErrorRequest request, CancellationToken cancellationToken = default) => Task.FromResult(OnErrorResult.Ignore());
    }

    public sealed class StoreProvider(ITokenStore tokens) : AuthProvider
    {
        public override Task<AuthActionResult> LoginAsync(LoginRequest request, CancellationToken cancellationToken = default) => Task.FromResult(AuthActionResult.Fail());

        public override async Task<AuthActionResult> LogoutAsync(LogoutRequest request, CancellationToken cancellationToken = default)
        {
            await tokens.ClearAsync(cancellationToken);
            return AuthActionResult.Ok();
        }

        public override Task<CheckResult> CheckAsync(CheckRequest request, CancellationToken cancellationToken = default) => Task.FromResult(CheckResult.Fail());

        public override Task<OnErrorResult> OnErrorAsync(OnErrorRequest request, CancellationToken cancellationToken = default) => Task.FromResult(OnErrorResult.Ignore());
    }

    public sealed class HttpProvider(HttpClient http) : AuthProvider
    {
        public Uri? Api => http.BaseAddress;

        public override Task<AuthActionResult> LoginAsync(LoginRequest request, CancellationToken cancellationToken = default) => Task.FromResult(AuthActionResult.Fail());

        public override Task<AuthActionResult> LogoutAsync(LogoutRequest request, CancellationToken cancellationToken = default) => Task.FromResult(AuthActionResult.Ok());

        public override Task<CheckResult> CheckAsync(CheckRequest request, CancellationToken cancellationToken = default) => Task.FromResult(CheckResult.Fail());

        public override Task<OnErrorResult> OnErrorAsync(OnErrorRequest request, CancellationToken cancellationToken = default) => Task.FromResult(OnErrorResult.Ignore());
    }
}
