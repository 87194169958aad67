namespace RefineSharp.WasmDemo.Hosting;

/// <summary>
/// How the sample runs (WasmDemo:Mode). Hosted (the default): the provider runs on this server behind server-side
/// sessions, the browser holds only an HttpOnly cookie, and API calls go through the host's proxy. Standalone: the
/// whole auth stack runs in the browser with its tokens in localStorage, the weaker mode for a WebAssembly app
/// without a server of its own (docs/wasm-hosted.md).
/// </summary>
public enum WasmDemoMode
{
    /// <summary>Server-side sessions; the client is a <c>HostSessionAuthProvider</c>.</summary>
    Hosted,

    /// <summary>The in-memory provider and the browser token store, all in the browser.</summary>
    Standalone,
}

/// <summary>Reads <see cref="WasmDemoMode"/> from configuration.</summary>
public static class WasmDemoModes
{
    /// <summary>The configuration key.</summary>
    public const string Key = "WasmDemo:Mode";

    /// <summary>WasmDemo:Mode, Hosted when unset; anything but the two names stops the app (a typo must not pick a mode).</summary>
    public static WasmDemoMode From(IConfiguration configuration)
    {
        var value = configuration[Key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return WasmDemoMode.Hosted;
        }

        var name = Enum.GetNames<WasmDemoMode>().FirstOrDefault(n => string.Equals(n, value.Trim(), StringComparison.OrdinalIgnoreCase));
        return name is not null ? Enum.Parse<WasmDemoMode>(name) : throw new InvalidOperationException($"{Key} must be Hosted or Standalone.");
    }
}
