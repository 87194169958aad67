namespace RefineSharp.KitsDemo;

/// <summary>
/// The sign-in pages. With RenderMode=Server they are static server-rendered forms that post (server-side sessions
/// sign in within that request, docs/adr/0006); every other page is Interactive Server. The engine reaches them with
/// a full page load (AddServerSessions adds them to FullPageLoadPaths). The pages themselves carry no
/// [ExcludeFromInteractiveRouting], so the WebAssembly mode's router finds them in the browser.
/// </summary>
internal static class SignInPages
{
    private static readonly HashSet<string> Paths = new(StringComparer.OrdinalIgnoreCase) { "/login", "/register", "/forgot-password", "/update-password" };

    public static bool Contains(PathString path) => Paths.Contains(path.Value?.TrimEnd('/') is { Length: > 0 } trimmed ? trimmed : "/");
}
