namespace RefineSharp.Blazor;

/// <summary>Builds "target?to=current" the way refine's guard does, keeping an existing local <c>?to=</c>.</summary>
internal static class ReturnPath
{
    /// <summary>
    /// Replaces the current page with <paramref name="target"/> (plus <c>?to=</c> when asked), unless that is where the
    /// app already is: a guard around its own login page must not navigate in a loop.
    /// </summary>
    public static void Redirect(INavigator navigator, string target, string parameter, bool appendCurrentPath)
    {
        var current = navigator.CurrentUri;
        var destination = appendCurrentPath ? Append(target, parameter, For(current, parameter)) : target;
        if (!string.Equals(destination, PathAndQuery(current), StringComparison.Ordinal))
        {
            navigator.NavigateTo(destination, NavigationKind.Replace);
        }
    }

    /// <summary>The path and query of <paramref name="currentUri"/> to come back to, or null at the root.</summary>
    public static string? For(string currentUri, string parameter)
    {
        var existing = QueryString.Parse(currentUri).GetValueOrDefault(parameter);
        if (LocalRedirect.IsLocal(existing))
        {
            return existing;
        }

        var path = PathAndQuery(currentUri);
        return path == "/" ? null : path;
    }

    /// <summary>Appends <c>parameter=value</c> to <paramref name="target"/>, escaped.</summary>
    public static string Append(string target, string parameter, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return target;
        }

        var separator = target.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        return $"{target}{separator}{Uri.EscapeDataString(parameter)}={Uri.EscapeDataString(value)}";
    }

    /// <summary>The app-relative path and query of a navigator URI, without the fragment.</summary>
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
}
