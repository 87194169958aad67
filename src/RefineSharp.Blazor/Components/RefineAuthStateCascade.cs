using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace RefineSharp.Blazor;

/// <summary>
/// Cascades the current <see cref="RefineAuthState"/> to its children and re-renders them when it changes.
/// <c>AddBlazor()</c> already cascades it to the whole app; use this component to scope it explicitly, for example in
/// a render-mode island of an app that registers the services without the root-level cascade.
/// </summary>
public sealed class RefineAuthStateCascade : ComponentBase, IDisposable
{
    private RefineAuthState _state = RefineAuthState.Unknown;

    /// <summary>The content that receives the state.</summary>
    [Parameter]
    public RenderFragment? ChildContent { get; set; }

    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    private RefineAuthStateSource Source => RefineServices.Require<RefineAuthStateSource>(Services);

    /// <summary>Stops following the state.</summary>
    public void Dispose() => Source.Changed -= OnChanged;

    /// <inheritdoc />
    protected override async Task OnInitializedAsync()
    {
        Source.Changed += OnChanged;
        if (RendererInfo.IsInteractive)
        {
            RefineServices.Require<InteractivityMonitor>(Services).MarkInteractive();
        }

        _state = Source.Current;
        var latest = await Source.GetStateAsync();
        _state = Source.Current.IsLoading ? latest : Source.Current;
    }

    /// <inheritdoc />
    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenComponent<CascadingValue<RefineAuthState>>(0);
        builder.AddComponentParameter(1, nameof(CascadingValue<RefineAuthState>.Value), _state);
        builder.AddComponentParameter(2, nameof(CascadingValue<RefineAuthState>.ChildContent), ChildContent);
        builder.CloseComponent();
    }

    private void OnChanged(object? sender, RefineAuthState state) => _ = InvokeAsync(() =>
    {
        _state = state;
        StateHasChanged();
    });
}
