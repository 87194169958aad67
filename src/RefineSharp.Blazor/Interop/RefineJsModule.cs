using Microsoft.JSInterop;

namespace RefineSharp.Blazor;

/// <summary>
/// Loads RefineSharp's own JavaScript module (wwwroot/refine-sync.js) once per scope. A failed import (prerendering,
/// a closed connection) is not remembered, so the next call tries again.
/// </summary>
internal sealed class RefineJsModule : IAsyncDisposable, IDisposable
{
    public const string Path = "./_content/RefineSharp.Blazor/refine-sync.js";

    private readonly IJSRuntime _js;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IJSObjectReference? _module;

    public RefineJsModule(IJSRuntime js) => _js = js;

    public async ValueTask<IJSObjectReference> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_module is { } loaded)
        {
            return loaded;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            return _module ??= await _js.InvokeAsync<IJSObjectReference>("import", cancellationToken, Path);
        }
        finally
        {
            _gate.Release();
        }
    }

    // A container disposed synchronously cannot await the browser; the module is released with the page then.
    public void Dispose() => _gate.Dispose();

    public async ValueTask DisposeAsync()
    {
        _gate.Dispose();
        if (_module is { } module)
        {
            try
            {
                await module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The browser is gone; nothing left to release.
            }
        }
    }

    /// <summary>True for the ways JS interop says "not available now": prerendering, a closed circuit, a script error.</summary>
    public static bool IsUnavailable(Exception exception) =>
        exception is InvalidOperationException or JSDisconnectedException or JSException or TaskCanceledException;
}
