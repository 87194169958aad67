using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.Logging;

namespace RefineSharp.Blazor;

/// <summary>
/// The base of <see cref="AuthIdentity{TIdentity}"/> and <see cref="AuthPermissions{TPermissions}"/>: renders its part
/// of the cascaded <see cref="RefineAuthState"/> (the one snapshot every auth component shares, ADR 0007), so it
/// changes in the same render as the guards and <c>AuthorizeView</c>. With <see cref="Params"/> it asks the engine
/// (cached) once per snapshot. Shows <see cref="Loading"/> while nothing is known (always during prerendering with
/// browser-held tokens); a signed-out user has no value (null). Without an auth provider it renders nothing (and logs
/// how to register one).
/// </summary>
/// <typeparam name="TValue">The type the provider returns.</typeparam>
public abstract class AuthQueryView<TValue> : ComponentBase, IDisposable
{
    private bool _loaded;
    private bool _noProvider;
    private bool _disposed;
    private long _queriedVersion = -1;
    private IReadOnlyDictionary<string, object?>? _queriedParams;
    private TValue? _value;
    private CancellationTokenSource? _cancel;

    /// <summary>What to show with the answer (null when the provider has none, or nobody is signed in).</summary>
    [Parameter]
    public RenderFragment<TValue?>? ChildContent { get; set; }

    /// <summary>What to show while the answer is not known (and during prerendering).</summary>
    [Parameter]
    public RenderFragment? Loading { get; set; }

    /// <summary>Values passed to the provider as <see cref="AuthRequest.Extra"/> (refine's <c>params</c>).</summary>
    [Parameter]
    public IReadOnlyDictionary<string, object?>? Params { get; set; }

    /// <summary>The engine the answer comes from.</summary>
    protected AuthManager Auth { get => field ?? RefineServices.Require<AuthManager>(Services); set; }

    [CascadingParameter]
    private RefineAuthState? State { get; set; }

    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    [Inject]
    private ILoggerFactory LoggerFactory { get; set; } = default!;

    /// <summary>Stops following the auth state.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Takes the value from the shared snapshot (used when no <see cref="Params"/> are given).</summary>
    protected abstract TValue? Select(RefineAuthState state);

    /// <summary>Asks the engine for the value with <see cref="Params"/> (its answers are cached per parameters).</summary>
    protected abstract ValueTask<TValue?> LoadAsync(CancellationToken cancellationToken);

    /// <summary>Cancels a running query.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (!disposing || _disposed)
        {
            return;
        }

        _disposed = true;
        _cancel?.Cancel();
        _cancel?.Dispose();
    }

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        var monitor = RefineServices.Require<InteractivityMonitor>(Services);
        if (!RendererInfo.IsInteractive && !monitor.IsInteractive)
        {
            return;
        }

        monitor.MarkInteractive();
        if (!Auth.IsProvided)
        {
            // Fail closed: without a provider there is no answer to show, so the children (which may assume one) stay
            // hidden; the log says how to fix it.
            BlazorLog.NoAuthProvider(LoggerFactory.CreateLogger(GetType()), GetType().Name);
            (_value, _loaded, _noProvider) = (default, false, true);
            return;
        }

        _noProvider = false;
        var state = State ?? RefineServices.Require<RefineAuthStateSource>(Services).Current;
        if (state.IsLoading)
        {
            _loaded = false;

            // Starts the scope's first load and keeps a server-side render waiting; the answer arrives through the cascade.
            await RefineServices.Require<RefineAuthStateSource>(Services).GetStateAsync();
            return;
        }

        if (Params is null || !state.IsAuthenticated)
        {
            // Nobody signed in has no identity and no permissions: never one view signed in while another is signed out.
            (_value, _loaded) = (state.IsAuthenticated ? SafeSelect(state) : default, true);
            return;
        }

        if (state.Version == _queriedVersion && ReferenceEquals(Params, _queriedParams))
        {
            // Answered already, or still on its way (the evaluation that asked shows the answer).
            return;
        }

        (_queriedVersion, _queriedParams) = (state.Version, Params);
        _cancel?.Cancel();
        _cancel?.Dispose();
        _cancel = new CancellationTokenSource();
        var pending = SafeLoadAsync(_cancel.Token);
        if (!pending.IsCompleted)
        {
            // Not the previous snapshot's answer while this one's is on its way: that could be another user's.
            _loaded = false;
        }

        TValue? value;
        try
        {
            value = await pending;
        }
        catch (OperationCanceledException)
        {
            return;
        }

        if (!_disposed && state.Version == _queriedVersion && ReferenceEquals(Params, _queriedParams))
        {
            (_value, _loaded) = (value, true);
        }
    }

    /// <inheritdoc />
    protected override void BuildRenderTree(RenderTreeBuilder builder) =>
        Diagnostics.RefineRoot.Gate(builder, _noProvider ? null : _loaded ? ChildContent?.Invoke(_value) : Loading, this, needsInteractivity: true);

    private TValue? SafeSelect(RefineAuthState state)
    {
        try
        {
            return Select(state);
        }
        catch (InvalidCastException ex)
        {
            // The provider returned another type than the component asked for: say so in the log, show no value.
            BlazorLog.AuthStateFailed(LoggerFactory.CreateLogger(GetType()), ex);
            return default;
        }
    }

    private async ValueTask<TValue?> SafeLoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await LoadAsync(cancellationToken);
        }
        catch (InvalidCastException ex)
        {
            BlazorLog.AuthStateFailed(LoggerFactory.CreateLogger(GetType()), ex);
            return default;
        }
    }
}
