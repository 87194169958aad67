using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RefineSharp.Tests.TestDoubles;

namespace RefineSharp.Tests.DependencyInjection;

public sealed class RefineServiceCollectionExtensionsTests
{
    [Fact]
    public void AddRefine_CalledTwice_RegistersEachServiceOnce()
    {
        var services = new ServiceCollection();

        services.AddRefine();
        services.AddRefine();

        Assert.Single(services, d => d.ServiceType == typeof(AuthManager));
        Assert.Single(services, d => d.ServiceType == typeof(INavigator));
        Assert.Single(services, d => d.ServiceType == typeof(INotificationService));
        Assert.Single(services, d => d.ServiceType == typeof(AuthErrorHandler));
        Assert.Equal(ServiceLifetime.Scoped, services.Single(d => d.ServiceType == typeof(AuthManager)).Lifetime);
    }

    [Fact]
    public void AddRefine_Configure_OptionsReachTheAuthManager()
    {
        using var root = new ServiceCollection()
            .AddRefine(o => o.ProviderTimeout = TimeSpan.FromSeconds(3))
            .AddAuthProvider(new FakeAuthProvider())
            .Services.BuildServiceProvider();
        using var scope = root.CreateScope();

        Assert.Equal(TimeSpan.FromSeconds(3), scope.ServiceProvider.GetRequiredService<AuthManager>().Options.ProviderTimeout);
    }

    [Fact]
    public void AddRefine_NavigatorRegisteredBefore_IsKept()
    {
        var navigator = new RecordingNavigator();
        var services = new ServiceCollection().AddSingleton<INavigator>(navigator);

        services.AddRefine();
        using var root = services.BuildServiceProvider();

        Assert.Same(navigator, root.GetRequiredService<INavigator>());
    }

    [Fact]
    public void AddRefine_NullServices_Throws() =>
        Assert.Throws<ArgumentNullException>(() => RefineServiceCollectionExtensions.AddRefine(null!));

    [Fact]
    public void AddRefine_Defaults_AreTheDocumentedOnes()
    {
        using var root = new ServiceCollection().AddRefine().Services.BuildServiceProvider();

        var options = root.GetRequiredService<IOptions<RefineOptions>>().Value;

        Assert.Equal(TimeSpan.FromSeconds(30), options.ProviderTimeout);
        Assert.Null(options.QueryCacheDuration);
        Assert.Equal("to", options.ReturnPathParameter);
        Assert.Same(TimeProvider.System, root.GetRequiredService<TimeProvider>());
    }
}
