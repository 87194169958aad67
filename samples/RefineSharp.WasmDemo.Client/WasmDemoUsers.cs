using RefineSharp.Providers.InMemory;

namespace RefineSharp.WasmDemo.Client;

/// <summary>The demo's accounts, shared by the browser app and the host that prerenders its pages.</summary>
public static class WasmDemoUsers
{
    /// <summary>The admin's sign-in email.</summary>
    public const string AdminEmail = "ann@wasm.local";

    /// <summary>The admin's password.</summary>
    public const string AdminPassword = "Ann12345!";

    /// <summary>The viewer's sign-in email.</summary>
    public const string ViewerEmail = "bob@wasm.local";

    /// <summary>The viewer's password.</summary>
    public const string ViewerPassword = "Bob12345!";

    /// <summary>Adds Ann (admin) and Bob (viewer) to the in-memory provider's options.</summary>
    public static void Configure(InMemoryAuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Users.Add(new InMemoryUser { Email = AdminEmail, Password = AdminPassword, Name = "Ann Admin", Roles = { "admin" } });
        options.Users.Add(new InMemoryUser { Email = ViewerEmail, Password = ViewerPassword, Name = "Bob Viewer", Roles = { "viewer" } });
    }
}
