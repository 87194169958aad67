using System.Runtime.InteropServices.JavaScript;

namespace RefineSharp.KitsDemo.Client;

/// <summary>Reads the host's choice of kit and theme from the page (&lt;body data-kit data-theme&gt;) before the browser app starts.</summary>
internal static class KitPage
{
    [System.Runtime.Versioning.SupportedOSPlatform("browser")]
    public static KitSettings Read()
    {
        using var document = JSHost.GlobalThis.GetPropertyAsJSObject("document");
        using var body = document?.GetPropertyAsJSObject("body");
        using var data = body?.GetPropertyAsJSObject("dataset");
        var kit = Enum.TryParse<UiKit>(data?.GetPropertyAsString("kit"), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : UiKit.Headless;
        var dark = string.Equals(data?.GetPropertyAsString("theme"), "dark", StringComparison.Ordinal);
        return new KitSettings(kit, dark, KitRenderMode.WebAssembly);
    }
}
