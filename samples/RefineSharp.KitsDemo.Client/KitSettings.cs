using Microsoft.Extensions.Configuration;

namespace RefineSharp.KitsDemo.Client;

/// <summary>
/// The look of the sample and where its pages run, chosen with the settings <c>Kit</c>, <c>Theme</c> and
/// <c>RenderMode</c> (command line, environment or appsettings). The browser app reads the same choice from the page.
/// </summary>
public sealed record KitSettings(UiKit Kit, bool Dark, KitRenderMode RenderMode = KitRenderMode.Server)
{
    /// <summary>Reads the settings; a value that is not one of the names fails at start, not silently shows another look.</summary>
    public static KitSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var kit = Parse(configuration["Kit"], UiKit.Headless, "Kit must be one of Headless, MudBlazor or Fluent.");
        var mode = Parse(configuration["RenderMode"], KitRenderMode.Server, "RenderMode must be Server or WebAssembly.");
        var theme = configuration["Theme"];
        var dark = string.Equals(theme, "dark", StringComparison.OrdinalIgnoreCase);
        if (!dark && theme is { Length: > 0 } && !string.Equals(theme, "light", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException("Theme must be Light or Dark.");
        }

        return new KitSettings(kit, dark, mode);
    }

    private static T Parse<T>(string? name, T fallback, string error)
        where T : struct, Enum =>
        name is { Length: > 0 }
            ? Enum.TryParse<T>(name, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(name, out _)
                ? parsed
                : throw new InvalidOperationException(error)
            : fallback;
}

/// <summary>The UI kits the sample can show its sign-in pages in.</summary>
public enum UiKit
{
    Headless,
    MudBlazor,
    Fluent,
}

/// <summary>
/// Where the pages run. Server: the sign-in pages are static forms that post, the rest Interactive Server.
/// WebAssembly: every page, the kits' sign-in pages included, runs in the browser and asks the host's session
/// endpoints (HostSessionAuthProvider); the session stays on the server.
/// </summary>
public enum KitRenderMode
{
    Server,
    WebAssembly,
}
