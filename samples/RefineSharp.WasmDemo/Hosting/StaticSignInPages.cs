namespace RefineSharp.WasmDemo.Hosting;

/// <summary>
/// The sign-in pages that the hosted mode serves as static server-rendered forms. Chosen by path rather than with
/// [ExcludeFromInteractiveRouting] on the pages: that attribute would also make the standalone mode's interactive
/// router reload them, and a reload ends the standalone mode's in-browser session.
/// </summary>
internal static class StaticSignInPages
{
    private static readonly string[] Paths = ["/login", "/register", "/forgot-password", "/update-password"];

    public static IReadOnlyList<string> All => Paths;

    public static bool Contains(PathString path) =>
        Paths.Any(p => path.Equals(p, StringComparison.OrdinalIgnoreCase) || path.Equals(p + "/", StringComparison.OrdinalIgnoreCase));
}
