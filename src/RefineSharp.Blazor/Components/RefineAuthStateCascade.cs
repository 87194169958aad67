using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Rendering;

namespace RefineSharp.Blazor;

/// <summary>
/// Cascades the snapshot of <see cref="RefineAuthStateSource"/> to its children twice, as <see cref="RefineAuthState"/>
/// and as the <c>Task&lt;AuthenticationState&gt;</c> that <c>AuthorizeView</c> and <c>AuthorizeRouteView</c> read, and
/// re-renders when a newer snapshot arrives. Because both values change in this one component's render, every
/// consumer below it (<see cref="Authenticated"/>, <see cref="AuthIdentity{TIdentity}"/>,
/// <see cref="AuthPermissions{TPermissions}"/>, <c>AuthorizeView</c>, cascaded state) moves to the new snapshot in the
/// same render batch. <see cref="Refine"/> renders it around the app; use it yourself in a render-mode island without
/// <see cref="Refine"/>.
/// </summary>
public sealed class RefineAuthStateCascade : ComponentBase, IDisposable
{
    private readonly RenderFragment _principal;
    private RefineAuthState _state = RefineAuthState.Unknown;
    private Task<AuthenticationState>? _first;

    // Kept to unsubscribe: when a server-rendered request ends, the scope is disposed before its components.
    private RefineAuthStateSource? _subscribed;

    /// <summary>Creates the component.</summary>
    public RefineAuthStateCascade() => _principal = BuildPrincipalCascade;

    /// <summary>The content that receives the state.</summary>
    [Parameter]
    public RenderFragment? ChildContent { get; set; }

    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    private RefineAuthStateSource Source => RefineServices.Require<RefineAuthStateSource>(Services);

    /// <summary>Stops following the state.</summary>
    public void Dispose()
    {
        if (_subscribed is { } source)
        {
            source.Changed -= OnChanged;
        }
    }

    /// <inheritdoc />
    protected override async Task OnInitializedAsync()
    {
        _subscribed = Source;
        _subscribed.Changed += OnChanged;
        if (RendererInfo.IsInteractive)
        {
            RefineServices.Require<InteractivityMonitor>(Services).MarkInteractive();
        }

        Adopt(Source.Current);

        // Starts the first load and keeps a server-side render waiting for it (the first HTML shows the real state).
        await Source.GetStateAsync();
        Adopt(Source.Current);
    }

    /// <inheritdoc />
    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenComponent<CascadingValue<RefineAuthState>>(0);
        builder.AddComponentParameter(1, nameof(CascadingValue<RefineAuthState>.Value), _state);
        builder.AddComponentParameter(2, nameof(CascadingValue<RefineAuthState>.ChildContent), _principal);
        builder.CloseComponent();
    }

    private void BuildPrincipalCascade(RenderTreeBuilder builder)
    {
        // AuthorizeView's principal is the same snapshot mapped by the claims bridge, never a separate query.
        var claims = RefineServices.Require<RefineAuthenticationStateProvider>(Services);

        // While the first snapshot is on its way AuthorizeView shows Authorizing, as the guards show Loading, rather than
        // its signed-out content. Where nothing will be asked (prerendering with browser-held tokens) it stays anonymous.
        var principal = _state.IsLoading && RefineServices.Require<InteractivityMonitor>(Services).IsInteractive
            ? _first ??= FirstPrincipalAsync(claims)
            : claims.Map(_state);
        builder.OpenComponent<CascadingValue<Task<AuthenticationState>>>(0);
        builder.AddComponentParameter(1, nameof(CascadingValue<Task<AuthenticationState>>.Value), principal);
        builder.AddComponentParameter(2, nameof(CascadingValue<Task<AuthenticationState>>.ChildContent), Diagnostics.RefineRoot.Wrap(ChildContent));
        builder.CloseComponent();
    }

    private async Task<AuthenticationState> FirstPrincipalAsync(RefineAuthenticationStateProvider claims) =>
        await claims.Map(await Source.GetStateAsync());

    /// <summary>Keeps <paramref name="state"/> when it is newer than the one shown; an older snapshot never comes back.</summary>
    private bool Adopt(RefineAuthState state)
    {
        if (state.Version <= _state.Version)
        {
            return false;
        }

        _state = state;
        return true;
    }

    private void OnChanged(object? sender, RefineAuthState state) => _ = InvokeAsync(() =>
    {
        if (Adopt(Source.Current))
        {
            StateHasChanged();
        }
    });
}
