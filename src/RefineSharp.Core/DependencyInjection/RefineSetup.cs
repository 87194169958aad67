using RefineSharp;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// What the app registered, kept for the startup check (<see cref="RefineSetupValidator"/>): the service collection
/// itself (read when the host starts, after every registration) and the provider type of <c>AddAuthProvider&lt;T&gt;()</c>.
/// </summary>
internal sealed class RefineSetup
{
    public RefineSetup(IServiceCollection services) => Services = services;

    public RefineSetup()
        : this(new ServiceCollection())
    {
    }

    public IServiceCollection Services { get; }

    /// <summary>The provider class of the last <c>AddAuthProvider&lt;T&gt;()</c>; null when the provider came from an instance or a factory.</summary>
    public Type? ProviderType { get; set; }

    /// <summary>The one record of <paramref name="services"/>, added on first use.</summary>
    public static RefineSetup For(IServiceCollection services)
    {
        var existing = services.FirstOrDefault(d => d.ServiceType == typeof(RefineSetup))?.ImplementationInstance as RefineSetup;
        if (existing is not null)
        {
            return existing;
        }

        var setup = new RefineSetup(services);
        services.AddSingleton(setup);
        return setup;
    }

    /// <summary>True when <paramref name="serviceType"/> has a registration (an open generic counts for its closed types).</summary>
    public bool IsRegistered(Type serviceType) => Services.Any(d => d.ServiceType == serviceType);

    /// <summary>True when a registration's service type has this full name (for types of packages Core does not reference).</summary>
    public bool IsRegistered(string fullName) => Services.Any(d => d.ServiceType.FullName == fullName);

    /// <summary>The implementation type of the last registration of <paramref name="serviceType"/>, when it has one.</summary>
    public Type? ImplementationOf(Type serviceType) => Services.LastOrDefault(d => d.ServiceType == serviceType)?.ImplementationType;

    /// <summary>The last registration of <see cref="AuthProvider"/>.</summary>
    public bool HasProvider => IsRegistered(typeof(AuthProvider));
}
