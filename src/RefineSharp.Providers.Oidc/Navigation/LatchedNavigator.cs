namespace RefineSharp.Providers.Oidc.Navigation;

/// <summary>The app's <see cref="INavigator"/>, muted once the browser is on its way to the identity provider.</summary>
internal sealed class LatchedNavigator(INavigator inner, RedirectLatch latch) : INavigator
{
    public string CurrentUri => inner.CurrentUri;

    public void NavigateTo(string path, NavigationKind kind)
    {
        if (!latch.IsSet)
        {
            inner.NavigateTo(path, kind);
        }
    }

    /// <summary>Starts the redirect (a full page load: the path is registered as one), then mutes every later navigation.</summary>
    public void NavigateAndLatch(string path)
    {
        inner.NavigateTo(path, NavigationKind.Replace);
        latch.Set();
    }
}
