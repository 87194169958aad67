using Microsoft.Extensions.Options;

namespace RefineSharp.Blazor;

/// <summary>
/// Knows whether this DI scope renders interactively. A prerender scope never does; the first RefineSharp component
/// that renders interactively marks the scope, and only then do the claims bridge and the cascading auth state ask
/// the provider. In the browser (WebAssembly) every scope is interactive from the start, and so is a server scope when
/// <see cref="RefineBlazorOptions.ResolveDuringPrerender"/> is set.
/// </summary>
internal sealed class InteractivityMonitor
{
    private int _interactive;

    public InteractivityMonitor(IOptions<RefineBlazorOptions>? options = null)
    {
        // With server-side sessions the provider answers without JavaScript, so prerendering may ask it too.
        _interactive = OperatingSystem.IsBrowser() || options?.Value.ResolveDuringPrerender == true ? 1 : 0;
    }

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
