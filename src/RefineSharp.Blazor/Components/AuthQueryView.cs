using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.Logging;

namespace RefineSharp.Blazor;

/// <summary>
/// The base of <see cref="AuthIdentity{TIdentity}"/> and <see cref="AuthPermissions{TPermissions}"/>: asks the engine
/// once interactive (never during prerendering), shows <see cref="Loading"/> meanwhile, passes the answer to
/// <see cref="ChildContent"/>, and asks again after every auth state change. Without an auth provider it renders
/// nothing (and logs how to register one).
/// </summary>
/// <typeparam name="TValue">The type the provider returns.</typeparam>
public abstract class AuthQueryView<TValue> : ComponentBase, IDisposable
{
    private bool _loaded;
    private bool _noProvider;
    private bool _disposed;
    private long _version;
    private TValue? _value;
    private CancellationTokenSource? _cancel;

    /// <summary>What to show with the answer (null when the provider has none).</summary>
    [Parameter]
    public RenderFragment<TValue?>? ChildContent { get; set; }

    /// <summary>What to show while the answer is not known (and during prerendering).</summary>
    [Parameter]
    public RenderFragment? Loading { get; set; }

    /// <summary>Values passed to the provider as <see cref="AuthRequest.Extra"/> (refine's <c>params</c>).</summary>
    [Parameter]
    public IReadOnlyDictionary<string, object?>? Params { get; set; }

    /// <summary>The engine the answer comes from.</summary>
    [Inject]
    protected AuthManager Auth { get; set; } = default!;

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

    /// <summary>Asks the engine for the value.</summary>
    protected abstract ValueTask<TValue?> LoadAsync(CancellationToken cancellationToken);

    /// <summary>Unsubscribes and cancels a running query.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (!disposing || _disposed)
        {
            return;
        }

        _disposed = true;
        Auth.AuthStateChanged -= OnAuthStateChanged;
        _cancel?.Cancel();
        _cancel?.Dispose();
    }

    /// <inheritdoc />
    protected override void OnInitialized() => Auth.AuthStateChanged += OnAuthStateChanged;

    /// <inheritdoc />
    protected override Task OnParametersSetAsync() => RefreshAsync();

    /// <inheritdoc />
    protected override void BuildRenderTree(RenderTreeBuilder builder) =>
        builder.AddContent(0, _noProvider ? null : _loaded ? ChildContent?.Invoke(_value) : Loading);

    private async Task RefreshAsync()
    {
        var version = Interlocked.Increment(ref _version);
        if (!RendererInfo.IsInteractive && !RefineServices.Require<InteractivityMonitor>(Services).IsInteractive)
        {
            return;
        }

        RefineServices.Require<InteractivityMonitor>(Services).MarkInteractive();
        if (!Auth.IsProvided)
        {
            // Fail closed: without a provider there is no answer to show, so the children (which may assume one) stay
            // hidden; the log says how to fix it.
            BlazorLog.NoAuthProvider(LoggerFactory.CreateLogger(GetType()), GetType().Name);
            (_value, _loaded) = (default, false);
            _noProvider = true;
            return;
        }

        _noProvider = false;

        _cancel?.Cancel();
        _cancel?.Dispose();
        _cancel = new CancellationTokenSource();
        var pending = SafeLoadAsync(_cancel.Token);
        if (!pending.IsCompleted)
        {
            _loaded = false;
            StateHasChanged();
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

        if (version == Interlocked.Read(ref _version))
        {
            (_value, _loaded) = (value, true);
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
            // The provider returned another type than the component asked for: say so in the log, show no value.
            BlazorLog.AuthStateFailed(LoggerFactory.CreateLogger(GetType()), ex);
            return default;
        }
    }

    private void OnAuthStateChanged(object? sender, AuthStateChangedEventArgs e)
    {
        if (_disposed || e.Reason == AuthChangeReason.CheckChanged)
        {
            // A check answering differently does not change the cached identity or permissions.
            return;
        }

        _ = InvokeAsync(async () =>
        {
            if (_disposed)
            {
                return;
            }

            await RefreshAsync();
            StateHasChanged();
        });
    }
}
