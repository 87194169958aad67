using Microsoft.Extensions.DependencyInjection.Extensions;
using RefineSharp.AspNetCore.Proxy;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers what <c>MapRefineApiProxy</c> needs.</summary>
public static class ApiProxyServiceCollectionExtensions
{
    /// <summary>Adds YARP's HTTP forwarder and the proxy's pooled outgoing client.</summary>
    public static IServiceCollection AddRefineApiProxy(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddHttpForwarder();
        services.TryAddSingleton<ApiProxyInvoker>();
        return services;
    }
}
