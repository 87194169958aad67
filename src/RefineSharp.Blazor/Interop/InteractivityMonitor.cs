namespace RefineSharp.Blazor;

/// <summary>
/// Knows whether this DI scope renders interactively. A prerender scope never does; the first RefineSharp component
/// that renders interactively marks the scope, and only then do the claims bridge and the cascading auth state ask
/// the provider. In the browser (WebAssembly) every scope is interactive from the start (nothing prerenders there), so
/// <see cref="BecameInteractive"/> is never raised: whoever starts work on that event must also start it when
/// <see cref="IsInteractive"/> is already true. With <see cref="RefineBlazorOptions.ResolveDuringPrerender"/> (server-side
/// sessions) a server scope counts as interactive from the start too: the provider answers without JavaScript.
/// </summary>
internal sealed class InteractivityMonitor
{
    private int _interactive;

    /// <summary>Creates the monitor; <paramref name="interactiveFromStart"/> is true in the browser (WebAssembly).</summary>
    public InteractivityMonitor(bool interactiveFromStart) => _interactive = interactiveFromStart ? 1 : 0;

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
