using System.Runtime.InteropServices.JavaScript;

namespace RefineSharp.WasmDemo.Client;

/// <summary>
/// Which mode the host runs in, read from the page's &lt;html data-wasm-mode&gt; before the app starts (the host
/// renders it; a page without it, such as a static file server, means standalone).
/// </summary>
public sealed class WasmClientMode
{
    private WasmClientMode(bool hosted) => IsHosted = hosted;

    /// <summary>True when the host keeps the session (server-side sessions, the API proxy).</summary>
    public bool IsHosted { get; }

    /// <summary>The mode for code that runs on the server (prerendering): the host registers its own instance.</summary>
    public static WasmClientMode Hosted { get; } = new(hosted: true);

    /// <summary>The standalone mode.</summary>
    public static WasmClientMode Standalone { get; } = new(hosted: false);

    /// <summary>Reads the attribute in the browser.</summary>
    [System.Runtime.Versioning.SupportedOSPlatform("browser")]
    internal static WasmClientMode ReadFromPage()
    {
        using var document = JSHost.GlobalThis.GetPropertyAsJSObject("document");
        using var root = document?.GetPropertyAsJSObject("documentElement");
        using var data = root?.GetPropertyAsJSObject("dataset");
        return string.Equals(data?.GetPropertyAsString("wasmMode"), "hosted", StringComparison.Ordinal) ? Hosted : Standalone;
    }
}
