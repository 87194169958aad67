using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;
using RefineSharp.Tokens;

namespace RefineSharp.Blazor;

/// <summary>
/// Keeps open tabs of the app in step: a login, logout or sign-up in one tab makes the others invalidate their auth
/// store (and so re-check) at once, through a BroadcastChannel (or storage events where that is missing); a change of
/// the browser-stored tokens in another tab does the same. Starts after the first interactive render, never while
/// prerendering. <see cref="Refine"/> renders one; render it yourself only without <see cref="Refine"/>.
/// </summary>
public sealed class RefineCrossTabSync : ComponentBase, IAsyncDisposable
{
    private CrossTabCallback? _callback;
    private IJSObjectReference? _sync;
    private bool _disposed;

    [Inject]
    private AuthManager Auth { get; set; } = default!;

    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    [Inject]
    private IOptions<RefineBlazorOptions> Options { get; set; } = default!;

    [Inject]
    private ILoggerFactory LoggerFactory { get; set; } = default!;

    /// <summary>Stops listening to other tabs and releases the JavaScript objects.</summary>
    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        Auth.AuthStateChanged -= OnAuthStateChanged;
        var sync = _sync;
        _sync = null;
        if (sync is not null)
        {
            try
            {
                await sync.InvokeVoidAsync("dispose");
                await sync.DisposeAsync();
            }
            catch (Exception ex) when (RefineJsModule.IsUnavailable(ex))
            {
                // The tab is closing or the circuit is gone: the browser drops the listeners itself.
            }
        }

        _callback?.Dispose();
    }

    /// <inheritdoc />
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender || !RendererInfo.IsInteractive)
        {
            return;
        }

        RefineServices.Require<InteractivityMonitor>(Services).MarkInteractive();
        try
        {
            var module = await RefineServices.Require<RefineJsModule>(Services).GetAsync();
            _callback = new CrossTabCallback(Auth, LoggerFactory.CreateLogger<RefineCrossTabSync>());
            var sync = await module.InvokeAsync<IJSObjectReference?>("startSync", _callback.Reference, ChannelName(), WatchedKeys());
            if (sync is null)
            {
                // A test double without a module: nothing to listen to.
                return;
            }

            if (_disposed)
            {
                await sync.InvokeVoidAsync("dispose");
                await sync.DisposeAsync();
                return;
            }

            _sync = sync;
            Auth.AuthStateChanged += OnAuthStateChanged;
        }
        catch (Exception ex) when (RefineJsModule.IsUnavailable(ex))
        {
            BlazorLog.CrossTabSyncFailed(LoggerFactory.CreateLogger<RefineCrossTabSync>(), ex);
        }
    }

    // Scoped to the app's base path unless configured: two apps under one origin must not sign each other out.
    private string ChannelName() =>
        Options.Value.CrossTabChannel is { Length: > 0 } configured
            ? configured
            : AppStorageScope.Scoped(AppStorageScope.ChannelPrefix, RefineServices.Require<NavigationManager>(Services));

    // Tokens kept in localStorage announce themselves through storage events; sessionStorage is per tab.
    private string[] WatchedKeys() =>
        Services.GetService<ITokenStore>() is BrowserStorageTokenStore { Storage: BrowserStorageKind.Local } store ? [store.Key] : [];

    private void OnAuthStateChanged(object? sender, AuthStateChangedEventArgs e)
    {
        // Only this tab's own sign-in changes travel; an invalidation caused by another tab is never echoed back.
        if (e.Reason is not (AuthChangeReason.Login or AuthChangeReason.Logout or AuthChangeReason.Register) || _sync is not { } sync)
        {
            return;
        }

        _ = PostAsync(sync, e.Reason.ToString());
    }

    private async Task PostAsync(IJSObjectReference sync, string reason)
    {
        try
        {
            await sync.InvokeVoidAsync("post", reason);
        }
        catch (Exception ex) when (RefineJsModule.IsUnavailable(ex))
        {
            BlazorLog.JsUnavailable(LoggerFactory.CreateLogger<RefineCrossTabSync>(), "cross-tab post");
        }
    }
}
