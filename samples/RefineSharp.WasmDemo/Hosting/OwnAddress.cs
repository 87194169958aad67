using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace RefineSharp.WasmDemo.Hosting;

/// <summary>
/// The loopback address this app listens on (known only after start, so resolved lazily; works with port 0 in the
/// tests), with a wildcard host turned into 127.0.0.1. The provider reaches the Identity API there and the proxy the
/// backend API, unless WasmDemo:ApiBaseAddress names another server.
/// </summary>
internal static class OwnAddress
{
    public static Uri Get(IServiceProvider services)
    {
        var configured = services.GetRequiredService<IConfiguration>()["WasmDemo:ApiBaseAddress"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new Uri(configured.TrimEnd('/') + "/");
        }

        var addresses = services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var first = addresses?.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses?.FirstOrDefault()
            ?? throw new InvalidOperationException("The app listens on no address yet: set WasmDemo:ApiBaseAddress.");
        var uri = new UriBuilder(first.Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal));
        if (uri.Host is "0.0.0.0" or "[::]" or "::" or "localhost")
        {
            uri.Host = "127.0.0.1";
        }

        uri.Path = "/";
        return uri.Uri;
    }
}
