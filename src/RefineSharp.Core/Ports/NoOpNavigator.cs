namespace RefineSharp;

/// <summary>The navigator used when the app registers none (console apps, tests): stays at "/" and goes nowhere.</summary>
internal sealed class NoOpNavigator : INavigator
{
    public string CurrentUri => "/";

    public void NavigateTo(string path, NavigationKind kind)
    {
        // No router: nothing to do.
    }
}
