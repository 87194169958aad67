using Microsoft.Extensions.DependencyInjection.Extensions;
using RefineSharp;
using RefineSharp.FluentUI;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Shows RefineSharp's notifications through Fluent UI Blazor.</summary>
public static class FluentUIRefineBuilderExtensions
{
    /// <summary>
    /// Adds RefineSharp's Blazor services (<c>AddBlazor()</c>, when not added yet) and sends refine's notifications to
    /// Fluent UI's toasts (<see cref="FluentToastNotificationService"/>) instead of RefineSharp's own. The app registers
    /// Fluent itself (<c>AddFluentUIComponents()</c>) and renders <c>&lt;FluentProviders /&gt;</c>; pass
    /// <c>Notifications="false"</c> to <c>&lt;Refine&gt;</c> so the headless outlet is not rendered too.
    /// </summary>
    public static RefineBuilder AddFluentUINotifications(this RefineBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddBlazor();
        builder.Services.TryAddScoped<FluentToastNotificationService>();
        builder.Services.Replace(ServiceDescriptor.Scoped<RefineSharp.INotificationService>(sp => sp.GetRequiredService<FluentToastNotificationService>()));
        return builder;
    }
}
