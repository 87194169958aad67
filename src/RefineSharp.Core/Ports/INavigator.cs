namespace RefineSharp;

/// <summary>The engine's view of the router: where the app is, and how to go somewhere else.</summary>
public interface INavigator
{
    /// <summary>The current URI (absolute, or a path with query); the engine reads <c>?to=</c> from it.</summary>
    string CurrentUri { get; }

    /// <summary>Goes to a local path that the engine has already validated.</summary>
    void NavigateTo(string path, NavigationKind kind);
}
