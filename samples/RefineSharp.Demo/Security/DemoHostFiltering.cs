using Microsoft.AspNetCore.HostFiltering;

namespace RefineSharp.Demo.Security;

/// <summary>
/// Host filtering (ASP.NET Core's HostFilteringMiddleware, which the web host already runs): only requests whose Host
/// header names this app are served; any other gets 400. Allowed: 127.0.0.1, localhost and [::1] (the app calls
/// itself over loopback), the entries of AllowedHosts (semicolon-separated; appsettings.json no longer says "*"),
/// and the host of Demo:PublicBaseUrl.
/// </summary>
public static class DemoHostFiltering
{
    /// <summary>Sets <see cref="HostFilteringOptions.AllowedHosts"/> from the configuration as described above.</summary>
    public static IServiceCollection AddDemoHostFiltering(this IServiceCollection services)
    {
        services.AddOptions<HostFilteringOptions>().Configure<IConfiguration>((o, configuration) =>
        {
            var hosts = new List<string> { "127.0.0.1", "localhost", "[::1]" };
            hosts.AddRange((configuration["AllowedHosts"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            if (Uri.TryCreate(configuration["Demo:PublicBaseUrl"], UriKind.Absolute, out var publicBase))
            {
                hosts.Add(publicBase.Host);
            }

            o.AllowedHosts = [.. hosts.Distinct(StringComparer.OrdinalIgnoreCase)];
            o.AllowEmptyHosts = false;
        });
        return services;
    }
}
