using Microsoft.Extensions.DependencyInjection.Extensions;
using RefineSharp;
using RefineSharp.MudBlazor;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Shows RefineSharp's notifications through MudBlazor.</summary>
public static class MudBlazorRefineBuilderExtensions
{
    /// <summary>
    /// Adds RefineSharp's Blazor services (<c>AddBlazor()</c>, when not added yet) and sends refine's notifications to
    /// MudBlazor's snackbar (<see cref="MudSnackbarNotificationService"/>) instead of RefineSharp's own toasts. The app
    /// registers MudBlazor itself (<c>AddMudServices()</c>) and renders <c>&lt;MudSnackbarProvider /&gt;</c>; pass
    /// <c>Notifications="false"</c> to <c>&lt;Refine&gt;</c> so the headless outlet is not rendered too.
    /// </summary>
    public static RefineBuilder AddMudBlazorNotifications(this RefineBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddBlazor();
        builder.Services.TryAddScoped<MudSnackbarNotificationService>();
        builder.Services.Replace(ServiceDescriptor.Scoped<INotificationService>(sp => sp.GetRequiredService<MudSnackbarNotificationService>()));
        return builder;
    }
}
