using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace RefineSharp.Demo.Services;

/// <summary>
/// Finds the address the demo's own circuits call its Identity and data APIs at: the configured Demo:ApiBaseAddress,
/// else the first address Kestrel actually listens on (known only after start, which is why this runs lazily; it
/// also works with port 0 in tests), with a wildcard host turned into 127.0.0.1.
/// </summary>
public static class DemoServerAddress
{
    public static Uri Get(IServiceProvider services)
    {
        var configured = services.GetRequiredService<IConfiguration>()["Demo:ApiBaseAddress"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new Uri(configured);
        }

        var addresses = services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var first = addresses?.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses?.FirstOrDefault()
            ?? throw new InvalidOperationException("The demo is not listening yet, or listens on no address: set Demo:ApiBaseAddress.");
        var uri = new UriBuilder(first.Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal));
        if (uri.Host is "0.0.0.0" or "[::]" or "::" or "localhost")
        {
            uri.Host = "127.0.0.1";
        }

        return uri.Uri;
    }

    /// <summary>The base address of the Identity API group (/identity).</summary>
    public static Uri Identity(IServiceProvider services) => new(Get(services), "identity");
}
