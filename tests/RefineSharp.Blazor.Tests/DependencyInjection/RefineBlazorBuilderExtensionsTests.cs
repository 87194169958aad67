using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using RefineSharp.Tokens;

namespace RefineSharp.Blazor.Tests.DependencyInjection;

public sealed class RefineBlazorBuilderExtensionsTests
{
    [Fact]
    public void AddBlazor_CalledTwice_RegistersEverythingOnce()
    {
        var once = new ServiceCollection();
        once.AddRefine().AddBlazor();
        var twice = new ServiceCollection();
        twice.AddRefine().AddBlazor();
        twice.AddRefine().AddBlazor();

        Assert.Equal(once.Count, twice.Count);
        Assert.Single(twice, d => d.ServiceType == typeof(AuthenticationStateProvider));
    }

    [Fact]
    public void AddBlazor_ReplacesCoresNoOpPorts()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddRefine().AddBlazor();
        services.AddSingleton<NavigationManager>(new TestNavigationManager());

        Assert.Equal(typeof(NavigationManagerNavigator), services.Single(d => d.ServiceType == typeof(INavigator)).ImplementationType);
        using var provider = services.BuildServiceProvider();
        using var scope = provider.CreateScope();
        Assert.Same(scope.ServiceProvider.GetRequiredService<RefineNotificationStore>(), scope.ServiceProvider.GetRequiredService<INotificationService>());
        Assert.IsType<RefineAuthenticationStateProvider>(scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>());
        Assert.NotSame(scope.ServiceProvider.GetRequiredService<AuthActions>(), scope.ServiceProvider.GetRequiredService<AuthActions>());
    }

    [Fact]
    public void AddBlazor_LaterOptions_StillApply()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddRefine().AddBlazor();
        services.AddRefine().AddBlazor(o => o.LoginPath = "/sign-in");

        using var provider = services.BuildServiceProvider();
        Assert.Equal("/sign-in", provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<RefineBlazorOptions>>().Value.LoginPath);
    }

    [Fact]
    public void AddBrowserTokenStore_ReplacesTheTokenStore()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddScoped<ITokenStore, MemoryTokenStore>();
        services.AddRefine().AddBlazor().AddBrowserTokenStore();
        services.AddSingleton<Microsoft.JSInterop.IJSRuntime>(new NoJs());

        using var provider = services.BuildServiceProvider();
        using var scope = provider.CreateScope();
        Assert.IsType<BrowserStorageTokenStore>(scope.ServiceProvider.GetRequiredService<ITokenStore>());
    }

    private sealed class TestNavigationManager : NavigationManager
    {
        public TestNavigationManager() => Initialize("http://localhost/", "http://localhost/");
    }

    private sealed class NoJs : Microsoft.JSInterop.IJSRuntime
    {
        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) => throw new InvalidOperationException();

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) => throw new InvalidOperationException();
    }
}
