using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace RefineSharp.Blazor;

/// <summary>
/// The root component refine's tutorial starts with (<c>&lt;Refine authProvider={...}&gt;</c>): uses
/// <see cref="AuthProvider"/> when given (otherwise the one registered in DI), renders the children inside
/// <see cref="RefineAuthStateCascade"/> (one auth state for every component below), then the notification outlet,
/// cross-tab sync and the readiness marker. Put it around the Router in Routes.razor.
/// </summary>
public sealed class Refine : ComponentBase
{
    /// <summary>The auth provider to use instead of the one registered in DI.</summary>
    [Parameter]
    public AuthProvider? AuthProvider { get; set; }

    /// <summary>The app (usually the Router).</summary>
    [Parameter]
    public RenderFragment? ChildContent { get; set; }

    /// <summary>Whether to render <see cref="RefineNotifications"/> after the children. Default: true.</summary>
    [Parameter]
    public bool Notifications { get; set; } = true;

    /// <summary>Whether to render <see cref="RefineCrossTabSync"/> (sign-in changes in other tabs). Default: true.</summary>
    [Parameter]
    public bool CrossTabSync { get; set; } = true;

    private AuthManager Auth => RefineServices.Require<AuthManager>(Services);

    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    /// <inheritdoc />
    protected override void OnParametersSet()
    {
        if (AuthProvider is not null)
        {
            Auth.UseProvider(AuthProvider);
        }

        if (RendererInfo.IsInteractive)
        {
            RefineServices.Require<InteractivityMonitor>(Services).MarkInteractive();
        }
    }

    /// <inheritdoc />
    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        // One cascade for the whole app: every auth-state consumer below moves to a new snapshot in the same render.
        builder.OpenComponent<RefineAuthStateCascade>(0);
        builder.AddComponentParameter(1, nameof(RefineAuthStateCascade.ChildContent), ChildContent);
        builder.CloseComponent();
        if (Notifications)
        {
            builder.OpenComponent<RefineNotifications>(2);
            builder.CloseComponent();
        }

        if (CrossTabSync)
        {
            builder.OpenComponent<RefineCrossTabSync>(3);
            builder.CloseComponent();
        }

        builder.OpenComponent<RefineReady>(4);
        builder.CloseComponent();
    }
}
