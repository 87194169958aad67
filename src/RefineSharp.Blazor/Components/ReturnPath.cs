namespace RefineSharp.Blazor;

/// <summary>The guards' redirect: "target?to=current", built with Core's <see cref="ReturnPaths"/>.</summary>
internal static class ReturnPath
{
    /// <summary>
    /// Replaces the current page with <paramref name="target"/> (plus <c>?to=</c> when asked), unless that is where the
    /// app already is: a guard around its own login page must not navigate in a loop.
    /// </summary>
    public static void Redirect(INavigator navigator, string target, string parameter, bool appendCurrentPath)
    {
        var current = navigator.CurrentUri;
        var destination = appendCurrentPath ? ReturnPaths.Append(target, parameter, ReturnPaths.ForGuard(current, parameter)) : target;
        if (!string.Equals(destination, ReturnPaths.PathAndQuery(current), StringComparison.Ordinal))
        {
            navigator.NavigateTo(destination, NavigationKind.Replace);
        }
    }
}
