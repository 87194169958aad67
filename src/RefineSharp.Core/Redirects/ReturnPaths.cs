namespace RefineSharp;

/// <summary>Builds the <c>?to=</c> return path that brings a user back to the page where their session ended.</summary>
internal static class ReturnPaths
{
    /// <summary>The local path and query of <paramref name="currentUri"/>, or null at "/" or when it is not local.</summary>
    public static string? FromCurrentUri(string currentUri)
    {
        var pathAndQuery = Uri.TryCreate(currentUri, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https"
            ? absolute.PathAndQuery
            : StripFragment(currentUri);
        return pathAndQuery != "/" && LocalRedirect.IsLocal(pathAndQuery) ? pathAndQuery : null;
    }

    /// <summary>
    /// Adds <paramref name="returnPath"/> to <paramref name="target"/> as the parameter <paramref name="name"/>, unless
    /// there is no target, the target already has one, or the user is already on the target's page.
    /// </summary>
    public static string? Append(string? target, string name, string? returnPath)
    {
        if (target is null || returnPath is null)
        {
            return target;
        }

        if (QueryString.Parse(target).ContainsKey(name) || PathOf(returnPath) == PathOf(target))
        {
            return target;
        }

        var separator = target.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        var withReturn = StripFragment(target) + separator + name + "=" + Uri.EscapeDataString(returnPath);
        return LocalRedirect.IsLocal(withReturn) ? withReturn : target;
    }

    private static string PathOf(string value)
    {
        var end = value.IndexOfAny(['?', '#']);
        return end < 0 ? value : value[..end];
    }

    private static string StripFragment(string value)
    {
        var hash = value.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? value : value[..hash];
    }
}
