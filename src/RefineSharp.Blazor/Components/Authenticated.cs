using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.Logging;

namespace RefineSharp.Blazor;

/// <summary>
/// refine's <c>&lt;Authenticated&gt;</c> guard: renders <see cref="ChildContent"/> when the provider's check says the
/// user is authenticated, <see cref="Loading"/> while that is not known (always during prerendering), and otherwise
/// <see cref="Fallback"/> or a redirect to <see cref="RedirectOnFail"/> (else the check's RedirectTo) with the
/// current path as <c>?to=</c>. It renders the cascaded <see cref="RefineAuthState"/> (the one snapshot every auth
/// component shares, ADR 0007) and asks the engine itself only for a check with <see cref="Params"/>. A check that
/// throws or hangs counts as not authenticated, and so does a missing auth provider (logged as an error): the
/// protected content is never shown by mistake.
/// </summary>
public sealed class Authenticated : ComponentBase, IDisposable
{
    private View _view = View.Loading;
    private CheckResult _result = CheckResult.Fail();
    private bool _fallbackSet;
    private bool _disposed;
    private long _handledVersion;
    private long _mountedAt = long.MaxValue;
    private long _queriedVersion = -1;
    private IReadOnlyDictionary<string, object?>? _queriedParams;
    private bool _queryAnswered;
    private CancellationTokenSource? _cancel;

    private enum View
    {
        Loading,
        Children,
        Fallback,
        Nothing,
    }

    /// <summary>What to show when the user is authenticated.</summary>
    [Parameter]
    public RenderFragment? ChildContent { get; set; }

    /// <summary>What to show while the check runs and during prerendering (default: nothing).</summary>
    [Parameter]
    public RenderFragment? Loading { get; set; }

    /// <summary>
    /// What to show when the user is not authenticated, given the check's answer. Setting it, even to an empty
    /// fragment or null, turns the redirect off (refine's <c>fallback</c>).
    /// </summary>
    [Parameter]
    public RenderFragment<CheckResult>? Fallback { get; set; }

    /// <summary>Where to send an unauthenticated user; wins over the check's RedirectTo. Ignored unless it is a local path.</summary>
    [Parameter]
    public string? RedirectOnFail { get; set; }

    /// <summary>False to never navigate away (render nothing instead). Default: true.</summary>
    [Parameter]
    public bool Redirect { get; set; } = true;

    /// <summary>Whether the redirect carries the current path and query as <c>?to=</c> (none at "/"). Default: true.</summary>
    [Parameter]
    public bool AppendCurrentPathToQuery { get; set; } = true;

    /// <summary>Values passed to the check as <see cref="AuthRequest.Extra"/> (refine's <c>params</c>).</summary>
    [Parameter]
    public IReadOnlyDictionary<string, object?>? Params { get; set; }

    [CascadingParameter]
    private RefineAuthState? State { get; set; }

    private AuthManager Auth => RefineServices.Require<AuthManager>(Services);

    private INavigator Navigator => RefineServices.Require<INavigator>(Services);

    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    [Inject]
    private ILoggerFactory LoggerFactory { get; set; } = default!;

    private RefineAuthStateSource Source => RefineServices.Require<RefineAuthStateSource>(Services);

    /// <inheritdoc />
    public override Task SetParametersAsync(ParameterView parameters)
    {
        // refine tells "fallback not given" from "fallback given as null": only the latter suppresses the redirect.
        _fallbackSet = parameters.TryGetValue<RenderFragment<CheckResult>?>(nameof(Fallback), out _);
        return base.SetParametersAsync(parameters);
    }

    /// <summary>Stops following the auth state and cancels a running check.</summary>
    public void Dispose()
    {
        _disposed = true;
        _cancel?.Cancel();
        _cancel?.Dispose();
    }

    /// <inheritdoc />
    protected override void OnInitialized() => _mountedAt = Source.LatestVersion;

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        var monitor = RefineServices.Require<InteractivityMonitor>(Services);
        if (!RendererInfo.IsInteractive && !monitor.IsInteractive)
        {
            // Prerendering with browser-held tokens: neither the login page nor protected content may flash; the
            // provider is not asked. (With server-side sessions the monitor counts as interactive and this is skipped.)
            _view = View.Loading;
            return;
        }

        monitor.MarkInteractive();
        if (!Auth.IsProvided)
        {
            // refine renders the children when no auth provider exists; RefineSharp fails closed (ADR 0002 item 7):
            // the fallback or nothing, never the protected content, and a log line that names the fix.
            BlazorLog.NoAuthProvider(LoggerFactory.CreateLogger<Authenticated>(), nameof(Authenticated));
            // The details stay in the log: they are for the developer, not for the visitor a fallback talks to.
            _result = CheckResult.Fail();
            _view = _fallbackSet ? View.Fallback : View.Nothing;
            return;
        }

