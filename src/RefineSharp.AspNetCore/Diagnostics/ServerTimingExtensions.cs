using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using RefineSharp.AspNetCore.Diagnostics;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Opt-in Server-Timing for finding where a sign-in's time goes (docs/performance.md): the password hash, the
/// session store, database commands and outgoing calls (the provider's API hop, with the API's own parts as "api-*").
/// Meant for benchmarks and diagnosis: the header tells any client how long the server's parts took, so leave it off
/// in production.
/// </summary>
public static class ServerTimingExtensions
{
    /// <summary>
    /// Wraps the registered <see cref="IDistributedCache"/> and every registered <c>IPasswordHasher&lt;TUser&gt;</c>
    /// so they record their time. Call it after the session store and Identity are registered (it wraps what is there).
    /// </summary>
    public static IServiceCollection AddRefineServerTiming(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        for (var i = 0; i < services.Count; i++)
        {
            var descriptor = services[i];
            if (descriptor.IsKeyedService)
            {
                continue;
            }

            if (descriptor.ServiceType == typeof(IDistributedCache))
            {
                services[i] = Decorate(descriptor, inner => new TimedDistributedCache((IDistributedCache)inner));
            }
            else if (descriptor.ServiceType.IsConstructedGenericType && descriptor.ServiceType.GetGenericTypeDefinition() == typeof(IPasswordHasher<>))
            {
                var timed = typeof(TimedPasswordHasher<>).MakeGenericType(descriptor.ServiceType.GenericTypeArguments);
                services[i] = Decorate(descriptor, inner => Activator.CreateInstance(timed, inner)!);
            }
        }

        return services;
    }

    /// <summary>Times every request after this point; put it first in the pipeline. Needs <see cref="AddRefineServerTiming"/> for the hash and store parts.</summary>
    public static IApplicationBuilder UseRefineServerTiming(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        ServerTimingListeners.EnsureSubscribed();
        return app.UseMiddleware<ServerTimingMiddleware>();
    }

    private static ServiceDescriptor Decorate(ServiceDescriptor descriptor, Func<object, object> wrap) =>
        new(descriptor.ServiceType, sp => wrap(Create(sp, descriptor)), descriptor.Lifetime);

    private static object Create(IServiceProvider sp, ServiceDescriptor descriptor) =>
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(sp)
        ?? ActivatorUtilities.CreateInstance(sp, descriptor.ImplementationType!);
}
