using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.FluentUI.AspNetCore.Components;
using MudBlazor;
using MudBlazor.Services;

namespace RefineSharp.Blazor.Tests.Kits;

/// <summary>The shared suite against the headless page and its own toasts.</summary>
public sealed class HeadlessAuthPageTests : AuthPageKitSuite<AuthPage>
{
    protected override Type NotificationOutlet => typeof(RefineNotifications);
}

/// <summary>The shared suite against MudBlazor's page, with refine's notifications in MudBlazor's snackbar.</summary>
public sealed class MudBlazorAuthPageTests : AuthPageKitSuite<RefineSharp.MudBlazor.AuthPage>
{
    public MudBlazorAuthPageTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddRefine().AddMudBlazorNotifications();
    }

    protected override Type NotificationOutlet => typeof(MudSnackbarProvider);
}

/// <summary>The shared suite against Fluent UI's page, with refine's notifications as Fluent toasts.</summary>
public sealed class FluentAuthPageTests : AuthPageKitSuite<RefineSharp.FluentUI.AuthPage>
{
    public FluentAuthPageTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddFluentUIComponents();
        Services.AddRefine().AddFluentUINotifications();
    }

    protected override Type NotificationOutlet => typeof(FluentProviders);
}
