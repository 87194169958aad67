namespace RefineSharp.Blazor;

/// <summary>Builds "target?to=current" the way refine's guard does, keeping an existing local <c>?to=</c>.</summary>
internal static class ReturnPath
{
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
