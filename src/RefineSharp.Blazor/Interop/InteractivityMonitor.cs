namespace RefineSharp.Blazor;

/// <summary>
/// Knows whether this DI scope renders interactively. A prerender scope never does; the first RefineSharp component
/// that renders interactively marks the scope, and only then do the claims bridge and the cascading auth state ask
/// the provider. In the browser (WebAssembly) every scope is interactive from the start.
/// </summary>
internal sealed class InteractivityMonitor
{
    private int _interactive = OperatingSystem.IsBrowser() ? 1 : 0;

    /// <summary>Raised once, when the scope becomes interactive.</summary>
    public event Action? BecameInteractive;

    public bool IsInteractive => Volatile.Read(ref _interactive) == 1;

    public void MarkInteractive()
    {
        if (Interlocked.Exchange(ref _interactive, 1) == 0)
        {
            BecameInteractive?.Invoke();
        }
    }
}
