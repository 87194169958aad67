using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RefineSharp.AspNetCore.Proxy;
using RefineSharp.AspNetCore.Sessions;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the API proxy through which a hosted WebAssembly client calls a bearer-protected API without holding a token.</summary>
public static class ApiProxyEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Forwards every request under <paramref name="prefix"/> (for example "/api") to the configured destination, with
    /// the server-side session's access token attached as a bearer token (refreshed first when it expires soon) and
    /// the browser's cookies removed. Like the session endpoints, a call must carry the
    /// <see cref="SessionEndpointRouteBuilderExtensions.CsrfHeader"/> header and must not come from another site; a
    /// call without a session answers 401 and reaches nothing. Needs <c>AddServerSessions()</c> and
    /// <c>AddRefineApiProxy()</c>.
    /// </summary>
    public static IEndpointConventionBuilder MapRefineApiProxy(this IEndpointRouteBuilder endpoints, string prefix, Action<RefineApiProxyOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        ArgumentNullException.ThrowIfNull(configure);
        if (!prefix.StartsWith('/') || prefix.EndsWith('/') || prefix.Contains('{', StringComparison.Ordinal))
        {
            throw new ArgumentException("The prefix is a plain path such as \"/api\": it starts with '/', does not end with one, and has no route parameters.", nameof(prefix));
        }

        var options = new RefineApiProxyOptions();
        configure(options);
        if (options.Destination is null && options.DestinationResolver is null)
        {
            throw new InvalidOperationException("Set RefineApiProxyOptions.Destination or DestinationResolver: the proxy needs to know where the API is.");
        }

        var services = endpoints.ServiceProvider;
        var known = services.GetService<IServiceProviderIsService>();
        if (known?.IsService(typeof(ApiProxyInvoker)) != true)
        {
            throw new InvalidOperationException("MapRefineApiProxy needs services.AddRefineApiProxy().");
        }

        if (known.IsService(typeof(SessionLocks)) != true)
        {
            throw new InvalidOperationException("MapRefineApiProxy needs server-side sessions: AddRefine()...AddBlazor().AddServerSessions().");
        }

        var proxy = new ApiProxy(new PathString(prefix), options, services);
        return endpoints.Map(prefix + "/{**path}", proxy.InvokeAsync);
    }
}
