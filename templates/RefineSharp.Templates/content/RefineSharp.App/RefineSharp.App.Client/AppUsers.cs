using RefineSharp.Providers.InMemory;

#if (RenderServer)
namespace RefineSharp.App.Components;
#else
namespace RefineSharp.App.Client;
#endif

/// <summary>
/// The in-memory provider's accounts. Replace them, or the provider, before anyone but you uses the app: these
/// passwords are in the source (and, with WebAssembly, in the app the browser downloads).
/// </summary>
public static class AppUsers
{
    /// <summary>Adds an admin and a viewer to the provider's options.</summary>
    public static void Configure(InMemoryAuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Users.Add(new InMemoryUser { Email = "admin@example.com", Password = "Admin123!", Name = "Ada Admin", Roles = { "admin" } });
        options.Users.Add(new InMemoryUser { Email = "viewer@example.com", Password = "Viewer123!", Name = "Vic Viewer", Roles = { "viewer" } });
    }
}