        // The guard renders the cascaded snapshot (ADR 0007); it asks the engine itself only for a check with Params.
        var state = State ?? Source.Current;
        if (state.IsLoading)
        {
            _view = View.Loading;

            // Starts the scope's first load and keeps a server-side render waiting for it; the answer itself arrives
            // through the cascade, in the same render as every other consumer's.
            await Source.GetStateAsync();
            return;
        }

        var result = Params is null ? state.Check ?? CheckResult.Fail() : await CheckWithParamsAsync(state);
        if (result is not null && !_disposed)
        {
            await ApplyAsync(result, state);
        }
    }

    /// <inheritdoc />
    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        var content = _view switch
        {
            View.Loading => Loading,
            View.Children => ChildContent,
            View.Fallback => Fallback?.Invoke(_result),
            _ => null,
        };
        Diagnostics.RefineRoot.Gate(builder, content, this, needsInteractivity: true);
    }

    /// <summary>The check with this guard's Params for <paramref name="state"/>'s version (the engine caches it); null when superseded.</summary>
    private async Task<CheckResult?> CheckWithParamsAsync(RefineAuthState state)
    {
        if (state.Version == _queriedVersion && ReferenceEquals(Params, _queriedParams))
        {
            // Answered already: the same answer. Still on its way: the evaluation that asked applies it.
            return _queryAnswered ? _result : null;
        }

        _queryAnswered = false;

        (_queriedVersion, _queriedParams) = (state.Version, Params);
        _cancel?.Cancel();
        _cancel?.Dispose();
        _cancel = new CancellationTokenSource();
        var pending = Auth.CheckAsync(Params is null ? null : new CheckRequest { Extra = Params }, _cancel.Token);
        if (!pending.IsCompleted)
        {
            _view = View.Loading;
        }

        CheckResult result;
        try
        {
            result = await pending;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
        catch (Exception ex)
        {
            // Fail closed: a broken check never shows the protected content.
            BlazorLog.AuthStateFailed(LoggerFactory.CreateLogger<Authenticated>(), ex);
            result = CheckResult.Fail(error: AuthError.FromException(ex));
        }

        // A newer snapshot or other Params arrived meanwhile: their own evaluation decides.
        if (state.Version != _queriedVersion || !ReferenceEquals(Params, _queriedParams))
        {
            return null;
        }

        _queryAnswered = true;
        return result;
    }

    private async Task ApplyAsync(CheckResult result, RefineAuthState state)
    {
        _result = result;
        if (result.Authenticated)
        {
            _view = View.Children;
            return;
        }

        _view = _fallbackSet ? View.Fallback : View.Nothing;

        // Logout and redirect happen once per snapshot, not on every re-render with the same state, and never on a
        // snapshot that a newer change is replacing: after an interactive login the page it navigates to still shows
        // the signed-out snapshot for a moment, and redirecting to the login page on it would undo the login.
        if (state.Version <= _handledVersion || Source.IsSuperseded(state))
        {
            return;
        }

        _handledVersion = state.Version;

        // Honoured once per session: a provider that keeps answering "log out" for an anonymous visitor must not cause
        // a logout in every guard and on every check.
        if (result.Logout && !Auth.HasSessionEnded)
        {
            // Clear stored credentials first (starting the logout ends the session at once, so no other guard starts
            // one); the logout's state change brings the next snapshot, whose evaluation redirects.
            await Auth.LogoutAsync(new LogoutRequest { SuppressRedirect = true });

            // A server-side render ends with its components' tasks: the logout's snapshot would reach the cascade after
            // the response was sent (a 200 with nothing in it instead of the redirect). A static render therefore waits
            // for that snapshot and decides on it here; its redirect becomes the response's redirect.
            if (!RendererInfo.IsInteractive && Params is null && await Source.GetStateAsync() is { IsLoading: false, Check: { } next } newer
                && newer.Version > state.Version && !_disposed)
            {
                await ApplyAsync(next, newer);
            }

            return;
        }

        // The engine is about to navigate (login, logout or register with a redirect): redirecting too would race it,
        // for example turning a logout's "/login" into "/login?to=<this page>". That holds for a guard on the page being
        // left (mounted before the change); one mounted later, on a page visited afterwards, redirects as usual.
        var engineNavigatesAway = state.RedirectingTo is not null && _mountedAt < state.Version;
        if (_fallbackSet || !Redirect || engineNavigatesAway)
        {
            return;
        }

        var target = Local(RedirectOnFail) ?? Local(result.RedirectTo);
        if (target is null)
        {
            return;
        }

        ReturnPath.Redirect(Navigator, target, Auth.Options.ReturnPathParameter, AppendCurrentPathToQuery);
    }

    private string? Local(string? target)
    {
        if (string.IsNullOrEmpty(target))
        {
            return null;
        }

        if (LocalRedirect.IsLocal(target))
        {
            return target;
        }

        BlazorLog.RedirectRejected(LoggerFactory.CreateLogger<Authenticated>(), target.Length > 200 ? target[..200] : target);
        return null;
    }
}
