using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace RefineSharp.App.Data;

/// <summary>
/// The address this app's own circuits call its Identity API at: App:ApiBaseAddress when set, else the first address
/// Kestrel listens on (known only after start, so it is read lazily; works with port 0 too), with a wildcard or
/// localhost host turned into 127.0.0.1.
/// </summary>
public static class ServerAddress
{
    /// <summary>The base address, for example http://127.0.0.1:5123/.</summary>
    public static Uri Get(IServiceProvider services)
    {
        var configured = services.GetRequiredService<IConfiguration>()["App:ApiBaseAddress"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new Uri(configured);
        }

        var addresses = services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var first = addresses?.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses?.FirstOrDefault()
            ?? throw new InvalidOperationException("The app listens on no address yet: set App:ApiBaseAddress.");
        var uri = new UriBuilder(first.Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal));
        if (uri.Host is "0.0.0.0" or "[::]" or "::" or "localhost")
        {
            uri.Host = "127.0.0.1";
        }

        return uri.Uri;
    }
}
