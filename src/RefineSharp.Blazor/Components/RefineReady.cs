using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace RefineSharp.Blazor;

/// <summary>
/// Renders <c>&lt;span data-refine-interactive hidden&gt;</c> once the page is interactive (never during prerendering),
/// so browser tests can wait for it instead of sleeping: a click before the circuit attaches is lost.
/// </summary>
public sealed class RefineReady : ComponentBase
{
    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    /// <inheritdoc />
    protected override void OnInitialized()
    {
        if (RendererInfo.IsInteractive)
        {
            RefineServices.Require<InteractivityMonitor>(Services).MarkInteractive();
        }
    }

    /// <inheritdoc />
    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        if (!RendererInfo.IsInteractive)
        {
            return;
        }

        builder.OpenElement(0, "span");
        builder.AddAttribute(1, "data-refine-interactive", "true");
        builder.AddAttribute(2, "hidden", true);
        builder.CloseElement();
    }
}
