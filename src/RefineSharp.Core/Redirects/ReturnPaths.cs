namespace RefineSharp;

/// <summary>
/// Builds <c>?to=</c> return paths: the guard's "target?to=current page" and the "come back after your session ended"
/// of onError. Shared by the engine and the Blazor components so both agree on what "the current page" is.
/// </summary>
internal static class ReturnPaths
{
    /// <summary>The app-relative path and query of a navigator URI (absolute or relative), without the fragment.</summary>
    public static string PathAndQuery(string currentUri)
    {
        var hash = currentUri.IndexOf('#', StringComparison.Ordinal);
        var withoutFragment = hash < 0 ? currentUri : currentUri[..hash];
        if (Uri.TryCreate(withoutFragment, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            return absolute.PathAndQuery;
        }

        return withoutFragment.StartsWith('/') ? withoutFragment : "/" + withoutFragment;
    }

    /// <summary>
    /// The return path a guard adds (refine's <c>&lt;Authenticated&gt;</c>): an existing local <paramref name="parameter"/>
    /// of the current URI is kept, otherwise the current path and query; null at the root.
    /// </summary>
    public static string? ForGuard(string currentUri, string parameter)
    {
        var existing = QueryString.Parse(currentUri).GetValueOrDefault(parameter);
        if (LocalRedirect.IsLocal(existing))
        {
            return existing;
        }

        var path = PathAndQuery(currentUri);
        return path == "/" ? null : path;
    }

    /// <summary>The page to come back to after the session ended: the current path and query, or null at "/" or when not local.</summary>
    public static string? ForSessionEnd(string currentUri)
    {
        var path = PathAndQuery(currentUri);
        return path != "/" && LocalRedirect.IsLocal(path) ? path : null;
    }

    /// <summary>Appends <c>parameter=value</c> to <paramref name="target"/>, escaped; the target alone when there is no value.</summary>
    public static string Append(string target, string parameter, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return target;
        }

        var hash = target.IndexOf('#', StringComparison.Ordinal);
        var withoutFragment = hash < 0 ? target : target[..hash];
        var separator = withoutFragment.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        return $"{withoutFragment}{separator}{Uri.EscapeDataString(parameter)}={Uri.EscapeDataString(value)}";
    }

    /// <summary>
    /// Adds <paramref name="returnPath"/> to <paramref name="target"/> as <paramref name="parameter"/>, unless there is no
    /// target, the target already has one, or the return path is the target's own page.
    /// </summary>
    public static string? AppendUnlessOnTarget(string? target, string parameter, string? returnPath)
    {
        if (target is null || returnPath is null
            || QueryString.Parse(target).ContainsKey(parameter)
            || PathOnly(returnPath) == PathOnly(target))
        {
            return target;
        }

        var withReturn = Append(target, parameter, returnPath);
        return LocalRedirect.IsLocal(withReturn) ? withReturn : target;
    }

    private static string PathOnly(string value)
    {
        var end = value.IndexOfAny(['?', '#']);
        return end < 0 ? value : value[..end];
    }
}
