namespace RefineSharp.KitsDemo;

/// <summary>The look of the sample, chosen with the settings <c>Kit</c> and <c>Theme</c> (command line, environment or appsettings).</summary>
public sealed record KitSettings(UiKit Kit, bool Dark)
{
    public static KitSettings From(IConfiguration configuration)
    {
        // Names only: a typo must fail at start, not silently show another kit.
        var kit = configuration["Kit"] is { Length: > 0 } name
            ? Enum.TryParse<UiKit>(name, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(name, out _)
                ? parsed
                : throw new InvalidOperationException("Kit must be one of Headless, MudBlazor or Fluent.")
            : UiKit.Headless;
        var theme = configuration["Theme"];
        var dark = string.Equals(theme, "dark", StringComparison.OrdinalIgnoreCase);
        if (!dark && theme is { Length: > 0 } && !string.Equals(theme, "light", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException("Theme must be Light or Dark.");
        }

        return new KitSettings(kit, dark);
    }
}

/// <summary>The UI kits the sample can show its sign-in pages in.</summary>
public enum UiKit
{
    Headless,
    MudBlazor,
    Fluent,
}
