using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.JSInterop;
using RefineSharp.Tokens;

namespace RefineSharp.Blazor;

/// <summary>
/// The browser's <see cref="ICrossContextLock"/>: a Web Locks API lock (<c>navigator.locks.request</c>) named after the
/// token storage key ("refine-sharp.refresh:" + key), so the tabs of one app, and only of that app, take turns.
/// Registered by <c>AddBrowserTokenStore()</c>. A holder that never releases (a circuit that dropped while the tab
/// stays open) loses the lock after <see cref="HoldLimit"/>. Where the lock is unavailable (no Web Locks in an
/// insecure context, prerendering, sessionStorage that no other tab shares) the action runs without it.
/// </summary>
internal sealed class BrowserRefreshLock : ICrossContextLock
{
    /// <summary>How long one holder may keep the lock before the browser side lets the next one in.</summary>
    public static readonly TimeSpan HoldLimit = TimeSpan.FromSeconds(60);

    private readonly RefineJsModule _module;
    private readonly BrowserStorageTokenStore _store;
    private readonly ILogger _logger;

    public BrowserRefreshLock(RefineJsModule module, BrowserStorageTokenStore store, ILogger<BrowserRefreshLock>? logger = null)
    {
        _module = module;
        _store = store;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>The Web Locks name: scoped like the storage key it protects.</summary>
    public string Name => _store.RefreshLockName;

    public async Task<T> RunExclusiveAsync<T>(Func<CancellationToken, Task<T>> action, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (_store.Storage == BrowserStorageKind.Session)
        {
            // sessionStorage belongs to one tab: there is nobody to take turns with.
            return await action(cancellationToken);
        }

        var id = Guid.NewGuid().ToString("N");
        IJSObjectReference module;
        bool held;
        try
        {
            module = await _module.GetAsync(cancellationToken);
            held = await module.InvokeAsync<bool>("acquireLock", cancellationToken, Name, id, (int)HoldLimit.TotalMilliseconds);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The request may still be queued in the browser: withdraw it so it is never granted to nobody.
            _ = ReleaseQuietlyAsync(id);
            throw;
        }
        catch (Exception ex) when (RefineJsModule.IsUnavailable(ex))
        {
            BlazorLog.RefreshLockUnavailable(_logger);
            return await action(cancellationToken);
        }

        if (!held)
        {
            BlazorLog.RefreshLockUnavailable(_logger);
            return await action(cancellationToken);
        }

        try
        {
            return await action(cancellationToken);
        }
        finally
        {
            await ReleaseQuietlyAsync(id, module);
        }
    }

    private async Task ReleaseQuietlyAsync(string id, IJSObjectReference? module = null)
    {
        try
        {
            module ??= await _module.GetAsync();
            await module.InvokeVoidAsync("releaseLock", id);
        }
        catch (Exception ex) when (RefineJsModule.IsUnavailable(ex))
        {
            // The browser is gone or closing: it drops the lock with the tab, or after the hold limit.
        }
    }
}
