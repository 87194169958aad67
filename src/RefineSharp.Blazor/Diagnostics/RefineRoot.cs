using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace RefineSharp.Blazor.Diagnostics;

/// <summary>
/// Marks the content of <see cref="RefineAuthStateCascade"/> (and so of <see cref="Refine"/>) with a fixed, named
/// cascading value. A RefineSharp component without it above was rendered outside <c>&lt;Refine&gt;</c>: it still
/// receives the app-wide auth state, but no notification outlet shows its errors and no tab hears of sign-ins.
/// </summary>
internal static class RefineRoot
{
    /// <summary>The name of the cascading value (a name, so no app value of type bool is mistaken for it).</summary>
    public const string CascadeName = "RefineSharp.Diagnostics.InsideRefine";

    /// <summary>Wraps <paramref name="content"/> in the marker.</summary>
    public static RenderFragment Wrap(RenderFragment? content) => builder =>
    {
        builder.OpenComponent<CascadingValue<bool>>(0);
        builder.AddComponentParameter(1, nameof(CascadingValue<bool>.Name), CascadeName);
        builder.AddComponentParameter(2, nameof(CascadingValue<bool>.Value), true);
        builder.AddComponentParameter(3, nameof(CascadingValue<bool>.IsFixed), true);
        builder.AddComponentParameter(4, nameof(CascadingValue<bool>.ChildContent), content);
        builder.CloseComponent();
    };

    /// <summary>Renders <paramref name="content"/> of <paramref name="component"/> behind a <see cref="RefineSetupGate"/>.</summary>
    public static void Gate(RenderTreeBuilder builder, RenderFragment? content, IComponent component, bool needsInteractivity)
    {
        builder.OpenComponent<RefineSetupGate>(0);
        builder.AddComponentParameter(1, nameof(RefineSetupGate.Component), TagOf(component.GetType()));
        builder.AddComponentParameter(2, nameof(RefineSetupGate.NeedsInteractivity), needsInteractivity);
        builder.AddComponentParameter(3, nameof(RefineSetupGate.ChildContent), content);
        builder.CloseComponent();
    }

    /// <summary>Only the message (nothing in Production) for a component that renders its own content either way.</summary>
    public static RenderFragment Notice(IComponent component) => builder =>
    {
        builder.OpenComponent<RefineSetupGate>(0);
        builder.AddComponentParameter(1, nameof(RefineSetupGate.Component), TagOf(component.GetType()));
        builder.AddComponentParameter(2, nameof(RefineSetupGate.NoticeOnly), true);
        builder.CloseComponent();
    };

    /// <summary>The tag a developer writes for <paramref name="type"/>: AuthIdentity, not AuthIdentity`1.</summary>
    public static string TagOf(Type type) => type.Name.Split('`')[0];
}
