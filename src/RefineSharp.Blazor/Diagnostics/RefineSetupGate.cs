using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace RefineSharp.Blazor.Diagnostics;

/// <summary>
/// Renders a component's content, or, when the component was set up in a way that cannot work, a message instead:
/// in Development the message names the markup to add; elsewhere a generic text (no internals) and the content stays
/// hidden (fail closed). The message is logged as an error once per component in every environment.
/// </summary>
internal sealed class RefineSetupGate : ComponentBase
{
    private bool _logged;

    /// <summary>The content to render when the setup is right.</summary>
    [Parameter]
    public RenderFragment? ChildContent { get; set; }

    /// <summary>The tag the message names ("Authenticated", "AuthPage").</summary>
    [Parameter]
    public string Component { get; set; } = string.Empty;

    /// <summary>Whether the content can only work interactively (it waits for the provider's answer).</summary>
    [Parameter]
    public bool NeedsInteractivity { get; set; }

    /// <summary>Whether only the message is rendered, never the content (the component renders its own content).</summary>
    [Parameter]
    public bool NoticeOnly { get; set; }

    [CascadingParameter(Name = RefineRoot.CascadeName)]
    private bool InsideRefine { get; set; }

    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    /// <inheritdoc />
    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        var detail = SetupEnvironment.Detail(Services);
        if (detail == SetupDetail.Off || Find() is not { } problem)
        {
            if (!NoticeOnly)
            {
                builder.AddContent(0, ChildContent);
            }

            return;
        }

        var message = SetupMessages.For(problem, Component);
        if (!_logged)
        {
            _logged = true;
            DiagnosticsLog.SetupProblem(Services.GetRequiredService<ILoggerFactory>().CreateLogger<RefineSetupGate>(), message);
        }

        if (detail == SetupDetail.Developer)
        {
            builder.OpenElement(1, "div");
            builder.AddAttribute(2, "class", "refine-setup-error");
            builder.AddAttribute(3, "role", "alert");
            builder.AddAttribute(4, "data-refine-setup-error", SetupMessages.Code(problem));
            builder.AddContent(5, message);
            builder.CloseElement();
        }
        else if (!NoticeOnly)
        {
            // The visitor learns that something is wrong, not how the app is built.
            builder.OpenElement(6, "div");
            builder.AddAttribute(7, "role", "alert");
            builder.AddAttribute(8, "data-refine-setup-error", true);
            builder.AddContent(9, GenericText());
            builder.CloseElement();
        }
    }

    private SetupProblem? Find()
    {
        if (!InsideRefine)
        {
            return SetupProblem.NoRefine;
        }

        // Static server rendering (no render mode, not interactive) with the auth state in the browser: nothing will
        // ever answer. Prerendering has a render mode; server-side sessions mark the scope interactive from the start.
        var isStatic = AssignedRenderMode is null && !RendererInfo.IsInteractive;
        return NeedsInteractivity && isStatic && Services.GetService<InteractivityMonitor>() is { IsInteractive: false }
            ? SetupProblem.NotInteractive
            : null;
    }

    private string GenericText() =>
        Services.GetService<IStringLocalizer<RefineTexts>>() is { } texts ? texts[TextKeys.UnexpectedTitle] : "Something went wrong";
}
